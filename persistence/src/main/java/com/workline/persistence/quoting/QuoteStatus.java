package com.workline.persistence.quoting;

import java.util.Locale;

/** Where a quote is in its life (the database's {@code app.quotes.status}). */
public enum QuoteStatus {
    DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED, CANCELLED, SUPERSEDED;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QuoteStatus of(String databaseValue) {
        return valueOf(databaseValue.toUpperCase(Locale.ROOT));
    }
}
