package com.workline.persistence.admin;

import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.numbering.NumberSeriesService;
import com.workline.persistence.session.TenantSession;

/** The administration area's entry point: organization settings, people, one's own profile, number series. */
public final class Administration {
    /** The area's Hibernate entities, for the session factory (see tenancy.MappedEntities). */
    public static final java.util.List<Class<?>> ENTITIES = java.util.List.of(Organization.class, UserAccount.class,
            com.workline.persistence.numbering.NumberSeries.class);

    private final TenantDatabase db;

    private Administration(TenantDatabase db) {
        this.db = db;
    }

    public static Administration of(TenantSession session) {
        return new Administration(session.database());
    }

    public OrganizationSettingsService organizationSettings() {
        return new OrganizationSettingsService(db);
    }

    public PeopleService people() {
        return new PeopleService(db);
    }

    public ProfileService profile() {
        return new ProfileService(db);
    }

    public NumberSeriesService numberSeries() {
        return new NumberSeriesService(db);
    }
}
