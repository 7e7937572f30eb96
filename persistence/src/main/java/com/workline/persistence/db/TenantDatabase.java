package com.workline.persistence.db;

import org.hibernate.Session;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One signed-in person's data access fixed to one organization. Services hold this, never the ambient
 * {@link PersonDatabase}: work queued before the person switches organization still runs in the organization
 * it was queued for (the database checks that membership again on every statement), never in the new one.
 */
public final class TenantDatabase {
    private final PersonDatabase person;
    private final UUID organizationId;

    public TenantDatabase(PersonDatabase person, UUID organizationId) {
        this.person = Objects.requireNonNull(person);
        this.organizationId = Objects.requireNonNull(organizationId);
    }

    /** Runs {@code work} in one transaction of this organization; commits, or rolls back on failure. */
    public <T> T inTenant(Function<Session, T> work) {
        return person.inTenant(organizationId, work);
    }

    /**
     * Runs one read-only query in one transaction of this organization without a Hibernate session (the tenant
     * is set transaction-locally first, as its own statement in the same network exchange); see
     * {@link PersonDatabase#read}.
     */
    public <T> T read(String sql, java.util.List<?> parameters, PersonDatabase.Rows<T> rows) {
        return person.read(organizationId, sql, parameters, rows);
    }

    /** Several read-only statements in one transaction of this organization; see {@link PersonDatabase#readWith}. */
    public <T> T readWith(PersonDatabase.ConnectionWork<T> work) {
        return person.readWith(organizationId, work);
    }

    /** The organization every unit of work of this handle runs in. */
    public UUID currentTenant() {
        return organizationId;
    }

    public PersonDatabase person() {
        return person;
    }

    public ServerAddress server() {
        return person.server();
    }

    public String login() {
        return person.login();
    }

    public void passwordChanged(char[] newPassword) {
        person.passwordChanged(newPassword);
    }

    public boolean isReachable() {
        return person.isReachable();
    }
}
