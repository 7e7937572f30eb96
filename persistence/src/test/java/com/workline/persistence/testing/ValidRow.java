package com.workline.persistence.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A complete row that a table accepts, made from one of an organization's existing rows: a new id, and the
 * values of its unique keys changed so that no constraint can be what refuses it (one column of each unique
 * key: text gets a suffix, a number moves on, a person column names {@code otherPerson}; flags of partial
 * unique indexes are cleared). The variant is checked by inserting it as the owner role (which bypasses
 * row-level security) in a rolled-back transaction, so a hostile insert of it can only fail on row-level security.
 */
public final class ValidRow {
    private final TestDatabase db;
    private final String table;
    private final List<String> columns;
    private final String json;

    private ValidRow(TestDatabase db, String table, List<String> columns, String json) {
        this.db = db;
        this.table = table;
        this.columns = columns;
        this.json = json;
    }

    public static ValidRow copyOf(TestDatabase db, String table, UUID organization, UUID otherPerson) throws SQLException {
        List<String> columns = Sql.rows(db.superuser(), """
                        SELECT quote_ident(attname) FROM pg_attribute
                         WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND attidentity <> 'a'
                         ORDER BY attnum""", table).stream().map(r -> (String) r.get(0)).toList();
        String base = (String) Sql.value(db.superuser(), """
                SELECT (to_jsonb(t) || CASE WHEN jsonb_typeof(to_jsonb(t) -> 'id') = 'string'
                                            THEN jsonb_build_object('id', gen_random_uuid()) ELSE '{}'::jsonb END
                        || coalesce((SELECT jsonb_object_agg(a.attname, false)
                                       FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
                                      WHERE i.indrelid = ?::regclass AND i.indisunique AND i.indpred IS NOT NULL
                                        AND a.atttypid = 'bool'::regtype
                                        AND pg_get_expr(i.indpred, i.indrelid) ~ ('\\m' || a.attname || '\\M')), '{}'))::text
                  FROM %s t WHERE organization_id = ? LIMIT 1""".formatted(table), table, organization);
        if (base == null) {
            throw new IllegalStateException("No row of the organization in " + table + " to copy: add one to the fixture");
        }
        // The columns of each full unique key other than the tenant and the id; one of each is changed.
        List<List<Object>> keys = Sql.rows(db.superuser(), """
                SELECT i.indexrelid::int, a.attname::text, format_type(a.atttypid, NULL)
                  FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
                 WHERE i.indrelid = ?::regclass AND i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL
                   AND a.attname NOT IN ('organization_id', 'id')
                 ORDER BY 1, a.attnum""", table);
        List<List<List<Object>>> perKey = new ArrayList<>();
        Object current = null;
        for (List<Object> column : keys) {
            if (!column.get(0).equals(current)) {
                perKey.add(new ArrayList<>());
                current = column.get(0);
            }
            perKey.get(perKey.size() - 1).add(column);
        }
        for (List<List<Object>> choice : choices(perKey, 0)) {
            String candidate = base;
            for (List<Object> column : choice) {
                candidate = (String) Sql.value(db.superuser(), """
                        SELECT (?::jsonb || jsonb_build_object(?::text, CASE ?::text
                                  WHEN 'text' THEN to_jsonb((?::jsonb ->> ?::text) || '_copy')
                                  WHEN 'uuid' THEN to_jsonb(?::uuid)
                                  ELSE to_jsonb((?::jsonb ->> ?::text)::bigint + 1000) END))::text""",
                        candidate, column.get(1), column.get(2), candidate, column.get(1), otherPerson, candidate, column.get(1));
            }
            ValidRow row = new ValidRow(db, table, columns, candidate);
            if (row.acceptedWithoutRowLevelSecurity()) {
                return row;
            }
        }
        throw new IllegalStateException("No variant of a row of " + table + " is accepted by the table even without row-level security");
    }

    /** Every way to pick one column of each key. */
    private static List<List<List<Object>>> choices(List<List<List<Object>>> perKey, int from) {
        List<List<List<Object>>> result = new ArrayList<>();
        if (from == perKey.size()) {
            result.add(new ArrayList<>());
            return result;
        }
        for (List<Object> column : perKey.get(from)) {
            for (List<List<Object>> rest : choices(perKey, from + 1)) {
                List<List<Object>> choice = new ArrayList<>();
                choice.add(column);
                choice.addAll(rest);
                result.add(choice);
            }
        }
        return result;
    }

    public int insert(Connection c) throws SQLException {
        String list = String.join(", ", columns);
        return Sql.update(c, "INSERT INTO " + table + " (" + list + ") SELECT " + list
                + " FROM jsonb_populate_record(NULL::" + table + ", ?::jsonb)", json);
    }

    /** Inserts the row as the owner role in a transaction that is rolled back: true if the table accepted it. */
    public boolean acceptedWithoutRowLevelSecurity() throws SQLException {
        try (Connection su = db.superuser().getConnection()) {
            su.setAutoCommit(false);
            try {
                Sql.execute(su, "SET LOCAL ROLE " + db.roles().owner());
                Sql.execute(su, "SET CONSTRAINTS ALL IMMEDIATE");
                return insert(su) == 1;
            } catch (SQLException refused) {
                return false;
            } finally {
                su.rollback();
            }
        }
    }
}
