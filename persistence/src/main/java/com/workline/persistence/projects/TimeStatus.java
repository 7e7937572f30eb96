package com.workline.persistence.projects;

import java.util.Locale;

/**
 * Where a time entry is: draft and rejected entries are the person's to change; submitted and approved ones are locked
 * for the person (managers and above may still change them); invoiced ones for everyone (docs/time-rules.md).
 */
public enum TimeStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, INVOICED;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the entry's own person may still change it. */
    public boolean openForItsPerson() {
        return this == DRAFT || this == REJECTED;
    }

    public static TimeStatus of(String databaseValue) {
        return valueOf(databaseValue.toUpperCase(Locale.ROOT));
    }
}
