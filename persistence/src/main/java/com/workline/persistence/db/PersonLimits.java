package com.workline.persistence.db;

import java.util.regex.Pattern;

/**
 * Limits of every person login, chosen by IT at {@code init-server}: connections at once, and the server-side
 * defaults of statement, lock and idle-in-transaction timeouts (PostgreSQL interval text such as "5min").
 */
public record PersonLimits(int connectionLimit, String statementTimeout, String lockTimeout, String idleInTransactionTimeout) {
    private static final Pattern DURATION = Pattern.compile("[1-9][0-9]{0,6}(ms|s|min|h)");

    public static final PersonLimits DEFAULTS = new PersonLimits(20, "5min", "1min", "10min");

    public PersonLimits {
        if (connectionLimit < 1 || connectionLimit > 1000) {
            throw new IllegalArgumentException("The connection limit per person must be between 1 and 1000.");
        }
        for (String duration : new String[]{statementTimeout, lockTimeout, idleInTransactionTimeout}) {
            if (duration == null || !DURATION.matcher(duration).matches()) {
                throw new IllegalArgumentException("Timeouts are a number with ms, s, min or h, for example 5min: " + duration);
            }
        }
    }
}
