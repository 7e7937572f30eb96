package com.workline.app;

import com.workline.app.admin.AdminCommand;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;

/** The {@code workline} command: without a subcommand it opens the desktop client; {@code admin} is for IT. */
@Command(name = "workline", mixinStandardHelpOptions = true, versionProvider = ClientVersion.Provider.class,
        description = "Workline: CRM, quoting, production, time tracking and invoicing for small and medium companies.")
public final class Main implements Runnable {
    private final Environment environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public Main(Environment environment) {
        this.environment = environment;
    }

    public Environment environment() {
        return environment;
    }

    @CommandLine.Option(names = "--demo", description = "Open the demo company (created on first use; embedded database only).")
    boolean demo;

    @CommandLine.Option(names = "--server-url", paramLabel = "JDBC_URL",
            description = "Company server, e.g. jdbc:postgresql://db.example.com:5432/workline (default: configuration files, else the embedded database).")
    String serverUrl;

    @CommandLine.Option(names = "--role-prefix", paramLabel = "PREFIX", description = "Role-name prefix of the Workline database.")
    String rolePrefix;

    @CommandLine.Option(names = "--data-dir", paramLabel = "FOLDER", description = "Data folder of the embedded database.")
    String dataDir;

    /**
     * Opens the desktop client with configuration from flags, environment, per-user and system-wide files.
     * From here on the process logs to {@code <data folder>/logs/workline.log} (see {@link DesktopApp#prepareProcess});
     * {@code workline admin} keeps logging warnings and errors to the console only.
     */
    @Override
    public void run() {
        java.util.Map<String, String> flags = new java.util.HashMap<>();
        if (serverUrl != null) {
            flags.put(com.workline.app.config.ConfigurationResolver.SERVER_URL, serverUrl);
        }
        if (rolePrefix != null) {
            flags.put(com.workline.app.config.ConfigurationResolver.ROLE_PREFIX, rolePrefix);
        }
        if (dataDir != null) {
            flags.put(com.workline.app.config.ConfigurationResolver.DATA_DIR, dataDir);
        }
        com.workline.app.config.ConfigurationResolver resolver = com.workline.app.config.ConfigurationResolver
                .standard(flags, name -> environment.variable(name).orElse(null));
        com.workline.app.desktop.DesktopApp.launch(resolver.resolve(demo), resolver.setAside());
    }

    /**
     * Builds the command line (subcommands {@code admin} and {@code help}) with plain-language error reporting and exit
     * codes (0 ok, 1 failed, 2 usage).
     */
    public static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main(environment));
        cli.addSubcommand(new AdminCommand());
        cli.addSubcommand(new CommandLine.HelpCommand());
        return handlingFailures(cli, out, err);
    }

    /**
     * Only the desktop client's own options: picocli's model of every admin command costs about a fifth of a second
     * at each start of the window (docs/performance.md, "Start-up").
     */
    static CommandLine desktopCommandLine(Environment environment, PrintWriter out, PrintWriter err) {
        return handlingFailures(new CommandLine(new Main(environment)), out, err);
    }

    /** Whether these arguments only open the window: no subcommand, no help or version, nothing mistyped. */
    static boolean opensWindowOnly(String[] args) {
        if (Arrays.stream(args).anyMatch(a -> a.equals("admin") || a.equals("help"))) {
            return false;
        }
        try {
            CommandLine.ParseResult parsed = new CommandLine(new Main(Environment.system())).parseArgs(args);
            return !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        } catch (CommandLine.ParameterException mistyped) {
            return false; // the full command line reports it, with "Did you mean: workline admin?"
        }
    }

    private static CommandLine handlingFailures(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (failure instanceof ValidationException invalid) {
                e.println("error: " + String.join(System.lineSeparator() + "       ",
                        invalid.fieldErrors().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).toList()));
            } else if (failure instanceof WorklineException || failure instanceof IllegalArgumentException
                    || failure instanceof IllegalStateException) {
                e.println("error: " + failure.getLocalizedMessage());
            } else {
                e.println("error: unexpected failure: " + failure);
                failure.printStackTrace(e);
            }
            e.flush();
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CommandLine cli = opensWindowOnly(args) ? desktopCommandLine(Environment.system(), out, err)
                : commandLine(Environment.system(), out, err);
        int exitCode = cli.execute(args);
        System.exit(exitCode);
    }
}
