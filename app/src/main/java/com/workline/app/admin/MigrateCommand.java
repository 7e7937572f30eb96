package com.workline.app.admin;

import com.workline.persistence.db.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Bring the database schema up to this version of Workline (as the owner role).",
        footerHeading = "%nExample:%n",
        footer = "  WORKLINE_ADMIN_PASSWORD=... workline admin migrate --url jdbc:postgresql://db:5432/workline --user it_admin")
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;
    @Mixin
    DatabaseOptions database;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (DatabaseOptions.Target target = database.open(admin.main.environment())) {
            var report = target.embedded() != null ? target.embedded().migration()
                    : Migrations.migrate(target.admin(), target.roles());
            spec.commandLine().getOut().println(Reports.describe(report));
        }
        return 0;
    }
}
