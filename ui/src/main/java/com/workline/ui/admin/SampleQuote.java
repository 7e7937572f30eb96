package com.workline.ui.admin;

import com.workline.persistence.admin.DocumentBranding;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.documents.AddressLines;
import com.workline.persistence.documents.BusinessDocument;
import com.workline.persistence.documents.Party;
import com.workline.persistence.documents.PdfRenderer;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.money.DocumentInput;
import com.workline.persistence.money.DocumentTotals;
import com.workline.persistence.money.LineTotals;
import com.workline.persistence.money.TaxRounding;
import com.workline.persistence.numbering.NumberFormatPattern;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteDocuments;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.ui.common.Messages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A made-up quote printed with an organization's settings, saved or not: what "Preview sample" shows. It goes through
 * the same {@link DocumentBranding} and {@link QuoteDocuments} as a real quote, so the sample looks like the real thing.
 */
final class SampleQuote {
    private SampleQuote() {
    }

    /** The sample's PDF (renders for a few hundred milliseconds: call it off the FX thread). */
    static byte[] pdf(OrganizationSettings settings) {
        return new PdfRenderer().render(document(settings), DocumentBranding.branding(settings),
                DocumentBranding.language(settings));
    }

    static BusinessDocument document(OrganizationSettings settings) {
        Currency currency = Currency.getInstance(settings.baseCurrency());
        TaxRounding rounding = settings.taxRoundingMode().taxRounding();
        String rate = settings.defaultTaxRate().toPlainString();
        List<QuoteLine> typed = List.of(
                QuoteLine.text(Messages.get("settings.sample.section.products")),
                QuoteLine.product(null, Messages.get("settings.sample.product1"), "2", Messages.get("settings.sample.piece"),
                        "1249.90", rate).withDiscount("5"),
                QuoteLine.product(null, Messages.get("settings.sample.product2"), "12", Messages.get("settings.sample.piece"),
                        "3.35", rate),
                QuoteLine.text(Messages.get("settings.sample.section.services")),
                QuoteLine.service(null, Messages.get("settings.sample.service"), "3.5", Messages.get("settings.sample.hour"),
                        "89", rate),
                QuoteLine.product(null, Messages.get("settings.sample.optional"), "1", Messages.get("settings.sample.piece"),
                        "199", rate).asOptional());
        DocumentTotals totals = DocumentCalculator.calculate(new DocumentInput(typed.stream().map(QuoteLine::input).toList(),
                null, rounding, currency, null));
        // With the amounts the calculation gives, as a saved quote has them.
        List<QuoteLine> lines = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            QuoteLine l = typed.get(i);
            LineTotals amounts = totals.lines().get(i);
            boolean priced = l.kind().priced();
            lines.add(new QuoteLine(l.kind(), null, null, l.description(), l.quantity(), l.unit(), l.unitPrice(),
                    l.discountPercent(), l.taxRatePercent(), l.optional(), priced ? amounts.net() : null,
                    priced ? amounts.tax() : null, priced ? amounts.gross() : null));
        }
        LocalDate today = LocalDate.now(ZoneId.of(settings.timezone()));
        QuoteDetails quote = new QuoteDetails(null, number(settings, today), 1, null, QuoteStatus.SENT, null, null, null,
                Messages.get("settings.sample.title"), today.plusDays(settings.quoteValidityDays()), currency.getCurrencyCode(),
                null, null, rounding, totals.subtotal(), totals.documentDiscount(), totals.net(), totals.tax(), totals.total(),
                null, Messages.get("settings.sample.notes"), null, null, null, null, null, 0, lines, List.of());
        Party buyer = new Party(Messages.get("settings.sample.customer"), Messages.get("settings.sample.contact"),
                AddressLines.of(Messages.get("settings.sample.street"), null, Messages.get("settings.sample.postalCode"),
                        Messages.get("settings.sample.city"), null, settings.address().country(), settings.address().country(),
                        DocumentBranding.language(settings)), null, null, null);
        return QuoteDocuments.toBusinessDocument(quote, DocumentBranding.seller(settings), buyer, today, quote.number());
    }

    /** A number as the organization's quote format makes it (the 42nd quote of the year), or the format as typed. */
    private static String number(OrganizationSettings settings, LocalDate today) {
        String pattern = settings.numberFormats().quote();
        return NumberFormatPattern.problem(pattern).isPresent() ? pattern
                : NumberFormatPattern.format(pattern, today.getYear(), 42);
    }
}
