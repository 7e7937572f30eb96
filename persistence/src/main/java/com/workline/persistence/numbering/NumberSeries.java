package com.workline.persistence.numbering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/** A gapless counter per organization, document kind and year. Read-only here: numbers are taken in SQL. */
@Entity
@Table(schema = "app", name = "number_series")
public class NumberSeries {
    @TenantId
    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;
    @Id
    private UUID id;
    private String kind;
    private int year;
    @Column(name = "next_value")
    private long nextValue;
    @Version
    private int version;

    protected NumberSeries() {
    }

    public DocumentKind kind() {
        return DocumentKind.fromDatabase(kind);
    }

    public int year() {
        return year;
    }

    public long nextValue() {
        return nextValue;
    }
}
