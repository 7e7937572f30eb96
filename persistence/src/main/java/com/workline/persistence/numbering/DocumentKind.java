package com.workline.persistence.numbering;

import java.util.Locale;

/** Kinds of numbered documents; each has its own gapless series per organization (and year). */
public enum DocumentKind {
    QUOTE, INVOICE, CREDIT_NOTE, PRODUCTION_ORDER, PROJECT, CUSTOMER;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentKind fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
