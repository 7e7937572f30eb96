package com.workline.persistence.numbering;

import com.workline.persistence.common.Text;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document number formats: literal text with the tokens {@code {yyyy}}, {@code {yy}}, {@code {seq}} and
 * {@code {seq:N}} (sequence padded with zeros to N digits, N from 1 to 9). {@code {seq}} is required.
 */
public final class NumberFormatPattern {
    private static final Pattern TOKEN = Pattern.compile("\\{(yyyy|yy|seq(?::([1-9]))?)\\}");
    private static final Pattern ANY_BRACE = Pattern.compile("[{}]");

    private NumberFormatPattern() {
    }

    /** Empty if the pattern is valid, else the message to show next to the field. */
    public static Optional<Text> problem(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of(Text.of("numbering.format.required", "INV-{yyyy}-{seq:5}"));
        }
        if (pattern.length() > 40) {
            return Optional.of(Text.of("numbering.format.tooLong"));
        }
        Matcher m = TOKEN.matcher(pattern);
        boolean hasSequence = false;
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            hasSequence |= m.group(1).startsWith("seq");
            rest.append(pattern, last, m.start());
            last = m.end();
        }
        rest.append(pattern.substring(last));
        if (ANY_BRACE.matcher(rest).find()) {
            return Optional.of(Text.of("numbering.format.unknownPlaceholder", "{yyyy}", "{yy}", "{seq}", "{seq:5}"));
        }
        if (!hasSequence) {
            return Optional.of(Text.of("numbering.format.sequenceMissing", "{seq}", "{seq:5}"));
        }
        return Optional.empty();
    }

    public static String format(String pattern, int year, long sequence) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value;
            if (token.equals("yyyy")) {
                value = String.format("%04d", year);
            } else if (token.equals("yy")) {
                value = String.format("%02d", year % 100);
            } else if (m.group(2) != null) {
                value = String.format("%0" + m.group(2) + "d", sequence);
            } else {
                value = Long.toString(sequence);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Series whose format has no year never restart: they are kept under year 0. */
    public static boolean usesYear(String pattern) {
        return pattern.contains("{yyyy}") || pattern.contains("{yy}");
    }
}
