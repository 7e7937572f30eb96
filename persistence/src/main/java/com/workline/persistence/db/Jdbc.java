package com.workline.persistence.db;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain statements inside an area's units of work, for services that read and write with SQL rather than entities (catalog, quoting). */
public final class Jdbc {
    private Jdbc() {
    }

    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** {@code work} on the connection of the session's transaction (the tenant is set). */
    public static <T> T in(Session session, Work<T> work) {
        return session.doReturningWork(work::run);
    }

    /** One unit of work of the organization, on a plain connection. */
    public static <T> T write(TenantDatabase db, Work<T> work) {
        return db.inTenant(session -> in(session, work));
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    public static <T> T one(Connection c, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> rows = list(c, sql, mapper, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, parameters)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof java.time.LocalDate date) {
                ps.setObject(i + 1, date, java.sql.Types.DATE);
            } else if (value instanceof java.util.UUID[] ids) {
                ps.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else if (value instanceof Enum<?> e) {
                ps.setString(i + 1, e.name().toLowerCase(java.util.Locale.ROOT));
            } else {
                ps.setObject(i + 1, value);
            }
        }
        return ps;
    }

    /**
     * After an optimistic update changed no row: the row is gone ({@code notFoundKey}), someone saved it since
     * (the caller's conflict), or row-level security kept the person from changing it (not allowed).
     */
    public static WorklineException unchanged(Integer currentVersion, int expectedVersion, WorklineException conflict,
                                       WorklineException notFound) {
        if (currentVersion == null) {
            return notFound;
        }
        if (currentVersion != expectedVersion) {
            return conflict;
        }
        return new WorklineException(Problem.NOT_ALLOWED, Text.of("db.notAllowed"));
    }
}
