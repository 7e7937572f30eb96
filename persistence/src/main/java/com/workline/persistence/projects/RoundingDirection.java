package com.workline.persistence.projects;

import java.util.Locale;

/** How raw minutes become billable minutes: the multiple of the unit above, below, or the nearest (a half goes up). */
public enum RoundingDirection {
    UP, DOWN, NEAREST;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoundingDirection of(String databaseValue) {
        return valueOf(databaseValue.toUpperCase(Locale.ROOT));
    }
}
