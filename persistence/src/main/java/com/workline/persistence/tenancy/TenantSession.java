package com.workline.persistence.tenancy;

import com.workline.persistence.admin.OrganizationSettingsService;
import com.workline.persistence.admin.PeopleService;
import com.workline.persistence.admin.ProfileService;
import com.workline.persistence.crm.ActivityService;
import com.workline.persistence.crm.ContactService;
import com.workline.persistence.crm.CustomFieldService;
import com.workline.persistence.crm.CustomerImport;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.crm.DealService;
import com.workline.persistence.crm.HistoryService;
import com.workline.persistence.crm.PipelineService;
import com.workline.persistence.crm.SavedViewService;
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

    public CustomerService customers() {
        return new CustomerService(db);
    }

    public HistoryService history() {
        return new HistoryService(db);
    }

    public CustomerImport customerImport() {
        return new CustomerImport(db);
    }

    public ContactService contacts() {
        return new ContactService(db);
    }

    public ActivityService activities() {
        return new ActivityService(db);
    }

    public DealService deals() {
        return new DealService(db);
    }

    public PipelineService pipelines() {
        return new PipelineService(db);
    }

    public SavedViewService savedViews() {
        return new SavedViewService(db);
    }

    public CustomFieldService customFields() {
        return new CustomFieldService(db);
    }

    public NumberSeriesService numberSeries() {
        return new NumberSeriesService(db);
    }
}
