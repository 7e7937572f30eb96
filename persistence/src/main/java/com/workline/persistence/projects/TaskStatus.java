package com.workline.persistence.projects;

import java.util.Locale;

/** Where a task is (the database's {@code app.project_tasks.status}). */
public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus of(String databaseValue) {
        return valueOf(databaseValue.toUpperCase(Locale.ROOT));
    }
}
