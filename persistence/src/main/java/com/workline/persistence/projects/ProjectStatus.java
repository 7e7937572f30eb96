package com.workline.persistence.projects;

import java.util.Locale;

/** Where a project is (the database's {@code app.projects.status}); time is booked on planning and active projects. */
public enum ProjectStatus {
    PLANNING, ACTIVE, ON_HOLD, COMPLETED, CANCELLED;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether time may be booked on the project. */
    public boolean takesTime() {
        return this == PLANNING || this == ACTIVE;
    }

    public static ProjectStatus of(String databaseValue) {
        return valueOf(databaseValue.toUpperCase(Locale.ROOT));
    }
}
