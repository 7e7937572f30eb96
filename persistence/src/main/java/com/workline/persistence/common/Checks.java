package com.workline.persistence.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field checks every area shares (e-mail, currency, money, time zone, locale, country), written once. */
public final class Checks {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Checks() {
    }

    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public static boolean maxLength(String value, int max) {
        return value == null || value.length() <= max;
    }

    public static boolean email(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value.strip()).matches();
    }

    /** An amount of money: not negative, at most two decimals. */
    public static boolean money(java.math.BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    public static boolean optionalMoney(java.math.BigDecimal amount) {
        return amount == null || money(amount);
    }

    public static boolean optionalCurrency(String code) {
        return !present(code) || currency(code);
    }

    public static boolean optionalEmail(String value) {
        return !present(value) || email(value);
    }

    public static boolean currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean timezone(String zone) {
        try {
            return zone != null && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static boolean locale(String tag) {
        if (tag == null || !tag.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            return false;
        }
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    public static boolean optionalCountry(String code) {
        return !present(code) || COUNTRY.matcher(code).matches();
    }

    public static String blankToNull(String value) {
        return Values.blankToNull(value);
    }
}
