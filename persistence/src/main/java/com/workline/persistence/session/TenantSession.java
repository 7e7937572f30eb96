package com.workline.persistence.session;


import com.workline.persistence.db.TenantDatabase;

/**
 * A signed-in person working in one organization, fixed for the life of this object: every area's services are
 * obtained from it ({@code Crm.of(session)}, {@code Administration.of(session)}) and all of them run their work
 * in this organization, whatever the person chooses later. Switching organization makes a new session.
 */
public final class TenantSession {
    private final TenantDatabase db;
    private final SignedInPerson person;
    private final OrganizationChoice organization;

    TenantSession(TenantDatabase db, SignedInPerson person, OrganizationChoice organization) {
        this.db = db;
        this.person = person;
        this.organization = organization;
    }

    public SignedInPerson person() {
        return person;
    }

    public OrganizationChoice organization() {
        return organization;
    }

    /** The person's role in this session's organization (what the screens offer; the database enforces it). */
    public Role role() {
        return organization.role();
    }

    /** Whether the server answers (the status bar's connection state). */
    public boolean isConnected() {
        return db.isReachable();
    }

    /**
     * The data access fixed to this organization, for the areas' entry points in {@code persistence} only (the UI
     * is kept from it by an architecture rule).
     */
    public TenantDatabase database() {
        return db;
    }
}
