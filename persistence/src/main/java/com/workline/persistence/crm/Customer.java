package com.workline.persistence.crm;

import com.workline.persistence.common.Values;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer row; written through Hibernate (optimistic locking, tenant filled in), listed with SQL. */
@Entity
@Table(schema = "app", name = "customers")
public class Customer {
    @TenantId
    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;
    @Id
    private UUID id;
    /** Issued by the database when the row is inserted (trigger app.assign_customer_number), never by the client. */
    @org.hibernate.annotations.Generated(event = org.hibernate.generator.EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private String number;
    private String name;
    @Column(name = "customer_type")
    private String customerType;
    private String status;
    private String industry;
    private String website;
    private String email;
    private String phone;
    @Column(name = "tax_id")
    private String taxId;
    private String currency;
    @Column(name = "payment_terms_days")
    private Integer paymentTermsDays;
    @Column(name = "credit_limit", precision = 15, scale = 2)
    private BigDecimal creditLimit;
    @Column(name = "owner_id")
    private UUID ownerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] tags;
    private Short rating;
    private String notes;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", columnDefinition = "jsonb")
    private Map<String, Object> customFields;
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    private OffsetDateTime updatedAt;
    @Version
    private int version;

    protected Customer() {
    }

    Customer(UUID id) {
        this.id = id;
    }

    void apply(CustomerDetails d) {
        name = d.name().strip();
        customerType = d.type().databaseValue();
        status = d.status().databaseValue();
        industry = Values.blankToNull(d.industry());
        website = Values.blankToNull(d.website());
        email = Values.blankToNull(d.email());
        phone = Values.blankToNull(d.phone());
        taxId = Values.blankToNull(d.taxId());
        currency = Values.blankToNull(d.currency());
        paymentTermsDays = d.paymentTermsDays();
        creditLimit = d.creditLimit();
        ownerId = d.ownerId();
        tags = d.tags() == null ? new String[0] : d.tags().stream().map(String::strip).filter(t -> !t.isEmpty())
                .distinct().toArray(String[]::new);
        rating = d.rating() == null ? null : d.rating().shortValue();
        notes = Values.blankToNull(d.notes());
        customFields = d.customFields() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(d.customFields());
    }

    CustomerDetails toDetails() {
        return new CustomerDetails(id, number, name, CustomerType.fromDatabase(customerType),
                CustomerStatus.fromDatabase(status), industry, website, email, phone, taxId, currency, paymentTermsDays,
                creditLimit, ownerId, tags == null ? List.of() : List.of(tags),
                rating == null ? null : rating.intValue(), notes,
                customFields == null ? Map.of() : Map.copyOf(customFields), version);
    }

    UUID id() {
        return id;
    }

    int version() {
        return version;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    void markDeleted(OffsetDateTime at) {
        deletedAt = at;
    }
}
