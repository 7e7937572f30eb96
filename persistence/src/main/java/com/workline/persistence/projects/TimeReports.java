package com.workline.persistence.projects;

import com.workline.persistence.csv.TableExport;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.session.Role;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntToLongFunction;
import java.util.function.ToIntFunction;

/**
 * Time reports of a period by person, project, customer, service category, week or month (billable against not, hours,
 * amounts, the budget of projects, costs for managers), and utilisation per person. Employees report on their own
 * entries only: the database shows them no one else's.
 */
public final class TimeReports {
    private final TenantDatabase db;
    private final UUID userId;
    private final Role role;

    public TimeReports(TenantDatabase db, UUID userId, Role role) {
        this.db = db;
        this.userId = userId;
        this.role = role;
    }

    /**
     * Run first in a report's transaction: the sums are planned for the actual period and filters each time. The JDBC
     * driver prepares a statement on the server after five runs, and PostgreSQL's generic plan of a report guesses a few
     * thousand entries for any period: for a year of a large organization it loops over an index per project and per
     * cost row, twice as slow as the plan for the real half a million rows (docs/performance.md, "Projects and time").
     */
    public static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    private boolean seesCosts() {
        return role == Role.OWNER || role == Role.ADMIN || role == Role.MANAGER;
    }

    /** The entries of {@code query}'s period added up by {@code grouping}, in the order of the label (periods by date). */
    public List<TimeReportRow> report(TimeReportQuery query, TimeReportGrouping grouping) {
        SqlBuilder.Positional statement = reportStatement(query, grouping);
        return db.readWith(c -> {
            Jdbc.update(c, CUSTOM_PLANS);
            int digits = TimeSql.digits(c, db.currentTenant());
            List<TimeReportRow> rows = Jdbc.list(c, statement.sql(), rs -> new TimeReportRow(rs.getObject(1, UUID.class),
                    rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                    TimeSql.money(rs.getBigDecimal(8), digits), TimeSql.money(rs.getBigDecimal(9), digits), null),
                    statement.parameters().toArray());
            return grouping == TimeReportGrouping.PROJECT ? withBudgets(c, rows, digits) : rows;
        });
    }

    /**
     * The statement {@link #report} sends for the sums, with its binds (for benchmarks' baselines; by project a second one
     * reads the budgets: {@link #budgetsStatement}).
     */
    public SqlBuilder.Positional reportStatement(TimeReportQuery query, TimeReportGrouping grouping) {
        String key = switch (grouping) {
            case PERSON -> "e.user_id";
            case PROJECT -> "e.project_id";
            case CUSTOMER -> "p.customer_id";
            case SERVICE_CATEGORY -> "e.service_category_id";
            case WEEK, MONTH -> "NULL::uuid";
        };
        String period = switch (grouping) {
            case WEEK -> "date_trunc('week', e.entry_date)::date";
            case MONTH -> "date_trunc('month', e.entry_date)::date";
            default -> "NULL::date";
        };
        // The label is joined to the sums (a few rows), not to every entry.
        String label = switch (grouping) {
            case PERSON -> "(SELECT " + TimeSql.NAME_OF_U + " FROM sec.users u WHERE u.id = a.key)";
            case PROJECT -> "(SELECT l.number || ' ' || l.name FROM app.projects l WHERE l.organization_id = ? AND l.id = a.key)";
            case CUSTOMER -> "(SELECT l.name FROM app.customers l WHERE l.organization_id = ? AND l.id = a.key)";
            case SERVICE_CATEGORY -> "(SELECT l.name FROM app.service_categories l WHERE l.organization_id = ? AND l.id = a.key)";
            case WEEK, MONTH -> "NULL::text";
        };
        List<Object> binds = new ArrayList<>();
        if (label.contains("?")) {
            binds.add(db.currentTenant());
        }
        binds.addAll(List.of(db.currentTenant(), query.from(), query.to()));
        StringBuilder where = new StringBuilder();
        filter(where, binds, "e.project_id", query.projectId());
        filter(where, binds, "p.customer_id", query.customerId());
        // People below managers see only their own entries anyway; saying so lets the person's index do the work.
        filter(where, binds, "e.user_id", seesCosts() ? query.userId() : userId);
        if (!seesCosts() && query.userId() != null && !query.userId().equals(userId)) {
            where.append(" AND false");
        }
        filter(where, binds, "e.service_category_id", query.serviceCategoryId());
        String sql = """
                SELECT a.key, %1$s AS label, a.period, a.entries, a.raw_minutes, a.billable_minutes, a.non_billable_minutes,
                       a.amount, a.cost_amount
                  FROM (SELECT %2$s AS key, %3$s AS period, count(*) AS entries, sum(e.raw_minutes) AS raw_minutes,
                               sum(CASE WHEN e.billable THEN e.billable_minutes ELSE 0 END) AS billable_minutes,
                               sum(CASE WHEN e.billable THEN 0 ELSE e.raw_minutes END) AS non_billable_minutes,
                               sum(e.amount) AS amount, %4$s AS cost_amount
                          FROM app.time_entries e
                          JOIN app.projects p ON p.organization_id = e.organization_id AND p.id = e.project_id
                          %5$s
                         WHERE e.organization_id = ? AND e.entry_date BETWEEN ? AND ?
                           AND NOT (e.started_at IS NOT NULL AND e.ended_at IS NULL)%6$s
                         GROUP BY 1, 2) a
                 ORDER BY 3 NULLS FIRST, 2 NULLS LAST, 1""".formatted(label, key, period,
                seesCosts() ? "sum(k.cost_amount)" : "NULL::numeric",
                seesCosts() ? "LEFT JOIN app.time_entry_costs k ON k.organization_id = e.organization_id AND k.time_entry_id = e.id"
                        : "", where);
        return new SqlBuilder.Positional(sql, binds);
    }

    private static void filter(StringBuilder where, List<Object> binds, String column, UUID value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            binds.add(value);
        }
    }

    /** The statement that reads the budgets and whole-life figures of a report's projects (by project). */
    public SqlBuilder.Positional budgetsStatement(UUID[] projectIds) {
        return new SqlBuilder.Positional("""
                SELECT p.id, p.budget_minutes, p.budget_amount, f.entries, f.raw_minutes, f.billable_minutes,
                       f.non_billable_minutes, f.amount
                  FROM app.projects p LEFT JOIN app.project_budget_figures(?) f ON f.project_id = p.id
                 WHERE p.organization_id = ? AND p.id = ANY (?)""", List.of(projectIds, db.currentTenant(), projectIds));
    }

    private List<TimeReportRow> withBudgets(Connection c, List<TimeReportRow> rows, int digits) throws SQLException {
        UUID[] ids = rows.stream().map(TimeReportRow::key).toArray(UUID[]::new);
        Map<UUID, BudgetFigures> budgets = new HashMap<>();
        SqlBuilder.Positional statement = budgetsStatement(ids);
        Jdbc.list(c, statement.sql(), rs -> budgets.put(rs.getObject(1, UUID.class),
                new BudgetFigures((Integer) rs.getObject(2), TimeSql.money(rs.getBigDecimal(3), digits), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        TimeSql.money(rs.getBigDecimal(8) == null ? BigDecimal.ZERO : rs.getBigDecimal(8), digits))),
                statement.parameters().toArray());
        return rows.stream().map(r -> new TimeReportRow(r.key(), r.label(), r.period(), r.entries(), r.rawMinutes(),
                r.billableMinutes(), r.nonBillableMinutes(), r.amount(), r.costAmount(), budgets.get(r.key()))).toList();
    }

    // ------------------------------------------------------------------------------------------ utilisation

    /** Utilisation with Monday to Friday as working days and the organization's weekly hours spread over them. */
    public List<UtilisationRow> utilisation(LocalDate from, LocalDate to) {
        return utilisation(from, to, (int) from.datesUntil(to.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count());
    }

    /** Utilisation with a count of working days in the period (each a fifth of the organization's weekly hours). */
    public List<UtilisationRow> utilisation(LocalDate from, LocalDate to, int workingDays) {
        return utilisationWith(from, to, weekly -> (long) workingDays * weekly / 5);
    }

    /**
     * Utilisation with the working minutes of each day from a calendar (0 for days off), e.g.
     * {@code day -> calendar.expectedMinutes(day, reports.weeklyWorkingMinutes())}.
     */
    public List<UtilisationRow> utilisation(LocalDate from, LocalDate to, ToIntFunction<LocalDate> workingMinutesOfDay) {
        return utilisationWith(from, to, weekly -> from.datesUntil(to.plusDays(1)).mapToLong(workingMinutesOfDay::applyAsInt).sum());
    }

    /** The organization's weekly working minutes (what a calendar spreads over the working days). */
    public int weeklyWorkingMinutes() {
        Integer weekly = db.readWith(c -> Jdbc.one(c, "SELECT weekly_working_minutes FROM app.organizations WHERE id = ?",
                rs -> rs.getInt(1), db.currentTenant()));
        return weekly == null ? 0 : weekly;
    }

    private List<UtilisationRow> utilisationWith(LocalDate from, LocalDate to, IntToLongFunction workingMinutes) {
        long working = workingMinutes.applyAsLong(weeklyWorkingMinutes());
        // Managers see every active member who records time; others only themselves (they see only their own entries).
        return db.readWith(c -> {
            Jdbc.update(c, CUSTOM_PLANS);
            return Jdbc.list(c, """
                        SELECT m.user_id, %s, coalesce(sum(e.raw_minutes), 0),
                               coalesce(sum(e.raw_minutes) FILTER (WHERE e.billable), 0)
                          FROM sec.memberships m
                          JOIN sec.users u ON u.id = m.user_id
                          LEFT JOIN app.time_entries e ON e.organization_id = m.organization_id AND e.user_id = m.user_id
                               AND e.entry_date BETWEEN ? AND ? AND NOT (e.started_at IS NOT NULL AND e.ended_at IS NULL)
                         WHERE m.organization_id = ? AND m.active AND m.role <> 'viewer' AND (? OR m.user_id = ?)
                         GROUP BY m.user_id, 2
                         ORDER BY 2, 1""".formatted(TimeSql.NAME_OF_U),
                rs -> new UtilisationRow(rs.getObject(1, UUID.class), rs.getString(2), working, rs.getLong(3), rs.getLong(4),
                        working <= 0 ? null : BigDecimal.valueOf(rs.getLong(4)).divide(BigDecimal.valueOf(working), 4,
                                RoundingMode.HALF_UP)),
                from, to, db.currentTenant(), seesCosts(), userId);
        });
    }

    // ------------------------------------------------------------------------------------------ export

    /** A report as UTF-8 CSV (header and cells as the screen formats them). Returns the number of rows. */
    public static long csv(List<String> header, List<List<String>> rows, OutputStream out) {
        return TableExport.csv(header, sink -> {
            rows.forEach(sink);
            return rows.size();
        }, out);
    }

    /** A report as an XLSX workbook with one sheet. Returns the number of rows. */
    public static long xlsx(String sheetName, List<String> header, List<List<String>> rows, OutputStream out) {
        return TableExport.xlsx(sheetName, header, sink -> {
            rows.forEach(sink);
            return rows.size();
        }, out);
    }
}
