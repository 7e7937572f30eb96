package com.workline.app.config;

import com.workline.app.embedded.DataFolders;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Resolves each setting from, in this order: command-line flags, environment variables, the per-user file,
 * the system-wide file, the built-in default (the embedded database). A key that the system-wide file names in
 * {@code locked} comes from that file alone (or the default when the file leaves it out): IT decides it, and a flag,
 * variable or per-user file that says otherwise is set aside with a notice. See docs/configuration.md.
 */
public final class ConfigurationResolver {
    /** Keys as written in the files; environment variables are WORKLINE_ + upper case with '_'. */
    public static final String SERVER_URL = "server.url";
    public static final String ROLE_PREFIX = "role-prefix";
    public static final String DATA_DIR = "data-dir";
    /** The system-wide file's list of keys that only it sets, separated by commas or spaces. */
    public static final String LOCKED = "locked";

    private final Map<String, String> flags;
    private final Function<String, String> environment;
    private final Properties userFile;
    private final Properties systemFile;
    private final Set<String> locked;
    private final Path systemFilePath;

    public ConfigurationResolver(Map<String, String> flags, Function<String, String> environment, Path userFile, Path systemFile) {
        this.flags = flags;
        this.environment = environment;
        this.userFile = load(userFile);
        this.systemFile = load(systemFile);
        this.systemFilePath = systemFile;
        this.locked = new TreeSet<>();
        for (String key : this.systemFile.getProperty(LOCKED, "").split("[,\\s]+")) {
            if (!key.isBlank()) {
                locked.add(key.strip());
            }
        }
    }

    public static ConfigurationResolver standard(Map<String, String> flags, Function<String, String> environment) {
        return new ConfigurationResolver(flags, environment, userFile(environment), systemFile(environment));
    }

    public Optional<String> value(String key) {
        if (locked.contains(key)) {
            return first(systemFile.getProperty(key));
        }
        return first(flags.get(key), environment.apply(variable(key)), userFile.getProperty(key), systemFile.getProperty(key));
    }

    /** The keys IT locked in the system-wide file. */
    public Set<String> locked() {
        return Set.copyOf(locked);
    }

    /** One sentence for each flag, variable or per-user setting that a lock set aside (for the log). */
    public List<String> setAside() {
        List<String> notices = new ArrayList<>();
        for (String key : locked) {
            String fromSystem = first(systemFile.getProperty(key)).orElse("the built-in default");
            if (first(flags.get(key)).isPresent()) {
                notices.add(notice(key, "the command-line flag", fromSystem));
            }
            if (first(environment.apply(variable(key))).isPresent()) {
                notices.add(notice(key, "the environment variable " + variable(key), fromSystem));
            }
            if (first(userFile.getProperty(key)).isPresent()) {
                notices.add(notice(key, "the per-user file", fromSystem));
            }
        }
        return notices;
    }

    private String notice(String key, String where, String value) {
        return "The setting " + key + " from " + where + " is ignored: it is locked by " + systemFilePath + " (" + value + ").";
    }

    private static String variable(String key) {
        return "WORKLINE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public ClientConfiguration resolve(boolean demo) {
        ServerAddress server = value(SERVER_URL).map(ServerAddress::parseJdbcUrl).orElse(null);
        RoleNames roles = new RoleNames(value(ROLE_PREFIX).orElse(RoleNames.DEFAULT_PREFIX));
        Path dataFolder = value(DATA_DIR).map(Path::of).orElseGet(DataFolders::userDataFolder);
        if (demo && server != null) {
            throw new IllegalArgumentException("--demo works only with the embedded database, but a company server is configured ("
                    + server.display() + ").");
        }
        return new ClientConfiguration(server, roles, dataFolder, demo, locked.contains(SERVER_URL));
    }

    private static Optional<String> first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return Optional.of(c.strip());
            }
        }
        return Optional.empty();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (file != null && Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the configuration file " + file, e);
            }
        }
        return properties;
    }

    static Path userFile(Function<String, String> env) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.startsWith("windows")) {
            return Path.of(Optional.ofNullable(env.apply("APPDATA")).orElse(home + "\\AppData\\Roaming"), "Workline", "workline.properties");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Workline", "workline.properties");
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("workline").resolve("workline.properties");
    }

    static Path systemFile(Function<String, String> env) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Path.of(Optional.ofNullable(env.apply("ProgramData")).orElse("C:\\ProgramData"), "Workline", "workline.properties");
        }
        if (os.startsWith("mac")) {
            return Path.of("/Library", "Application Support", "Workline", "workline.properties");
        }
        return Path.of("/etc", "workline", "workline.properties");
    }
}
