package com.workline.persistence.projects;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.session.Role;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.workline.persistence.projects.TimeWorld.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A security review of projects and time (V15, fixed in V17), as a hostile person with psql and a valid login: each
 * role of the organization (viewer, employee, a project's manager, manager, owner) and people of another organization
 * try to read costs, change approved, invoiced or locked time, approve their own time, book where they may not, break
 * the budget and the one running timer, and steer the definer functions. The first tests are the holes the review
 * found (they failed before V17); the rest pin down attacks that were already refused, so that they stay refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeHostileReviewTest {
    private TimeWorld w;
    private UUID project;
    private UUID otherOrg;
    private TestPerson outsider;
    /** Employee in this organization, manager in the other one (attached by IT). */
    private TestPerson employeeHereManagerThere;

    @BeforeAll
    void world() {
        w = new TimeWorld("Hostile review");
        w.rate(w.defaultCard, w.consulting, null, null, "2026-01-01", null, "100", "40");
        project = w.project("Reviewed", w.customer).project().id();
        otherOrg = w.db.newOrganization("Other review");
        outsider = w.db.newPerson(otherOrg, Role.ADMIN);
        employeeHereManagerThere = w.db.newPerson(w.org, Role.EMPLOYEE);
        w.db.provisioning().addPerson(otherOrg,
                new NewPerson(employeeHereManagerThere.email(), "Test", "Shared", Role.MANAGER, null));
    }

    @AfterAll
    void close() {
        w.close();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private UUID entryOf(TestPerson person, UUID projectId, String date, int minutes) throws SQLException {
        try (Connection c = w.plain(person)) {
            return (UUID) Sql.value(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id, "
                    + "service_category_id) VALUES (?, ?, ?, ?, ?) RETURNING id", w.org, day(date), minutes, projectId, w.consulting);
        }
    }

    private static String state(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    private static void refused(Connection c, String expectedState, String sql, Object... parameters) {
        assertThatThrownBy(() -> Sql.update(c, sql, parameters)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(state(e)).as(e.getMessage()).isEqualTo(expectedState));
    }

    private static void refusedCall(Connection c, String expectedState, String sql, Object... parameters) {
        assertThatThrownBy(() -> Sql.value(c, sql, parameters)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(state(e)).as(e.getMessage()).isEqualTo(expectedState));
    }

    /** Refused by an integrity rule (a missing row of the organization: no project, no billable default, ...). */
    private static void refusedAsInvalid(Connection c, String sql, Object... parameters) {
        assertThatThrownBy(() -> Sql.value(c, sql, parameters)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(state(e)).as(e.getMessage()).startsWith("23"));
    }

    private Object column(UUID entry, String column) {
        return w.superValue("SELECT " + column + " FROM app.time_entries WHERE id = ?", entry);
    }

    private long projectMinutes(UUID projectId) {
        return ((Number) w.superValue("SELECT coalesce(sum(raw_minutes), 0) FROM app.time_entries WHERE project_id = ?",
                projectId)).longValue();
    }

    private UUID projectWithBudget(String name, int minutes) {
        ProjectDetails created = w.project(name, w.customer);
        return w.of(w.manager).projects().update(created.project().withBudget(minutes, null, true)).project().id();
    }

    private void lockAt(LocalDate date) {
        w.of(w.owner).settings().save(w.of(w.owner).settings().load().withLockDate(date));
    }

    private void stopTimerOf(TestPerson person) throws SQLException {
        try (Connection c = w.plain(person)) {
            Sql.value(c, "SELECT app.stop_timer()");
        }
    }

    // ============================================================================================= holes found

    @Test
    @DisplayName("hole: a plain UPDATE dressed as a timer stop moved an entry into locked days (the lock exemption is only the stop itself)")
    void fakeTimerStopCannotReachLockedDays() throws SQLException {
        UUID entry = entryOf(w.employeePerson, project, "2026-04-10", 60);
        lockAt(day("2026-03-31"));
        try (Connection c = w.plain(w.employeePerson)) {
            Sql.value(c, "SELECT app.stop_timer()");
            assertThat(Sql.update(c, "UPDATE app.time_entries SET started_at = now(), ended_at = NULL, raw_minutes = 0 WHERE id = ?",
                    entry)).as("an open entry may become a running timer that starts now").isOne();
            refused(c, "WL002", "UPDATE app.time_entries SET ended_at = started_at + interval '1 hour', raw_minutes = 60, "
                    + "entry_date = DATE '2026-03-15' WHERE id = ?", entry);
            refused(c, "WL002", "UPDATE app.time_entries SET ended_at = started_at, entry_date = DATE '2026-03-31' WHERE id = ?", entry);
        } finally {
            lockAt(null);
        }
        assertThat(column(entry, "entry_date")).isEqualTo(java.sql.Date.valueOf("2026-04-10"));

        // The real exemption stays: a timer that was running when the lock was set still stops (app.stop_timer, or the
        // same change with plain SQL), but a "stop" that also changes the entry is an ordinary change of a locked day.
        UUID timer;
        try (Connection c = w.plain(w.employeePerson)) {
            timer = (UUID) Sql.value(c, "SELECT app.start_timer(?, NULL, 'running into the lock')", project);
        }
        LocalDate today = ((java.sql.Date) column(timer, "entry_date")).toLocalDate();
        lockAt(today);
        try (Connection c = w.plain(w.employeePerson)) {
            refused(c, "WL002", "UPDATE app.time_entries SET ended_at = least(greatest(now(), started_at), started_at + interval '24 hours'), "
                    + "raw_minutes = 0, description = 'changed while stopping' WHERE id = ?", timer);
            assertThat(Sql.value(c, "SELECT app.stop_timer()")).isEqualTo(timer);
        } finally {
            lockAt(null);
        }
        assertThat(column(timer, "ended_at")).isNotNull();
        assertThat(column(timer, "description")).isEqualTo("running into the lock");
    }

    @Test
    @DisplayName("hole: a fake or backdated timer stop booked beyond a budget that refuses it")
    void timerCannotCarryTimeBeyondTheBudget() throws SQLException {
        UUID capped = projectWithBudget("Timer capped", 120);
        entryOf(w.employeePerson, capped, "2026-07-06", 60);
        stopTimerOf(w.employeePerson);
        try (Connection c = w.plain(w.employeePerson)) {
            UUID timer = (UUID) Sql.value(c, "SELECT app.start_timer(?, NULL, NULL)", capped);
            refused(c, "WL002", "UPDATE app.time_entries SET ended_at = started_at + interval '10 hours', raw_minutes = 600 WHERE id = ?",
                    timer);
            refused(c, "WL002", "UPDATE app.time_entries SET started_at = now() - interval '20 hours' WHERE id = ?", timer);
            Sql.value(c, "SELECT app.stop_timer()");
            refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, entry_date, started_at, project_id) "
                    + "VALUES (?, DATE '2026-07-06', now() - interval '20 hours', ?)", w.org, capped);
            UUID finished = entryOf(w.employeePerson, capped, "2026-07-07", 0);
            refused(c, "WL002", "UPDATE app.time_entries SET started_at = now() - interval '20 hours', ended_at = NULL WHERE id = ?",
                    finished);
        }
        assertThat(projectMinutes(capped)).isLessThanOrEqualTo(120);
    }

    @Test
    @DisplayName("hole: one statement with many rows booked beyond the budget (each row saw the totals before the statement)")
    void manyRowsAtOnceCannotPassTheBudget() throws SQLException {
        UUID capped = projectWithBudget("Bulk capped", 120);
        try (Connection c = w.plain(w.employeePerson)) {
            refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "SELECT ?, DATE '2026-07-13', 60, ? FROM generate_series(1, 3)", w.org, capped);
        }
        assertThat(projectMinutes(capped)).isZero();
        UUID first = entryOf(w.employeePerson, capped, "2026-07-13", 50);
        UUID second = entryOf(w.employeePerson, capped, "2026-07-14", 50);
        try (Connection c = w.plain(w.employeePerson)) {
            refused(c, "WL002", "UPDATE app.time_entries SET raw_minutes = 70 WHERE id IN (?, ?)", first, second);
            assertThat(Sql.update(c, "UPDATE app.time_entries SET raw_minutes = 60 WHERE id IN (?, ?)", first, second))
                    .as("up to the budget is fine").isEqualTo(2);
        }
        try (Connection c = w.plain(w.managerPerson)) {
            refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, user_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, ?, DATE '2026-07-15', 1, ?), (?, ?, DATE '2026-07-15', 1, ?)",
                    w.org, w.colleaguePerson.userId(), capped, w.org, w.employeePerson.userId(), capped);
        }
        assertThat(projectMinutes(capped)).isEqualTo(120);
        assertThat(w.superValue("SELECT sum(raw_minutes) FROM app.project_time_totals WHERE project_id = ?", capped))
                .as("the totals agree with the entries").isEqualTo(java.math.BigDecimal.valueOf(120));
    }

    @Test
    @DisplayName("hole: two people in REPEATABLE READ transactions each booked the budget's rest (stale snapshot after the wait)")
    void repeatableReadCannotPassTheBudget() throws SQLException {
        UUID capped = projectWithBudget("Snapshot capped", 120);
        List<String> refusals = new ArrayList<>();
        try (Connection first = w.plain(w.employeePerson); Connection second = w.plain(w.colleaguePerson)) {
            for (Connection c : List.of(first, second)) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setAutoCommit(false);
                Sql.value(c, "SELECT count(*) FROM app.project_time_totals"); // takes the snapshot
            }
            for (Connection c : List.of(first, second)) {
                try {
                    Sql.update(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                            + "VALUES (?, DATE '2026-07-20', 100, ?)", w.org, capped);
                    c.commit();
                } catch (SQLException e) {
                    refusals.add(e.getSQLState());
                    c.rollback();
                }
            }
        }
        assertThat(refusals).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo("WL002"));
        assertThat(projectMinutes(capped)).isLessThanOrEqualTo(120);
        // In READ COMMITTED (the client's) the second booking waits for the first and is refused.
        entryOf(w.employeePerson, capped, "2026-07-20", 100);
        try (Connection c = w.plain(w.colleaguePerson)) {
            refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-07-20', 100, ?)", w.org, capped);
        }
    }

    @Test
    @DisplayName("hole: a manager turned someone's approved time into their own approved time (self-approval)")
    void approvedTimeKeepsItsPerson() throws SQLException {
        UUID entry = entryOf(w.employeePerson, project, "2026-08-03", 480);
        w.of(w.employee).approvals().submitWeek(day("2026-08-03"));
        UUID submitted = entryOf(w.colleaguePerson, project, "2026-08-04", 60);
        w.of(w.colleague).approvals().submitWeek(day("2026-08-04"));
        w.of(w.manager).approvals().approve(w.employeePerson.userId(), day("2026-08-03"));
        assertThat(column(entry, "status")).isEqualTo("approved");
        try (Connection c = w.plain(w.managerPerson)) {
            refused(c, "WL002", "UPDATE app.time_entries SET user_id = ? WHERE id = ?", w.managerPerson.userId(), entry);
            refused(c, "WL002", "UPDATE app.time_entries SET user_id = ?, description = 'mine now' WHERE id = ?",
                    w.colleaguePerson.userId(), entry);
            refused(c, "WL002", "UPDATE app.time_entries SET user_id = ? WHERE id = ?", w.managerPerson.userId(), submitted);
            assertThat(Sql.update(c, "UPDATE app.time_entries SET description = 'corrected' WHERE id = ?", entry))
                    .as("managers still correct others' approved time").isOne();
        }
        assertThat(column(entry, "user_id")).isEqualTo(w.employeePerson.userId());
        assertThat(column(submitted, "user_id")).isEqualTo(w.colleaguePerson.userId());
    }

    @Test
    @DisplayName("hole: moving a task to another project left others' (and invoiced) entries on a task of a foreign project")
    void taskStaysInItsProject() throws SQLException {
        UUID otherProject = w.project("Elsewhere", w.customer).project().id();
        UUID task;
        try (Connection c = w.plain(w.employeePerson)) {
            task = (UUID) Sql.value(c, "INSERT INTO app.project_tasks (organization_id, project_id, name) VALUES (?, ?, 'Shared task') "
                    + "RETURNING id", w.org, project);
        }
        UUID theirs;
        UUID invoiced;
        try (Connection c = w.plain(w.colleaguePerson)) {
            theirs = (UUID) Sql.value(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id, task_id) "
                    + "VALUES (?, DATE '2026-08-10', 60, ?, ?) RETURNING id", w.org, project, task);
            invoiced = (UUID) Sql.value(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id, task_id) "
                    + "VALUES (?, DATE '2026-08-11', 60, ?, ?) RETURNING id", w.org, project, task);
        }
        w.asSuperuser("UPDATE app.time_entries SET status = 'invoiced', invoice_line_id = gen_random_uuid() WHERE id = ?", invoiced);
        for (TestPerson person : List.of(w.employeePerson, w.managerPerson, w.ownerPerson)) {
            try (Connection c = w.plain(person)) {
                refused(c, "WL002", "UPDATE app.project_tasks SET project_id = ? WHERE id = ?", otherProject, task);
            }
        }
        assertThat(w.superValue("SELECT project_id FROM app.project_tasks WHERE id = ?", task)).isEqualTo(project);
        assertThat(w.of(w.colleague).approvals().submitWeek(day("2026-08-10"))).as("the colleague's week still submits").isOne();
        assertThat(column(theirs, "status")).isEqualTo("submitted");
    }

    @Test
    @DisplayName("hole: a viewer set as a project's manager read everybody's time on it (viewers see no one's time)")
    void viewerProjectManagerSeesNoTime() throws SQLException {
        ProjectDetails watched = w.project("Watched", w.customer);
        w.of(w.manager).projects().update(watched.project().withManager(w.viewerPerson.userId()));
        UUID entry = entryOf(w.employeePerson, watched.project().id(), "2026-08-17", 30);
        try (Connection c = w.plain(w.viewerPerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id = ?", entry)).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.project_time_totals WHERE project_id = ?", watched.project().id())).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE row_id = ?", entry)).isZero();
            refusedCall(c, "WL002", "SELECT app.approve_week(?, DATE '2026-08-17')", w.employeePerson.userId());
        }
        // An employee who manages the project does read it (the rule for project managers).
        w.of(w.manager).projects().update(w.of(w.manager).projects().load(watched.project().id()).project()
                .withManager(w.colleaguePerson.userId()));
        try (Connection c = w.plain(w.colleaguePerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id = ?", entry)).isOne();
        }
    }

    @Test
    @DisplayName("hole: a person writing in two organizations moved A's rows to B by flipping the selector inside the UPDATE")
    void rowsStayInTheirOrganization() throws SQLException {
        UUID lonely = (UUID) w.asOwnerRole("INSERT INTO app.projects (organization_id, name) VALUES (?, 'Lonely') RETURNING id", w.org);
        UUID task = (UUID) w.asOwnerRole("INSERT INTO app.project_tasks (organization_id, project_id, name) VALUES (?, ?, 'Lonely task') "
                + "RETURNING id", w.org, project);
        UUID customer = (UUID) w.asOwnerRole("INSERT INTO app.customers (organization_id, name) VALUES (?, 'Lonely customer') "
                + "RETURNING id", w.org);
        UUID entry = entryOf(employeeHereManagerThere, project, "2026-08-24", 30);
        try (Connection c = w.db.connectAs(employeeHereManagerThere)) {
            // Twins in B, so that the moved rows' foreign keys would hold there.
            Sql.selectTenantForSession(c, otherOrg);
            Sql.update(c, "INSERT INTO app.projects (organization_id, id, name) VALUES (?, ?, 'Twin')", otherOrg, project);
            Sql.selectTenantForSession(c, w.org);
            for (var row : java.util.Map.of("app.projects", lonely, "app.project_tasks", task, "app.customers", customer,
                    "app.time_entries", entry).entrySet()) {
                // The new row's organization computed after the old row passed A's policy: the selector is B by the time
                // the new row is checked.
                assertThatThrownBy(() -> Sql.update(c, "UPDATE " + row.getKey() + " SET organization_id = "
                        + "CASE WHEN set_config('app.tenant_id', ?, true) IS NOT NULL THEN ?::uuid END WHERE id = ?",
                        otherOrg.toString(), otherOrg, row.getValue()))
                        .as(row.getKey()).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                        .satisfies(e -> assertThat(e.getMessage()).contains("stays in its organization"));
                Sql.selectTenantForSession(c, w.org);
                // The flip in the WHERE clause: refused, or (with another plan) the row is not found at all.
                try {
                    assertThat(Sql.update(c, "UPDATE " + row.getKey() + " SET organization_id = ? WHERE id = ? "
                            + "AND set_config('app.tenant_id', ?, true) IS NOT NULL", otherOrg, row.getValue(), otherOrg.toString()))
                            .as(row.getKey()).isZero();
                } catch (SQLException refused) {
                    assertThat(refused.getSQLState()).isEqualTo("42501");
                }
                Sql.selectTenantForSession(c, w.org);
            }
        }
        for (UUID id : List.of(lonely, task, customer, entry)) {
            assertThat(w.superValue("SELECT count(*) FROM (SELECT id FROM app.projects WHERE organization_id = ? UNION ALL "
                    + "SELECT id FROM app.project_tasks WHERE organization_id = ? UNION ALL SELECT id FROM app.customers "
                    + "WHERE organization_id = ? UNION ALL SELECT id FROM app.time_entries WHERE organization_id = ?) r WHERE id = ?",
                    w.org, w.org, w.org, w.org, id)).isEqualTo(1L);
        }
        // Every tenant table has the trigger (and sec.add_tenant_policies gives it to later ones).
        assertThat(Sql.rows(w.db.superuser(), """
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('app', 'sec') AND c.relkind IN ('r', 'p')
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id')
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
                                     AND t.tgfoid = 'sec.organization_stays()'::regprocedure)""")).isEmpty();
    }

    // ============================================================================================= refused already

    @Test
    @DisplayName("costs: no employee, viewer, project manager or outsider reads them, directly, in history or after a delete")
    void costsStayWithManagers() throws SQLException {
        TestPerson projectManager = w.db.newPerson(w.org, Role.EMPLOYEE);
        ProjectDetails managed = w.project("Cost managed", w.customer);
        w.of(w.manager).projects().update(managed.project().withManager(projectManager.userId()));
        UUID entry = entryOf(w.employeePerson, managed.project().id(), "2026-09-07", 90);
        UUID deleted = entryOf(w.employeePerson, managed.project().id(), "2026-09-08", 30);
        UUID costRow = (UUID) w.superValue("SELECT id FROM app.time_entry_costs WHERE time_entry_id = ?", entry);
        UUID deletedCostRow = (UUID) w.superValue("SELECT id FROM app.time_entry_costs WHERE time_entry_id = ?", deleted);
        try (Connection c = w.plain(w.employeePerson)) {
            Sql.value(c, "SELECT app.delete_time_entry(?, NULL)::text", deleted);
        }
        try (Connection c = w.plain(projectManager)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id = ?", entry)).as("reads the time").isOne();
        }
        for (TestPerson person : List.of(w.employeePerson, projectManager, w.viewerPerson)) {
            try (Connection c = w.plain(person)) {
                assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entry_costs")).as(person.email()).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM app.rate_card_item_costs")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE row_id IN (?, ?) OR table_name IN "
                        + "('app.time_entry_costs', 'app.rate_card_item_costs')", costRow, deletedCostRow)).isZero();
                refused(c, "42501", "INSERT INTO app.time_entry_costs (organization_id, time_entry_id, cost_rate) VALUES (?, ?, 1)",
                        w.org, entry);
                refused(c, "42501", "UPDATE app.time_entry_costs SET cost_rate = 0");
            }
        }
        try (Connection c = w.db.connectAs(outsider)) {
            for (UUID tenant : List.of(w.org, otherOrg)) {
                Sql.selectTenantForSession(c, tenant);
                assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entry_costs")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE organization_id = ?", w.org)).isZero();
            }
        }
        try (Connection c = w.plain(w.managerPerson)) {
            assertThat(Sql.value(c, "SELECT cost_rate FROM app.time_entry_costs WHERE id = ?", costRow).toString())
                    .as("managers do").isEqualTo("40.0000");
        }
        // The tables people read for time carry no cost.
        assertThat(Sql.rows(w.db.superuser(), "SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema = 'app' AND table_name IN ('time_entries', 'project_time_totals', 'time_approval_events', "
                + "'projects', 'project_budget_lines') AND column_name LIKE '%cost%'")).isEmpty();
    }

    @Test
    @DisplayName("cost inference: people cannot call the internal helpers (rates, totals, timers of others, week events)")
    void internalFunctionsAreNotForPeople() throws SQLException {
        assertThat(Sql.rows(w.db.superuser(), """
                SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'app' AND p.proname IN ('resolve_time_rate', 'project_raw_minutes', 'add_to_project_totals',
                       'refresh_project_time_totals', 'time_tenant', 'stop_running_timer', 'record_week_event', 'approver_scope',
                       'is_timer_stop')
                   AND has_function_privilege(?, p.oid, 'EXECUTE')""", w.db.roles().person())).isEmpty();
        UUID running;
        try (Connection c = w.plain(w.colleaguePerson)) {
            running = (UUID) Sql.value(c, "SELECT app.start_timer(?, NULL, NULL)", project);
        }
        try (Connection c = w.plain(w.employeePerson)) {
            refusedCall(c, "42501", "SELECT app.stop_running_timer(?, ?)", w.org, w.colleaguePerson.userId());
            refusedCall(c, "42501", "SELECT app.refresh_project_time_totals(?)", w.org);
            refusedCall(c, "42501", "SELECT (app.resolve_time_rate(?, NULL, ?, ?, DATE '2026-09-01')).id", w.org, w.consulting,
                    w.employeePerson.userId());
            refusedCall(c, "42501", "SELECT app.record_week_event(?, ?, DATE '2026-09-01', 'approved', NULL, 1, 1)", w.org,
                    w.employeePerson.userId());
        }
        assertThat(column(running, "ended_at")).isNull();
        stopTimerOf(w.colleaguePerson);
    }

    @Test
    @DisplayName("approval: nobody approves their own week but owners and admins; no one of another organization approves")
    void noSelfApproval() throws SQLException {
        ProjectDetails own = w.project("Own approval", w.customer);
        w.of(w.manager).projects().update(own.project().withManager(w.employeePerson.userId()));
        entryOf(w.employeePerson, own.project().id(), "2026-09-14", 60);
        entryOf(w.managerPerson, own.project().id(), "2026-09-14", 60);
        w.of(w.employee).approvals().submitWeek(day("2026-09-14"));
        w.of(w.manager).approvals().submitWeek(day("2026-09-14"));
        for (TestPerson person : List.of(w.employeePerson, w.managerPerson)) {
            try (Connection c = w.plain(person)) {
                refusedCall(c, "WL002", "SELECT app.approve_week(?, DATE '2026-09-14')", person.userId());
                refusedCall(c, "WL002", "SELECT app.reject_week(?, DATE '2026-09-14', 'no')", person.userId());
                refused(c, "WL002", "UPDATE app.time_entries SET status = 'approved' WHERE user_id = ?", person.userId());
            }
        }
        try (Connection c = w.plain(w.db.newPerson(w.org, Role.EMPLOYEE))) {
            refusedCall(c, "WL002", "SELECT app.approve_week(?, DATE '2026-09-14')", w.employeePerson.userId());
        }
        try (Connection c = w.db.connectAs(employeeHereManagerThere)) {
            Sql.selectTenantForSession(c, w.org);
            refusedCall(c, "WL002", "SELECT app.approve_week(?, DATE '2026-09-14')", w.employeePerson.userId());
            Sql.selectTenantForSession(c, otherOrg);
            assertThat(Sql.value(c, "SELECT app.approve_week(?, DATE '2026-09-14')", w.employeePerson.userId()))
                    .as("a manager elsewhere acts only on that organization's time").isEqualTo(0);
            // Flipping the selector inside the statement: the function reads it once, and here the person is an employee.
            refusedCall(c, "WL002", "SELECT app.approve_week(?, DATE '2026-09-14') FROM (SELECT set_config('app.tenant_id', ?, true)) flip",
                    w.employeePerson.userId(), w.org.toString());
        }
        try (Connection c = w.db.connectAs(outsider)) {
            Sql.selectTenantForSession(c, w.org);
            refusedCall(c, "WL001", "SELECT app.approve_week(?, DATE '2026-09-14')", w.employeePerson.userId());
        }
        assertThat(w.superValue("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND entry_date = DATE '2026-09-14' "
                + "AND status <> 'submitted'", w.org))
                .isEqualTo(0L);
        // The employee manages the project: a colleague's time there is theirs to approve, their own never.
        assertThat(w.of(w.owner).approvals().approve(w.managerPerson.userId(), day("2026-09-14"))).isOne();
    }

    @Test
    @DisplayName("the lock date is set by owners and admins only")
    void lockDateByAdminsOnly() throws SQLException {
        for (TestPerson person : List.of(w.employeePerson, w.managerPerson, w.viewerPerson, w.colleaguePerson)) {
            try (Connection c = w.plain(person)) {
                assertThat(Sql.update(c, "UPDATE app.organizations SET time_lock_date = DATE '2030-01-01' WHERE id = ?", w.org))
                        .as(person.email()).isZero();
            }
        }
        try (Connection c = w.db.connectAs(outsider)) {
            Sql.selectTenantForSession(c, w.org);
            assertThat(Sql.update(c, "UPDATE app.organizations SET time_lock_date = DATE '2030-01-01' WHERE id = ?", w.org)).isZero();
        }
        assertThat(w.superValue("SELECT time_lock_date FROM app.organizations WHERE id = ?", w.org)).isNull();
    }

    @Test
    @DisplayName("booking: only on open projects of the organization, with a task of the same project, by plain SQL or the timer")
    void bookingWhereAllowed() throws SQLException {
        ProjectDetails done = w.project("Done", w.customer);
        w.of(w.manager).projects().update(done.project().withStatus(ProjectStatus.COMPLETED));
        UUID otherTask;
        try (Connection c = w.plain(w.managerPerson)) {
            otherTask = (UUID) Sql.value(c, "INSERT INTO app.project_tasks (organization_id, project_id, name) VALUES (?, ?, 'Done task') "
                    + "RETURNING id", w.org, done.project().id());
        }
        UUID entry = entryOf(w.employeePerson, project, "2026-09-21", 30);
        stopTimerOf(w.employeePerson);
        try (Connection c = w.plain(w.employeePerson)) {
            refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-09-21', 30, ?)", w.org, done.project().id());
            refusedCall(c, "WL002", "SELECT app.start_timer(?, NULL, NULL)", done.project().id());
            refusedCall(c, "23514", "SELECT app.start_timer(?, ?, NULL)", project, otherTask);
            refused(c, "23514", "UPDATE app.time_entries SET task_id = ? WHERE id = ?", otherTask, entry);
            refused(c, "WL002", "UPDATE app.time_entries SET project_id = ? WHERE id = ?", done.project().id(), entry);
        }
        UUID theirProject = (UUID) w.asOwnerRole("INSERT INTO app.projects (organization_id, name, status) "
                + "VALUES (?, 'Theirs', 'active') RETURNING id", otherOrg);
        try (Connection c = w.plain(w.employeePerson)) {
            refusedAsInvalid(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-09-21', 30, ?) RETURNING id", w.org, theirProject);
            refused(c, "42501", "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-09-21', 30, ?)", otherOrg, theirProject);
            refusedAsInvalid(c, "SELECT app.start_timer(?, NULL, NULL)", theirProject);
        }
        try (Connection c = w.db.connectAs(outsider)) {
            Sql.selectTenantForSession(c, otherOrg);
            refusedAsInvalid(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-09-21', 30, ?) RETURNING id", otherOrg, project);
            refused(c, "42501", "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-09-21', 30, ?)", w.org, project);
            assertThat(Sql.update(c, "UPDATE app.time_entries SET raw_minutes = 1 WHERE id = ?", entry)).isZero();
        }
        assertThat(column(entry, "project_id")).isEqualTo(project);
        assertThat(column(entry, "raw_minutes")).isEqualTo(30);
    }

    @Test
    @DisplayName("status, rates, amounts, rounded minutes are the database's for managers and owners too")
    void moneyColumnsForNobody() throws SQLException {
        UUID entry = entryOf(w.employeePerson, project, "2026-09-28", 60);
        for (TestPerson person : List.of(w.managerPerson, w.ownerPerson)) {
            try (Connection c = w.plain(person)) {
                for (String change : List.of("status = 'submitted'", "billing_rate = 1", "amount = 1", "billable_minutes = 1",
                        "rounding_unit = 240", "rate_card_item_id = NULL", "rated_at = now()", "approved_at = now()",
                        "created_by = NULL")) {
                    refused(c, "WL002", "UPDATE app.time_entries SET " + change + " WHERE id = ?", entry);
                }
                refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, user_id, entry_date, raw_minutes, project_id, "
                        + "billable_minutes) VALUES (?, ?, DATE '2026-09-28', 60, ?, 600)", w.org, w.employeePerson.userId(), project);
            }
        }
        assertThat(column(entry, "amount").toString()).isEqualTo("100.0000");
        assertThat(column(entry, "status")).isEqualTo("draft");
    }

    @Test
    @DisplayName("one running timer per person and organization, however it is started")
    void oneRunningTimer() throws SQLException {
        stopTimerOf(w.colleaguePerson);
        try (Connection c = w.plain(w.colleaguePerson)) {
            Sql.value(c, "SELECT app.start_timer(?, NULL, NULL)", project);
            Sql.value(c, "SELECT app.start_timer(?, NULL, NULL)", project);
            refused(c, "23505", "INSERT INTO app.time_entries (organization_id, entry_date, started_at, project_id) "
                    + "VALUES (?, current_date, now(), ?)", w.org, project);
            UUID finished = entryOf(w.colleaguePerson, project, "2026-10-05", 0);
            refused(c, "23505", "UPDATE app.time_entries SET started_at = now(), ended_at = NULL WHERE id = ?", finished);
        }
        try (Connection c = w.plain(w.managerPerson)) {
            refused(c, "23505", "INSERT INTO app.time_entries (organization_id, user_id, entry_date, started_at, project_id) "
                    + "VALUES (?, ?, current_date, now(), ?)", w.org, w.colleaguePerson.userId(), project);
        }
        assertThat(w.superValue("SELECT count(*) FROM app.time_entries WHERE organization_id = ? AND user_id = ? "
                + "AND started_at IS NOT NULL AND ended_at IS NULL", w.org, w.colleaguePerson.userId())).isEqualTo(1L);
        stopTimerOf(w.colleaguePerson);
    }

    @Test
    @DisplayName("totals and approval events: people read their own rows, a project's manager those of the project, outsiders none")
    void totalsAndEventsFollowTheRules() throws SQLException {
        TestPerson projectManager = w.db.newPerson(w.org, Role.EMPLOYEE);
        ProjectDetails managed = w.project("Totals managed", w.customer);
        w.of(w.manager).projects().update(managed.project().withManager(projectManager.userId()));
        entryOf(w.employeePerson, managed.project().id(), "2026-10-12", 45);
        entryOf(w.employeePerson, project, "2026-10-12", 15);
        entryOf(w.managerPerson, project, "2026-10-12", 25);
        w.of(w.employee).approvals().submitWeek(day("2026-10-12"));
        try (Connection c = w.plain(projectManager)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.project_time_totals WHERE user_id = ? AND project_id = ?",
                    w.employeePerson.userId(), managed.project().id())).as("the project's manager").isOne();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.project_time_totals WHERE project_id <> ?", managed.project().id()))
                    .as("not of other projects").isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_approval_events WHERE user_id = ?", w.employeePerson.userId()))
                    .as("nor others' weeks").isZero();
            refused(c, "42501", "INSERT INTO app.time_approval_events (organization_id, user_id, week_start, action, entries, minutes) "
                    + "VALUES (?, ?, DATE '2026-10-12', 'approved', 1, 1)", w.org, projectManager.userId());
            refused(c, "42501", "UPDATE app.project_time_totals SET raw_minutes = 0");
            refused(c, "42501", "INSERT INTO app.project_time_totals (organization_id, project_id, user_id) VALUES (?, ?, ?)",
                    w.org, project, projectManager.userId());
        }
        try (Connection c = w.plain(w.employeePerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.project_time_totals WHERE user_id <> ?", w.employeePerson.userId()))
                    .isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.project_time_totals' "
                    + "AND (new_data ->> 'user_id' <> ? OR old_data ->> 'user_id' <> ?)",
                    w.employeePerson.userId().toString(), w.employeePerson.userId().toString())).as("nor their history").isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_approval_events WHERE user_id = ?", w.employeePerson.userId()))
                    .as("their own week's events").isPositive();
        }
        try (Connection c = w.plain(w.viewerPerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.project_time_totals")).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_approval_events")).isZero();
        }
        try (Connection c = w.db.connectAs(outsider)) {
            for (UUID tenant : List.of(w.org, otherOrg)) {
                Sql.selectTenantForSession(c, tenant);
                assertThat(Sql.count(c, "SELECT count(*) FROM app.project_time_totals WHERE organization_id = ?", w.org)).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM app.time_approval_events WHERE organization_id = ?", w.org)).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM app.project_budget_figures(ARRAY[?]::uuid[])", project)).isZero();
            }
        }
    }

    @Test
    @DisplayName("deleting: own open entries; a project's manager, viewers and outsiders delete nothing; approved own time stays")
    void deleteRules() throws SQLException {
        TestPerson projectManager = w.db.newPerson(w.org, Role.EMPLOYEE);
        ProjectDetails managed = w.project("Delete managed", w.customer);
        w.of(w.manager).projects().update(managed.project().withManager(projectManager.userId()));
        UUID entry = entryOf(w.employeePerson, managed.project().id(), "2026-10-19", 30);
        UUID managersOwn = entryOf(w.managerPerson, project, "2026-10-19", 30);
        w.of(w.manager).approvals().submitWeek(day("2026-10-19"));
        w.of(w.owner).approvals().approve(w.managerPerson.userId(), day("2026-10-19"));
        try (Connection c = w.plain(projectManager)) {
            refusedCall(c, "WL003", "SELECT app.delete_time_entry(?, NULL)::text", entry);
        }
        try (Connection c = w.plain(w.viewerPerson)) {
            refusedCall(c, "WL002", "SELECT app.delete_time_entry(?, NULL)::text", entry);
        }
        try (Connection c = w.plain(w.managerPerson)) {
            refusedCall(c, "WL002", "SELECT app.delete_time_entry(?, NULL)::text", managersOwn);
        }
        try (Connection c = w.db.connectAs(employeeHereManagerThere)) {
            for (UUID tenant : List.of(w.org, otherOrg)) {
                Sql.selectTenantForSession(c, tenant);
                refusedCall(c, "WL003", "SELECT app.delete_time_entry(?, NULL)::text", entry);
            }
        }
        try (Connection c = w.db.connectAs(outsider)) {
            Sql.selectTenantForSession(c, otherOrg);
            refusedCall(c, "WL003", "SELECT app.delete_time_entry(?, NULL)::text", entry);
        }
        assertThat(w.superValue("SELECT count(*) FROM app.time_entries WHERE id IN (?, ?)", entry, managersOwn)).isEqualTo(2L);
    }

    @Test
    @DisplayName("project numbers come only from the issuing trigger, for writers of the project's organization")
    void projectNumbers() throws SQLException {
        try (Connection c = w.plain(w.employeePerson)) {
            String number = (String) Sql.value(c, "INSERT INTO app.projects (organization_id, name, number) VALUES (?, 'Numbered', 'P-HACK') "
                    + "RETURNING number", w.org);
            assertThat(number).isNotEqualTo("P-HACK");
            refused(c, "WL002", "UPDATE app.projects SET number = 'P-HACK' WHERE organization_id = ? AND number = ?", w.org, number);
            refusedCall(c, "42501", "SELECT sec.issue_number(?, 'project', NULL)", w.org);
        }
        Object counter = w.superValue("SELECT string_agg(next_value::text, ',') FROM app.number_series WHERE organization_id = ? "
                + "AND kind = 'project'", w.org);
        try (Connection c = w.plain(w.viewerPerson)) {
            refused(c, "42501", "INSERT INTO app.projects (organization_id, name) VALUES (?, 'Viewer numbered')", w.org);
        }
        try (Connection c = w.db.connectAs(outsider)) {
            Sql.selectTenantForSession(c, otherOrg);
            refused(c, "42501", "INSERT INTO app.projects (organization_id, name) VALUES (?, 'Foreign numbered')", w.org);
        }
        assertThat(w.superValue("SELECT string_agg(next_value::text, ',') FROM app.number_series WHERE organization_id = ? "
                + "AND kind = 'project'", w.org)).as("the counter did not move").isEqualTo(counter);
    }

    @Test
    @DisplayName("an employee cannot close a project, move its dates or make its time non-billable; its own manager can")
    void projectStatusByManagers() throws SQLException {
        UUID id = w.project("Status by managers", w.customer).project().id();
        String[] changes = {"status = 'completed'", "status = 'cancelled'", "start_date = DATE '2020-01-01'",
                "end_date = DATE '2020-01-02'", "default_billable = NOT default_billable"};
        try (Connection c = w.plain(w.employeePerson)) {
            for (String change : changes) {
                refused(c, "WL002", "UPDATE app.projects SET " + change + " WHERE id = ?", id);
            }
            assertThat(Sql.update(c, "UPDATE app.projects SET name = name || ' (renamed)', description = 'planned' WHERE id = ?", id))
                    .as("name and description stay open to employees").isEqualTo(1);
        }
        assertThat(w.superValue("SELECT status || ' ' || default_billable FROM app.projects WHERE id = ?", id))
                .isEqualTo("active true");
        w.superValue("UPDATE app.projects SET manager_id = ? WHERE id = ? RETURNING id", w.employeePerson.userId(), id);
        try (Connection c = w.plain(w.employeePerson)) {
            for (String change : changes) {
                assertThat(Sql.update(c, "UPDATE app.projects SET " + change + " WHERE id = ?", id)).as(change).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("definer functions pin search_path with pg_temp last, so a person's temporary objects steer nothing")
    void temporaryObjectsSteerNothing() throws SQLException {
        assertThat(Sql.rows(w.db.superuser(), """
                SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname IN ('app', 'sec', 'audit') AND p.prokind = 'f'
                   AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) s WHERE s LIKE 'search_path=%pg_temp')""")).isEmpty();
        UUID entry = entryOf(w.employeePerson, project, "2026-03-20", 30);
        lockAt(day("2026-03-31"));
        try (Connection c = w.plain(w.employeePerson)) {
            Sql.execute(c, "CREATE TEMP TABLE organizations (id uuid, time_lock_date date, time_rounding_unit int, "
                    + "time_rounding_direction text, base_currency text, timezone text)");
            Sql.update(c, "INSERT INTO pg_temp.organizations VALUES (?, NULL, 1, 'up', 'EUR', 'UTC')", w.org);
            Sql.execute(c, "CREATE TEMP TABLE time_entries (LIKE app.time_entries)");
            Sql.execute(c, "SET search_path = pg_temp, app, sec, public");
            refused(c, "WL002", "UPDATE app.time_entries SET raw_minutes = 90 WHERE id = ?", entry);
            refusedCall(c, "WL002", "SELECT app.delete_time_entry(?, NULL)::text", entry);
        } finally {
            lockAt(null);
        }
        assertThat(column(entry, "raw_minutes")).isEqualTo(30);
    }
}
