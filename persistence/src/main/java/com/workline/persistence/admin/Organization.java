package com.workline.persistence.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization (tenant) and its settings. Rows are visible only to members (RLS); admins update. */
@Entity
@Table(schema = "app", name = "organizations")
public class Organization {
    @Id
    @Column(updatable = false)
    private UUID id;
    private String name;
    @Column(name = "legal_name")
    private String legalName;
    @Column(name = "tax_id")
    private String taxId;
    @Column(name = "base_currency")
    private String baseCurrency;
    private String timezone;
    private String locale;
    @Column(name = "address_line1")
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    private String city;
    private String region;
    @Column(name = "postal_code")
    private String postalCode;
    private String country;
    private String email;
    private String phone;
    private String website;
    private byte[] logo;
    @Column(name = "logo_content_type")
    private String logoContentType;
    @Column(name = "quote_number_format")
    private String quoteNumberFormat;
    @Column(name = "invoice_number_format")
    private String invoiceNumberFormat;
    @Column(name = "credit_note_number_format")
    private String creditNoteNumberFormat;
    @Column(name = "production_order_number_format")
    private String productionOrderNumberFormat;
    @Column(name = "project_number_format")
    private String projectNumberFormat;
    @Column(name = "customer_number_format")
    private String customerNumberFormat;
    @Column(name = "default_payment_terms_days")
    private int defaultPaymentTermsDays;
    @Column(name = "tax_rounding_mode")
    private String taxRoundingMode;
    @Column(name = "default_tax_rate", precision = 7, scale = 4)
    private BigDecimal defaultTaxRate;
    @Column(name = "quote_validity_days")
    private int quoteValidityDays;
    @Column(name = "document_footer")
    private String documentFooter;
    @Column(name = "document_accent_colour")
    private String documentAccentColour;
    @Column(name = "quote_terms")
    private String quoteTerms;
    @Column(name = "quote_acceptance_limit", precision = 15, scale = 2)
    private BigDecimal quoteAcceptanceLimit;
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    private OffsetDateTime updatedAt;
    @Version
    private int version;

    protected Organization() {
    }

    OrganizationSettings toSettings() {
        return new OrganizationSettings(id, name, legalName, taxId, baseCurrency, timezone, locale,
                new PostalAddress(addressLine1, addressLine2, city, region, postalCode, country),
                email, phone, website, logo, logoContentType,
                new NumberFormats(quoteNumberFormat, invoiceNumberFormat, creditNoteNumberFormat,
                        productionOrderNumberFormat, projectNumberFormat, customerNumberFormat),
                defaultPaymentTermsDays, TaxRoundingMode.fromDatabase(taxRoundingMode), defaultTaxRate,
                quoteValidityDays, documentFooter, documentAccentColour, quoteTerms, quoteAcceptanceLimit, version);
    }

    void apply(OrganizationSettings s) {
        name = s.name();
        legalName = s.legalName();
        taxId = s.taxId();
        baseCurrency = s.baseCurrency();
        timezone = s.timezone();
        locale = s.locale();
        PostalAddress a = s.address();
        addressLine1 = a.line1();
        addressLine2 = a.line2();
        city = a.city();
        region = a.region();
        postalCode = a.postalCode();
        country = a.country();
        email = s.email();
        phone = s.phone();
        website = s.website();
        logo = s.logo();
        logoContentType = s.logoContentType();
        NumberFormats f = s.numberFormats();
        quoteNumberFormat = f.quote();
        invoiceNumberFormat = f.invoice();
        creditNoteNumberFormat = f.creditNote();
        productionOrderNumberFormat = f.productionOrder();
        projectNumberFormat = f.project();
        customerNumberFormat = f.customer();
        defaultPaymentTermsDays = s.defaultPaymentTermsDays();
        taxRoundingMode = s.taxRoundingMode().databaseValue();
        defaultTaxRate = s.defaultTaxRate();
        quoteValidityDays = s.quoteValidityDays();
        documentFooter = s.documentFooter();
        documentAccentColour = s.documentAccentColour();
        quoteTerms = s.quoteTerms();
        quoteAcceptanceLimit = s.quoteAcceptanceLimit();
    }

    public UUID id() {
        return id;
    }

    public int version() {
        return version;
    }
}
