package com.workline.persistence.mail;

import com.workline.persistence.common.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subject and body with placeholders such as {@code {customer}}, {@code {number}}, {@code {total}},
 * {@code {validUntil}} and {@code {sender}}. Plain text without escapes: a placeholder is a name in braces
 * ({@code [a-z][A-Za-z0-9]*}); every other brace stays as it is ({@code {1}}, <code>{ see below }</code>).
 * <p>
 * Unknown placeholders are <b>refused</b> when the template is made ({@link #of}), so a typo such as
 * {@code {custmer}} is caught where the template is edited, not in a customer's inbox. A known placeholder without a
 * value renders empty (a quote without a validity date). Values are inserted as they are, in one pass: a value that
 * itself contains {@code {number}} is not expanded again. The caller formats numbers, money and dates in the
 * recipient's language; the template only places the strings.
 */
public final class MailTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][A-Za-z0-9]*)\\}");

    private final String subject;
    private final String body;
    private final Set<String> known;

    private MailTemplate(String subject, String body, Set<String> known) {
        this.subject = subject;
        this.body = body;
        this.known = Set.copyOf(known);
    }

    /**
     * A template whose placeholders are all in {@code known} (a document kind's names, e.g. a quote's); otherwise a
     * {@link ValidationException} on {@code subject} or {@code body} naming the unknown ones and the available ones.
     */
    public static MailTemplate of(String subject, String body, Set<String> known) {
        String s = subject == null ? "" : subject;
        String b = body == null ? "" : body;
        String available = String.join(", ", new TreeSet<>(known).stream().map(n -> "{" + n + "}").toList());
        Set<String> unknownInSubject = unknown(s, known);
        Set<String> unknownInBody = unknown(b, known);
        new ValidationException.Collector()
                .require(unknownInSubject.isEmpty(), "subject", "mail.template.unknownPlaceholder",
                        String.join(", ", unknownInSubject), available)
                .require(unknownInBody.isEmpty(), "body", "mail.template.unknownPlaceholder",
                        String.join(", ", unknownInBody), available)
                .require(s.indexOf('\n') < 0 && s.indexOf('\r') < 0, "subject", "mail.message.subjectOneLine")
                .throwIfAny();
        return new MailTemplate(s, b, known);
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    /** The filled-in subject and body. {@code values} may hold more names than the template uses. */
    public Rendered render(Map<String, String> values) {
        return new Rendered(fill(subject, values).replaceAll("[\\r\\n]+", " ").strip(), fill(body, values));
    }

    /** The placeholders the template uses, in order of first appearance. */
    public Set<String> placeholders() {
        Map<String, Boolean> used = new LinkedHashMap<>();
        for (String text : new String[] {subject, body}) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                used.put(m.group(1), true);
            }
        }
        return used.keySet();
    }

    private String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> unknown(String text, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    /** A filled-in template. */
    public record Rendered(String subject, String body) {
    }
}
