package com.workline.ui.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Numbers as the user's locale writes them ("19,5" in German, "19.5" in English). */
public final class LocaleNumbers {
    private LocaleNumbers() {
    }

    /** The whole text as a number, or null if it is empty or not entirely a number. */
    public static BigDecimal parseDecimal(String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
        }
        String text = value.strip();
        ParsePosition position = new ParsePosition(0);
        Number parsed = format.parse(text, position);
        if (parsed == null || position.getIndex() != text.length()) {
            return null;
        }
        return parsed instanceof BigDecimal big ? big : new BigDecimal(parsed.toString());
    }

    /** Like {@link #parseDecimal}, also accepting a trailing "%". */
    public static BigDecimal parsePercent(String value, Locale locale) {
        return value == null ? null : parseDecimal(value.strip().replaceFirst("\\s*%$", ""), locale);
    }

    /** A percentage without grouping and with up to {@code maxFractionDigits} decimals ("19,5"). */
    public static String formatPercent(BigDecimal value, Locale locale, int maxFractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /** An amount of money as the locale writes it, with two decimals and no grouping ("12500,00"). */
    public static String formatAmount(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(Math.max(2, value.scale()));
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /**
     * An amount to read, not to edit: grouped and with exactly {@code digits} decimals as the locale writes them
     * ("12,500.00", "12.500,00"); totals and line amounts.
     */
    public static String formatTotal(BigDecimal value, Locale locale, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setGroupingUsed(true);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value);
    }
}
