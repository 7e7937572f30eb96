package com.workline.ui.projects;

import com.workline.ui.common.LocaleNumbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hours of budgets and estimates as people type and read them: decimal hours in their locale ({@code 12.5},
 * {@code 12,5}) or hours and minutes ({@code 12:30}). Unlike a time entry's duration these may exceed a day.
 */
final class Hours {
    /** More than any project needs, and far below an integer's minutes. */
    static final long MAX_HOURS = 1_000_000;
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,7}):([0-5]\\d)");
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private Hours() {
    }

    /** Whole minutes of the text (half a minute up), null for a blank text. */
    static Integer parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String input = text.strip();
        Matcher clock = CLOCK.matcher(input);
        BigDecimal minutes;
        if (clock.matches()) {
            minutes = BigDecimal.valueOf(Long.parseLong(clock.group(1)) * 60 + Integer.parseInt(clock.group(2)));
        } else {
            BigDecimal hours = LocaleNumbers.parseDecimal(input.replaceFirst("\\s*h$", ""), locale);
            if (hours == null) {
                throw new NumberFormatException(input);
            }
            minutes = hours.multiply(SIXTY);
        }
        if (minutes.signum() < 0 || minutes.compareTo(BigDecimal.valueOf(MAX_HOURS * 60)) > 0) {
            throw new NumberFormatException(input);
        }
        return minutes.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** Minutes as decimal hours to read and to edit ({@code 750} → {@code 12.5}; up to two decimals, no grouping). */
    static String format(long minutes, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        format.setGroupingUsed(false);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(BigDecimal.valueOf(minutes).divide(SIXTY, 4, RoundingMode.HALF_UP));
    }
}
