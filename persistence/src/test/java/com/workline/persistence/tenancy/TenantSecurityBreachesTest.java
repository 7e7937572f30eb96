package com.workline.persistence.tenancy;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.session.Role;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TenantTables;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.util.PasswordUtil;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attack classes of the tenant security review (docs/security-model.md, "Attack classes"), each tried
 * with plain JDBC and real logins, over every table or function it applies to (read from the catalog).
 */
@DisplayName("Tenant security: attack classes")
class TenantSecurityBreachesTest {
    private static TestDatabase db;
    private static UUID orgA;
    private static UUID orgB;
    private static TestPerson ownerA;
    private static TestPerson adminA;
    private static TestPerson managerA;
    private static TestPerson employeeA;
    private static TestPerson viewerA;
    private static TestPerson adminB;
    /** Employee in A, owner in B (attached by IT): the person of the selector-flip attacks. */
    private static TestPerson employeeAOwnerB;
    /** Viewer in A, owner in B (attached by IT). */
    private static TestPerson viewerAOwnerB;

    @BeforeAll
    static void twoOrganizations() throws SQLException {
        db = TestDatabase.get();
        orgA = db.newOrganization("Alpha");
        orgB = db.newOrganization("Bravo");
        ownerA = db.newPerson(orgA, Role.OWNER);
        adminA = db.newPerson(orgA, Role.ADMIN);
        managerA = db.newPerson(orgA, Role.MANAGER);
        employeeA = db.newPerson(orgA, Role.EMPLOYEE);
        viewerA = db.newPerson(orgA, Role.VIEWER);
        adminB = db.newPerson(orgB, Role.ADMIN);
        db.newPerson(orgB, Role.OWNER);
        employeeAOwnerB = attachedByIt(db.newPerson(orgA, Role.EMPLOYEE), orgB, Role.OWNER);
        viewerAOwnerB = attachedByIt(db.newPerson(orgA, Role.VIEWER), orgB, Role.OWNER);
        Fixtures.crmDataOf(db, orgA, ownerA.userId());
        Fixtures.crmDataOf(db, orgB, adminB.userId());
        // A's owner changes settings (audited) so that A has history of its own.
        try (Connection c = db.connectAs(ownerA)) {
            Sql.selectTenantForSession(c, orgA);
            Sql.update(c, "UPDATE app.organizations SET legal_name = 'Alpha Secret GmbH' WHERE id = ?", orgA);
        }
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "ANALYZE");
        }
    }

    private static TestPerson attachedByIt(TestPerson person, UUID org, Role role) {
        db.provisioning().addPerson(org, new NewPerson(person.email(), "Test", "Shared", role, null));
        return person;
    }

    private static String verifier(String password) {
        return PasswordUtil.encodeScramSha256(password.toCharArray());
    }

    private static String state(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    // =============================================================================================
    @Nested
    @DisplayName("1-3. organization admins act only inside their organization")
    class AccountsStayInsideTheirOrganization {

        @Test
        @DisplayName("1. an admin of B cannot pre-create an account that A adds later: A is told to ask IT")
        void noAccountPreTakeover() throws SQLException {
            String email = "next.hire." + db.unique() + "@alpha.test";
            try (Connection b = db.connectAs(adminB)) {
                Sql.selectTenantForSession(b, orgB);
                Sql.value(b, "SELECT sec.create_user(?, 'Next', 'Hire', 'employee', ?)", email, verifier("chosen-by-bravo"));
            }
            try (Connection a = db.connectAs(adminA)) {
                Sql.selectTenantForSession(a, orgA);
                assertThatThrownBy(() -> Sql.value(a, "SELECT sec.create_user(?, 'Next', 'Hire', 'employee', ?)",
                        email, verifier("chosen-by-alpha")))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(state(e)).isEqualTo("WL009"))
                        .hasMessageContaining("Ask your IT department")
                        .hasMessageNotContaining("Next").hasMessageNotContaining("Hire").hasMessageNotContaining("Bravo");
            }
            assertThat(Sql.count(db.superuser(), """
                    SELECT count(*) FROM sec.memberships m JOIN sec.users u ON u.id = m.user_id
                     WHERE lower(u.email) = lower(?) AND m.organization_id = ?""", email, orgA)).isZero();
        }

        @Test
        @DisplayName("3. an admin of B cannot attach A's person by e-mail and learns nothing of their profile")
        void noAttachByEmail() throws SQLException {
            try (Connection b = db.connectAs(adminB)) {
                Sql.selectTenantForSession(b, orgB);
                assertThatThrownBy(() -> Sql.value(b, "SELECT sec.create_user(?, 'X', 'Y', 'viewer', NULL)", employeeA.email()))
                        .isInstanceOf(SQLException.class).satisfies(e -> assertThat(state(e)).isEqualTo("WL009"));
                assertThat(Sql.count(b, "SELECT count(*) FROM sec.users WHERE id = ? OR lower(email) = lower(?)",
                        employeeA.userId(), employeeA.email())).isZero();
                assertThat(Sql.count(b, "SELECT count(*) FROM sec.organization_members WHERE user_id = ?", employeeA.userId())).isZero();
            }
            try (Connection a = db.connectAs(employeeA)) {
                assertThat(Sql.rows(a, "SELECT organization_id FROM sec.my_organizations()")).containsExactly(List.of(orgA));
            }
        }

        @Test
        @DisplayName("the refusal is the same whichever organization the account belongs to, active or not")
        void refusalRevealsNothing() throws SQLException {
            TestPerson inactiveElsewhere = db.newPerson(db.newOrganization("Charlie"), Role.EMPLOYEE);
            List<String> messages = new ArrayList<>();
            try (Connection b = db.connectAs(adminB)) {
                Sql.selectTenantForSession(b, orgB);
                for (TestPerson p : List.of(employeeA, ownerA, inactiveElsewhere)) {
                    try {
                        Sql.value(b, "SELECT sec.create_user(?, 'X', 'Y', 'viewer', ?)", p.email(), verifier("whatever-123"));
                        messages.add("created");
                    } catch (SQLException e) {
                        messages.add(e.getSQLState() + " " + e.getMessage().replace(p.email(), "<email>"));
                    }
                }
            }
            assertThat(messages).hasSize(3).allMatch(m -> m.startsWith("WL009")).containsOnly(messages.get(0));
        }

        @Test
        @DisplayName("2. a password reset needs every organization of the person, active or deactivated")
        void passwordResetNeedsEveryMembership() throws SQLException {
            TestPerson shared = attachedByIt(db.newPerson(orgA, Role.EMPLOYEE), orgB, Role.EMPLOYEE);
            try (Connection a = db.connectAs(adminA)) {
                Sql.selectTenantForSession(a, orgA);
                Sql.value(a, "SELECT sec.set_member_active(?, false)::text", shared.userId());
            }
            try (Connection b = db.connectAs(adminB)) {
                Sql.selectTenantForSession(b, orgB);
                assertThatThrownBy(() -> Sql.value(b, "SELECT sec.reset_password(?, ?)::text", shared.userId(), verifier("taken-over-1")))
                        .isInstanceOf(SQLException.class).satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
                // B leaves no trace to hide behind: deactivating B's own membership would not help either.
            }
            try (Connection still = db.connectAs(shared)) {
                assertThat(still.isValid(2)).as("the password is unchanged").isTrue();
            }
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("4. a statement that changes the tenant selector while it runs gains no role")
    class SelectorFlip {
        private static final List<Map<String, String>> PLANS = List.of(
                Map.of(),
                Map.of("enable_hashjoin", "off", "enable_mergejoin", "off"),
                Map.of("enable_nestloop", "off", "enable_hashjoin", "off"),
                Map.of("enable_nestloop", "off", "enable_mergejoin", "off"),
                Map.of("enable_seqscan", "off", "enable_bitmapscan", "off"),
                Map.of("enable_indexscan", "off", "enable_bitmapscan", "off", "enable_indexonlyscan", "off"));

        /** The flip statements against one table, A's rows as the target; {@code %s} is the table. */
        private List<String> flips(String table, String column) {
            String a = orgA.toString();
            String b = orgB.toString();
            return List.of(
                    // The selector flips to B (where the person is owner) between A's rows.
                    "UPDATE " + table + " t SET version = version FROM (VALUES (1, '" + a + "'), (2, '" + b + "'), (3, '" + a + "'), (4, '" + b + "')) v(n, s)"
                            + " WHERE t." + column + " = '" + a + "' AND set_config('app.tenant_id', v.s, true) IS NOT NULL",
                    // The selector flips while the new row versions are computed (before triggers and checks run).
                    "UPDATE " + table + " t SET version = CASE WHEN set_config('app.tenant_id', CASE WHEN random() < 2 THEN '" + b
                            + "' END, true) IS NOT NULL THEN version END WHERE t." + column + " = '" + a + "'",
                    "UPDATE " + table + " t SET version = version WHERE t." + column + " = '" + a
                            + "' AND set_config('app.tenant_id', '" + b + "', true) IS NOT NULL",
                    "DELETE FROM " + table + " t USING (VALUES (1, '" + a + "'), (2, '" + b + "')) v(n, s)"
                            + " WHERE t." + column + " = '" + a + "' AND set_config('app.tenant_id', v.s, true) IS NOT NULL");
        }

        @TestFactory
        @DisplayName("viewer in A and owner in B changes nothing of A, whatever the plan")
        Stream<DynamicTest> flipAgainstEveryTable() throws SQLException {
            List<String> tables = new ArrayList<>(TenantTables.withOrganizationId(db.superuser()));
            tables.add("app.organizations");
            return tables.stream().map(table -> DynamicTest.dynamicTest(table, () -> {
                String column = table.equals("app.organizations") ? "id" : "organization_id";
                String before = Fixtures.fingerprint(db, table, orgA);
                for (TestPerson attacker : List.of(viewerAOwnerB, employeeAOwnerB)) {
                    try (Connection c = db.connectAs(attacker)) {
                        c.setAutoCommit(false);
                        for (Map<String, String> plan : PLANS) {
                            for (String start : List.of(orgA.toString(), orgB.toString())) {
                                for (String flip : flips(table, column)) {
                                    Sql.value(c, "SELECT set_config('app.tenant_id', ?, true)", start);
                                    for (var setting : plan.entrySet()) {
                                        Sql.execute(c, "SET LOCAL " + setting.getKey() + " = " + setting.getValue());
                                    }
                                    try {
                                        Sql.update(c, flip);
                                        c.commit();
                                    } catch (SQLException refused) {
                                        c.rollback();
                                    }
                                }
                            }
                        }
                    }
                    if (attacker == viewerAOwnerB || !isBusinessTableEmployeesWrite(table)) {
                        assertThat(Fixtures.fingerprint(db, table, orgA)).as(attacker.email() + " on " + table).isEqualTo(before);
                    }
                }
            }));
        }

        /** Tables an employee of A may legitimately update (the flip may then succeed as a plain update). */
        private boolean isBusinessTableEmployeesWrite(String table) throws SQLException {
            return (Boolean) Sql.value(db.superuser(), """
                    SELECT has_table_privilege(?, ?, 'UPDATE') AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = ?::regclass
                           AND p.polname = 'writers_update'
                           AND pg_get_expr(p.polqual, p.polrelid) LIKE '%employee%')""", db.roles().person(), table, table);
        }

        @Test
        @DisplayName("an employee of A who owns B cannot soft-delete A's customer by flipping before the trigger runs")
        void softDeleteTriggerChecksTheRowsOrganization() throws SQLException {
            UUID customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ? LIMIT 1", orgA);
            try (Connection c = db.connectAs(employeeAOwnerB)) {
                c.setAutoCommit(false);
                Sql.value(c, "SELECT set_config('app.tenant_id', ?, true)", orgA.toString());
                assertThatThrownBy(() -> Sql.update(c, """
                        UPDATE app.customers SET deleted_at = CASE WHEN id = ? THEN now() END,
                               notes = CASE WHEN set_config('app.tenant_id', CASE WHEN id = ? THEN ? ELSE ? END, true) IS NOT NULL
                                            THEN notes END
                         WHERE organization_id = ?""", customer, customer, orgB.toString(), orgA.toString(), orgA))
                        .isInstanceOf(SQLException.class).satisfies(e -> assertThat(state(e)).isEqualTo("WL002"));
                c.rollback();
            }
            assertThat(Sql.value(db.superuser(), "SELECT deleted_at FROM app.customers WHERE id = ?", customer)).isNull();
        }

        @Test
        @DisplayName("a viewer of A who owns B reads none of A's people history by flipping")
        void historyFlip() throws SQLException {
            try (Connection c = db.connectAs(viewerAOwnerB)) {
                c.setAutoCommit(false);
                for (Map<String, String> plan : PLANS) {
                    Sql.value(c, "SELECT set_config('app.tenant_id', ?, true)", orgA.toString());
                    for (var setting : plan.entrySet()) {
                        Sql.execute(c, "SET LOCAL " + setting.getKey() + " = " + setting.getValue());
                    }
                    assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log a, (VALUES (1, ?), (2, ?), (3, ?)) v(n, s)"
                            + " WHERE a.organization_id = ? AND a.table_name LIKE 'sec.%'"
                            + " AND set_config('app.tenant_id', v.s, true) IS NOT NULL",
                            orgA.toString(), orgB.toString(), orgA.toString(), orgA)).as(plan.toString()).isZero();
                    c.rollback();
                }
            }
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("5. nobody deletes rows for good except their own saved views")
    class HardDeletes {
        @TestFactory
        @DisplayName("owner, manager and employee of A delete nothing of A's business rows")
        Stream<DynamicTest> noHardDeletes() throws SQLException {
            return TenantTables.withOrganizationId(db.superuser()).stream()
                    .filter(t -> !t.equals("app.saved_views"))
                    .map(table -> DynamicTest.dynamicTest(table, () -> {
                        String before = Fixtures.fingerprint(db, table, orgA);
                        for (TestPerson person : List.of(ownerA, managerA, employeeA)) {
                            try (Connection c = db.connectAs(person)) {
                                Sql.selectTenantForSession(c, orgA);
                                try {
                                    assertThat(Sql.update(c, "DELETE FROM " + table + " WHERE organization_id = ?", orgA)).isZero();
                                } catch (SQLException refused) {
                                    assertThat(refused.getSQLState()).isEqualTo("42501");
                                }
                            }
                        }
                        assertThat(Fixtures.fingerprint(db, table, orgA)).isEqualTo(before);
                    }));
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("6. history never shows more than the rows")
    class HistoryFollowsRows {
        @TestFactory
        @DisplayName("every audit row a person reads belongs to a row that person may read")
        Stream<DynamicTest> historyWithinRows() {
            return Stream.of(viewerA, employeeA, managerA, adminA).map(person -> DynamicTest.dynamicTest(person.email(), () -> {
                try (Connection c = db.connectAs(person)) {
                    Sql.selectTenantForSession(c, orgA);
                    List<List<Object>> history = Sql.rows(c, "SELECT DISTINCT table_name, row_id FROM audit.audit_log");
                    assertThat(history).as("there is history to read").isNotEmpty();
                    for (List<Object> row : history) {
                        String table = (String) row.get(0);
                        long visible = Sql.count(c, "SELECT count(*) FROM " + table + " WHERE id = ?", row.get(1));
                        if (visible == 0) {
                            // Only the history of a row removed for good, for managers and above, from a table without finer rules.
                            assertThat(person).as(table + " " + row.get(1)).isIn(managerA, adminA);
                            assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM " + table + " WHERE id = ?",
                                    row.get(1))).isZero();
                            assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM pg_policy WHERE polrelid = ?::regclass"
                                    + " AND NOT polpermissive AND polcmd IN ('r', '*')", table)).isZero();
                        }
                    }
                    assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE new_data::text LIKE '%private plans%'"))
                            .as("another person's private view").isZero();
                    assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.notifications'"))
                            .as("another person's notifications").isZero();
                }
            }));
        }

        @Test
        @DisplayName("the owner of the private view and the recipient of the notification do read their history")
        void ownHistoryReadable() throws SQLException {
            try (Connection c = db.connectAs(ownerA)) {
                Sql.selectTenantForSession(c, orgA);
                assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE new_data::text LIKE '%private plans%'")).isOne();
                assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.notifications'")).isOne();
            }
        }

        @Test
        @DisplayName("a contact removed for good leaves history for managers, not for employees")
        void removedRowHistory() throws SQLException {
            UUID contact;
            try (Connection su = db.superuser().getConnection()) {
                Sql.execute(su, "SET ROLE " + db.roles().owner());
                UUID customer = (UUID) Sql.value(su, "SELECT id FROM app.customers WHERE organization_id = ? LIMIT 1", orgA);
                contact = (UUID) Sql.value(su, "INSERT INTO app.contacts (organization_id, customer_id, last_name) "
                        + "VALUES (?, ?, 'Gone') RETURNING id", orgA, customer);
                Sql.update(su, "DELETE FROM app.contacts WHERE organization_id = ? AND id = ?", orgA, contact);
            }
            for (var expected : Map.of(managerA, 2L, employeeA, 0L).entrySet()) {
                try (Connection c = db.connectAs(expected.getKey())) {
                    Sql.selectTenantForSession(c, orgA);
                    assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE row_id = ?", contact))
                            .as(expected.getKey().email()).isEqualTo(expected.getValue());
                }
            }
        }

        @Test
        @DisplayName("a change of one's own profile is recorded in every organization, even with none selected")
        void ownProfileAuditedWithoutOrganization() throws SQLException {
            String phone = "+49 " + System.nanoTime() % 100000000;
            try (Connection c = db.connectAs(employeeAOwnerB)) {
                assertThat(Sql.update(c, "UPDATE sec.users SET phone = ? WHERE login = session_user", phone)).isOne();
            }
            assertThat(Sql.rows(db.superuser(), """
                    SELECT organization_id FROM audit.audit_log
                     WHERE table_name = 'sec.users' AND row_id = ? AND new_data ->> 'phone' = ? ORDER BY 1""",
                    employeeAOwnerB.userId(), phone).stream().map(r -> r.get(0)).toList())
                    .containsExactlyInAnyOrder(orgA, orgB);
        }
    }

    // =============================================================================================
    @Nested
    @DisplayName("availability of the shared server")
    class Availability {
        @Test
        @DisplayName("a person login has a connection limit, and one connection past it is refused")
        void connectionLimit() throws SQLException {
            TestPerson person = db.newPerson(orgA, Role.EMPLOYEE);
            int limit = ((Number) Sql.value(db.superuser(), "SELECT rolconnlimit FROM pg_roles WHERE rolname = ?", person.login())).intValue();
            assertThat(limit).isEqualTo(((Number) Sql.value(db.superuser(),
                    "SELECT person_connection_limit FROM meta.installation")).intValue()).isBetween(1, 100);
            List<Connection> open = new ArrayList<>();
            try {
                for (int i = 0; i < limit; i++) {
                    open.add(db.connectAs(person));
                }
                assertThatThrownBy(() -> db.connectAs(person).close()).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(state(e)).isEqualTo("53300"));
            } finally {
                for (Connection c : open) {
                    c.close();
                }
            }
        }

        @Test
        @DisplayName("people's sessions start with a statement, lock and idle-in-transaction timeout")
        void serverSideTimeouts() throws SQLException {
            try (Connection c = db.connectAs(employeeA)) {
                for (String setting : List.of("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout")) {
                    assertThat(Sql.value(c, "SELECT current_setting(?)", setting)).as(setting).isNotEqualTo("0");
                }
            }
        }

        @Test
        @DisplayName("people cannot create or write large objects")
        void noLargeObjects() throws SQLException {
            try (Connection c = db.connectAs(ownerA)) {
                for (String call : List.of("SELECT lo_create(0)", "SELECT lo_from_bytea(0, '\\x00'::bytea)", "SELECT lo_creat(-1)")) {
                    assertThatThrownBy(() -> Sql.value(c, call)).as(call).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(state(e)).isEqualTo("42501"));
                }
            }
        }

        @Test
        @DisplayName("shared activity counters, sizes and locks are not readable; pg_stat_activity stays opaque")
        void sharedViewsClosed() throws SQLException {
            try (Connection c = db.connectAs(ownerA)) {
                for (String query : List.of("SELECT count(*) FROM pg_stat_user_tables", "SELECT count(*) FROM pg_statio_all_tables",
                        "SELECT count(*) FROM pg_stat_all_indexes", "SELECT count(*) FROM pg_stat_database",
                        "SELECT count(*) FROM pg_locks", "SELECT pg_total_relation_size('app.customers')",
                        "SELECT pg_stat_get_tuples_inserted('app.customers'::regclass)", "SELECT pg_database_size(current_database())")) {
                    assertThatThrownBy(() -> Sql.value(c, query)).as(query).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(state(e)).isEqualTo("42501"));
                }
                assertThat(Sql.count(c, "SELECT count(*) FROM pg_stat_activity")).isPositive();
            }
        }

        @Test
        @DisplayName("an admin of B with an open transaction does not block A's people administration")
        void noCrossOrganizationLock() throws SQLException {
            TestPerson shared = attachedByIt(db.newPerson(orgA, Role.EMPLOYEE), orgB, Role.EMPLOYEE);
            try (Connection b = db.connectAs(adminB); Connection a = db.connectAs(adminA)) {
                b.setAutoCommit(false);
                Sql.value(b, "SELECT set_config('app.tenant_id', ?, true)", orgB.toString());
                Sql.value(b, "SELECT sec.set_member_active(?, false)::text", shared.userId());
                // B's transaction stays open. A deactivates and reactivates the same person.
                a.setAutoCommit(false);
                Sql.value(a, "SELECT set_config('app.tenant_id', ?, true)", orgA.toString());
                Sql.execute(a, "SET LOCAL lock_timeout = '3s'");
                Sql.value(a, "SELECT sec.set_member_active(?, false)::text", shared.userId());
                a.commit();
                b.rollback();
            }
        }
    }
}
