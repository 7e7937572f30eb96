package com.workline.persistence.projects;

import com.workline.persistence.crm.ScaleDataGenerator;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated time (scale data): every entry carries what the database's rules give a fresh entry (rounding rule, rate,
 * billable minutes, amount, cost), the projects' running totals add up, and the statuses follow the weeks' age.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeDataGeneratorTest {
    private static final int PEOPLE = 6;
    private static final int ENTRIES = 4_000;
    private static final String COMPARED = "rounding_unit, rounding_direction, billable_minutes, rate_card_item_id, billing_rate, "
            + "amount";
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TimeDataGenerator.Result result;
    private TenantSession manager;

    @BeforeAll
    void generate() {
        org = new ScaleDataGenerator(db.superuser(), db.roles(), message -> { })
                .generate(1, 60, 20, "Time scale " + db.unique()).get(0).organizationId();
        result = new TimeDataGenerator(db.superuser(), db.roles(), message -> { }).fill(org, PEOPLE, ENTRIES);
        TestPerson person = db.newPerson(org, Role.MANAGER);
        manager = db.signInTo(person, org);
    }

    @AfterAll
    void close() {
        manager.person().close();
    }

    @Test
    void writesTheEntriesPeopleProjectsAndHistory() throws SQLException {
        assertThat(result.entries()).isEqualTo(ENTRIES);
        assertThat(result.people()).isEqualTo(PEOPLE);
        assertThat(result.projects()).isEqualTo(2 * PEOPLE + 3);
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ?"))
                .isEqualTo(ENTRIES + result.runningTimers());
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND started_at IS NOT NULL "
                + "AND ended_at IS NULL")).as("running timers").isEqualTo(result.runningTimers()).isPositive();
        assertThat(count("SELECT count(*) FROM app.time_entry_costs WHERE organization_id = ?")).as("one cost row per entry")
                .isEqualTo(ENTRIES + result.runningTimers());
        assertThat(count("SELECT count(*) FROM app.project_tasks WHERE organization_id = ?")).isEqualTo(result.tasks());
        assertThat(count("SELECT count(*) FROM app.time_approval_events WHERE organization_id = ?"))
                .isEqualTo(result.approvalEvents()).isPositive();
        assertThat(count("SELECT count(*) FROM sec.memberships m JOIN sec.users u ON u.id = m.user_id "
                + "WHERE m.organization_id = ? AND u.email LIKE '%@" + TimeDataGenerator.EMAIL_DOMAIN + "'")).isEqualTo(PEOPLE);
        // The data has what the rules must get right: several rounding rules, rates from several items, entries without a rate.
        assertThat(count("SELECT count(DISTINCT (rounding_unit, rounding_direction)) FROM app.time_entries WHERE organization_id = ?"))
                .isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(DISTINCT rate_card_item_id) FROM app.time_entries WHERE organization_id = ?"))
                .isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND billing_rate IS NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND NOT billable")).isPositive();
    }

    /**
     * Every entry rated again by the rules trigger (as the database rates a new or moved entry) keeps its values, and
     * copies of entries inserted afresh get the same values.
     */
    @Test
    void ratesRoundingAmountsAndCostsAreWhatTheTriggersGive() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            c.setAutoCommit(false);
            Sql.execute(c, "SET LOCAL ROLE " + db.roles().owner());
            Sql.execute(c, "CREATE TEMPORARY TABLE generated ON COMMIT DROP AS SELECT e.id, " + prefixed("e", COMPARED)
                    + ", k.cost_rate, k.cost_amount FROM app.time_entries e JOIN app.time_entry_costs k "
                    + "ON k.organization_id = e.organization_id AND k.time_entry_id = e.id WHERE e.organization_id = '" + org + "'");
            assertThat(Sql.update(c, "UPDATE app.time_entries SET rated_at = NULL WHERE organization_id = ?", org))
                    .isEqualTo(ENTRIES + result.runningTimers());
            List<List<Object>> differing = Sql.rows(c, "SELECT g.* FROM generated g JOIN app.time_entries e ON e.id = g.id "
                    + "JOIN app.time_entry_costs k ON k.organization_id = e.organization_id AND k.time_entry_id = e.id "
                    + "WHERE (" + prefixed("g", COMPARED) + ", g.cost_rate, g.cost_amount) IS DISTINCT FROM ("
                    + prefixed("e", COMPARED) + ", k.cost_rate, k.cost_amount) LIMIT 5");
            assertThat(differing).as("entries rated differently by the trigger").isEmpty();

            int copies = Sql.update(c, """
                    INSERT INTO app.time_entries (organization_id, user_id, entry_date, raw_minutes, project_id, task_id,
                                                  service_category_id, billable, description)
                    SELECT e.organization_id, e.user_id, e.entry_date, e.raw_minutes, e.project_id, e.task_id, e.service_category_id,
                           e.billable, 'copy of ' || e.id
                      FROM app.time_entries e JOIN app.projects p ON p.organization_id = e.organization_id AND p.id = e.project_id
                     WHERE e.organization_id = ? AND p.status IN ('planning', 'active')
                       AND NOT (e.started_at IS NOT NULL AND e.ended_at IS NULL)
                     ORDER BY md5(e.id::text) LIMIT 300""", org);
            assertThat(copies).isEqualTo(300);
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries f JOIN generated g ON 'copy of ' || g.id = f.description "
                    + "JOIN app.time_entry_costs k ON k.organization_id = f.organization_id AND k.time_entry_id = f.id "
                    + "WHERE f.organization_id = ? AND (" + prefixed("g", COMPARED) + ", g.cost_rate, g.cost_amount) "
                    + "IS NOT DISTINCT FROM (" + prefixed("f", COMPARED) + ", k.cost_rate, k.cost_amount)", org))
                    .as("fresh copies rated like the generated entries").isEqualTo(300);
            c.rollback();
        }
    }

    @Test
    void theProjectsTotalsAreTheSumOfTheirEntries() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM (
                  SELECT project_id, user_id, count(*) AS entries, sum(raw_minutes) AS raw,
                         sum(CASE WHEN billable THEN billable_minutes ELSE 0 END) AS billable,
                         sum(CASE WHEN billable THEN 0 ELSE raw_minutes END) AS non_billable, sum(amount) AS amount
                    FROM app.time_entries WHERE organization_id = ? GROUP BY 1, 2) e
                  FULL JOIN (SELECT * FROM app.project_time_totals WHERE organization_id = ? AND entries > 0) t
                    ON t.project_id = e.project_id AND t.user_id = e.user_id
                 WHERE (e.entries, e.raw, e.billable, e.non_billable, e.amount)
                       IS DISTINCT FROM (t.entries, t.raw_minutes, t.billable_minutes, t.non_billable_minutes, t.amount)"""))
                .isZero();
        BudgetFigures figures = Projects.of(manager).projects().figures((UUID) Sql.value(db.superuser(),
                "SELECT project_id FROM app.time_entries WHERE organization_id = ? GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", org));
        assertThat(figures.entries()).isPositive();
        assertThat(figures.budgetMinutes()).as("budgets around what was booked").isNotNull();
    }

    @Test
    void statusesFollowTheAgeOfTheWeeks() throws SQLException {
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Berlin")).with(DayOfWeek.MONDAY);
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND entry_date >= '" + monday
                + "' AND status <> 'draft'")).as("this week is open").isZero();
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND status = 'submitted' AND entry_date < '"
                + monday.minusWeeks(4) + "'")).as("nothing waits for long").isZero();
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND status = 'submitted'")).isPositive();
        assertThat(count("SELECT count(*) FROM app.time_entries e JOIN app.projects p ON p.organization_id = e.organization_id "
                + "AND p.id = e.project_id WHERE e.organization_id = ? AND e.status = 'invoiced' AND (NOT e.billable "
                + "OR p.customer_id IS NULL OR e.invoice_line_id IS NULL OR e.entry_date >= '" + monday.minusWeeks(12) + "')"))
                .as("only old billable customers' time is invoiced").isZero();
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND status = 'invoiced'")).isPositive();
        assertThat(count("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND status IN ('approved', 'invoiced') "
                + "AND (approved_by IS NULL OR approved_by = user_id)")).as("approved by another manager").isZero();
        // Each submitted week's history says what it held.
        assertThat(count("""
                SELECT count(*) FROM (SELECT user_id, date_trunc('week', entry_date)::date AS week, count(*) AS n,
                                             sum(raw_minutes) AS minutes
                                        FROM app.time_entries WHERE organization_id = ? AND status <> 'draft' GROUP BY 1, 2) w
                  LEFT JOIN app.time_approval_events a ON a.organization_id = ? AND a.user_id = w.user_id
                       AND a.week_start = w.week AND a.action = 'submitted'
                 WHERE a.id IS NULL OR a.entries <> w.n OR a.minutes <> w.minutes"""))
                .isZero();
    }

    @Test
    void aManagerApprovesGeneratedWeeksFromTheQueue() {
        ApprovalService approvals = Projects.of(manager).approvals();
        ApprovalPage page = approvals.queue(null, 50);
        assertThat(page.rows()).isNotEmpty();
        ApprovalRow week = page.rows().get(0);
        assertThat(approvals.approve(week.userId(), week.weekStart())).isEqualTo(week.entries());
        assertThat(approvals.history(week.userId(), week.weekStart())).extracting(ApprovalEvent::action)
                .containsExactly("submitted", "approved");
        TimeWeek theWeek = Projects.of(manager).time().week(week.userId(), week.weekStart());
        assertThat(theWeek.entries()).hasSize(week.entries()).allMatch(e -> e.status() == TimeStatus.APPROVED);
    }

    private long count(String sql) throws SQLException {
        Object[] binds = new Object[sql.split("\\?", -1).length - 1];
        java.util.Arrays.fill(binds, org);
        return Sql.count(db.superuser(), sql, binds);
    }

    private static String prefixed(String alias, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",\\s*")).map(c -> alias + "." + c).toList());
    }
}
