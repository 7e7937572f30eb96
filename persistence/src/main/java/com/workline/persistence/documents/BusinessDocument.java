package com.workline.persistence.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A business document as printed, independent of where it came from (a quote now, an invoice later). All money
 * is as the calculation stored it; the renderer formats but never recomputes.
 *
 * @param kind          what it is; gives the default title and labels
 * @param title         printed title, or null for the kind's localized name ("Angebot", "Quote")
 * @param number        document number, e.g. "Q-2026-0042"
 * @param revision      revision (0 = first); printed as "Q-2026-0042 / 2" from 1 on
 * @param issued        date of issue
 * @param validUntil    quote: valid until; invoice: due date; null to leave out
 * @param seller        the organization (letterhead, address line above the window, footer)
 * @param buyer         the customer
 * @param lines         sections, texts and items in order
 * @param taxSummary    one row per tax rate
 * @param linesNet      sum of the non-optional items' net amounts
 * @param discount      document discount as an amount, or null/zero for none
 * @param net           linesNet minus discount
 * @param tax           sum of the tax summary
 * @param total         net plus tax
 * @param currency      the document's currency (symbol and fraction digits)
 * @param introduction  text above the lines, or null
 * @param terms         terms for this document, or null for the organization's standard terms
 * @param notes         closing notes, or null
 * @param footerText    footer for this document, or null for the organization's footer
 * @param subject       what it is about, printed under the title ("Workshop equipment"), or null
 */
public record BusinessDocument(Kind kind, String title, String number, int revision, LocalDate issued,
                               LocalDate validUntil, Party seller, Party buyer, List<DocumentLine> lines,
                               List<TaxLine> taxSummary, BigDecimal linesNet, BigDecimal discount, BigDecimal net,
                               BigDecimal tax, BigDecimal total, Currency currency, String introduction,
                               String terms, String notes, String footerText, String subject) {

    /** Kinds of documents; each has a localized title and "valid until"/"due" label in the documents bundle. */
    public enum Kind {
        QUOTE, ORDER_CONFIRMATION, INVOICE, CREDIT_NOTE;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public BusinessDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(linesNet, "linesNet");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        if (revision < 0) {
            throw new IllegalArgumentException("revision " + revision);
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
        taxSummary = taxSummary == null ? List.of() : List.copyOf(taxSummary);
    }

    /** A document without a subject line. */
    public BusinessDocument(Kind kind, String title, String number, int revision, LocalDate issued, LocalDate validUntil,
                            Party seller, Party buyer, List<DocumentLine> lines, List<TaxLine> taxSummary,
                            BigDecimal linesNet, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total,
                            Currency currency, String introduction, String terms, String notes, String footerText) {
        this(kind, title, number, revision, issued, validUntil, seller, buyer, lines, taxSummary, linesNet, discount, net,
                tax, total, currency, introduction, terms, notes, footerText, null);
    }

    public boolean hasDiscount() {
        return discount != null && discount.signum() != 0;
    }
}
