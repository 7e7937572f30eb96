package com.workline.persistence.db;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prepares a PostgreSQL database for Workline ({@code workline admin init-server}): the owner and person
 * roles, database ownership and grants, extensions, then the migrations. Needs a superuser once.
 */
public final class ServerBootstrap {
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private ServerBootstrap() {
    }

    /** Creates the database through the maintenance database {@code postgres} when it does not exist yet. */
    public static boolean createDatabaseIfMissing(DataSource maintenance, String database) {
        requireDatabaseName(database);
        try (Connection c = maintenance.getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8' TEMPLATE template0");
            }
            return true;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Roles, grants and extensions (as superuser), then migrations (as the owner role). */
    public static MigrationReport initialise(DataSource superuser, String database, RoleNames roles) {
        return initialise(superuser, database, roles, null);
    }

    /** Up to {@code targetVersion} (null: the latest): an older target is for tests that need an older schema. */
    public static MigrationReport initialise(DataSource superuser, String database, RoleNames roles, Integer targetVersion) {
        requireDatabaseName(database);
        try (Connection c = superuser.getConnection()) {
            requireSuperuser(c);
            Optional<String> recorded = Migrations.recordedPrefix(c);
            if (recorded.isPresent() && !recorded.get().equals(roles.prefix())) {
                throw new WorklineException(Problem.INVALID_INPUT, Text.of("db.bootstrap.rolePrefixMismatch",
                        recorded.get()));
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(render(resource("db/bootstrap/server-roles.sql"), Map.of(
                        "owner_role", roles.owner(),
                        "person_role", roles.person(),
                        "role_prefix", roles.prefix(),
                        "database", database)));
            }
            c.commit();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        return Migrations.migrate(superuser, roles, targetVersion);
    }

    private static final Pattern LOGIN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Lets a connection pooler (PgBouncer's {@code auth_query}) sign each person in with their own password: creates or
     * updates the pooler's login with {@code password} and the lookup function {@code pgbouncer.user_lookup}, which
     * returns person logins' verifiers to that login only (db/bootstrap/pooler-sign-in.sql, docs/scale-out.md).
     */
    public static void enablePoolerSignIn(DataSource superuser, String database, RoleNames roles, String poolerLogin,
                                          char[] password) {
        requireDatabaseName(database);
        if (!LOGIN_NAME.matcher(poolerLogin).matches() || poolerLogin.startsWith(roles.prefix() + "_u_")
                || poolerLogin.equals(roles.owner()) || poolerLogin.equals(roles.person()) || poolerLogin.equals(roles.authLookup())) {
            throw new IllegalArgumentException("The pooler's login is lower-case letters, digits and underscores, and none "
                    + "of Workline's own role names: " + poolerLogin);
        }
        String verifier = org.postgresql.util.PasswordUtil.encodeScramSha256(password.clone());
        try (Connection c = superuser.getConnection()) {
            requireSuperuser(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(render(resource("db/bootstrap/pooler-sign-in.sql"), Map.of(
                        "lookup_role", roles.authLookup(),
                        "pooler_login", poolerLogin,
                        "pooler_verifier", verifier,
                        "person_role", roles.person(),
                        "role_prefix", roles.prefix(),
                        "database", database)));
            }
            c.commit();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Records the limits of person logins and applies them to every existing login (new ones get them when created). */
    public static int applyPersonLimits(DataSource superuser, RoleNames roles, PersonLimits limits) {
        try (Connection c = superuser.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE \"" + roles.owner() + "\"");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE meta.installation SET person_connection_limit = ?, person_statement_timeout = ?,
                           person_lock_timeout = ?, person_idle_in_transaction_timeout = ?""")) {
                ps.setInt(1, limits.connectionLimit());
                ps.setString(2, limits.statementTimeout());
                ps.setString(3, limits.lockTimeout());
                ps.setString(4, limits.idleInTransactionTimeout());
                ps.executeUpdate();
            }
            int logins;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sec.apply_login_limits_to_all()")) {
                rs.next();
                logins = rs.getInt(1);
            }
            c.commit();
            return logins;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    private static void requireSuperuser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new WorklineException(Problem.NOT_ALLOWED,
                        Text.of("db.bootstrap.superuserRequired"));
            }
        }
    }

    private static void requireDatabaseName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Database names are letters, digits and underscores: " + database);
        }
    }

    static String render(String sql, Map<String, String> placeholders) {
        String result = sql;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            result = result.replace("${" + p.getKey() + "}", p.getValue());
        }
        return result;
    }

    static String resource(String path) {
        try (InputStream in = ServerBootstrap.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
