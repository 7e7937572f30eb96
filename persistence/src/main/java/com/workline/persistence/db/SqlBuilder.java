package com.workline.persistence.db;

import org.hibernate.query.NativeQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the WHERE conditions of a list query and their bind parameters. Every value travels as a parameter,
 * never inside the SQL text; only fixed fragments written in code are concatenated.
 */
public final class SqlBuilder {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public SqlBuilder where(String condition) {
        conditions.add(condition);
        return this;
    }

    public SqlBuilder bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** The conditions joined with AND ("true" when there are none). */
    public String conditions() {
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public void applyTo(NativeQuery<?> query) {
        parameters.forEach(query::setParameter);
    }

    /**
     * A custom field of {@code alias.custom_fields} equals {@code value}: text, number, date, yes/no and choice
     * values compare as text (case-insensitive); a multi-choice value matches when the option is among its options.
     */
    public SqlBuilder whereCustomField(String alias, String key, String value) {
        String field = alias + ".custom_fields -> CAST(:cfKey AS text)";
        return where("(lower(" + alias + ".custom_fields ->> CAST(:cfKey AS text)) = lower(:cfValue)"
                + " OR jsonb_typeof(" + field + ") = 'array' AND jsonb_exists(" + field + ", :cfValue))")
                .bind("cfKey", key).bind("cfValue", value);
    }

    /** A statement with JDBC's positional parameters, as sent to the server. */
    public record Positional(String sql, List<Object> parameters) {
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

    /**
     * {@code sql} with its {@code :name} parameters turned into {@code ?} and their values in order, taken from
     * {@code values} (a name may occur more than once; {@code ::type} casts are left alone).
     */
    public static Positional positional(String sql, Map<String, Object> values) {
        List<Object> ordered = new ArrayList<>();
        java.util.regex.Matcher m = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            ordered.add(values.get(name));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Positional(out.toString(), java.util.Collections.unmodifiableList(ordered));
    }

    /** Escapes LIKE's wildcards so that user text matches literally (the default escape character is \). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code %text%} for a LIKE that finds the text anywhere. */
    public static String containing(String text) {
        return "%" + escapeLike(text) + "%";
    }
}
