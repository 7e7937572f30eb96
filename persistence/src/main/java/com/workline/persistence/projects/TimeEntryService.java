package com.workline.persistence.projects;

import com.workline.persistence.common.Checks;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.TenantDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's time: the week, entries (the database sets rates, rounding, amounts and status, and refuses what the
 * person may not change: docs/time-rules.md), the running timer, last week's rows, re-rating (managers) and costs
 * (managers). Employees see and change only their own entries; a stale version throws
 * {@link TimeEntryConflictException} with the stored entry.
 */
public final class TimeEntryService {
    private static final String SELECT = """
            SELECT e.id, e.user_id, e.entry_date, e.started_at, e.ended_at, e.raw_minutes, e.billable_minutes, e.project_id,
                   p.number, p.name, e.task_id, t.name, e.service_category_id, e.description, e.billable, e.rounding_unit,
                   e.rounding_direction, e.billing_rate, round(e.amount, app.currency_digits(o.base_currency)), e.status, e.rejection_reason, e.approved_by, e.approved_at,
                   e.version
              FROM app.time_entries e
              JOIN app.organizations o ON o.id = e.organization_id
              JOIN app.projects p ON p.organization_id = e.organization_id AND p.id = e.project_id
              LEFT JOIN app.project_tasks t ON t.organization_id = e.organization_id AND t.id = e.task_id
            """;

    private final TenantDatabase db;
    private final UUID userId;

    public TimeEntryService(TenantDatabase db, UUID userId) {
        this.db = db;
        this.userId = userId;
    }

    // ------------------------------------------------------------------------------------------ reading

    /** The ISO week (Monday to Sunday) containing {@code anyDay} of a person ({@code person} null: the signed-in one). */
    public TimeWeek week(UUID person, LocalDate anyDay) {
        UUID who = person == null ? userId : person;
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        SqlBuilder.Positional statement = weekStatement(person, anyDay);
        List<TimeEntry> entries = db.readWith(c -> Jdbc.list(c, statement.sql(), TimeEntryService::entry,
                statement.parameters().toArray()));
        int[] days = new int[7];
        int billable = 0;
        for (TimeEntry e : entries) {
            days[e.entryDate().getDayOfWeek().getValue() - 1] += e.rawMinutes();
            billable += e.billable() ? e.billableMinutes() : 0;
        }
        List<Integer> dayMinutes = java.util.Arrays.stream(days).boxed().toList();
        return new TimeWeek(who, monday, entries, dayMinutes, dayMinutes.stream().mapToInt(Integer::intValue).sum(), billable);
    }

    /** The statement {@link #week} sends, with its binds (for benchmarks' baselines: the same SQL through plain JDBC). */
    public SqlBuilder.Positional weekStatement(UUID person, LocalDate anyDay) {
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        return new SqlBuilder.Positional(SELECT + """
                 WHERE e.organization_id = ? AND e.user_id = ? AND e.entry_date >= ? AND e.entry_date < ?
                 ORDER BY e.entry_date, p.sort_name, t.name NULLS FIRST, e.started_at NULLS FIRST, e.created_at, e.id""",
                List.of(db.currentTenant(), person == null ? userId : person, monday, monday.plusDays(7)));
    }

    public TimeEntry load(UUID entryId) {
        TimeEntry entry = db.readWith(c -> find(c, entryId));
        if (entry == null) {
            throw TimeSql.notFound("projects.time.notFound");
        }
        return entry;
    }

    private TimeEntry find(Connection c, UUID entryId) throws SQLException {
        return Jdbc.one(c, SELECT + " WHERE e.organization_id = ? AND e.id = ?", TimeEntryService::entry, db.currentTenant(),
                entryId);
    }

    /**
     * The project and task pairs the person booked in the week before {@code week}'s, on projects that still take time:
     * the rows a new week starts with (without hours).
     */
    public List<TimesheetRow> previousWeekRows(LocalDate week) {
        LocalDate monday = week.with(DayOfWeek.MONDAY).minusDays(7);
        return db.readWith(c -> Jdbc.list(c, """
                        SELECT DISTINCT p.id, p.number, p.name, t.id, t.name, p.sort_name
                          FROM app.time_entries e
                          JOIN app.projects p ON p.organization_id = e.organization_id AND p.id = e.project_id
                          LEFT JOIN app.project_tasks t ON t.organization_id = e.organization_id AND t.id = e.task_id
                         WHERE e.organization_id = ? AND e.user_id = ? AND e.entry_date >= ? AND e.entry_date < ?
                           AND p.status IN ('planning', 'active')
                         ORDER BY p.sort_name, p.id, t.name NULLS FIRST, t.id""",
                rs -> new TimesheetRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5)),
                db.currentTenant(), userId, monday, monday.plusDays(7)));
    }

    /** The costs of the entries, for managers and above (others get none: the database hides them). */
    public Map<UUID, TimeEntryCost> costs(Collection<UUID> entryIds) {
        Map<UUID, TimeEntryCost> costs = new LinkedHashMap<>();
        if (entryIds.isEmpty()) {
            return costs;
        }
        db.readWith(c -> {
            int digits = TimeSql.digits(c, db.currentTenant());
            return Jdbc.list(c, "SELECT time_entry_id, cost_rate, cost_amount FROM app.time_entry_costs "
                            + "WHERE organization_id = ? AND time_entry_id = ANY (?)",
                    rs -> costs.put(rs.getObject(1, UUID.class), new TimeEntryCost(rs.getObject(1, UUID.class),
                            rs.getBigDecimal(2) == null ? null : rs.getBigDecimal(2).stripTrailingZeros(),
                            TimeSql.money(rs.getBigDecimal(3), digits))),
                    db.currentTenant(), entryIds.toArray(UUID[]::new));
        });
        return costs;
    }

    // ------------------------------------------------------------------------------------------ writing

    /** Records time (a draft). The database resolves and freezes the rate and rounding and computes the amount. */
    public TimeEntry create(TimeEntryInput input) {
        validate(input);
        return Jdbc.write(db, c -> {
            UUID id = Jdbc.one(c, """
                            INSERT INTO app.time_entries (organization_id, user_id, entry_date, started_at, ended_at, raw_minutes,
                                                          project_id, task_id, service_category_id, description, billable)
                            VALUES (?, coalesce(?, sec.current_user_id()), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                    rs -> rs.getObject(1, UUID.class), db.currentTenant(), input.userId(), input.entryDate(), input.startedAt(),
                    input.endedAt(), rawMinutes(input), input.projectId(), input.taskId(), input.serviceCategoryId(),
                    Checks.blankToNull(input.description()), input.billable());
            return find(c, id);
        });
    }

    /**
     * Changes an entry, if nobody changed it since {@code version}; otherwise nothing is written and
     * {@link TimeEntryConflictException} carries the stored entry. A null {@code billable} keeps the entry's.
     */
    public TimeEntry update(UUID entryId, int version, TimeEntryInput input) {
        validate(input);
        return Jdbc.write(db, c -> {
            int changed = Jdbc.update(c, """
                            UPDATE app.time_entries SET user_id = coalesce(?, user_id), entry_date = ?, started_at = ?, ended_at = ?,
                                   raw_minutes = ?, project_id = ?, task_id = ?, service_category_id = ?, description = ?,
                                   billable = coalesce(?, billable), version = version + 1
                             WHERE organization_id = ? AND id = ? AND version = ?""",
                    input.userId(), input.entryDate(), input.startedAt(), input.endedAt(), rawMinutes(input), input.projectId(),
                    input.taskId(), input.serviceCategoryId(), Checks.blankToNull(input.description()), input.billable(),
                    db.currentTenant(), entryId, version);
            TimeEntry current = find(c, entryId);
            if (changed == 0) {
                throw unchanged(current, version);
            }
            return current;
        });
    }

    /** Deletes an entry, if nobody changed it since {@code version} (one's own open entries; managers: any not invoiced). */
    public void delete(UUID entryId, int version) {
        Jdbc.write(db, c -> {
            TimeEntry current = find(c, entryId);
            if (current == null || current.version() != version) {
                throw unchanged(current, version);
            }
            return Jdbc.one(c, "SELECT app.delete_time_entry(?, ?)", rs -> null, entryId, version);
        });
    }

    private static RuntimeException unchanged(TimeEntry current, int version) {
        if (current == null) {
            return TimeSql.notFound("projects.time.notFound");
        }
        if (current.version() != version) {
            return new TimeEntryConflictException(current);
        }
        return TimeSql.notAllowed();
    }

    /** Managers and above: rates the project's unbilled entries of the period again with today's cards. Returns how many. */
    public int rerate(UUID projectId, LocalDate from, LocalDate to) {
        Integer count = Jdbc.write(db, c -> Jdbc.one(c, "SELECT app.rerate_time_entries(?, ?, ?)", rs -> rs.getInt(1),
                projectId, from, to));
        return count == null ? 0 : count;
    }

    // ------------------------------------------------------------------------------------------ timer

    /** Starts a timer now (a running timer of the person stops first); the start is stored. */
    public TimeEntry startTimer(UUID projectId, UUID taskId, String description) {
        new ValidationException.Collector().require(projectId != null, "projectId", "projects.time.projectRequired")
                .check(description == null || description.length() <= 2000, "description", Text.of("field.text.tooLong", 2000))
                .throwIfAny();
        return Jdbc.write(db, c -> find(c, Jdbc.one(c, "SELECT app.start_timer(?, ?, ?)", rs -> rs.getObject(1, UUID.class),
                projectId, taskId, description)));
    }

    /** Stops the person's running timer; returns its entry, or null if none was running. */
    public TimeEntry stopTimer() {
        return Jdbc.write(db, c -> {
            UUID id = Jdbc.one(c, "SELECT app.stop_timer()", rs -> rs.getObject(1, UUID.class));
            return id == null ? null : find(c, id);
        });
    }

    /** The person's running timer in this organization, or null. */
    public TimeEntry runningTimer() {
        return db.readWith(c -> Jdbc.one(c, SELECT + """
                 WHERE e.organization_id = ? AND e.user_id = ? AND e.started_at IS NOT NULL AND e.ended_at IS NULL""",
                TimeEntryService::entry, db.currentTenant(), userId));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Integer rawMinutes(TimeEntryInput input) {
        if (input.rawMinutes() != null || input.startedAt() == null || input.endedAt() == null) {
            return input.rawMinutes() == null ? 0 : input.rawMinutes();
        }
        return (int) ((Duration.between(input.startedAt(), input.endedAt()).getSeconds() + 30) / 60);
    }

    private static void validate(TimeEntryInput input) {
        OffsetDateTime start = input.startedAt();
        OffsetDateTime end = input.endedAt();
        boolean ordered = start == null || end == null || !end.isBefore(start);
        Integer minutes = ordered ? rawMinutes(input) : null;
        new ValidationException.Collector()
                .require(input.entryDate() != null, "entryDate", "projects.time.dateRequired")
                .require(input.projectId() != null, "projectId", "projects.time.projectRequired")
                .require(ordered && (end == null || start != null), "endedAt", "projects.time.endBeforeStart")
                .require(minutes == null || minutes >= 0 && minutes <= 1440, "rawMinutes", "projects.time.minutesInvalid")
                .check(input.description() == null || input.description().length() <= 2000, "description",
                        Text.of("field.text.tooLong", 2000))
                .throwIfAny();
    }

    static TimeEntry entry(ResultSet rs) throws SQLException {
        return new TimeEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getInt(7),
                rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10), rs.getObject(11, UUID.class), rs.getString(12),
                rs.getObject(13, UUID.class), rs.getString(14), rs.getBoolean(15),
                RoundingRule.of((Integer) rs.getObject(16), rs.getString(17)),
                rs.getBigDecimal(18) == null ? null : rs.getBigDecimal(18).stripTrailingZeros(), rs.getBigDecimal(19),
                TimeStatus.of(rs.getString(20)), rs.getString(21), rs.getObject(22, UUID.class),
                rs.getObject(23, OffsetDateTime.class), rs.getInt(24));
    }
}
