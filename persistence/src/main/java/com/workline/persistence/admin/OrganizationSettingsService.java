package com.workline.persistence.admin;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.numbering.DocumentKind;
import com.workline.persistence.numbering.NumberFormatPattern;
import org.hibernate.Session;

import com.workline.persistence.documents.Logo;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and saves the settings of the current organization (owners and admins save). */
public final class OrganizationSettingsService {
    public static final int MAX_LOGO_BYTES = Logo.MAX_BYTES;
    public static final int MAX_FOOTER_LENGTH = 2000;
    public static final int MAX_TERMS_LENGTH = 8000;
    private static final Pattern HEX_COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    /** {@code numeric(15,2)}: thirteen digits before the point, two after. */
    private static final BigDecimal LIMIT_CEILING = new BigDecimal("10000000000000");

    private final TenantDatabase db;

    public OrganizationSettingsService(TenantDatabase db) {
        this.db = db;
    }

    public OrganizationSettings load() {
        return db.inTenant(session -> current(session).toSettings());
    }

    /**
     * Saves the settings if nobody saved them since they were loaded ({@code settings.version()});
     * otherwise throws {@link ConcurrentEditException} and changes nothing.
     */
    public OrganizationSettings save(OrganizationSettings settings) {
        validate(settings);
        return db.inTenant(session -> {
            AdminOnly.require(session, Text.of("admin.subject.organizationSettings"));
            Organization organization = current(session);
            if (organization.version() != settings.version()) {
                throw new ConcurrentEditException("record.organizationSettings");
            }
            organization.apply(normalised(settings));
            session.flush();
            return organization.toSettings();
        });
    }

    private Organization current(Session session) {
        Organization organization = session.find(Organization.class, db.currentTenant());
        if (organization == null) {
            throw new WorklineException(Problem.NO_MEMBERSHIP, Text.of("admin.organization.noLongerMember"));
        }
        return organization;
    }

    /** The checks {@link #save} makes before writing, for a form that shows settings it has not saved (a preview). */
    public static void validate(OrganizationSettings s) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(Checks.present(s.name()), "name", Text.of("admin.organization.nameRequired"))
                .check(Checks.maxLength(s.name(), 200), "name", Text.of("field.text.tooLong", 200))
                .check(Checks.maxLength(s.legalName(), 300), "legalName", Text.of("field.text.tooLong", 300))
                .check(Checks.maxLength(s.taxId(), 50), "taxId", Text.of("field.text.tooLong", 50))
                .check(Checks.currency(s.baseCurrency()), "baseCurrency", Text.of("field.currency.choose"))
                .check(Checks.timezone(s.timezone()), "timezone", Text.of("field.timezone.invalid"))
                .check(Checks.locale(s.locale()), "locale", Text.of("field.locale.invalid"))
                .check(Checks.optionalCountry(s.address().country()), "country", Text.of("field.country.code"))
                .check(Checks.optionalEmail(s.email()), "email", Text.of("field.email.invalid"))
                .check(s.defaultPaymentTermsDays() >= 0 && s.defaultPaymentTermsDays() <= 365,
                        "defaultPaymentTermsDays", Text.of("field.days.outOfRange", 0, 365))
                .check(s.quoteValidityDays() >= 1 && s.quoteValidityDays() <= 365,
                        "quoteValidityDays", Text.of("field.days.outOfRange", 1, 365))
                .check(s.defaultTaxRate() != null && s.defaultTaxRate().signum() >= 0
                                && s.defaultTaxRate().compareTo(BigDecimal.valueOf(100)) <= 0
                                && s.defaultTaxRate().stripTrailingZeros().scale() <= 4,
                        "defaultTaxRate", Text.of("admin.settings.taxRateInvalid"))
                .check(s.taxRoundingMode() != null, "taxRoundingMode", Text.of("admin.settings.taxRoundingRequired"))
                .check(Checks.maxLength(s.documentFooter(), MAX_FOOTER_LENGTH), "documentFooter",
                        Text.of("field.text.tooLong", MAX_FOOTER_LENGTH))
                .check(Checks.maxLength(s.quoteTerms(), MAX_TERMS_LENGTH), "quoteTerms",
                        Text.of("field.text.tooLong", MAX_TERMS_LENGTH))
                .check(s.documentAccentColour() != null && HEX_COLOUR.matcher(s.documentAccentColour().strip()).matches(),
                        "documentAccentColour", Text.of("admin.settings.accentColourInvalid"))
                .check(validAcceptanceLimit(s.quoteAcceptanceLimit()), "quoteAcceptanceLimit",
                        Text.of("admin.settings.acceptanceLimitInvalid"))
                .check(s.logo() == null || s.logo().length <= MAX_LOGO_BYTES, "logo", Text.of("admin.settings.logoTooLarge"))
                .check(s.logo() == null || s.logo().length > MAX_LOGO_BYTES
                                || (Logo.CONTENT_TYPES.contains(s.logoContentType())
                                        && s.logoContentType().equals(Logo.contentTypeOf(s.logo()))),
                        "logo", Text.of("admin.settings.logoType"));
        for (DocumentKind kind : DocumentKind.values()) {
            String field = "numberFormat." + kind.databaseValue();
            NumberFormatPattern.problem(s.numberFormats() == null ? null : s.numberFormats().of(kind))
                    .ifPresent(message -> errors.check(false, field, message));
        }
        errors.throwIfAny();
    }

    /** Empty (no limit), or zero or more with at most two decimals, as {@code numeric(15,2)} holds it. */
    static boolean validAcceptanceLimit(BigDecimal limit) {
        return limit == null || limit.signum() >= 0 && limit.stripTrailingZeros().scale() <= 2
                && limit.compareTo(LIMIT_CEILING) < 0;
    }

    private static OrganizationSettings normalised(OrganizationSettings s) {
        PostalAddress a = s.address();
        return new OrganizationSettings(s.id(), s.name().strip(), Checks.blankToNull(s.legalName()),
                Checks.blankToNull(s.taxId()), s.baseCurrency(), s.timezone(), s.locale(),
                new PostalAddress(Checks.blankToNull(a.line1()), Checks.blankToNull(a.line2()),
                        Checks.blankToNull(a.city()), Checks.blankToNull(a.region()),
                        Checks.blankToNull(a.postalCode()), Checks.blankToNull(a.country())),
                Checks.blankToNull(s.email()), Checks.blankToNull(s.phone()), Checks.blankToNull(s.website()),
                s.logo(), s.logo() == null ? null : s.logoContentType(), s.numberFormats(),
                s.defaultPaymentTermsDays(), s.taxRoundingMode(), s.defaultTaxRate(), s.quoteValidityDays(),
                Checks.blankToNull(s.documentFooter()), s.documentAccentColour().strip().toLowerCase(Locale.ROOT),
                Checks.blankToNull(s.quoteTerms()), s.quoteAcceptanceLimit(), s.version());
    }
}
