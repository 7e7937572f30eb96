package com.workline.persistence.session;

import java.util.Locale;

/** A person's role in an organization, most powerful first. */
public enum Role {
    OWNER, ADMIN, MANAGER, EMPLOYEE, VIEWER;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Owners and admins manage people and organization settings. */
    public boolean canAdminister() {
        return this == OWNER || this == ADMIN;
    }
}
