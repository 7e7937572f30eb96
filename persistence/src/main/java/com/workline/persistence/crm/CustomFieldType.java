package com.workline.persistence.crm;

import java.util.Locale;

/** The kinds of value a custom field holds. */
public enum CustomFieldType {
    TEXT, NUMBER, DATE, BOOLEAN, SELECT, MULTISELECT;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomFieldType fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
