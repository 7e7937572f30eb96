package com.workline.persistence.crm;

import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.session.TenantSession;

/** The CRM area's entry point: its services, all fixed to one person in one organization. */
public final class Crm {
    /** The area's Hibernate entities, for the session factory (see tenancy.MappedEntities). */
    public static final java.util.List<Class<?>> ENTITIES = java.util.List.of(Customer.class);

    private final TenantDatabase db;

    private Crm(TenantDatabase db) {
        this.db = db;
    }

    public static Crm of(TenantSession session) {
        return new Crm(session.database());
    }

    public CustomerService customers() {
        return new CustomerService(db);
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

    public HistoryService history() {
        return new HistoryService(db);
    }
}
