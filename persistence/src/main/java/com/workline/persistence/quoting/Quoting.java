package com.workline.persistence.quoting;

import com.workline.persistence.session.TenantSession;

import java.util.List;

/**
 * The quoting area's entry point: quotes with their lines and history, fixed to one person in one organization.
 * Owners, admins, managers and employees draft and send; viewers read. Status changes, numbers and lines go through
 * the database's functions (V10), which also guard the stored totals.
 */
public final class Quoting {
    /** The area's Hibernate entities: none, its services use plain statements (see tenancy.MappedEntities). */
    public static final List<Class<?>> ENTITIES = List.of();

    private final TenantSession session;

    private Quoting(TenantSession session) {
        this.session = session;
    }

    public static Quoting of(TenantSession session) {
        return new Quoting(session);
    }

    public QuoteService quotes() {
        return new QuoteService(session.database(), session.person().userId(), session.role());
    }

    /** E-mailing quotes: the default text and the record of every send. */
    public QuoteMailing mailing() {
        return new QuoteMailing(session.database(), session.person().userId(), session.role());
    }

    /** Quotes as PDF, with the organization's branding and the customer's billing address. */
    public QuotePrintService printing() {
        return new QuotePrintService(session.database(), quotes());
    }
}
