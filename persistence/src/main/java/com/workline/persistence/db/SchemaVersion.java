package com.workline.persistence.db;

/**
 * The schema version this client was built for: the highest {@code V<n>__*.sql} migration it ships
 * (a test keeps this equal to the migration files). Sign-in compares it with the server's.
 */
public final class SchemaVersion {
    public static final int EXPECTED = 18;

    private SchemaVersion() {
    }
}
