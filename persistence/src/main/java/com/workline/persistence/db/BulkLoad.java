package com.workline.persistence.db;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generated data (demo and scale data) written as the owner role in bulk: the settings of each transaction and
 * COPY of tab-separated rows. Shared by the generators of every area.
 */
public final class BulkLoad {
    private BulkLoad() {
    }

    /**
     * Acts as the owner role in the connection's current transaction; as a superuser also skips triggers (the audit
     * trail of generated rows would double the work). SET LOCAL ends with each commit: call again after one.
     */
    public static void asOwner(Connection c, RoleNames roles) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("RESET ROLE");
            ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            if (rs.next() && rs.getBoolean(1)) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            s.execute("SET ROLE \"" + roles.owner() + "\"");
        }
    }

    /** Appends one tab-separated line ({@code \N} is NULL). */
    public static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(values[i]);
        }
        out.append('\n');
    }

    /** COPY ... FROM STDIN of the lines. */
    public static void copyIn(Connection c, String sql, StringBuilder rows) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
