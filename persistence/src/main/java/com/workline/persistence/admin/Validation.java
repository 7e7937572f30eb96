package com.workline.persistence.admin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small checks shared by the admin services. */
final class Validation {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Validation() {
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static boolean maxLength(String value, int max) {
        return value == null || value.length() <= max;
    }

    static boolean email(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value.strip()).matches();
    }

    static boolean optionalEmail(String value) {
        return !present(value) || email(value);
    }

    static boolean currency(String code) {
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

    static boolean timezone(String zone) {
        try {
            return zone != null && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean locale(String tag) {
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

    static boolean optionalCountry(String code) {
        return !present(code) || COUNTRY.matcher(code).matches();
    }

    static String blankToNull(String value) {
        return com.workline.persistence.common.Values.blankToNull(value);
    }
}
