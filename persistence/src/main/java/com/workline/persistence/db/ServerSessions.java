package com.workline.persistence.db;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What IT sees and does about the sessions on a Workline database ({@code workline admin sessions}): who is
 * connected, since when, in a transaction since when, what each session waits for and on whom, and ending
 * a person's session. Needs a superuser (or a login with pg_read_all_stats and pg_signal_backend): people
 * themselves cannot read these figures (docs/security-model.md, "Availability").
 */
public final class ServerSessions {
    private final DataSource admin;

    public ServerSessions(DataSource admin) {
        this.admin = admin;
    }

    /** One session: the person's e-mail where the login is a Workline person, else the role name. */
    public record Session(int pid, String login, String person, String application, String client,
                          OffsetDateTime connectedSince, OffsetDateTime transactionSince, String state,
                          String waitingFor, List<Integer> blockedBy, String query) {
    }

    public List<Session> list() {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT a.pid, a.usename, u.email, a.application_name, host(a.client_addr), a.backend_start, a.xact_start,
                       a.state, nullif(concat_ws(':', a.wait_event_type, a.wait_event), ''), pg_blocking_pids(a.pid),
                       left(regexp_replace(a.query, '\\s+', ' ', 'g'), 120)
                  FROM pg_stat_activity a
                  LEFT JOIN sec.users u ON u.login = a.usename
                 WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'
                 ORDER BY a.xact_start NULLS LAST, a.backend_start""")) {
            List<Session> sessions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer[] blockers = (Integer[]) rs.getArray(10).getArray();
                    sessions.add(new Session(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                            rs.getString(9), Arrays.asList(blockers), rs.getString(11)));
                }
            }
            return sessions;
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Ends a session of a Workline person on this database; other sessions (IT's, the server's) are refused. */
    public void end(int pid) {
        try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT pg_terminate_backend(a.pid)
                  FROM pg_stat_activity a JOIN sec.users u ON u.login = a.usename
                 WHERE a.pid = ? AND a.datname = current_database()""")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new WorklineException(Problem.NOT_FOUND,
                            Text.of("db.session.notFound", String.valueOf(pid)));
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }
}
