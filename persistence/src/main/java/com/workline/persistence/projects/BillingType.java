package com.workline.persistence.projects;

import java.util.Locale;

/** How a project is billed. */
public enum BillingType {
    TIME_AND_MATERIALS, FIXED_PRICE;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BillingType of(String databaseValue) {
        return valueOf(databaseValue.toUpperCase(Locale.ROOT));
    }
}
