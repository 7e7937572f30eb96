package com.workline.persistence.crm;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One entry of a record's history: who did what when, and each changed field's old and new value. */
public record Change(OffsetDateTime at, String who, String action, List<FieldChange> fields) {

    /** A field that changed from {@code before} to {@code after} (either may be null). */
    public record FieldChange(String field, String before, String after) {
    }

    static List<FieldChange> diff(List<String> changed, Map<String, Object> before, Map<String, Object> after) {
        return changed.stream().map(f -> new FieldChange(f, text(before.get(f)), text(after.get(f)))).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
