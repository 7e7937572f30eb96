package com.workline.persistence.admin;

import com.workline.persistence.documents.AddressLines;
import com.workline.persistence.documents.Branding;
import com.workline.persistence.documents.Logo;
import com.workline.persistence.documents.Party;

import java.util.Locale;

/**
 * The one place where an organization's settings become what its documents print: the {@link Branding} (accent
 * colour, footer, standard quote terms, logo), the seller {@link Party} (letterhead and sender line) and the
 * documents' language. Quotes use it now, invoices later; the settings screen's sample preview uses it with settings
 * not saved yet.
 */
public final class DocumentBranding {
    private DocumentBranding() {
    }

    /** Branding of the organization's documents; the terms are the standard quote terms (a quote's own terms win). */
    public static Branding branding(OrganizationSettings settings) {
        Logo logo = settings.logo() == null || settings.logo().length == 0 ? null
                : new Logo(settings.logo(), settings.logoContentType());
        return new Branding(settings.documentAccentColour(), settings.documentFooter(), settings.quoteTerms(), logo);
    }

    /** The organization as seller: legal name (or name), address, VAT id, e-mail and phone. */
    public static Party seller(OrganizationSettings settings) {
        PostalAddress a = settings.address() == null ? PostalAddress.empty() : settings.address();
        String name = settings.legalName() == null || settings.legalName().isBlank() ? settings.name() : settings.legalName();
        return new Party(name, null, AddressLines.of(a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
                a.country(), a.country(), language(settings)), blankToNull(settings.taxId()), blankToNull(settings.email()),
                blankToNull(settings.phone()));
    }

    /** The documents' language and formats: the organization's locale ("de-DE"), as customers read them. */
    public static Locale language(OrganizationSettings settings) {
        return settings.locale() == null || settings.locale().isBlank() ? Locale.US : Locale.forLanguageTag(settings.locale());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
