package com.workline.persistence.db;

import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TenantTables;
import com.workline.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Could the schema be spread over several servers with Citus, every tenant table distributed by {@code organization_id}
 * and co-located with {@code app.organizations} (distributed by its {@code id})? Citus needs the distribution column in
 * every primary key, unique constraint and exclusion constraint, foreign keys between distributed tables that pair it
 * with itself, no action that sets it to NULL or a default, and foreign keys only from distributed tables to small
 * reference tables (copied to every server), never back. Read from the catalog, so tables later migrations add are
 * checked without editing this test (docs/scale-out.md). A table without {@code organization_id} must be listed in
 * {@link #NOT_DISTRIBUTED} with the reason it may be a reference table.
 */
@DisplayName("Citus: every tenant table can be distributed by organization_id")
class CitusDistributionTest {
    private static final String[] SCHEMAS = TenantTables.SCHEMAS.toArray(new String[0]);

    /** Tables in Workline's schemas without organization_id, and why each is fine as it is on Citus. */
    private static final Map<String, String> NOT_DISTRIBUTED = Map.of(
            "app.organizations", "the distribution root: distributed by its id, which every tenant table's organization_id "
                    + "references; one row per company",
            "sec.users", "reference table: one row per person of the whole server (thousands, not millions), shared by "
                    + "the organizations a person belongs to; memberships point to it",
            "app.smtp_settings", "reference table: at most one row per person (their own mail server), keyed by user_id");

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.get();
    }

    private static List<String> names(String sql, Object... params) throws SQLException {
        return Sql.rows(db.superuser(), sql, params).stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    /** Tables in Workline's schemas with an organization_id column: Citus would distribute them by it. */
    private static final String DISTRIBUTED = """
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[])
               AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id'
                             AND NOT a.attisdropped)""";

    @Test
    @DisplayName("the tables without organization_id are exactly the distribution root and the listed reference tables")
    void tablesWithoutOrganizationAreListed() throws SQLException {
        assertThat(names("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[]) AND c.oid NOT IN (""" + DISTRIBUTED + ")",
                SCHEMAS, SCHEMAS)).as("classify each new table without organization_id (and say why)")
                .containsExactlyInAnyOrderElementsOf(NOT_DISTRIBUTED.keySet());
        assertThat(TenantTables.withOrganizationId(db.superuser())).hasSizeGreaterThan(30);
        // The root's key is its id alone, the column the others' organization_id references.
        assertThat(names("""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                 WHERE i.indrelid = 'app.organizations'::regclass AND i.indisprimary""")).containsExactly("id");
    }

    @Test
    @DisplayName("organization_id is one uuid type everywhere (co-location needs the same type)")
    void distributionColumnHasOneType() throws SQLException {
        assertThat(names("""
                SELECT DISTINCT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                 WHERE a.attname = 'organization_id' AND a.attrelid IN (""" + DISTRIBUTED + ")", (Object) SCHEMAS))
                .containsExactly("uuid");
        assertThat(Sql.value(db.superuser(), "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = 'app.organizations'::regclass AND attname = 'id'")).isEqualTo("uuid");
    }

    @Test
    @DisplayName("organization_id is a plain column of every primary key, unique index and exclusion constraint")
    void keysCarryTheOrganization() throws SQLException {
        assertThat(names("""
                SELECT i.indexrelid::regclass::text FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attname = 'organization_id'
                 WHERE i.indrelid IN (""" + DISTRIBUTED + """
                   ) AND (i.indisprimary OR i.indisunique OR i.indisexclusion)
                   AND NOT (a.attnum = ANY (i.indkey::int2[]))""", (Object) SCHEMAS)).isEmpty();
        assertThat(names("""
                SELECT c.oid::regclass::text FROM pg_class c
                 WHERE c.oid IN (""" + DISTRIBUTED + """
                   ) AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)""",
                (Object) SCHEMAS)).as("tables without a primary key").isEmpty();
        // An exclusion constraint must compare organization_id with equality.
        assertThat(names("""
                SELECT con.conname FROM pg_constraint con
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attname = 'organization_id'
                 WHERE con.contype = 'x' AND con.conrelid IN (""" + DISTRIBUTED + """
                   ) AND NOT EXISTS (SELECT 1 FROM unnest(con.conkey, con.conexclop) AS k(attnum, op)
                                      WHERE k.attnum = a.attnum AND k.op::regoper::text = '=')""", (Object) SCHEMAS)).isEmpty();
    }

    @Test
    @DisplayName("a foreign key between tenant tables pairs organization_id with organization_id, and none sets it to NULL")
    void foreignKeysPairTheOrganization() throws SQLException {
        // Between two distributed tables: organization_id at the same position on both sides.
        assertThat(names("""
                SELECT con.conrelid::regclass || '.' || con.conname FROM pg_constraint con
                  JOIN pg_attribute sa ON sa.attrelid = con.conrelid AND sa.attname = 'organization_id'
                  JOIN pg_attribute da ON da.attrelid = con.confrelid AND da.attname = 'organization_id'
                 WHERE con.contype = 'f' AND con.conrelid IN (""" + DISTRIBUTED + """
                   ) AND NOT EXISTS (SELECT 1 FROM unnest(con.conkey, con.confkey) AS k(src, dst)
                                      WHERE k.src = sa.attnum AND k.dst = da.attnum)""", (Object) SCHEMAS)).isEmpty();
        // To the root: organization_id references organizations.id.
        assertThat(names("""
                SELECT con.conrelid::regclass || '.' || con.conname FROM pg_constraint con
                  JOIN pg_attribute sa ON sa.attrelid = con.conrelid AND sa.attname = 'organization_id'
                 WHERE con.contype = 'f' AND con.confrelid = 'app.organizations'::regclass
                   AND NOT EXISTS (SELECT 1 FROM unnest(con.conkey, con.confkey) AS k(src, dst)
                                    WHERE k.src = sa.attnum AND k.dst = (SELECT attnum FROM pg_attribute
                                          WHERE attrelid = 'app.organizations'::regclass AND attname = 'id'))""")).isEmpty();
        // ON DELETE / ON UPDATE SET NULL or SET DEFAULT must name its columns and leave organization_id out (PostgreSQL 15's
        // column list); ON UPDATE CASCADE would move rows between servers (organization_id never changes anyway).
        assertThat(names("""
                SELECT con.conrelid::regclass || '.' || con.conname FROM pg_constraint con
                  JOIN pg_attribute sa ON sa.attrelid = con.conrelid AND sa.attname = 'organization_id'
                 WHERE con.contype = 'f' AND sa.attnum = ANY (con.conkey)
                   AND ((con.confdeltype IN ('n', 'd') AND (con.confdelsetcols IS NULL OR sa.attnum = ANY (con.confdelsetcols)))
                        OR con.confupdtype IN ('n', 'd', 'c'))""")).isEmpty();
    }

    @Test
    @DisplayName("no foreign key leads from a reference table (or the root) to a distributed table")
    void referenceTablesPointNowhereDistributed() throws SQLException {
        assertThat(names("""
                SELECT con.conrelid::regclass || '.' || con.conname FROM pg_constraint con
                 WHERE con.contype = 'f' AND con.conrelid::regclass::text = ANY (?::text[])
                   AND con.confrelid IN (""" + DISTRIBUTED + ")", NOT_DISTRIBUTED.keySet().toArray(new String[0]), SCHEMAS))
                .isEmpty();
        // And the reference tables reference only each other (the root is distributed too).
        assertThat(names("""
                SELECT con.conrelid::regclass || '.' || con.conname FROM pg_constraint con
                 WHERE con.contype = 'f' AND con.conrelid::regclass::text = ANY (?::text[])
                   AND con.conrelid <> 'app.organizations'::regclass
                   AND con.confrelid = 'app.organizations'::regclass""", (Object) NOT_DISTRIBUTED.keySet().toArray(new String[0])))
                .isEmpty();
    }
}
