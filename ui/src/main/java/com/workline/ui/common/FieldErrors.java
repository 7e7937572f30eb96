package com.workline.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.HashMap;
import java.util.Map;

/** One error message property per form field, shown next to the field by the view. */
public final class FieldErrors {
    private final Map<String, ReadOnlyStringWrapper> errors = new HashMap<>();

    public ReadOnlyStringProperty of(String field) {
        return wrapper(field).getReadOnlyProperty();
    }

    private ReadOnlyStringWrapper wrapper(String field) {
        return errors.computeIfAbsent(field, f -> new ReadOnlyStringWrapper(""));
    }

    public void set(String field, String message) {
        wrapper(field).set(message == null ? "" : message);
    }

    /** Replaces all errors by these (fields not named are cleared). */
    public void showOnly(Map<String, String> fieldErrors) {
        errors.values().forEach(e -> e.set(""));
        fieldErrors.forEach(this::set);
    }

    public void clear() {
        errors.values().forEach(e -> e.set(""));
    }

    public boolean any() {
        return errors.values().stream().anyMatch(e -> !e.get().isEmpty());
    }

    public String get(String field) {
        return wrapper(field).get();
    }
}
