package com.workline.persistence.crm;

import java.util.Locale;

/** A company or a private person. */
public enum CustomerType {
    COMPANY, INDIVIDUAL;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomerType fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
