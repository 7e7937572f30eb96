package com.workline.persistence.admin;

import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.numbering.NumberSeriesService;
import com.workline.persistence.session.TenantSession;

/**
 * The administration area's entry point: organization settings, people, one's own profile and outgoing mail server,
 * number series.
 */
public final class Administration {
    /** The area's Hibernate entities, for the session factory (see tenancy.MappedEntities). */
    public static final java.util.List<Class<?>> ENTITIES = java.util.List.of(Organization.class, UserAccount.class,
            com.workline.persistence.numbering.NumberSeries.class);

    private final TenantDatabase db;
    private final java.util.UUID userId;

    private Administration(TenantDatabase db, java.util.UUID userId) {
        this.db = db;
        this.userId = userId;
    }

    public static Administration of(TenantSession session) {
        return new Administration(session.database(), session.person().userId());
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

    /**
     * The person's own SMTP settings, the same in every organization.
     *
     * @param keyFolder the person's local data folder on this computer (the key that seals the password lives there)
     */
    public MailSettingsService mailSettings(java.nio.file.Path keyFolder) {
        return new MailSettingsService(db, userId, keyFolder);
    }

    public NumberSeriesService numberSeries() {
        return new NumberSeriesService(db);
    }
}
