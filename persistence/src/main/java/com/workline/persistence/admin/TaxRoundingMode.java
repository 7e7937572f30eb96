package com.workline.persistence.admin;

/** Whether tax is rounded on every line or once on the document total. */
public enum TaxRoundingMode {
    PER_LINE, PER_DOCUMENT;

    public String databaseValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaxRoundingMode fromDatabase(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
