package com.workline.persistence.quoting;

import com.workline.persistence.admin.DocumentBranding;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.admin.OrganizationSettingsService;
import com.workline.persistence.crm.Address;
import com.workline.persistence.crm.Contact;
import com.workline.persistence.crm.ContactService;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.documents.AddressLines;
import com.workline.persistence.documents.BusinessDocument;
import com.workline.persistence.documents.Party;
import com.workline.persistence.documents.PdfRenderer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored quote as the customer receives it: the organization's branding and letterhead ({@link DocumentBranding}),
 * the customer with the quote's contact and the billing address, lines and amounts as stored
 * ({@link QuoteDocuments}), in the organization's language. Reads with the person's rights; renders off the caller's
 * thread (a few hundred milliseconds).
 */
public final class QuotePrintService {
    private static final PdfRenderer RENDERER = new PdfRenderer();

    private final TenantDatabase db;
    private final QuoteService quotes;

    QuotePrintService(TenantDatabase db, QuoteService quotes) {
        this.db = db;
        this.quotes = quotes;
    }

    /** The quote's PDF; a draft prints with {@code draftNumber} (e.g. "Draft") where the number goes. */
    public byte[] pdf(UUID quoteId, String draftNumber) {
        Printable printable = printable(quoteId, draftNumber);
        return RENDERER.render(printable.document(), DocumentBranding.branding(printable.settings()),
                DocumentBranding.language(printable.settings()));
    }

    /** The printed document (for tests and the e-mail later). */
    public BusinessDocument document(UUID quoteId, String draftNumber) {
        return printable(quoteId, draftNumber).document();
    }

    private Printable printable(UUID quoteId, String draftNumber) {
        QuoteDetails quote = quotes.load(quoteId);
        OrganizationSettings settings = new OrganizationSettingsService(db).load();
        CustomerDetails customer = new CustomerService(db).load(quote.customerId());
        ContactService contacts = new ContactService(db);
        Locale language = DocumentBranding.language(settings);
        Address billing = billingAddress(contacts.addresses(customer.id()));
        List<String> lines = billing == null ? List.of() : AddressLines.of(billing.line1(), billing.line2(),
                billing.postalCode(), billing.city(), billing.region(), billing.country(), settings.address().country(),
                language);
        Party buyer = new Party(customer.name(), contactName(quote, contacts), lines, customer.taxId(), customer.email(),
                customer.phone());
        ZoneId zone = ZoneId.of(settings.timezone());
        LocalDate issued = quote.sentAt() == null ? LocalDate.now(zone) : quote.sentAt().atZoneSameInstant(zone).toLocalDate();
        return new Printable(settings, QuoteDocuments.toBusinessDocument(quote, DocumentBranding.seller(settings), buyer,
                issued, draftNumber));
    }

    /** The default billing address, else a billing address, else any; null when the customer has none. */
    static Address billingAddress(List<Address> addresses) {
        return addresses.stream().min(Comparator.comparing((Address a) -> !a.defaultBilling())
                .thenComparing(a -> !"billing".equals(a.type()))).orElse(null);
    }

    private static String contactName(QuoteDetails quote, ContactService contacts) {
        if (quote.contactId() == null) {
            return null;
        }
        return contacts.contacts(quote.customerId()).stream().filter(c -> quote.contactId().equals(c.id())).findFirst()
                .map(QuotePrintService::name).orElse(null);
    }

    private static String name(Contact c) {
        String name = (Objects.toString(c.firstName(), "") + " " + Objects.toString(c.lastName(), "")).strip();
        return name.isEmpty() ? null : name;
    }

    private record Printable(OrganizationSettings settings, BusinessDocument document) {
    }
}
