package com.workline.persistence.projects;

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
import java.util.List;
import java.util.UUID;

import static com.workline.persistence.projects.TimeWorld.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database enforces on time, tried by a hostile client with plain SQL and a valid login (as with psql):
 * approved and invoiced entries, rates and status, the lock date, whose entries a person sees and changes, viewers,
 * costs, another organization.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeLockingTest {
    private TimeWorld w;
    private UUID project;

    @BeforeAll
    void world() {
        w = new TimeWorld("Locking");
        w.rate(w.defaultCard, w.consulting, null, null, "2026-01-01", null, "100", "40");
        project = w.project("Locked", w.customer).project().id();
    }

    @AfterAll
    void close() {
        w.close();
    }

    /** A finished entry of the person (inserted with plain SQL as that person), returning its id. */
    private UUID entryOf(TestPerson person, String date, int minutes) throws SQLException {
        try (Connection c = w.plain(person)) {
            return (UUID) Sql.value(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id, "
                    + "service_category_id) VALUES (?, ?, ?, ?, ?) RETURNING id", w.org, day(date), minutes, project, w.consulting);
        }
    }

    private static String state(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    private void refused(Connection c, String expectedState, String sql, Object... parameters) {
        assertThatThrownBy(() -> Sql.update(c, sql, parameters)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(state(e)).isEqualTo(expectedState));
    }

    private Object column(UUID entry, String column) {
        return w.superValue("SELECT " + column + " FROM app.time_entries WHERE id = ?", entry);
    }

    @Test
    @DisplayName("an employee cannot set status, rates, amounts or approval with plain SQL, on insert or update")
    void statusAndRatesAreTheDatabases() throws SQLException {
        UUID entry = entryOf(w.employeePerson, "2026-05-04", 60);
        assertThat(column(entry, "billing_rate").toString()).isEqualTo("100.0000");
        try (Connection c = w.plain(w.employeePerson)) {
            for (String change : List.of("status = 'approved'", "status = 'invoiced', invoice_line_id = gen_random_uuid()",
                    "billing_rate = 1000", "amount = 5000", "billable_minutes = 600", "approved_by = user_id",
                    "rate_card_item_id = NULL", "rounding_unit = 60", "rated_at = NULL", "submitted_at = now()")) {
                refused(c, "WL002", "UPDATE app.time_entries SET " + change + " WHERE id = ?", entry);
            }
            for (String columns : List.of("status, ", "billing_rate, ", "amount, ", "invoice_line_id, status, ")) {
                String value = switch (columns) {
                    case "status, " -> "'approved', ";
                    case "billing_rate, " -> "999, ";
                    case "amount, " -> "999, ";
                    default -> "gen_random_uuid(), 'invoiced', ";
                };
                refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, " + columns + "entry_date, raw_minutes, "
                        + "project_id) VALUES (?, " + value + "DATE '2026-05-05', 30, ?)", w.org, project);
            }
        }
        assertThat(column(entry, "status")).isEqualTo("draft");
        assertThat(column(entry, "amount").toString()).isEqualTo("100.0000");
    }

    @Test
    @DisplayName("an employee cannot change or delete an approved entry; a manager can change it")
    void approvedLockedForItsPerson() throws SQLException {
        UUID entry = entryOf(w.employeePerson, "2026-05-11", 60);
        w.of(w.employee).approvals().submitWeek(day("2026-05-11"));
        w.of(w.manager).approvals().approve(w.employeePerson.userId(), day("2026-05-11"));
        assertThat(column(entry, "status")).isEqualTo("approved");
        try (Connection c = w.plain(w.employeePerson)) {
            refused(c, "WL002", "UPDATE app.time_entries SET raw_minutes = 600 WHERE id = ?", entry);
            refused(c, "WL002", "UPDATE app.time_entries SET description = 'changed' WHERE id = ?", entry);
            assertThatThrownBy(() -> Sql.value(c, "SELECT app.delete_time_entry(?, NULL)::text", entry))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
            refused(c, "42501", "DELETE FROM app.time_entries WHERE id = ?", entry);
        }
        try (Connection c = w.plain(w.managerPerson)) {
            assertThat(Sql.update(c, "UPDATE app.time_entries SET description = 'corrected by the manager' WHERE id = ?", entry))
                    .isOne();
        }
        assertThat(column(entry, "raw_minutes")).isEqualTo(60);
        assertThat(column(entry, "status")).isEqualTo("approved");
    }

    @Test
    @DisplayName("an invoiced entry changes for nobody: not its person, not a manager, not the owner; nor is it deleted")
    void invoicedLockedForEveryone() throws SQLException {
        UUID entry = entryOf(w.employeePerson, "2026-05-18", 60);
        w.asSuperuser("UPDATE app.time_entries SET status = 'invoiced', invoice_line_id = gen_random_uuid() WHERE id = ?", entry);
        for (TestPerson person : List.of(w.employeePerson, w.managerPerson, w.ownerPerson)) {
            try (Connection c = w.plain(person)) {
                refused(c, "WL002", "UPDATE app.time_entries SET description = 'changed' WHERE id = ?", entry);
                refused(c, "WL002", "UPDATE app.time_entries SET status = 'approved', invoice_line_id = NULL WHERE id = ?", entry);
                assertThatThrownBy(() -> Sql.value(c, "SELECT app.delete_time_entry(?, NULL)::text", entry))
                        .as(person.email()).satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
                if (person == w.employeePerson) {
                    assertThatThrownBy(() -> Sql.value(c, "SELECT app.reject_week(?, ?, 'reopen')", w.employeePerson.userId(),
                            day("2026-05-18"))).satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
                } else {
                    assertThat(Sql.value(c, "SELECT app.reject_week(?, ?, 'reopen')", w.employeePerson.userId(), day("2026-05-18")))
                            .as("rejecting reopens submitted and approved time, never invoiced time").isEqualTo(0);
                }
            }
        }
        assertThat(column(entry, "status")).isEqualTo("invoiced");
        assertThat(column(entry, "description")).isNull();
    }

    @Test
    @DisplayName("a credit note gives invoiced time back: invoicing's functions (the owner role) return it to approved and "
            + "unbilled, also behind the lock date, with its frozen amount; people still cannot, and it is billed once at a time")
    void creditNoteReturnsTimeToUnbilled() throws SQLException {
        UUID entry = entryOf(w.employeePerson, "2026-05-19", 90);
        Object amount = column(entry, "amount");
        UUID line = UUID.randomUUID();
        w.asOwnerRole("UPDATE app.time_entries SET status = 'invoiced', invoice_line_id = ? WHERE id = ? RETURNING id", line, entry);
        w.of(w.owner).settings().save(w.of(w.owner).settings().load().withLockDate(day("2026-05-31")));
        try {
            try (Connection c = w.plain(w.ownerPerson)) {
                refused(c, "WL002", "UPDATE app.time_entries SET status = 'approved', invoice_line_id = NULL WHERE id = ?", entry);
            }
            assertThatThrownBy(() -> w.asOwnerRole("UPDATE app.time_entries SET status = 'approved' WHERE id = ? RETURNING id", entry))
                    .as("invoiced time has its invoice line, unbilled time none").hasMessageContaining("23514");
            w.asOwnerRole("UPDATE app.time_entries SET status = 'approved', invoice_line_id = NULL WHERE id = ? RETURNING id", entry);
            assertThat(column(entry, "status")).isEqualTo("approved");
            assertThat(column(entry, "invoice_line_id")).isNull();
            assertThat(column(entry, "amount")).as("the frozen amount stays").isEqualTo(amount);
            assertThatThrownBy(() -> w.asOwnerRole("UPDATE app.time_entries SET raw_minutes = 30 WHERE id = ? RETURNING id", entry))
                    .as("the credit note changes nothing else behind the lock date").hasMessageContaining("WL002");
            w.asOwnerRole("UPDATE app.time_entries SET status = 'invoiced', invoice_line_id = ? WHERE id = ? RETURNING id",
                    UUID.randomUUID(), entry);
            assertThat(column(entry, "invoice_line_id")).as("billed again on one new line, never on two").isNotEqualTo(line);
        } finally {
            w.of(w.owner).settings().save(w.of(w.owner).settings().load().withLockDate(null));
        }
    }

    @Test
    @DisplayName("nothing on or before the lock date is inserted, changed, moved or deleted, by anyone")
    void lockDate() throws SQLException {
        UUID march = entryOf(w.employeePerson, "2026-03-10", 60);
        UUID april = entryOf(w.employeePerson, "2026-04-10", 60);
        w.of(w.owner).settings().save(w.of(w.owner).settings().load().withLockDate(day("2026-03-31")));
        try {
            for (TestPerson person : List.of(w.employeePerson, w.managerPerson, w.ownerPerson)) {
                try (Connection c = w.plain(person)) {
                    refused(c, "WL002", "INSERT INTO app.time_entries (organization_id, user_id, entry_date, raw_minutes, project_id) "
                            + "VALUES (?, ?, DATE '2026-03-31', 30, ?)", w.org, w.employeePerson.userId(), project);
                    refused(c, "WL002", "UPDATE app.time_entries SET raw_minutes = 90 WHERE id = ?", march);
                    refused(c, "WL002", "UPDATE app.time_entries SET entry_date = DATE '2026-03-30' WHERE id = ?", april);
                    assertThatThrownBy(() -> Sql.value(c, "SELECT app.delete_time_entry(?, NULL)::text", march))
                            .satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
                }
            }
            assertThat(w.of(w.employee).approvals().submitWeek(day("2026-03-10"))).as("locked days stay as they are").isZero();
            try (Connection c = w.plain(w.employeePerson)) {
                assertThat(Sql.update(c, "UPDATE app.time_entries SET raw_minutes = 90 WHERE id = ?", april)).isOne();
            }
        } finally {
            w.of(w.owner).settings().save(w.of(w.owner).settings().load().withLockDate(null));
        }
        assertThat(column(march, "raw_minutes")).isEqualTo(60);
        assertThat(column(april, "entry_date")).isEqualTo(java.sql.Date.valueOf("2026-04-10"));
    }

    @Test
    @DisplayName("employees see and change only their own entries and totals; managers all; viewers write nothing")
    void ownEntriesOnly() throws SQLException {
        UUID mine = entryOf(w.employeePerson, "2026-06-01", 30);
        UUID theirs = entryOf(w.colleaguePerson, "2026-06-01", 45);
        try (Connection c = w.plain(w.employeePerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id = ?", theirs)).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE user_id <> ?", w.employeePerson.userId())).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id = ?", mine)).isOne();
            assertThat(Sql.update(c, "UPDATE app.time_entries SET raw_minutes = 1 WHERE id = ?", theirs)).isZero();
            refused(c, "42501", "INSERT INTO app.time_entries (organization_id, user_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, ?, DATE '2026-06-02', 30, ?)", w.org, w.colleaguePerson.userId(), project);
            refused(c, "42501", "UPDATE app.time_entries SET user_id = ? WHERE id = ?", w.colleaguePerson.userId(), mine);
            assertThat(Sql.count(c, "SELECT count(*) FROM app.project_time_totals WHERE user_id <> ?",
                    w.employeePerson.userId())).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE row_id = ?", theirs)).as("history too").isZero();
            assertThatThrownBy(() -> Sql.value(c, "SELECT app.delete_time_entry(?, NULL)::text", theirs))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("WL003"));
            // The project's figures are everyone's to see, as totals.
            assertThat(Sql.count(c, "SELECT raw_minutes FROM app.project_budget_figures(ARRAY[?]::uuid[])", project))
                    .isGreaterThanOrEqualTo(75);
        }
        assertThat(column(theirs, "raw_minutes")).isEqualTo(45);
        try (Connection c = w.plain(w.managerPerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id IN (?, ?)", mine, theirs)).isEqualTo(2);
            assertThat(Sql.update(c, "UPDATE app.time_entries SET raw_minutes = 50 WHERE id = ?", theirs)).isOne();
        }
        try (Connection c = w.plain(w.viewerPerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries")).isZero();
            refused(c, "42501", "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-06-02', 30, ?)", w.org, project);
            refused(c, "42501", "INSERT INTO app.projects (organization_id, name) VALUES (?, 'Viewer''s project')", w.org);
            assertThatThrownBy(() -> Sql.value(c, "SELECT app.start_timer(?, NULL, NULL)", project))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
            assertThatThrownBy(() -> Sql.value(c, "SELECT app.submit_week(DATE '2026-06-01')"))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
        }
    }

    @Test
    @DisplayName("a project's manager reads the time of their project (not costs, not other projects) and approves it")
    void projectManager() throws SQLException {
        ProjectDetails managed = w.project("Managed", w.customer);
        w.of(w.manager).projects().update(managed.project().withManager(w.colleaguePerson.userId()));
        UUID inManaged;
        try (Connection c = w.plain(w.employeePerson)) {
            inManaged = (UUID) Sql.value(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id) "
                    + "VALUES (?, DATE '2026-06-08', 30, ?) RETURNING id", w.org, managed.project().id());
        }
        UUID elsewhere = entryOf(w.employeePerson, "2026-06-08", 20);
        w.of(w.employee).approvals().submitWeek(day("2026-06-08"));
        try (Connection c = w.plain(w.colleaguePerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id = ?", inManaged)).isOne();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE id = ?", elsewhere)).isZero();
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entry_costs")).isZero();
            assertThat(Sql.update(c, "UPDATE app.time_entries SET raw_minutes = 1 WHERE id = ?", inManaged)).isZero();
        }
        ApprovalPage queue = w.of(w.colleague).approvals().queue(null, 50);
        assertThat(queue.rows()).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(w.employeePerson.userId());
            assertThat(r.minutes()).isEqualTo(30);
        });
        assertThat(w.of(w.colleague).approvals().approve(w.employeePerson.userId(), day("2026-06-08"))).isOne();
        assertThat(column(inManaged, "status")).isEqualTo("approved");
        assertThat(column(elsewhere, "status")).isEqualTo("submitted");
        // An employee who manages no project approves nothing.
        TestPerson nobody = w.db.newPerson(w.org, Role.EMPLOYEE);
        try (Connection c = w.plain(nobody)) {
            assertThatThrownBy(() -> Sql.value(c, "SELECT app.approve_week(?, DATE '2026-06-08')", w.employeePerson.userId()))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
        }
    }

    @Test
    @DisplayName("another organization's admin sees none of it and reaches none of it through the functions")
    void otherOrganization() throws SQLException {
        UUID entry = entryOf(w.employeePerson, "2026-06-15", 30);
        UUID otherOrg = w.db.newOrganization("Other");
        TestPerson intruder = w.db.newPerson(otherOrg, Role.ADMIN);
        try (Connection c = w.db.connectAs(intruder)) {
            for (UUID tenant : List.of(w.org, otherOrg)) {
                Sql.selectTenantForSession(c, tenant);
                assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entries WHERE organization_id = ?", w.org)).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM app.project_budget_figures(NULL)")).isZero();
                if (tenant.equals(w.org)) {
                    assertThatThrownBy(() -> Sql.value(c, "SELECT app.approve_week(?, DATE '2026-06-15')",
                            w.employeePerson.userId())).satisfies(e -> assertThat(state(e)).isEqualTo("WL001"));
                } else {
                    assertThat(Sql.value(c, "SELECT app.approve_week(?, DATE '2026-06-15')", w.employeePerson.userId()))
                            .as("only its own organization's time").isEqualTo(0);
                }
                assertThatThrownBy(() -> Sql.value(c, "SELECT app.delete_time_entry(?, NULL)::text", entry))
                        .satisfies(e -> assertThat(state(e)).isIn("WL001", "WL003"));
                assertThatThrownBy(() -> Sql.value(c, "SELECT app.start_timer(?, NULL, NULL)", project))
                        .isInstanceOf(SQLException.class);
                if (tenant.equals(w.org)) {
                    assertThatThrownBy(() -> Sql.value(c, "SELECT app.rerate_time_entries(?, DATE '2026-01-01', DATE '2026-12-31')",
                            project)).satisfies(e -> assertThat(state(e)).isEqualTo("WL001"));
                } else {
                    assertThat(Sql.value(c, "SELECT app.rerate_time_entries(?, DATE '2026-01-01', DATE '2026-12-31')", project))
                            .as("its own organization has no such project").isEqualTo(0);
                }
            }
        }
        assertThat(column(entry, "status")).isEqualTo("draft");
    }
}
