package com.workline.persistence.tenancy;

import com.workline.persistence.admin.OrganizationSettingsService;
import com.workline.persistence.admin.PeopleService;
import com.workline.persistence.admin.ProfileService;
import com.workline.persistence.db.PersonDatabase;
import com.workline.persistence.numbering.NumberSeriesService;

/** A signed-in person working in one organization: the entry point to the services the screens call. */
public final class TenantSession {
    private final PersonDatabase db;
    private final SignedInPerson person;
    private final OrganizationChoice organization;

    TenantSession(PersonDatabase db, SignedInPerson person, OrganizationChoice organization) {
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

    /** Whether the server answers (the status bar's connection state). */
    public boolean isConnected() {
        return db.isReachable();
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

    public com.workline.persistence.crm.CustomerService customers() {
        return new com.workline.persistence.crm.CustomerService(db);
    }

    public com.workline.persistence.crm.HistoryService history() {
        return new com.workline.persistence.crm.HistoryService(db);
    }

    public com.workline.persistence.crm.CustomerImport customerImport() {
        return new com.workline.persistence.crm.CustomerImport(db);
    }

    public com.workline.persistence.crm.ContactService contacts() {
        return new com.workline.persistence.crm.ContactService(db);
    }

    public com.workline.persistence.crm.ActivityService activities() {
        return new com.workline.persistence.crm.ActivityService(db);
    }

    public com.workline.persistence.crm.DealService deals() {
        return new com.workline.persistence.crm.DealService(db);
    }

    public com.workline.persistence.crm.CustomFieldService customFields() {
        return new com.workline.persistence.crm.CustomFieldService(db);
    }

    public NumberSeriesService numberSeries() {
        return new NumberSeriesService(db);
    }
}
