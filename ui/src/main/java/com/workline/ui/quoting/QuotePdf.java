package com.workline.ui.quoting;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.admin.PostalAddress;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.documents.Branding;
import com.workline.persistence.documents.Party;
import com.workline.persistence.documents.PdfRenderer;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteDocuments;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A stored quote as PDF bytes: the seller from the organization settings, the buyer from the customer, mapped by
 * {@link QuoteDocuments#toBusinessDocument} and rendered by {@link PdfRenderer}. Runs off the FX thread.
 */
final class QuotePdf {
    private QuotePdf() {
    }

    static byte[] render(TenantSession session, UUID quoteId, Locale locale) {
        QuoteDetails quote = Quoting.of(session).quotes().load(quoteId);
        OrganizationSettings org = Administration.of(session).organizationSettings().load();
        CustomerDetails customer = Crm.of(session).customers().load(quote.customerId());
        Party seller = new Party(org.legalName() == null || org.legalName().isBlank() ? org.name() : org.legalName(), null,
                address(org.address()), org.taxId(), org.email(), org.phone());
        Party buyer = new Party(customer.name(), null, List.of(), customer.taxId(), customer.email(), customer.phone());
        LocalDate issued = quote.sentAt() == null ? LocalDate.now() : quote.sentAt().toLocalDate();
        return new PdfRenderer().render(QuoteDocuments.toBusinessDocument(quote, seller, buyer, issued,
                Messages.get("quotes.draftNumber")), Branding.plain(), locale);
    }

    /** The file name the preview suggests: the number, or "Draft". */
    static String fileName(QuoteDetails quote) {
        return (quote.number() == null ? Messages.get("quotes.draftNumber") : quote.number()) + ".pdf";
    }

    private static List<String> address(PostalAddress address) {
        List<String> lines = new ArrayList<>();
        if (address == null) {
            return lines;
        }
        add(lines, address.line1());
        add(lines, address.line2());
        String city = ((address.postalCode() == null ? "" : address.postalCode() + " ")
                + (address.city() == null ? "" : address.city())).strip();
        add(lines, city);
        add(lines, address.country());
        return lines;
    }

    private static void add(List<String> lines, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(value.strip());
        }
    }
}
