package com.workline.persistence.csv;

import com.workline.persistence.common.Text;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The machinery every CSV import shares: mapping suggestions from the header, the mapped values of each row, the
 * row-by-row report (spreadsheet line numbers, problems as {@link Text}) and the all-or-nothing commit (the rows
 * are checked again inside the transaction that writes them; one problem and nothing is written).
 */
public final class CsvImport {
    private CsvImport() {
    }

    /**
     * A mapping proposed from the header names: {@code fieldOfKey} gets each column's name lower-cased with
     * everything but a-z removed ("E-Mail" → "email") and answers the field, or null; every field is mapped once.
     */
    public static Map<String, String> suggestMapping(List<String> header, Function<String, String> fieldOfKey) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String column : header) {
            String field = fieldOfKey.apply(column.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
            if (field != null && !mapping.containsValue(field)) {
                mapping.put(column, field);
            }
        }
        return mapping;
    }

    /** Each row's values by field (stripped; blank cells and unmapped columns left out). */
    public static List<Map<String, String>> values(List<String> header, List<List<String>> rows, Map<String, String> mapping) {
        Map<String, Integer> columnIndex = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columnIndex.put(header.get(i), i);
        }
        List<Map<String, String>> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Map<String, String> v = new LinkedHashMap<>();
            mapping.forEach((column, field) -> {
                Integer index = columnIndex.get(column);
                if (index != null && index < row.size() && !row.get(index).isBlank()) {
                    v.put(field, row.get(index).strip());
                }
            });
            values.add(v);
        }
        return values;
    }

    /** Checks one row: may normalise its values in place and adds what is wrong with it to {@code problems}. */
    @FunctionalInterface
    public interface RowCheck {
        void check(int line, Map<String, String> values, List<Text> problems);
    }

    /** Every row's report, numbered as in the spreadsheet (the header is row 1). */
    public static Preview report(List<Map<String, String>> values, RowCheck check) {
        List<RowReport> reports = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Map<String, String> v = values.get(i);
            int line = i + 2;
            List<Text> problems = new ArrayList<>();
            check.check(line, v, problems);
            reports.add(new RowReport(line, Map.copyOf(v), List.copyOf(problems)));
        }
        return new Preview(List.copyOf(reports));
    }

    /** Where a value was first seen in the file (case-insensitive), for "same ... as row n". */
    public static final class FirstSeen {
        private final Map<String, Integer> lines = new HashMap<>();

        /** The earlier line with this value, or null (then this line is remembered); null values are never seen. */
        public Integer earlier(String value, int line) {
            if (value == null) {
                return null;
            }
            return lines.putIfAbsent(value.toLowerCase(Locale.ROOT), line);
        }
    }

    /** Writes one checked row in the import's transaction. */
    @FunctionalInterface
    public interface RowWriter {
        void write(Session session, RowReport row);
    }

    /**
     * Checks all rows again and writes them in one transaction of the organization, or writes nothing when any row
     * has a problem. Returns the report (of the committed rows, or the one saying why nothing was written).
     */
    public static Preview commit(TenantDatabase db, Function<Session, Preview> check, RowWriter writer) {
        return db.inTenant(session -> {
            Preview preview = check.apply(session);
            if (preview.valid()) {
                preview.rows().forEach(row -> writer.write(session, row));
            }
            return preview;
        });
    }
}
