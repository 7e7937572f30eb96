package com.workline.persistence.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Formats a document's values for the organization's locale and the document's currency: money with the
 * currency's symbol and fraction digits (1.234,50 € / €1,234.50), quantities with up to three decimals, tax rates
 * and discounts as percentages, dates in the locale's medium style (24.11.2026 / Nov 24, 2026).
 * Not thread-safe (the JDK formats are not); make one per rendering.
 */
public final class DocumentFormatter {
    private final Locale locale;
    private final Currency currency;
    private final NumberFormat money;
    private final NumberFormat amount;
    private final NumberFormat quantity;
    private final NumberFormat percent;
    private final DateTimeFormatter date;

    public DocumentFormatter(Locale locale, Currency currency) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.currency = Objects.requireNonNull(currency, "currency");
        int digits = Math.max(0, currency.getDefaultFractionDigits());

        money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(currency);
        money.setMinimumFractionDigits(digits);
        money.setMaximumFractionDigits(digits);
        money.setRoundingMode(RoundingMode.HALF_UP);

        amount = NumberFormat.getNumberInstance(locale);
        amount.setGroupingUsed(true);
        amount.setMinimumFractionDigits(digits);
        amount.setMaximumFractionDigits(digits);
        amount.setRoundingMode(RoundingMode.HALF_UP);

        quantity = NumberFormat.getNumberInstance(locale);
        quantity.setGroupingUsed(true);
        quantity.setMinimumFractionDigits(0);
        quantity.setMaximumFractionDigits(3);
        quantity.setRoundingMode(RoundingMode.HALF_UP);

        percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(0);
        percent.setMaximumFractionDigits(2);
        percent.setRoundingMode(RoundingMode.HALF_UP);

        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    public Locale locale() {
        return locale;
    }

    public Currency currency() {
        return currency;
    }

    /** An amount with the currency symbol: "1.234,50 €" (de-DE), "€1,234.50" (en-US), "¥1,235" (JPY). */
    public String money(BigDecimal value) {
        return value == null ? "" : money.format(value);
    }

    /** An amount without symbol, for table columns under a header naming the currency: "1.234,50". */
    public String amount(BigDecimal value) {
        return value == null ? "" : amount.format(value);
    }

    /** A quantity with up to three decimals and no trailing zeros: "1.250,5" (de), "2" . */
    public String quantity(BigDecimal value) {
        return value == null ? "" : quantity.format(value);
    }

    /** A rate given in percent (19 → "19 %" in German, "19%" in English; 7.5 → "7,5 %"). */
    public String percent(BigDecimal ratePercent) {
        return ratePercent == null ? "" : percent.format(ratePercent.movePointLeft(2));
    }

    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    /** The currency's symbol in this locale ("€", "$", "CHF"). */
    public String currencySymbol() {
        return currency.getSymbol(locale);
    }
}
