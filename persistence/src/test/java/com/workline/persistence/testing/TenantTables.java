package com.workline.persistence.testing;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads from the catalog which tables hold tenant data, so that checks written once cover every
 * table later migrations add: tables in Workline's schemas with an organization_id column.
 */
public final class TenantTables {
    public static final List<String> SCHEMAS = List.of("app", "sec", "audit");

    private TenantTables() {
    }

    /** Qualified names ("app.number_series") of tables with an organization_id column. */
    public static List<String> withOrganizationId(DataSource superuser) throws SQLException {
        return Sql.rows(superuser, """
                        SELECT n.nspname || '.' || c.relname
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
                           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                          AND a.attname = 'organization_id' AND NOT a.attisdropped)
                         ORDER BY 1""", (Object) SCHEMAS.toArray(new String[0]))
                .stream().map(r -> (String) r.get(0)).toList();
    }

    /** Every table in Workline's schemas (tenant tables, the organizations root, the global users table). */
    public static List<String> all(DataSource superuser) throws SQLException {
        return Sql.rows(superuser, """
                        SELECT n.nspname || '.' || c.relname
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
                         ORDER BY 1""", (Object) SCHEMAS.toArray(new String[0]))
                .stream().map(r -> (String) r.get(0)).toList();
    }
}
