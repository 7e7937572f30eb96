package com.workline.persistence.projects;

import com.workline.persistence.common.Checks;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.TenantDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects of one organization: the list with budget figures (keyset by name), loading, creating and saving (a stale
 * version throws {@link ProjectConflictException}), projects from accepted quotes, members. Budget figures come from
 * the running totals the database keeps per project and person ({@code app.project_time_totals}, V13), so a list page
 * costs a few rows per project whatever the number of time entries.
 */
public final class ProjectService {
    private static final String COLUMNS = """
            p.id, p.number, p.name, p.description, p.customer_id, p.quote_id, p.status, p.start_date, p.end_date,
            p.billing_type, p.budget_minutes, p.budget_amount, p.manager_id, p.default_billable, p.refuse_over_budget,
            p.time_rounding_unit, p.time_rounding_direction, p.version""";

    private static final String HEADER = "SELECT " + COLUMNS + ", cu.name, " + TimeSql.NAME_OF_U + ", q.number"
            + " FROM app.projects p"
            + " LEFT JOIN app.customers cu ON cu.organization_id = p.organization_id AND cu.id = p.customer_id"
            + " LEFT JOIN app.quotes q ON q.organization_id = p.organization_id AND q.id = p.quote_id"
            + " LEFT JOIN sec.users u ON u.id = p.manager_id"
            + " WHERE p.organization_id = ? AND p.id = ?";
    private static final String LINES = """
            SELECT b.id, b.service_category_id, s.name, b.minutes, b.amount
              FROM app.project_budget_lines b
              LEFT JOIN app.service_categories s ON s.organization_id = b.organization_id AND s.id = b.service_category_id
             WHERE b.organization_id = ? AND b.project_id = ? ORDER BY s.name NULLS LAST, b.id""";
    private static final String FIGURES = "SELECT project_id, entries, raw_minutes, billable_minutes, non_billable_minutes, "
            + "amount FROM app.project_budget_figures(?)";
    private static final String MEMBERS = """
            SELECT m.user_id, %s, m.role_in_project, m.active
              FROM app.project_members m JOIN sec.users u ON u.id = m.user_id
             WHERE m.organization_id = ? AND m.project_id = ?
             ORDER BY m.active DESC, 2, m.user_id""".formatted(TimeSql.NAME_OF_U);

    private final TenantDatabase db;

    public ProjectService(TenantDatabase db) {
        this.db = db;
    }

    // ------------------------------------------------------------------------------------------ list

    /** A page of projects by name, narrowed by {@code query}, each with its budget figures. */
    public ProjectPage list(ProjectQuery query, ProjectRow after, int limit) {
        List<Object> binds = new ArrayList<>();
        StringBuilder where = new StringBuilder(" p.organization_id = ?");
        binds.add(db.currentTenant());
        String pattern = TimeSql.pattern(query.search());
        if (pattern != null) {
            where.append(" AND (p.search_text LIKE ? OR lower(c.name) LIKE ?)");
            binds.add(pattern);
            binds.add(pattern);
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            where.append(" AND p.status = ANY (?)");
            binds.add(query.statuses().stream().map(ProjectStatus::databaseValue).toArray(String[]::new));
        }
        if (query.customerId() != null) {
            where.append(" AND p.customer_id = ?");
            binds.add(query.customerId());
        }
        if (query.managerId() != null) {
            where.append(" AND p.manager_id = ?");
            binds.add(query.managerId());
        }
        if (after != null) {
            where.append(" AND (p.sort_name, p.id) > (?, ?)");
            binds.add(after.sortName());
            binds.add(after.id());
        }
        binds.add(limit + 1);
        List<ProjectRow> rows = db.readWith(c -> {
            int digits = TimeSql.digits(c, db.currentTenant());
            List<Object[]> found = Jdbc.list(c, """
                    SELECT p.id, p.number, p.name, c.name, p.status, %s, p.start_date, p.end_date, p.budget_minutes,
                           p.budget_amount, p.sort_name
                      FROM app.projects p
                      LEFT JOIN app.customers c ON c.organization_id = p.organization_id AND c.id = p.customer_id
                      LEFT JOIN sec.users u ON u.id = p.manager_id
                     WHERE%s
                     ORDER BY p.sort_name, p.id LIMIT ?""".formatted(TimeSql.NAME_OF_U, where),
                    rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            ProjectStatus.of(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalDate.class), (Integer) rs.getObject(9), rs.getBigDecimal(10), rs.getString(11)},
                    binds.toArray());
            Map<UUID, Object[]> budgets = new HashMap<>();
            for (Object[] r : found) {
                budgets.put((UUID) r[0], new Object[] {r[8], r[9]});
            }
            Map<UUID, BudgetFigures> figures = figures(c, budgets.keySet().toArray(UUID[]::new), budgets, digits);
            List<ProjectRow> result = new ArrayList<>();
            for (Object[] r : found) {
                result.add(new ProjectRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (ProjectStatus) r[4],
                        (String) r[5], (LocalDate) r[6], (LocalDate) r[7], figures.get((UUID) r[0]), (String) r[10]));
            }
            return result;
        });
        boolean more = rows.size() > limit;
        List<ProjectRow> page = more ? rows.subList(0, limit) : rows;
        return new ProjectPage(List.copyOf(page), more ? page.get(page.size() - 1) : null);
    }

    /** Budget figures of the projects, each with its budget ({@code budgets}: id to {minutes, amount}). */
    private static Map<UUID, BudgetFigures> figures(Connection c, UUID[] ids, Map<UUID, Object[]> budgets, int digits)
            throws SQLException {
        Map<UUID, BudgetFigures> figures = new HashMap<>();
        for (UUID id : ids) {
            Object[] budget = budgets.get(id);
            figures.put(id, BudgetFigures.none((Integer) budget[0], TimeSql.money((BigDecimal) budget[1], digits), digits));
        }
        if (ids.length == 0) {
            return figures;
        }
        Jdbc.list(c, FIGURES, rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Object[] budget = budgets.get(id);
                    figures.put(id, new BudgetFigures((Integer) budget[0], TimeSql.money((BigDecimal) budget[1], digits),
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), TimeSql.money(rs.getBigDecimal(6), digits)));
                    return null;
                }, (Object) ids);
        return figures;
    }

    /** Projects that take time (planning or active) whose number, name or customer contains {@code search}. */
    public List<ProjectChoice> bookable(String search, int limit) {
        String pattern = TimeSql.pattern(search);
        return db.readWith(c -> Jdbc.list(c, """
                        SELECT p.id, p.number, p.name, c.name, p.default_billable
                          FROM app.projects p
                          LEFT JOIN app.customers c ON c.organization_id = p.organization_id AND c.id = p.customer_id
                         WHERE p.organization_id = ? AND p.status IN ('planning', 'active')
                           AND (?::text IS NULL OR p.search_text LIKE ? OR lower(c.name) LIKE ?)
                         ORDER BY p.sort_name, p.id LIMIT ?""",
                rs -> new ProjectChoice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)),
                db.currentTenant(), pattern, pattern, pattern, limit));
    }

    // ------------------------------------------------------------------------------------------ load

    public ProjectDetails load(UUID id) {
        ProjectDetails found = db.readWith(c -> load(c, id));
        if (found == null) {
            throw TimeSql.notFound("projects.project.notFound");
        }
        return found;
    }

    /**
     * The statements {@link #load} (and so {@link #figures}) sends after the currency's digits: header, budget lines,
     * figures, members, with their binds (for benchmarks' baselines: the same SQL through plain JDBC).
     */
    public List<SqlBuilder.Positional> loadStatements(UUID id) {
        UUID org = db.currentTenant();
        return List.of(new SqlBuilder.Positional(HEADER, List.of(org, id)), new SqlBuilder.Positional(LINES, List.of(org, id)),
                new SqlBuilder.Positional(FIGURES, List.<Object>of((Object) new UUID[] {id})),
                new SqlBuilder.Positional(MEMBERS, List.of(org, id)));
    }

    /** The budget figures of one project. */
    public BudgetFigures figures(UUID projectId) {
        return load(projectId).figures();
    }

    private ProjectDetails load(Connection c, UUID id) throws SQLException {
        UUID org = db.currentTenant();
        int digits = TimeSql.digits(c, org);
        Object[] header = Jdbc.one(c, HEADER,
                rs -> new Object[] {project(rs, digits), rs.getString(19), rs.getString(20), rs.getString(21)}, org, id);
        if (header == null) {
            return null;
        }
        Project project = (Project) header[0];
        List<BudgetLine> lines = Jdbc.list(c, LINES,
                rs -> new BudgetLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        TimeSql.money(rs.getBigDecimal(5), digits)), org, id);
        Map<UUID, BudgetFigures> figures = figures(c, new UUID[] {id},
                Map.of(id, new Object[] {project.budgetMinutes(), project.budgetAmount()}), digits);
        return new ProjectDetails(project, (String) header[1], (String) header[2], (String) header[3], figures.get(id), lines,
                members(c, id));
    }

    private static Project project(ResultSet rs, int digits) throws SQLException {
        return new Project(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), ProjectStatus.of(rs.getString(7)),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), BillingType.of(rs.getString(10)),
                (Integer) rs.getObject(11), TimeSql.money(rs.getBigDecimal(12), digits), rs.getObject(13, UUID.class),
                rs.getBoolean(14), rs.getBoolean(15), RoundingRule.of((Integer) rs.getObject(16), rs.getString(17)), rs.getInt(18));
    }

    // ------------------------------------------------------------------------------------------ create and save

    /** A new project (the number comes from the organization's series). */
    public ProjectDetails create(Project project) {
        validate(project);
        UUID id = Jdbc.write(db, c -> Jdbc.one(c, """
                        INSERT INTO app.projects (organization_id, name, description, customer_id, status, start_date, end_date,
                                                  billing_type, budget_minutes, budget_amount, manager_id, default_billable,
                                                  refuse_over_budget, time_rounding_unit, time_rounding_direction)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                rs -> rs.getObject(1, UUID.class), values(project, db.currentTenant()).toArray()));
        return load(id);
    }

    /**
     * Saves a project, if nobody saved it since {@code project.version()}; otherwise nothing is written and
     * {@link ProjectConflictException} carries the stored project.
     */
    public ProjectDetails update(Project project) {
        validate(project);
        List<Object> binds = values(project, null);
        binds.remove(0);
        binds.add(db.currentTenant());
        binds.add(project.id());
        binds.add(project.version());
        return Jdbc.write(db, c -> {
            int changed = Jdbc.update(c, """
                    UPDATE app.projects SET name = ?, description = ?, customer_id = ?, status = ?, start_date = ?, end_date = ?,
                           billing_type = ?, budget_minutes = ?, budget_amount = ?, manager_id = ?, default_billable = ?,
                           refuse_over_budget = ?, time_rounding_unit = ?, time_rounding_direction = ?, version = version + 1
                     WHERE organization_id = ? AND id = ? AND version = ?""", binds.toArray());
            ProjectDetails current = load(c, project.id());
            if (changed == 0) {
                if (current == null) {
                    throw TimeSql.notFound("projects.project.notFound");
                }
                if (current.project().version() != project.version()) {
                    throw new ProjectConflictException(current);
                }
                throw TimeSql.notAllowed();
            }
            return current;
        });
    }

    private static List<Object> values(Project p, UUID organizationId) {
        List<Object> values = new ArrayList<>();
        values.add(organizationId);
        values.add(p.name().strip());
        values.add(Checks.blankToNull(p.description()));
        values.add(p.customerId());
        values.add(p.status().databaseValue());
        values.add(p.startDate());
        values.add(p.endDate());
        values.add(p.billingType().databaseValue());
        values.add(p.budgetMinutes());
        values.add(p.budgetAmount());
        values.add(p.managerId());
        values.add(p.defaultBillable());
        values.add(p.refuseOverBudget());
        values.add(p.rounding() == null ? null : p.rounding().unitMinutes());
        values.add(p.rounding() == null ? null : p.rounding().direction().databaseValue());
        return values;
    }

    private static void validate(Project p) {
        new ValidationException.Collector()
                .require(Checks.present(p.name()), "name", "field.name.required")
                .check(p.name() == null || p.name().strip().length() <= 200, "name", Text.of("field.text.tooLong", 200))
                .check(p.description() == null || p.description().length() <= 4000, "description",
                        Text.of("field.text.tooLong", 4000))
                .require(p.status() != null, "status", "projects.project.statusRequired")
                .require(p.billingType() != null, "billingType", "projects.project.billingTypeRequired")
                .require(p.startDate() == null || p.endDate() == null || !p.endDate().isBefore(p.startDate()), "endDate",
                        "projects.project.endBeforeStart")
                .require(p.budgetMinutes() == null || p.budgetMinutes() >= 0, "budgetMinutes", "projects.project.budgetInvalid")
                .require(p.budgetAmount() == null || Checks.money(p.budgetAmount()), "budgetAmount", "field.money.invalid")
                .throwIfAny();
    }

    /**
     * A project from an accepted quote: its customer and title, its service lines as the budget per service category
     * (hours and amount), the person as manager and member. One project per quote.
     */
    public ProjectDetails createFromQuote(UUID quoteId) {
        UUID id = Jdbc.write(db, c -> Jdbc.one(c, "SELECT app.create_project_from_quote(?)", rs -> rs.getObject(1, UUID.class),
                quoteId));
        return load(id);
    }

    /** The project made from a quote, if any. */
    public UUID projectOfQuote(UUID quoteId) {
        return db.readWith(c -> Jdbc.one(c, "SELECT id FROM app.projects WHERE organization_id = ? AND quote_id = ?",
                rs -> rs.getObject(1, UUID.class), db.currentTenant(), quoteId));
    }

    // ------------------------------------------------------------------------------------------ members

    /** Active members first, then by name. */
    public List<ProjectMember> members(UUID projectId) {
        return db.readWith(c -> members(c, projectId));
    }

    private List<ProjectMember> members(Connection c, UUID projectId) throws SQLException {
        return Jdbc.list(c, MEMBERS,
                rs -> new ProjectMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                db.currentTenant(), projectId);
    }

    /** Adds a person to a project (or brings a former member back), with an optional role such as "Lead". */
    public void addMember(UUID projectId, UUID userId, String roleInProject) {
        new ValidationException.Collector()
                .require(userId != null, "userId", "projects.member.personRequired")
                .check(roleInProject == null || roleInProject.strip().length() <= 100, "roleInProject",
                        Text.of("field.text.tooLong", 100))
                .throwIfAny();
        Jdbc.write(db, c -> Jdbc.update(c, """
                INSERT INTO app.project_members (organization_id, project_id, user_id, role_in_project) VALUES (?, ?, ?, ?)
                ON CONFLICT (organization_id, project_id, user_id) DO UPDATE
                   SET active = true, role_in_project = excluded.role_in_project, version = app.project_members.version + 1""",
                db.currentTenant(), projectId, userId, Checks.blankToNull(roleInProject)));
    }

    /** The person leaves the project (kept as an inactive member: nothing is deleted). */
    public void removeMember(UUID projectId, UUID userId) {
        int changed = Jdbc.write(db, c -> Jdbc.update(c, """
                UPDATE app.project_members SET active = false, version = version + 1
                 WHERE organization_id = ? AND project_id = ? AND user_id = ? AND active""",
                db.currentTenant(), projectId, userId));
        if (changed == 0) {
            throw TimeSql.notFound("projects.member.notFound");
        }
    }
}
