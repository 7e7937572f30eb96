package com.workline.app.admin;

import com.workline.persistence.db.Migrations;
import picocli.CommandLine.Command;


@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Bring the database schema up to this version of Workline (as the owner role).",
        footerHeading = "%nExample:%n",
        footer = "  WORKLINE_ADMIN_PASSWORD=... workline admin migrate --url jdbc:postgresql://db:5432/workline --user it_admin")
final class MigrateCommand extends AdminSubcommand {
    @Override
    void run(DatabaseOptions.Target target) {
        var report = target.embedded() != null ? target.embedded().migration()
                : Migrations.migrate(target.admin(), target.roles());
        out().println(Reports.describe(report));
    }
}
