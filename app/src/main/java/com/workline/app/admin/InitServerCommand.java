package com.workline.app.admin;

import com.workline.persistence.db.MigrationReport;
import com.workline.persistence.db.ServerBootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "init-server", mixinStandardHelpOptions = true,
        description = {
                "Prepare a PostgreSQL 15+ database for Workline: creates the database if it is missing, the owner and",
                "person roles, grants, extensions, then runs all migrations. Connect as a superuser (only this once).",
                "Safe to run again."},
        footerHeading = "%nExample:%n",
        footer = "  WORKLINE_ADMIN_PASSWORD=... workline admin init-server --url jdbc:postgresql://db:5432/workline --user postgres")
final class InitServerCommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;
    @Mixin
    DatabaseOptions database;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseOptions.Target target = database.open(admin.main.environment())) {
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
        return 0;
    }
}
