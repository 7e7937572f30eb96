package com.workline.persistence.mail;

import com.workline.persistence.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplateTest {
    private static final Set<String> QUOTE = Set.of("customer", "number", "total", "validUntil", "sender");
    private static final Map<String, String> VALUES = Map.of("customer", "M\u00fcller & S\u00f6hne GmbH", "number",
            "Q-2026-0042", "total", "1.234,50 \u20ac", "validUntil", "31.12.2026", "sender", "Anna Schr\u00f6der");

    @Test
    void fillsEveryPlaceholderInSubjectAndBody() {
        MailTemplate template = MailTemplate.of("Angebot {number} f\u00fcr {customer}",
                "Guten Tag,\n\nanbei Angebot {number} \u00fcber {total}, g\u00fcltig bis {validUntil}.\n\n{sender}", QUOTE);

        MailTemplate.Rendered mail = template.render(VALUES);

        assertThat(mail.subject()).isEqualTo("Angebot Q-2026-0042 f\u00fcr M\u00fcller & S\u00f6hne GmbH");
        assertThat(mail.body()).isEqualTo("Guten Tag,\n\nanbei Angebot Q-2026-0042 \u00fcber 1.234,50 \u20ac, g\u00fcltig "
                + "bis 31.12.2026.\n\nAnna Schr\u00f6der");
        assertThat(template.placeholders()).containsExactly("number", "customer", "total", "validUntil", "sender");
    }

    @Test
    void unknownPlaceholdersAreRefusedWhenTheTemplateIsMadeNamingThemAndTheAvailableOnes() {
        assertThatThrownBy(() -> MailTemplate.of("Angebot {nummer}", "Hallo {custmer}, {customer}", QUOTE))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldTexts()).containsOnlyKeys("subject", "body");
                    assertThat(e.fieldTexts().get("subject").english()).isEqualTo(
                            "Unknown placeholder {nummer}. Available: {customer}, {number}, {sender}, {total}, {validUntil}");
                    assertThat(e.fieldTexts().get("body").english()).startsWith("Unknown placeholder {custmer}.");
                });
    }

    @Test
    void otherBracesStayAsTheyAreAndValuesAreNotExpandedAgain() {
        MailTemplate template = MailTemplate.of("{number}", "Preis {1} { siehe unten } {Customer} {} {total}", QUOTE);

        MailTemplate.Rendered mail = template.render(Map.of("number", "{customer} $1 \\", "total", "100 $"));

        assertThat(mail.subject()).isEqualTo("{customer} $1 \\");
        assertThat(mail.body()).isEqualTo("Preis {1} { siehe unten } {Customer} {} 100 $");
    }

    @Test
    void aKnownPlaceholderWithoutValueRendersEmptyAndTheSubjectStaysOneLine() {
        MailTemplate template = MailTemplate.of("Angebot {number} {validUntil}", "bis {validUntil}.", QUOTE);

        MailTemplate.Rendered mail = template.render(Map.of("number", "Q-1\r\nBcc: evil@example.com"));

        assertThat(mail.subject()).isEqualTo("Angebot Q-1 Bcc: evil@example.com");
        assertThat(mail.body()).isEqualTo("bis .");
    }

    @Test
    void aSubjectTemplateIsOneLine() {
        assertThatThrownBy(() -> MailTemplate.of("Angebot\n{number}", "", QUOTE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldTexts().get("subject").key()).isEqualTo("mail.message.subjectOneLine"));
    }
}
