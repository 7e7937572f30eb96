package com.workline.persistence.quoting;

import com.workline.persistence.documents.BusinessDocument;
import com.workline.persistence.documents.DocumentLine;
import com.workline.persistence.documents.Party;
import com.workline.persistence.documents.TaxLine;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.money.DocumentInput;
import com.workline.persistence.money.DocumentTotals;
import com.workline.persistence.money.LineKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** A stored quote as a printable {@link BusinessDocument} (rendered by {@code documents.PdfRenderer}). */
public final class QuoteDocuments {
    private QuoteDocuments() {
    }

    /**
     * The document of a quote: lines and amounts as stored; the per-rate tax summary (not stored) from the one
     * calculator, which must give the stored totals again (it does whenever the database's guard accepted them; a
     * mismatch is a programming error). The number already carries the revision suffix, so the printed revision is 0.
     * A quote without a number (a draft) prints with {@code draftNumber}. The title is the kind's ("Quote", "Angebot"),
     * the quote's own title the subject line under it.
     */
    public static BusinessDocument toBusinessDocument(QuoteDetails quote, Party seller, Party buyer, LocalDate issued,
                                                      String draftNumber) {
        Currency currency = Currency.getInstance(quote.currency());
        DocumentTotals totals = DocumentCalculator.calculate(new DocumentInput(quote.lines().stream().map(QuoteLine::input).toList(),
                quote.documentDiscountPercent(), quote.taxRounding(), currency, null));
        if (totals.total().compareTo(quote.total()) != 0 || totals.tax().compareTo(quote.tax()) != 0) {
            throw new IllegalStateException("Stored totals of quote " + quote.id() + " differ from the calculator's");
        }
        List<DocumentLine> lines = new ArrayList<>();
        int position = 0;
        for (QuoteLine line : quote.lines()) {
            if (line.kind() == LineKind.TEXT) {
                lines.add(new DocumentLine.Section(line.description() == null ? "" : line.description()));
            } else {
                position++;
                lines.add(new DocumentLine.Item(String.valueOf(position), line.description() == null ? "" : line.description(),
                        line.quantity(), line.unit(), line.unitPrice(), line.discountPercent(), line.taxRatePercent(), line.net(),
                        line.optional()));
            }
        }
        List<TaxLine> taxSummary = totals.taxSummary().stream().map(r -> new TaxLine(r.ratePercent(), r.base(), r.tax())).toList();
        return new BusinessDocument(BusinessDocument.Kind.QUOTE, null,
                quote.number() == null ? draftNumber : quote.number(), 0, issued, quote.validUntil(), seller, buyer, lines,
                taxSummary, quote.subtotal(), quote.discountAmount(), quote.net(), quote.tax(), quote.total(), currency, null,
                quote.terms(), quote.customerNotes(), null, quote.title());
    }
}
