package com.workline.persistence.admin;

import com.workline.persistence.money.TaxRounding;

/** Whether tax is rounded on every line or once on the document total. */
public enum TaxRoundingMode {
    PER_LINE, PER_DOCUMENT;

    public String databaseValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaxRoundingMode fromDatabase(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** The calculator's rounding for this setting (the shared {@code money} package knows no organization settings). */
    public TaxRounding taxRounding() {
        return switch (this) {
            case PER_LINE -> TaxRounding.PER_LINE;
            case PER_DOCUMENT -> TaxRounding.PER_DOCUMENT;
        };
    }
}
