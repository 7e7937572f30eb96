package com.workline.persistence.projects;

import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.session.Role;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Weeks of time through approval: a person submits (or withdraws) a week; managers and above, or a project's manager
 * for the entries of their projects, approve it or reject it with a reason. The database's functions do it and check
 * who may (V13); nobody approves their own time except owners and administrators.
 */
public final class ApprovalService {
    private final TenantDatabase db;
    private final UUID userId;
    private final Role role;

    public ApprovalService(TenantDatabase db, UUID userId, Role role) {
        this.db = db;
        this.userId = userId;
        this.role = role;
    }

    /** Submits the person's draft and rejected entries of the week of {@code week}; returns how many. */
    public int submitWeek(LocalDate week) {
        return call("SELECT app.submit_week(?)", week);
    }

    /** Takes the person's submitted, not yet approved entries of the week back to draft; returns how many. */
    public int withdrawWeek(LocalDate week) {
        return call("SELECT app.withdraw_week(?)", week);
    }

    public int approve(UUID person, LocalDate week) {
        return call("SELECT app.approve_week(?, ?)", person, week);
    }

    /** Rejects the person's submitted or approved entries of the week; the reason is required and shown to the person. */
    public int reject(UUID person, LocalDate week, String reason) {
        new ValidationException.Collector().require(Checks.present(reason), "reason", "projects.approval.reasonRequired")
                .require(reason == null || reason.strip().length() <= 1000, "reason", "projects.approval.reasonTooLong")
                .throwIfAny();
        return call("SELECT app.reject_week(?, ?, ?)", person, week, reason.strip());
    }

    private int call(String sql, Object... parameters) {
        Integer count = Jdbc.write(db, c -> Jdbc.one(c, sql, rs -> rs.getInt(1), parameters));
        return count == null ? 0 : count;
    }

    /**
     * Submitted weeks the person may approve, oldest first (then by person): managers and above see everybody's, a
     * project's manager the entries of their projects; one's own weeks only owners and administrators.
     */
    public ApprovalPage queue(ApprovalRow after, int limit) {
        SqlBuilder.Positional statement = queueStatement(after, limit);
        List<ApprovalRow> rows = db.readWith(c -> Jdbc.list(c, statement.sql(),
                rs -> new ApprovalRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getLong(5), rs.getLong(6)),
                statement.parameters().toArray()));
        boolean more = rows.size() > limit;
        List<ApprovalRow> page = more ? rows.subList(0, limit) : rows;
        return new ApprovalPage(List.copyOf(page), more ? page.get(page.size() - 1) : null);
    }

    /** The statement {@link #queue} sends, with its binds (for benchmarks' baselines: the same SQL through plain JDBC). */
    public SqlBuilder.Positional queueStatement(ApprovalRow after, int limit) {
        boolean ownToo = role == Role.OWNER || role == Role.ADMIN;
        return new SqlBuilder.Positional("""
                SELECT q.user_id, %s, q.week, q.entries, q.minutes, q.billable_minutes
                  FROM (SELECT e.user_id, date_trunc('week', e.entry_date)::date AS week, count(*)::integer AS entries,
                               sum(e.raw_minutes) AS minutes,
                               sum(CASE WHEN e.billable THEN e.billable_minutes ELSE 0 END) AS billable_minutes
                          FROM app.time_entries e
                         WHERE e.organization_id = ? AND e.status = 'submitted' AND (? OR e.user_id <> ?)
                         GROUP BY 1, 2) q
                  JOIN sec.users u ON u.id = q.user_id
                 WHERE (?::date IS NULL OR (q.week, q.user_id) > (?::date, ?::uuid))
                 ORDER BY q.week, q.user_id LIMIT ?""".formatted(TimeSql.NAME_OF_U),
                java.util.Arrays.asList(db.currentTenant(), ownToo, userId, after == null ? null : after.weekStart(),
                        after == null ? null : after.weekStart(), after == null ? null : after.userId(), limit + 1));
    }

    /** What happened to a person's week, oldest first (the person's own, or as a manager anybody's). */
    public List<ApprovalEvent> history(UUID person, LocalDate week) {
        LocalDate monday = week.with(DayOfWeek.MONDAY);
        return db.readWith(c -> Jdbc.list(c, """
                        SELECT a.user_id, a.week_start, a.action, a.reason, a.entries, a.minutes, a.changed_by, %s, a.changed_at
                          FROM app.time_approval_events a LEFT JOIN sec.users u ON u.id = a.changed_by
                         WHERE a.organization_id = ? AND a.user_id = ? AND a.week_start = ?
                         ORDER BY a.changed_at, a.id""".formatted(TimeSql.NAME_OF_U),
                rs -> new ApprovalEvent(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getObject(7, UUID.class), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)),
                db.currentTenant(), person == null ? userId : person, monday));
    }
}
