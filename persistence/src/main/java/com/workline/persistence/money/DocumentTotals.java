package com.workline.persistence.money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The totals of a document, every amount at the currency's scale (docs/money-rules.md). The constructor refuses totals
 * that do not add up, so no code path can hold (or store) inconsistent totals:
 * <ul>
 *     <li>subtotal = Σ net of the included lines;</li>
 *     <li>net = subtotal − documentDiscount = Σ base of the summary;</li>
 *     <li>tax = Σ tax of the summary;</li>
 *     <li>total = net + tax.</li>
 * </ul>
 *
 * @param lines               one per input line, in input order
 * @param subtotal            Σ net of the included lines, before the document discount
 * @param documentDiscount    the document discount as an amount (positive for a discount on a positive subtotal)
 * @param taxSummary          one row per tax rate of the included lines, highest rate first
 * @param totalInBaseCurrency the total in the organization's base currency, at that currency's scale (equal to total
 *                            when the document is in the base currency)
 */
public record DocumentTotals(List<LineTotals> lines, BigDecimal subtotal, BigDecimal documentDiscount, BigDecimal net,
                             List<TaxRateTotals> taxSummary, BigDecimal tax, BigDecimal total,
                             BigDecimal totalInBaseCurrency) {

    public DocumentTotals {
        lines = List.copyOf(lines);
        taxSummary = List.copyOf(taxSummary);
        Objects.requireNonNull(totalInBaseCurrency, "totalInBaseCurrency");
        int scale = subtotal.scale();
        Stream<BigDecimal> amounts = Stream.of(
                Stream.of(subtotal, documentDiscount, net, tax, total),
                lines.stream().flatMap(l -> Stream.of(l.net(), l.tax(), l.gross())),
                taxSummary.stream().flatMap(r -> Stream.of(r.base(), r.tax()))).flatMap(s -> s);
        if (amounts.anyMatch(a -> a.scale() != scale)) {
            throw inconsistent("every amount at scale " + scale);
        }
        if (lines.stream().anyMatch(l -> l.net().add(l.tax()).compareTo(l.gross()) != 0)) {
            throw inconsistent("gross = net + tax on every line");
        }
        if (sum(lines.stream().filter(LineTotals::included).map(LineTotals::net)).compareTo(subtotal) != 0) {
            throw inconsistent("subtotal = sum of the included lines' net");
        }
        if (subtotal.subtract(documentDiscount).compareTo(net) != 0) {
            throw inconsistent("net = subtotal - documentDiscount");
        }
        if (sum(taxSummary.stream().map(TaxRateTotals::base)).compareTo(net) != 0) {
            throw inconsistent("net = sum of the rate bases");
        }
        if (sum(taxSummary.stream().map(TaxRateTotals::tax)).compareTo(tax) != 0) {
            throw inconsistent("tax = sum of the rate taxes");
        }
        if (net.add(tax).compareTo(total) != 0) {
            throw inconsistent("total = net + tax");
        }
    }

    private static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A programming error, never the user's: the calculator cannot produce it. */
    private static IllegalStateException inconsistent(String rule) {
        return new IllegalStateException("totals do not add up: " + rule);
    }
}
