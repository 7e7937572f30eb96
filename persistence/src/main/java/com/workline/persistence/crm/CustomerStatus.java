package com.workline.persistence.crm;

import java.util.Locale;

/** Where a customer stands with us. */
public enum CustomerStatus {
    LEAD, PROSPECT, ACTIVE, INACTIVE, CHURNED;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomerStatus fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
