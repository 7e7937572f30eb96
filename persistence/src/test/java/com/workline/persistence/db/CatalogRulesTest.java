package com.workline.persistence.db;

import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TenantTables;
import com.workline.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema rules of ARCHITECTURE §2–3, read from the PostgreSQL catalog so that every table, index,
 * foreign key and function a later migration adds is checked without editing this test.
 */
@DisplayName("Catalog rules")
class CatalogRulesTest {
    private static final String[] SCHEMAS = TenantTables.SCHEMAS.toArray(new String[0]);
    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.get();
        java.util.UUID org = db.newOrganization("Catalog");
        db.newPerson(org, com.workline.persistence.session.Role.OWNER);
        db.newPerson(org, com.workline.persistence.session.Role.VIEWER);
    }

    private static List<String> names(String sql, Object... params) throws SQLException {
        return Sql.rows(db.superuser(), sql, params).stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    @Test
    @DisplayName("every table in Workline's schemas has row-level security enabled and forced")
    void rlsEnabledAndForced() throws SQLException {
        assertThat(TenantTables.all(db.superuser())).contains("app.organizations", "sec.memberships", "audit.audit_log");
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
                   AND NOT (c.relrowsecurity AND c.relforcerowsecurity)""", (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("every tenant table has organization_id NOT NULL and first in its primary key")
    void organizationIdLeadsPrimaryKey() throws SQLException {
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id'
                  LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
                   AND (NOT a.attnotnull OR i.indrelid IS NULL OR i.indkey[0] <> a.attnum)""", (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("every unique index on a tenant table includes organization_id")
    void uniqueIndexesIncludeOrganization() throws SQLException {
        assertThat(names("""
                SELECT ic.relname FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_class ic ON ic.oid = i.indexrelid
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id'
                 WHERE i.indisunique AND n.nspname = ANY (?) AND NOT (a.attnum = ANY (i.indkey::int2[]))""",
                (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("every composite index on a tenant table starts with organization_id")
    void compositeIndexesStartWithOrganization() throws SQLException {
        assertThat(names("""
                SELECT ic.relname FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_class ic ON ic.oid = i.indexrelid
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id'
                 WHERE n.nspname = ANY (?) AND i.indnatts > 1 AND i.indkey[0] <> a.attnum""",
                (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("every foreign key between tenant tables includes organization_id on both sides")
    void foreignKeysBetweenTenantTablesAreComposite() throws SQLException {
        assertThat(names("""
                SELECT con.conname FROM pg_constraint con
                  JOIN pg_class src ON src.oid = con.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
                  JOIN pg_attribute sa ON sa.attrelid = src.oid AND sa.attname = 'organization_id'
                  JOIN pg_class dst ON dst.oid = con.confrelid
                  JOIN pg_attribute da ON da.attrelid = dst.oid AND da.attname = 'organization_id'
                 WHERE con.contype = 'f' AND sn.nspname = ANY (?)
                   AND NOT (sa.attnum = ANY (con.conkey) AND da.attnum = ANY (con.confkey))""",
                (Object) SCHEMAS)).isEmpty();
        // Foreign keys to the organizations root use organization_id itself.
        assertThat(names("""
                SELECT con.conname FROM pg_constraint con
                  JOIN pg_class src ON src.oid = con.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
                  JOIN pg_attribute sa ON sa.attrelid = src.oid AND sa.attname = 'organization_id'
                 WHERE con.contype = 'f' AND sn.nspname = ANY (?)
                   AND con.confrelid = 'app.organizations'::regclass AND NOT (sa.attnum = ANY (con.conkey))""",
                (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("every tenant table has a policy that compares organization_id with sec.current_tenant()")
    void tenantPolicies() throws SQLException {
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id')
                   AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polpermissive
                                     AND pg_get_expr(p.polqual, p.polrelid) LIKE '%organization_id = ( SELECT sec.current_tenant()%'
                                     AND pg_get_expr(p.polwithcheck, p.polrelid) LIKE '%organization_id = ( SELECT sec.current_tenant()%')""",
                (Object) SCHEMAS)).isEmpty();
    }

    /**
     * Tables kept out of the audit log on purpose: the log itself, and each person's own secrets, which no one else may
     * read (the log is readable by owners, admins and managers and would keep every old value). Add one only for that
     * reason, with a test that the table is visible to its person alone (app.smtp_settings: MailSettingsTest).
     */
    private static final String[] NOT_AUDITED = {"audit.audit_log", "app.smtp_settings"};

    @Test
    @DisplayName("every table in Workline's schemas except the audit log itself and personal secrets has the audit trigger")
    void auditTriggerEverywhere() throws SQLException {
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND NOT (n.nspname || '.' || c.relname = ANY (?))
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
                                     AND t.tgfoid = 'audit.record_change()'::regprocedure)""",
                SCHEMAS, NOT_AUDITED)).isEmpty();
        assertThat(names("""
                SELECT t.tgrelid::regclass::text FROM pg_trigger t
                 WHERE t.tgfoid = 'audit.record_change()'::regprocedure AND t.tgrelid::regclass::text = ANY (?)""",
                (Object) NOT_AUDITED)).as("the exceptions really have no audit trigger").isEmpty();
    }

    @Test
    @DisplayName("runtime roles are not superuser, not BYPASSRLS, cannot create roles or databases")
    void runtimeRolesUnprivileged() throws SQLException {
        assertThat(names("SELECT r.rolname FROM pg_roles r WHERE r.oid IN " + runtimeRoles()
                + " AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication)")).isEmpty();
        assertThat(names("SELECT r.rolname FROM pg_roles r WHERE r.oid IN " + runtimeRoles()))
                .as("the person group and the test organizations' people").hasSizeGreaterThan(2);
    }

    /**
     * The person group and its members (every person login), as a SQL set of role oids. The owner role
     * appears in pg_auth_members too on PostgreSQL 16+, as the group's creator (ADMIN, no INHERIT, no SET).
     */
    private static String runtimeRoles() {
        String group = "'" + db.roles().person() + "'::regrole";
        return "(SELECT " + group + "::oid UNION SELECT member FROM pg_auth_members WHERE roleid = " + group
                + " AND member <> '" + db.roles().owner() + "'::regrole)";
    }

    @Test
    @DisplayName("runtime roles own nothing: no schema, relation, function, type or database")
    void runtimeRolesOwnNothing() throws SQLException {
        String runtime = runtimeRoles();
        assertThat(names("SELECT relname FROM pg_class WHERE relowner IN " + runtime
                + " UNION ALL SELECT proname FROM pg_proc WHERE proowner IN " + runtime
                + " UNION ALL SELECT nspname FROM pg_namespace WHERE nspowner IN " + runtime
                + " UNION ALL SELECT typname FROM pg_type WHERE typowner IN " + runtime
                + " UNION ALL SELECT datname FROM pg_database WHERE datdba IN " + runtime)).isEmpty();
    }

    @Test
    @DisplayName("no Workline object is owned by a superuser; the owner role owns them all")
    void ownerOwnsEverything() throws SQLException {
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('app', 'sec', 'audit', 'meta', 'flyway') AND c.relowner <> ?::regrole
                UNION ALL
                SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname IN ('app', 'sec', 'audit') AND p.proowner <> ?::regrole
                UNION ALL
                SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'sec', 'audit', 'meta', 'flyway')
                   AND nspowner <> ?::regrole""", db.roles().owner(), db.roles().owner(), db.roles().owner())).isEmpty();
    }

    @Test
    @DisplayName("the owner role cannot log in")
    void ownerCannotLogIn() throws SQLException {
        assertThat(Sql.value(db.superuser(), "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", db.roles().owner())).isEqualTo(false);
        assertThat(Sql.value(db.superuser(), "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", db.roles().person())).isEqualTo(false);
    }

    @Test
    @DisplayName("every SECURITY DEFINER function pins search_path and is not executable by PUBLIC")
    void definerFunctionsPinnedAndPrivate() throws SQLException {
        assertThat(Sql.count(db.superuser().getConnection(), """
                SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE p.prosecdef AND n.nspname IN ('app', 'sec', 'audit')""")).isGreaterThan(10);
        assertThat(names("""
                SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) cfg WHERE cfg LIKE 'search_path=%')""")).isEmpty();
        assertThat(names("""
                SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND has_function_privilege('public', p.oid, 'EXECUTE')""")).isEmpty();
    }

    @Test
    @DisplayName("views in Workline's schemas are security_invoker")
    void viewsAreSecurityInvoker() throws SQLException {
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)
                   AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)""", (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("the person group has no write grant on the audit log, memberships or users' identity columns")
    void noDirectWritesToSecurityData() throws SQLException {
        String person = db.roles().person();
        assertThat(Sql.rows(db.superuser(), """
                SELECT has_table_privilege(?, 'audit.audit_log', 'INSERT, UPDATE, DELETE, TRUNCATE'),
                       has_table_privilege(?, 'sec.memberships', 'INSERT, UPDATE, DELETE, TRUNCATE'),
                       has_column_privilege(?, 'sec.users', 'login', 'UPDATE'),
                       has_column_privilege(?, 'sec.users', 'status', 'UPDATE'),
                       has_table_privilege(?, 'app.number_series', 'INSERT, UPDATE, DELETE')""",
                person, person, person, person, person))
                .containsExactly(List.of(false, false, false, false, false));
    }

    @Test
    @DisplayName("money-like columns are numeric and timestamps are timestamptz")
    void columnTypes() throws SQLException {
        assertThat(names("""
                SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                 WHERE table_schema = ANY (?) AND data_type IN ('real', 'double precision', 'money',
                       'timestamp without time zone')""", (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("role checks never read the tenant selector: policies, triggers and definer functions ask about the row's organization")
    void roleChecksAreAboutTheRowsOrganization() throws SQLException {
        // Policies: only the permissive tenant policy may read the selector (through sec.current_tenant()).
        assertThat(names("""
                SELECT c.relname || '.' || p.polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                 WHERE (coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
                       ~ '(^|[^_a-z])(has_role|current_member_role|can_write|requested_tenant)\\s*\\('
                    OR (NOT p.polpermissive AND (coalesce(pg_get_expr(p.polqual, p.polrelid), '')
                        || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')) LIKE '%current_tenant%')""")).isEmpty();
        // Triggers and definer functions: the selector is read at most once, and roles only per organization.
        assertThat(names("""
                SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname IN ('app', 'sec', 'audit')
                   AND (p.prosecdef OR p.prorettype = 'trigger'::regtype)
                   AND p.proname NOT IN ('current_tenant', 'current_member_role', 'has_role', 'requested_tenant')
                   AND (p.prosrc ~ '(^|[^_a-z])(has_role|current_member_role|can_write|requested_tenant)\\s*\\('
                        OR (length(p.prosrc) - length(replace(p.prosrc, 'current_tenant(', ''))) / length('current_tenant(') > 1)"""))
                .isEmpty();
    }

    @Test
    @DisplayName("finer rules are RESTRICTIVE policies: the only permissive policy of a tenant table is tenant_isolation")
    void finerRulesAreRestrictive() throws SQLException {
        assertThat(names("""
                SELECT c.relname || '.' || p.polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ANY (?) AND p.polpermissive AND p.polname <> 'tenant_isolation'
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id')""",
                (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("DELETE is granted only where the app deletes for good, and each such table restricts who may")
    void deleteOnlyWhereTheAppDeletes() throws SQLException {
        String person = db.roles().person();
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND has_table_privilege(?, c.oid, 'DELETE')
                 ORDER BY 1""", SCHEMAS, person))
                .as("tables people may DELETE from: add one here only if the app really deletes its rows")
                .containsExactly("app.saved_views", "app.smtp_settings");
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND has_table_privilege(?, c.oid, 'DELETE')
                   AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND NOT p.polpermissive AND p.polcmd = 'd')""",
                SCHEMAS, person)).isEmpty();
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND has_table_privilege(?, c.oid, 'TRUNCATE')""",
                SCHEMAS, person)).isEmpty();
    }

    @Test
    @DisplayName("no function people can call takes gapless numbers: only issuing triggers and owner-only functions do")
    void numbersOnlyInsideIssuingFunctions() throws SQLException {
        assertThat(names("""
                SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname IN ('app', 'sec', 'audit') AND p.prorettype <> 'trigger'::regtype
                   AND (p.prosrc ~* '(number_series|take_next_number|issue_number)')
                   AND p.proname NOT IN ('take_next_number', 'issue_number')
                   AND has_function_privilege(?, p.oid, 'EXECUTE')""", db.roles().person()))
                .as("a people-facing function that takes a number must issue its document in the same call: "
                        + "list it here only with a test that it does").isEmpty();
        assertThat(names("""
                SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'sec' AND p.proname IN ('take_next_number', 'issue_number')
                   AND has_function_privilege(?, p.oid, 'EXECUTE')""", db.roles().person())).isEmpty();
        assertThat(Sql.rows(db.superuser(), "SELECT has_table_privilege(?, 'app.number_series', 'INSERT, UPDATE, DELETE')",
                db.roles().person())).containsExactly(List.of(false));
    }

    @Test
    @DisplayName("a column people may not read is kept out of its table's history")
    void hiddenColumnsStayOutOfHistory() throws SQLException {
        // A column without SELECT for people must be named in the audit trigger's arguments (old/new JSON leave it out).
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname || '.' || a.attname
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('app', 'sec')
                   AND has_table_privilege(?, c.oid, 'SELECT') AND NOT has_column_privilege(?, c.oid, a.attnum, 'SELECT')
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
                                     AND t.tgfoid = 'audit.record_change()'::regprocedure
                                     AND encode(t.tgargs, 'escape') LIKE '%' || a.attname || '%')""",
                db.roles().person(), db.roles().person())).isEmpty();
    }
}
