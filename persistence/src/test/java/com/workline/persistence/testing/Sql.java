package com.workline.persistence.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Tiny JDBC helpers for tests. */
public final class Sql {
    private Sql() {
    }

    public static List<List<Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<Object>> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }

    public static List<List<Object>> rows(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return rows(c, sql, params);
        }
    }

    public static Object value(Connection c, String sql, Object... params) throws SQLException {
        List<List<Object>> rows = rows(c, sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public static Object value(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return value(c, sql, params);
        }
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        return ((Number) value(c, sql, params)).longValue();
    }

    public static long count(DataSource ds, String sql, Object... params) throws SQLException {
        return ((Number) value(ds, sql, params)).longValue();
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Selects the tenant for the rest of the session, as a hostile client might (not transaction-local). */
    public static void selectTenantForSession(Connection c, Object tenant) throws SQLException {
        value(c, "SELECT set_config('app.tenant_id', ?, false)", String.valueOf(tenant));
    }
}
