package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.Values;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.util.List;
import java.util.UUID;

/**
 * Contacts and addresses of a customer. Making a contact primary (or an address the default billing or
 * shipping address) takes the flag from the customer's previous one in the same transaction.
 */
public final class ContactService {
    private final TenantDatabase db;

    public ContactService(TenantDatabase db) {
        this.db = db;
    }

    public List<Contact> contacts(UUID customerId) {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT id, customer_id, first_name, last_name, title, department, email, phone, mobile,
                               is_primary, is_billing, is_decision_maker, notes, version
                          FROM app.contacts WHERE organization_id = sec.current_tenant() AND customer_id = :customer
                         ORDER BY is_primary DESC, lower(last_name), lower(first_name), id""", Object[].class)
                .setParameter("customer", customerId).getResultList().stream()
                .map(r -> new Contact((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (String) r[6], (String) r[7], (String) r[8], (Boolean) r[9], (Boolean) r[10], (Boolean) r[11],
                        (String) r[12], ((Number) r[13]).intValue()))
                .toList());
    }

    /** Adds ({@code id == null}) or updates a contact; returns its id. */
    public UUID save(Contact c) {
        new ValidationException.Collector()
                .check(c.lastName() != null && !c.lastName().isBlank(), "lastName", Text.of("field.lastName.required"))
                .check(Checks.optionalEmail(c.email()), "email",
                        Text.of("field.email.invalid"))
                .throwIfAny();
        return db.inTenant(session -> {
            if (c.primary()) {
                session.createNativeQuery("UPDATE app.contacts SET is_primary = false WHERE organization_id = sec.current_tenant()"
                                + " AND customer_id = :customer AND is_primary AND id IS DISTINCT FROM :id")
                        .setParameter("customer", c.customerId()).setParameter("id", c.id()).executeUpdate();
            }
            if (c.id() == null) {
                return session.createNativeQuery("""
                                INSERT INTO app.contacts (organization_id, customer_id, first_name, last_name, title, department,
                                                          email, phone, mobile, is_primary, is_billing, is_decision_maker, notes)
                                VALUES (sec.current_tenant(), :customer, :first, :last, :title, :department, :email, :phone,
                                        :mobile, :primary, :billing, :decision, :notes)
                                RETURNING id""", UUID.class)
                        .setParameter("customer", c.customerId()).setParameter("first", Values.blankToNull(c.firstName()))
                        .setParameter("last", c.lastName().strip()).setParameter("title", Values.blankToNull(c.title()))
                        .setParameter("department", Values.blankToNull(c.department())).setParameter("email", Values.blankToNull(c.email()))
                        .setParameter("phone", Values.blankToNull(c.phone())).setParameter("mobile", Values.blankToNull(c.mobile()))
                        .setParameter("primary", c.primary()).setParameter("billing", c.billing())
                        .setParameter("decision", c.decisionMaker()).setParameter("notes", Values.blankToNull(c.notes()))
                        .getSingleResult();
            }
            int changed = session.createNativeQuery("""
                            UPDATE app.contacts SET first_name = :first, last_name = :last, title = :title,
                                   department = :department, email = :email, phone = :phone, mobile = :mobile,
                                   is_primary = :primary, is_billing = :billing, is_decision_maker = :decision,
                                   notes = :notes, version = version + 1
                             WHERE organization_id = sec.current_tenant() AND id = :id AND version = :version""")
                    .setParameter("first", Values.blankToNull(c.firstName())).setParameter("last", c.lastName().strip())
                    .setParameter("title", Values.blankToNull(c.title())).setParameter("department", Values.blankToNull(c.department()))
                    .setParameter("email", Values.blankToNull(c.email())).setParameter("phone", Values.blankToNull(c.phone()))
                    .setParameter("mobile", Values.blankToNull(c.mobile())).setParameter("primary", c.primary())
                    .setParameter("billing", c.billing()).setParameter("decision", c.decisionMaker())
                    .setParameter("notes", Values.blankToNull(c.notes())).setParameter("id", c.id()).setParameter("version", c.version())
                    .executeUpdate();
            if (changed == 0) {
                throw new ConcurrentEditException("record.contact");
            }
            return c.id();
        });
    }

    public List<Address> addresses(UUID customerId) {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT id, customer_id, address_type, line1, line2, city, region, postal_code, country,
                               is_default_billing, is_default_shipping, version
                          FROM app.addresses WHERE organization_id = sec.current_tenant() AND customer_id = :customer
                         ORDER BY is_default_billing DESC, is_default_shipping DESC, address_type, id""", Object[].class)
                .setParameter("customer", customerId).getResultList().stream()
                .map(r -> new Address((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (String) r[6], (String) r[7], (String) r[8], (Boolean) r[9], (Boolean) r[10],
                        ((Number) r[11]).intValue()))
                .toList());
    }

    /** Adds an address; a new default billing/shipping address replaces the previous default. */
    public UUID addAddress(Address a) {
        new ValidationException.Collector()
                .check(a.line1() != null && !a.line1().isBlank(), "line1", Text.of("crm.address.line1Required"))
                .check(a.city() != null && !a.city().isBlank(), "city", Text.of("crm.address.cityRequired"))
                .check(a.country() != null && a.country().matches("[A-Z]{2}"), "country", Text.of("field.country.code"))
                .check(List.of("billing", "shipping", "office").contains(a.type()), "type", Text.of("crm.address.typeInvalid"))
                .throwIfAny();
        return db.inTenant(session -> {
            clearDefaults(session, a);
            return session.createNativeQuery("""
                            INSERT INTO app.addresses (organization_id, customer_id, address_type, line1, line2, city, region,
                                                       postal_code, country, is_default_billing, is_default_shipping)
                            VALUES (sec.current_tenant(), :customer, :type, :line1, :line2, :city, :region, :postal, :country,
                                    :billing, :shipping)
                            RETURNING id""", UUID.class)
                    .setParameter("customer", a.customerId()).setParameter("type", a.type())
                    .setParameter("line1", a.line1().strip()).setParameter("line2", Values.blankToNull(a.line2()))
                    .setParameter("city", a.city().strip()).setParameter("region", Values.blankToNull(a.region()))
                    .setParameter("postal", Values.blankToNull(a.postalCode())).setParameter("country", a.country())
                    .setParameter("billing", a.defaultBilling()).setParameter("shipping", a.defaultShipping())
                    .getSingleResult();
        });
    }

    private static void clearDefaults(Session session, Address a) {
        if (a.defaultBilling()) {
            session.createNativeQuery("UPDATE app.addresses SET is_default_billing = false WHERE organization_id = sec.current_tenant()"
                    + " AND customer_id = :customer AND is_default_billing").setParameter("customer", a.customerId()).executeUpdate();
        }
        if (a.defaultShipping()) {
            session.createNativeQuery("UPDATE app.addresses SET is_default_shipping = false WHERE organization_id = sec.current_tenant()"
                    + " AND customer_id = :customer AND is_default_shipping").setParameter("customer", a.customerId()).executeUpdate();
        }
    }
}
