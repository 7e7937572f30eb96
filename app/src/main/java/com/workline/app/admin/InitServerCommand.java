package com.workline.app.admin;

import com.workline.persistence.db.MigrationReport;
import com.workline.persistence.db.PersonLimits;
import com.workline.persistence.db.ServerBootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "init-server", mixinStandardHelpOptions = true,
        description = {
                "Prepare a PostgreSQL 15+ database for Workline: creates the database if it is missing, the owner and",
                "person roles, grants, extensions, then runs all migrations. Connect as a superuser (only this once).",
                "Safe to run again."},
        footerHeading = "%nExample:%n",
        footer = "  WORKLINE_ADMIN_PASSWORD=... workline admin init-server --url jdbc:postgresql://db:5432/workline --user postgres")
final class InitServerCommand extends AdminSubcommand {
    @Option(names = "--person-connection-limit", defaultValue = "20",
            description = "Connections one person login may hold at once. Default: ${DEFAULT-VALUE}.")
    int connectionLimit;
    @Option(names = "--person-statement-timeout", defaultValue = "5min",
            description = "Longest statement of a person before the server cancels it. Default: ${DEFAULT-VALUE}.")
    String statementTimeout;
    @Option(names = "--person-lock-timeout", defaultValue = "1min",
            description = "Longest wait of a person for a lock. Default: ${DEFAULT-VALUE}.")
    String lockTimeout;
    @Option(names = "--person-idle-in-transaction-timeout", defaultValue = "10min",
            description = "A person's session idle inside a transaction longer than this is ended. Default: ${DEFAULT-VALUE}.")
    String idleTimeout;
    @Option(names = "--pooler-login",
            description = {"Also let PgBouncer sign each person in (auth_query, docs/scale-out.md): creates or updates this",
                    "login, whose password comes from WORKLINE_POOLER_PASSWORD or a prompt, and the lookup function",
                    "pgbouncer.user_lookup that only it may call."})
    String poolerLogin;

    private PersonLimits limits;

    @Override
    void before() {
        limits = new PersonLimits(connectionLimit, statementTimeout, lockTimeout, idleTimeout);
    }

    @Override
    void run(DatabaseOptions.Target target) {
        PrintWriter out = out();
        MigrationReport report;
        if (target.embedded() != null) {
            report = target.embedded().migration();
        } else {
            if (ServerBootstrap.createDatabaseIfMissing(target.maintenance(), target.address().database())) {
                out.println("Created database " + target.address().database() + ".");
            }
            report = ServerBootstrap.initialise(target.admin(), target.address().database(), target.roles());
        }
        out.println("Workline database ready at " + target.address().display() + " (roles " + target.roles().owner()
                + ", " + target.roles().person() + ").");
        out.println(Reports.describe(report));
        int logins = ServerBootstrap.applyPersonLimits(target.admin(), target.roles(), limits);
        out.println("Person logins (" + logins + " now): at most " + limits.connectionLimit() + " connections each, statement timeout "
                + limits.statementTimeout() + ", lock timeout " + limits.lockTimeout() + ", idle in transaction "
                + limits.idleInTransactionTimeout() + ".");
        if (poolerLogin != null) {
            char[] password = environment().password("WORKLINE_POOLER_PASSWORD", "Password of the pooler login " + poolerLogin + ": ", true);
            ServerBootstrap.enablePoolerSignIn(target.admin(), target.address().database(), target.roles(), poolerLogin, password);
            out.println("PgBouncer may sign people in as " + poolerLogin
                    + ": auth_query = SELECT login, verifier FROM pgbouncer.user_lookup($1)");
        }
    }
}
