package com.workline.persistence.time;

import com.workline.persistence.common.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type and read them in the timesheet (docs/time-rounding.md): {@code 1:30}, {@code 1.5} or
 * {@code 1,5} (by locale), {@code 90m}, {@code 1h 30m}, {@code 2h}, and a plain number as hours ({@code 2} = 2:00).
 */
public final class Durations {
    /** The field a parse error is reported on. */
    public static final String FIELD = "duration";
    public static final int MAX_MINUTES = 24 * 60;

    /** Longer input is no duration (and never a huge number to compute with). */
    private static final int MAX_LENGTH = 20;
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):([0-5]\\d)");
    /** Hours as a number: {@code 2}, {@code 1.5}, {@code 1,5}, {@code .5}. */
    private static final Pattern HOURS = Pattern.compile("\\d+(?:[.,]\\d+)?|[.,]\\d+");
    /** {@code 2h}, {@code 1.5h}, {@code 1h 30m}, {@code 1h30}, {@code 1h 30 min}. */
    private static final Pattern HOURS_MINUTES = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?|[.,]\\d+)\\s*h(?:\\s*(\\d+)\\s*(?:m|min)?)?", Pattern.CASE_INSENSITIVE);
    /** {@code 90m}, {@code 90 min}. */
    private static final Pattern MINUTES = Pattern.compile("(\\d+)\\s*(?:m|min)", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private Durations() {
    }

    /**
     * The minutes of {@code text} (0 to 24 hours). Decimal hours become whole minutes, half up (0.33 h → 20 min). The
     * locale's decimal separator is accepted, and the other of {@code .} and {@code ,} too unless the locale groups
     * thousands with it ({@code 1.5} is refused in German, where it would read as a grouped number).
     *
     * @throws ValidationException on {@value #FIELD}: blank, not a duration, negative, or more than 24 hours
     */
    public static int parse(String text, Locale locale) {
        String input = text == null ? "" : text.strip();
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.require(!input.isEmpty(), FIELD, "time.duration.required");
        errors.require(!input.startsWith("-"), FIELD, "time.duration.negative");
        errors.throwIfAny();

        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        BigDecimal minutes = minutesOf(input, symbols);
        errors.require(minutes != null, FIELD, "time.duration.invalid", "1" + symbols.getDecimalSeparator() + "5");
        errors.throwIfAny();
        BigDecimal whole = minutes.setScale(0, RoundingMode.HALF_UP);
        errors.require(whole.compareTo(BigDecimal.valueOf(MAX_MINUTES)) <= 0, FIELD, "time.duration.tooLong");
        errors.throwIfAny();
        return whole.intValueExact();
    }

    /** {@code 90} → {@code 1:30}, {@code 5} → {@code 0:05}, {@code 2400} → {@code 40:00}, {@code -30} → {@code -0:30}. */
    public static String format(int minutes) {
        long value = Math.abs((long) minutes);
        return (minutes < 0 ? "-" : "") + value / 60 + ":" + (value % 60 < 10 ? "0" : "") + value % 60;
    }

    /** The exact minutes, or null when the text is no duration. */
    private static BigDecimal minutesOf(String input, DecimalFormatSymbols symbols) {
        if (input.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = CLOCK.matcher(input);
        if (matcher.matches()) {
            return BigDecimal.valueOf(Integer.parseInt(matcher.group(1)) * 60L + Integer.parseInt(matcher.group(2)));
        }
        if (HOURS.matcher(input).matches()) {
            BigDecimal hours = decimal(input, symbols);
            return hours == null ? null : hours.multiply(SIXTY);
        }
        matcher = HOURS_MINUTES.matcher(input);
        if (matcher.matches()) {
            BigDecimal hours = decimal(matcher.group(1), symbols);
            if (hours == null) {
                return null;
            }
            BigDecimal minutes = matcher.group(2) == null ? BigDecimal.ZERO : new BigDecimal(matcher.group(2));
            return hours.multiply(SIXTY).add(minutes);
        }
        matcher = MINUTES.matcher(input);
        return matcher.matches() ? new BigDecimal(matcher.group(1)) : null;
    }

    /** A decimal written with the locale's separator (or the other one where it is not the grouping separator). */
    private static BigDecimal decimal(String text, DecimalFormatSymbols symbols) {
        char decimal = symbols.getDecimalSeparator();
        char grouping = symbols.getGroupingSeparator();
        StringBuilder plain = new StringBuilder(text.length() + 1);
        for (char c : text.toCharArray()) {
            if (c == '.' || c == ',') {
                if (c != decimal && c == grouping) {
                    return null;
                }
                plain.append('.');
            } else {
                plain.append(c);
            }
        }
        return new BigDecimal(plain.charAt(0) == '.' ? "0" + plain : plain.toString());
    }
}
