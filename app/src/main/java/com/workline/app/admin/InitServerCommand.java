package com.workline.app.admin;

import com.workline.persistence.db.MigrationReport;
import com.workline.persistence.db.ServerBootstrap;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "init-server", mixinStandardHelpOptions = true,
        description = {
                "Prepare a PostgreSQL 15+ database for Workline: creates the database if it is missing, the owner and",
                "person roles, grants, extensions, then runs all migrations. Connect as a superuser (only this once).",
                "Safe to run again."},
        footerHeading = "%nExample:%n",
        footer = "  WORKLINE_ADMIN_PASSWORD=... workline admin init-server --url jdbc:postgresql://db:5432/workline --user postgres")
final class InitServerCommand extends AdminSubcommand {
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
    }
}
