package com.workline.persistence.csv;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbers in a CSV file as spreadsheets write them: "1234.50" and "1,234.50" (decimal point) or "1234,50" and
 * "1.234,50" (decimal comma). One file uses one convention: the first value that settles it decides (both
 * separators: the later one is the decimal mark; one separator once, not followed by exactly three digits: it is
 * the decimal mark; one separator several times: it groups thousands); when no value settles it, a file separated
 * by semicolons (what a German Excel writes) has decimal commas, any other decimal points.
 */
public record Decimals(boolean decimalComma) {
    private static final Pattern POINT = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern COMMA = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");

    /** The convention of a file, from the values of its number columns and its delimiter. */
    public static Decimals of(List<String> samples, char delimiter) {
        for (String sample : samples) {
            if (sample == null) {
                continue;
            }
            String s = clean(sample);
            int point = s.lastIndexOf('.');
            int comma = s.lastIndexOf(',');
            if (point >= 0 && comma >= 0) {
                return new Decimals(comma > point);
            }
            int at = Math.max(point, comma);
            if (at < 0) {
                continue;
            }
            char mark = s.charAt(at);
            boolean once = s.indexOf(mark) == at;
            if (!once) {
                return new Decimals(mark == '.');
            }
            if (s.length() - at - 1 != 3) {
                return new Decimals(mark == ',');
            }
        }
        return new Decimals(delimiter == ';');
    }

    /** The number, or null when the text is not one in this convention. */
    public BigDecimal parse(String text) {
        String s = clean(text);
        if (!(decimalComma ? COMMA : POINT).matcher(s).matches()) {
            return null;
        }
        String plain = decimalComma ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        return new BigDecimal(plain);
    }

    /** Without spaces (also non-breaking and narrow ones, which some locales group with) and a currency sign. */
    private static String clean(String text) {
        return text.strip().replaceAll("[\\s\\u00A0\\u202F'€$£]", "");
    }
}
