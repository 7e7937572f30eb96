package com.workline.persistence.tenancy;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.session.Role;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.ValidRow;
import com.workline.persistence.testing.TenantTables;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hostile client: a plain JDBC connection with a valid login of organization B (an administrator
 * there, the most powerful person role) tries every route we know to see or change organization A.
 * Each attempt is its own named test and must see nothing of A and change nothing of A.
 */
@DisplayName("Hostile client of organization B against organization A")
class HostileClientIsolationTest {
    private static TestDatabase db;
    private static UUID orgA;
    private static UUID orgB;
    private static TestPerson ownerA;
    private static TestPerson employeeA;
    private static TestPerson adminB;
    private static String secretNameA;

    private Connection hostile;

    @BeforeAll
    static void createTwoOrganizations() throws SQLException {
        db = TestDatabase.get();
        orgA = db.newOrganization("Alpha Secret Works");
        orgB = db.newOrganization("Bravo");
        ownerA = db.newPerson(orgA, Role.OWNER);
        employeeA = db.newPerson(orgA, Role.EMPLOYEE);
        adminB = db.newPerson(orgB, Role.ADMIN);
        db.newPerson(orgB, Role.OWNER);
        // Organization A does some work: settings changed (audited) and a number taken.
        TenantSession a = db.signInTo(ownerA, orgA);
        try {
            OrganizationSettings s = Administration.of(a).organizationSettings().load();
            secretNameA = s.name();
            Administration.of(a).organizationSettings().save(new OrganizationSettings(s.id(), s.name(), "Alpha Secret Works GmbH", "DE999",
                    s.baseCurrency(), s.timezone(), s.locale(), s.address(), "info@alpha.test", s.phone(), s.website(),
                    s.logo(), s.logoContentType(), s.numberFormats(), 14, s.taxRoundingMode(), s.defaultTaxRate(),
                    s.quoteValidityDays(), s.documentFooter(), s.documentAccentColour(), s.quoteTerms(),
                    s.quoteAcceptanceLimit(), s.version()));
        } finally {
            a.person().close();
        }
        com.workline.persistence.testing.Fixtures.crmDataOf(db, orgA, ownerA.userId());
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "ANALYZE");
        }
    }

    @BeforeEach
    void connectAsHostile() throws SQLException {
        hostile = db.connectAs(adminB);
    }

    @AfterEach
    void disconnect() throws SQLException {
        hostile.close();
    }

    private long rowsOfA(String table) throws SQLException {
        String column = table.equals("app.organizations") ? "id" : "organization_id";
        return Sql.count(hostile, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?", orgA);
    }

    private static long rowsOfAAsSuperuser(String table) throws SQLException {
        String column = table.equals("app.organizations") ? "id" : "organization_id";
        try (Connection su = db.superuser().getConnection()) {
            return Sql.count(su, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?", orgA);
        }
    }

    private static List<String> tenantTablesAndRoot() throws SQLException {
        List<String> tables = new ArrayList<>(TenantTables.withOrganizationId(db.superuser()));
        tables.add("app.organizations");
        return tables;
    }

    // ----- reading and counting -------------------------------------------------------------------

    @TestFactory
    @DisplayName("setting the tenant variable to A (session-level) reads nothing of A")
    Stream<DynamicTest> sessionLevelTenantVariableReadsNothing() throws SQLException {
        return tenantTablesAndRoot().stream().map(table -> DynamicTest.dynamicTest("read " + table, () -> {
            assertThat(rowsOfAAsSuperuser(table)).as("A has rows in " + table).isPositive();
            Sql.selectTenantForSession(hostile, orgA);
            assertThat(rowsOfA(table)).isZero();
            assertThat(Sql.count(hostile, "SELECT count(*) FROM " + table)).isZero();
        }));
    }

    @TestFactory
    @DisplayName("setting the tenant variable to A inside a transaction reads nothing of A")
    Stream<DynamicTest> transactionLocalTenantVariableReadsNothing() throws SQLException {
        return tenantTablesAndRoot().stream().map(table -> DynamicTest.dynamicTest("read " + table, () -> {
            hostile.setAutoCommit(false);
            Sql.value(hostile, "SELECT set_config('app.tenant_id', ?, true)", orgA.toString());
            assertThat(rowsOfA(table)).isZero();
            hostile.rollback();
        }));
    }

    @TestFactory
    @DisplayName("with its own tenant selected, B counts none of A's rows")
    Stream<DynamicTest> ownTenantCountsNothingOfA() throws SQLException {
        return tenantTablesAndRoot().stream().map(table -> DynamicTest.dynamicTest("count " + table, () -> {
            Sql.selectTenantForSession(hostile, orgB);
            assertThat(rowsOfA(table)).isZero();
        }));
    }

    @Test
    @DisplayName("malformed tenant values select nothing and reveal nothing")
    void malformedTenantValues() throws SQLException {
        for (String value : List.of("", "not-a-uuid", orgA + "' OR true --", "00000000-0000-0000-0000-000000000000",
                orgA.toString().toUpperCase())) {
            Sql.selectTenantForSession(hostile, value);
            assertThat(Sql.count(hostile, "SELECT count(*) FROM app.organizations")).as(value).isZero();
            assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.memberships")).as(value).isZero();
        }
    }

    @Test
    @DisplayName("people of A are invisible, by id and by email")
    void peopleOfAInvisible() throws SQLException {
        for (UUID tenant : List.of(orgA, orgB)) {
            Sql.selectTenantForSession(hostile, tenant);
            assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.users WHERE id = ?", ownerA.userId())).isZero();
            assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.users WHERE lower(email) = lower(?)", employeeA.email())).isZero();
        }
    }

    @Test
    @DisplayName("the security-invoker members view shows nothing of A")
    void membersViewShowsNothingOfA() throws SQLException {
        Sql.selectTenantForSession(hostile, orgA);
        assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.organization_members")).isZero();
        Sql.selectTenantForSession(hostile, orgB);
        assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.organization_members WHERE organization_id = ?", orgA)).isZero();
        assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.organization_members")).isEqualTo(2);
    }

    @Test
    @DisplayName("the audit log of A stays hidden, including A's settings change")
    void auditLogOfAHidden() throws SQLException {
        Sql.selectTenantForSession(hostile, orgA);
        assertThat(Sql.count(hostile, "SELECT count(*) FROM audit.audit_log")).isZero();
        Sql.selectTenantForSession(hostile, orgB);
        assertThat(Sql.count(hostile, "SELECT count(*) FROM audit.audit_log WHERE new_data::text LIKE '%Alpha Secret%'")).isZero();
    }

    @Test
    @DisplayName("sec.my_organizations lists only B's organization whatever tenant is selected")
    void myOrganizationsOnlyB() throws SQLException {
        Sql.selectTenantForSession(hostile, orgA);
        assertThat(Sql.rows(hostile, "SELECT organization_id FROM sec.my_organizations()"))
                .containsExactly(List.of(orgB));
    }

    @Test
    @DisplayName("helper functions answer nothing for A")
    void helperFunctionsAnswerNothingForA() throws SQLException {
        Sql.selectTenantForSession(hostile, orgA);
        assertThat(Sql.value(hostile, "SELECT sec.current_tenant()")).isNull();
        assertThat(Sql.value(hostile, "SELECT sec.current_member_role()")).isNull();
        assertThat(Sql.value(hostile, "SELECT sec.has_role('owner', 'admin', 'manager', 'employee', 'viewer')")).isEqualTo(false);
    }

    @Test
    @DisplayName("COPY TO of a tenant table exports nothing of A")
    void copyExportsNothingOfA() throws SQLException {
        Sql.selectTenantForSession(hostile, orgA);
        var copy = new org.postgresql.copy.CopyManager(hostile.unwrap(org.postgresql.core.BaseConnection.class));
        var out = new java.io.StringWriter();
        try {
            copy.copyOut("COPY (SELECT * FROM app.organizations) TO STDOUT", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(out.toString()).isEmpty();
    }

    // ----- writing -----------------------------------------------------------------------------------

    @TestFactory
    @DisplayName("inserting a complete, valid row for A is refused by row-level security")
    Stream<DynamicTest> insertIntoAIsRefused() throws SQLException {
        return TenantTables.withOrganizationId(db.superuser()).stream().map(table -> DynamicTest.dynamicTest("insert " + table, () -> {
            ValidRow row = ValidRow.copyOf(db, table, orgA, adminB.userId());
            boolean mayInsert = (Boolean) Sql.value(db.superuser(), "SELECT has_table_privilege(?, ?, 'INSERT')",
                    db.roles().person(), table);
            long before = rowsOfAAsSuperuser(table);
            for (UUID tenant : List.of(orgA, orgB)) {
                Sql.selectTenantForSession(hostile, tenant);
                assertThatThrownBy(() -> row.insert(hostile)).isInstanceOf(SQLException.class)
                        .satisfies(e -> {
                            assertThat(((SQLException) e).getSQLState()).isEqualTo("42501");
                            if (mayInsert) {
                                assertThat(e.getMessage()).contains("row-level security");
                            }
                        });
            }
            assertThat(rowsOfAAsSuperuser(table)).isEqualTo(before);
        }));
    }

    @Test
    @DisplayName("the error for inserting with A's id is the same as for an id that exists nowhere")
    void insertErrorRevealsNoExistence() throws SQLException {
        Sql.selectTenantForSession(hostile, orgB);
        String forA = insertError(orgA);
        String forNobody = insertError(UUID.randomUUID());
        assertThat(forA).isEqualTo(forNobody);
    }

    private String insertError(UUID organizationId) {
        try {
            Sql.update(hostile, "INSERT INTO sec.memberships (organization_id, user_id, role) VALUES (?, ?, 'owner')",
                    organizationId, adminB.userId());
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage().replace(organizationId.toString(), "<id>");
        }
    }

    @TestFactory
    @DisplayName("updating A's rows changes nothing")
    Stream<DynamicTest> updateOfAChangesNothing() throws SQLException {
        return tenantTablesAndRoot().stream().map(table -> DynamicTest.dynamicTest("update " + table, () -> {
            String column = table.equals("app.organizations") ? "id" : "organization_id";
            for (UUID tenant : List.of(orgA, orgB)) {
                Sql.selectTenantForSession(hostile, tenant);
                try {
                    int changed = Sql.update(hostile, "UPDATE " + table + " SET " + column + " = " + column
                            + " WHERE " + column + " = ?", orgA);
                    assertThat(changed).isZero();
                } catch (SQLException refused) {
                    assertThat(refused.getSQLState()).isIn("42501", "55000");
                }
            }
        }));
    }

    @Test
    @DisplayName("changing A's organization settings updates no row")
    void updateSettingsOfA() throws SQLException {
        Sql.selectTenantForSession(hostile, orgA);
        assertThat(Sql.update(hostile, "UPDATE app.organizations SET name = 'pwned' WHERE id = ?", orgA)).isZero();
        Sql.selectTenantForSession(hostile, orgB);
        assertThat(Sql.update(hostile, "UPDATE app.organizations SET name = 'pwned' WHERE id = ?", orgA)).isZero();
        assertThat(Sql.value(db.superuser(), "SELECT name FROM app.organizations WHERE id = ?", orgA)).isEqualTo(secretNameA);
    }

    @TestFactory
    @DisplayName("moving B's rows into A is refused")
    Stream<DynamicTest> moveIntoAIsRefused() throws SQLException {
        return tenantTablesAndRoot().stream().map(table -> DynamicTest.dynamicTest("move " + table, () -> {
            String column = table.equals("app.organizations") ? "id" : "organization_id";
            long before = rowsOfAAsSuperuser(table);
            Sql.selectTenantForSession(hostile, orgB);
            try {
                int moved = Sql.update(hostile, "UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?", orgA, orgB);
                assertThat(moved).isZero();
            } catch (SQLException refused) {
                assertThat(refused.getSQLState()).isIn("42501", "55000");
            }
            assertThat(rowsOfAAsSuperuser(table)).isEqualTo(before);
        }));
    }

    @TestFactory
    @DisplayName("deleting A's rows deletes nothing")
    Stream<DynamicTest> deleteOfADeletesNothing() throws SQLException {
        return tenantTablesAndRoot().stream().map(table -> DynamicTest.dynamicTest("delete " + table, () -> {
            String column = table.equals("app.organizations") ? "id" : "organization_id";
            long before = rowsOfAAsSuperuser(table);
            for (UUID tenant : List.of(orgA, orgB)) {
                Sql.selectTenantForSession(hostile, tenant);
                try {
                    assertThat(Sql.update(hostile, "DELETE FROM " + table + " WHERE " + column + " = ?", orgA)).isZero();
                } catch (SQLException refused) {
                    assertThat(refused.getSQLState()).isIn("42501", "55000");
                }
            }
            assertThat(rowsOfAAsSuperuser(table)).isEqualTo(before);
        }));
    }

    // ----- privileged functions with A's ids ------------------------------------------------------------

    @Test
    @DisplayName("changing the role of A's owner through the definer function is refused")
    void setMemberRoleOfA() throws SQLException {
        for (UUID tenant : List.of(orgA, orgB)) {
            Sql.selectTenantForSession(hostile, tenant);
            assertThatThrownBy(() -> Sql.value(hostile, "SELECT sec.set_member_role(?, 'viewer')::text", ownerA.userId()))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isIn("WL001", "WL003");
        }
        assertThat(Sql.value(db.superuser(), "SELECT role FROM sec.memberships WHERE user_id = ?", ownerA.userId())).isEqualTo("owner");
    }

    @Test
    @DisplayName("deactivating A's people through the definer function is refused")
    void deactivateMemberOfA() throws SQLException {
        for (UUID tenant : List.of(orgA, orgB)) {
            Sql.selectTenantForSession(hostile, tenant);
            assertThatThrownBy(() -> Sql.value(hostile, "SELECT sec.set_member_active(?, false)::text", employeeA.userId()))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(Sql.value(db.superuser(), "SELECT active FROM sec.memberships WHERE user_id = ?", employeeA.userId())).isEqualTo(true);
    }

    @Test
    @DisplayName("resetting the password of A's owner through the definer function is refused")
    void resetPasswordOfA() throws SQLException {
        String verifier = org.postgresql.util.PasswordUtil.encodeScramSha256("taken-over!".toCharArray());
        for (UUID tenant : List.of(orgA, orgB)) {
            Sql.selectTenantForSession(hostile, tenant);
            assertThatThrownBy(() -> Sql.value(hostile, "SELECT sec.reset_password(?, ?)::text", ownerA.userId(), verifier))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection stillWorks = db.connectAs(ownerA)) {
            assertThat(stillWorks.isValid(2)).isTrue();
        }
    }

    @Test
    @DisplayName("creating a user in A through the definer function is refused")
    void createUserInA() throws SQLException {
        String verifier = org.postgresql.util.PasswordUtil.encodeScramSha256("intruder-password".toCharArray());
        Sql.selectTenantForSession(hostile, orgA);
        assertThatThrownBy(() -> Sql.value(hostile, "SELECT sec.create_user(?, 'Eve', 'Intruder', 'owner', ?)",
                "eve." + db.unique() + "@example.test", verifier))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("WL001");
    }

    @Test
    @DisplayName("no one takes numbers directly: the counter functions are not executable by people")
    void numbersCannotBeTakenDirectly() {
        for (UUID tenant : List.of(orgA, orgB)) {
            for (String call : List.of("SELECT sec.take_next_number(?::uuid, 'invoice', 2026)",
                    "SELECT sec.issue_number(?::uuid, 'invoice', NULL)")) {
                assertThatThrownBy(() -> {
                    Sql.selectTenantForSession(hostile, tenant);
                    Sql.value(hostile, call, tenant);
                }).as(call).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
        }
    }

    @Test
    @DisplayName("a unique-constraint probe cannot tell whether A has a row: B's same key succeeds")
    void uniqueConstraintProbe() throws SQLException {
        hostile.setAutoCommit(false);
        Sql.value(hostile, "SELECT set_config('app.tenant_id', ?, true)", orgB.toString());
        // A already has customer C-000001 (and a customer series); B's first customer gets the same number.
        assertThat(Sql.value(hostile, "INSERT INTO app.customers (organization_id, name) VALUES (?, 'Probe') RETURNING number",
                orgB)).isEqualTo("C-000001");
        hostile.rollback();
    }

    // ----- roles and the catalog ------------------------------------------------------------------------

    @Test
    @DisplayName("SET ROLE to the owner or to another person is refused")
    void setRoleRefused() throws SQLException {
        for (String role : List.of(db.roles().owner(), ownerA.login(), "postgres")) {
            assertThatThrownBy(() -> Sql.execute(hostile, "SET ROLE \"" + role + "\"")).as(role)
                    .isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> Sql.execute(hostile, "SET SESSION AUTHORIZATION \"" + ownerA.login() + "\""))
                .isInstanceOf(SQLException.class);
    }

    @Test
    @DisplayName("SET ROLE to the person group changes nothing: session_user still decides")
    void setRoleToGroup() throws SQLException {
        Sql.execute(hostile, "SET ROLE \"" + db.roles().person() + "\"");
        Sql.selectTenantForSession(hostile, orgA);
        assertThat(Sql.count(hostile, "SELECT count(*) FROM app.organizations")).isZero();
        assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.memberships")).isZero();
    }

    @Test
    @DisplayName("altering roles (A's password, own privileges) is refused")
    void alterRoleRefused() {
        for (String sql : List.of(
                "ALTER ROLE \"" + ownerA.login() + "\" PASSWORD 'x'",
                "ALTER ROLE \"" + adminB.login() + "\" BYPASSRLS",
                "ALTER ROLE \"" + adminB.login() + "\" SUPERUSER",
                "GRANT \"" + db.roles().owner() + "\" TO \"" + adminB.login() + "\"",
                "ALTER TABLE app.organizations DISABLE ROW LEVEL SECURITY",
                "DROP POLICY tenant_isolation ON app.organizations",
                "CREATE TABLE app.evil (id int)",
                "CREATE FUNCTION public.evil() RETURNS int LANGUAGE sql AS 'SELECT 1'")) {
            assertThatThrownBy(() -> Sql.execute(hostile, sql)).as(sql).isInstanceOf(SQLException.class);
        }
    }

    @Test
    @DisplayName("pg_stats shows no column statistics of Workline tables")
    void pgStatsShowsNothing() throws SQLException {
        assertThat(Sql.count(db.superuser().getConnection(),
                "SELECT count(*) FROM pg_stats WHERE schemaname IN ('app', 'sec', 'audit')")).isPositive();
        assertThat(Sql.count(hostile, "SELECT count(*) FROM pg_stats WHERE schemaname IN ('app', 'sec', 'audit')")).isZero();
        assertThat(Sql.count(hostile, "SELECT count(*) FROM pg_stats WHERE most_common_vals::text LIKE '%Alpha%'")).isZero();
    }

    @Test
    @DisplayName("pg_stat_activity shows neither A's queries nor who or where A's people are")
    void pgStatActivityRevealsNothing() throws SQLException {
        try (Connection a = db.connectAs(ownerA)) {
            Sql.selectTenantForSession(a, orgA);
            Sql.count(a, "SELECT count(*) FROM app.organizations WHERE name LIKE 'Alpha%'");
            List<List<Object>> seen = Sql.rows(hostile,
                    "SELECT usename, application_name, query FROM pg_stat_activity WHERE usename = ?", ownerA.login());
            assertThat(seen).isNotEmpty();
            for (List<Object> row : seen) {
                assertThat(row.get(1)).isEqualTo("Workline");
                assertThat((String) row.get(2)).doesNotContain("Alpha").isIn("<insufficient privilege>", null);
                assertThat((String) row.get(0)).doesNotContain("alpha").doesNotContain(ownerA.email().split("@")[0]);
            }
        }
    }

    @Test
    @DisplayName("pg_roles names no person and no company")
    void pgRolesRevealNothing() throws SQLException {
        List<String> names = Sql.rows(hostile, "SELECT rolname FROM pg_roles").stream().map(r -> (String) r.get(0)).toList();
        assertThat(names).contains(ownerA.login());
        String prefix = db.roles().prefix();
        for (String name : names) {
            assertThat(name.toLowerCase()).doesNotContain("alpha").doesNotContain("bravo").doesNotContain("example");
            if (name.startsWith(prefix + "_u_")) {
                assertThat(name).matches(prefix + "_u_[0-9a-f]{24}");
            }
        }
        assertThat(Sql.count(hostile, "SELECT count(*) FROM pg_roles WHERE rolname = ?", ownerA.login())).isOne();
        assertThat(Sql.value(hostile, "SELECT rolpassword FROM pg_roles WHERE rolname = ?", ownerA.login())).isEqualTo("********");
    }
}
