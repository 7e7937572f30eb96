package com.workline.app.admin;

import com.workline.app.ClientVersion;
import com.workline.persistence.db.Migrations;
import com.workline.persistence.db.SchemaVersion;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Show this client's version and the database's schema and PostgreSQL versions.",
        footerHeading = "%nExample:%n", footer = "  workline admin version --url jdbc:postgresql://db:5432/workline --user it_admin")
final class VersionCommand extends AdminSubcommand {
    @Override
    void before() {
        out().println("Workline client:  " + ClientVersion.version() + " (expects schema " + SchemaVersion.EXPECTED + ")");
    }

    @Override
    void run(DatabaseOptions.Target target) {
        PrintWriter out = out();
        out.println("Database:         " + target.address().display()
                + (target.embedded() != null ? " (embedded, data in " + target.embedded().home() + ")" : ""));
        String serverVersion;
        try (Connection c = target.admin().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            serverVersion = rs.getString(1);
        } catch (SQLException e) {
            throw com.workline.persistence.db.DatabaseErrors.connecting(e, target.address());
        }
        out.println("PostgreSQL:       " + serverVersion);
        out.println("Schema version:   " + Migrations.installedVersion(target.admin(), target.roles())
                .map(String::valueOf).orElse("not initialised (run 'workline admin init-server')"));
    }
}
