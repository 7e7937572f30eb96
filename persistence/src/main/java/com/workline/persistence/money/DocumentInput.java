package com.workline.persistence.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Everything the totals of a document (quote, later invoice) depend on.
 *
 * @param lines                   in document order (the order does not change the totals)
 * @param documentDiscountPercent 0 to 100 on the subtotal, or null for none
 * @param taxRounding             the organization's setting
 * @param currency                the document's currency; amounts are kept in its minor units
 * @param exchangeRate            to the organization's base currency, or null when the document is in the base currency
 */
public record DocumentInput(List<LineInput> lines, BigDecimal documentDiscountPercent, TaxRounding taxRounding,
                            Currency currency, ExchangeRate exchangeRate) {

    public DocumentInput {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(taxRounding, "taxRounding");
        Objects.requireNonNull(currency, "currency");
    }

    /** A document in its organization's base currency without document discount. */
    public static DocumentInput of(List<LineInput> lines, TaxRounding taxRounding, Currency currency) {
        return new DocumentInput(lines, null, taxRounding, currency, null);
    }

    public DocumentInput withDocumentDiscount(String percent) {
        return new DocumentInput(lines, new BigDecimal(percent), taxRounding, currency, exchangeRate);
    }

    public DocumentInput withExchangeRate(Currency baseCurrency, String rate) {
        return new DocumentInput(lines, documentDiscountPercent, taxRounding, currency,
                new ExchangeRate(baseCurrency, new BigDecimal(rate)));
    }

    public DocumentInput withTaxRounding(TaxRounding rounding) {
        return new DocumentInput(lines, documentDiscountPercent, rounding, currency, exchangeRate);
    }

    public DocumentInput withLines(List<LineInput> newLines) {
        return new DocumentInput(newLines, documentDiscountPercent, taxRounding, currency, exchangeRate);
    }
}
