package com.workline.persistence.db;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * Flyway, acting as the owner role: connected as a superuser or as a login that may SET ROLE to the
 * owner, every migration runs after {@code SET ROLE <owner>}, so the owner owns every object.
 */
public final class Migrations {
    private Migrations() {
    }

    public static MigrationReport migrate(DataSource admin, RoleNames roles) {
        return migrate(admin, roles, null);
    }

    /** Up to {@code targetVersion} (null: the latest); an older target is for tests that need an older schema. */
    public static MigrationReport migrate(DataSource admin, RoleNames roles, Integer targetVersion) {
        requireInitialised(admin, roles);
        Flyway flyway = targetVersion == null ? configure(admin, roles)
                : Flyway.configure().configuration(configure(admin, roles).getConfiguration())
                        .target(String.valueOf(targetVersion)).load();
        Integer before = currentVersion(flyway);
        try {
            MigrateResult result = flyway.migrate();
            Integer after = currentVersion(flyway);
            return new MigrationReport(before, after == null ? 0 : after, result.migrationsExecuted);
        } catch (RuntimeException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("db.migration.failed", String.valueOf(e.getMessage())), e);
        }
    }

    /** The version the database is at, or empty before the first migration. */
    public static Optional<Integer> installedVersion(DataSource admin, RoleNames roles) {
        return Optional.ofNullable(currentVersion(configure(admin, roles)));
    }

    /**
     * Whether this client has migrations to run on a database that Workline already uses (false for a new or
     * empty database, or one of another role prefix, which the migration refuses anyway). Plain SQL on Flyway's
     * history, compared with {@link SchemaVersion#EXPECTED}: cheap enough for every start.
     */
    public static boolean pendingOnExisting(DataSource admin, RoleNames roles) {
        try (Connection c = admin.getConnection()) {
            if (!recordedPrefix(c).map(roles.prefix()::equals).orElse(false)) {
                return false;
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT to_regclass('flyway.flyway_schema_history') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT max(version::int) FROM flyway.flyway_schema_history WHERE success AND version IS NOT NULL")) {
                rs.next();
                int installed = rs.getInt(1);
                return !rs.wasNull() && installed < SchemaVersion.EXPECTED;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    private static Flyway configure(DataSource admin, RoleNames roles) {
        return Flyway.configure()
                .dataSource(admin)
                .locations("classpath:db/migration")
                .defaultSchema("flyway")
                .createSchemas(true)
                .initSql("SET ROLE \"" + roles.owner() + "\"")
                .placeholders(Map.of(
                        "owner_role", roles.owner(),
                        "person_role", roles.person(),
                        "role_prefix", roles.prefix()))
                .validateMigrationNaming(true)
                .loggers("slf4j")
                .load();
    }

    private static Integer currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? null : Integer.valueOf(current.getVersion().getVersion());
    }

    private static void requireInitialised(DataSource admin, RoleNames roles) {
        try (Connection c = admin.getConnection()) {
            Optional<String> prefix = recordedPrefix(c);
            if (prefix.isEmpty()) {
                throw new WorklineException(Problem.SERVER_NOT_INITIALISED,
                        Text.of("db.migration.notInitialised"));
            }
            if (!prefix.get().equals(roles.prefix())) {
                throw new WorklineException(Problem.INVALID_INPUT, Text.of("db.migration.rolePrefixMismatch",
                        prefix.get(), roles.prefix()));
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    static Optional<String> recordedPrefix(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('meta.installation') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Optional.empty();
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT role_prefix FROM meta.installation")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
