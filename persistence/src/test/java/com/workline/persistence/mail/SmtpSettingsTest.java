package com.workline.persistence.mail;

import com.workline.persistence.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSettingsTest {
    @Test
    void checksEveryFieldAtOnceWithKeys() {
        assertThatThrownBy(() -> new SmtpSettings("smtp example.com", 0, null, "anna", new char[0], "anna", "x".repeat(201)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldTexts()).containsOnlyKeys("host", "port", "security", "password", "fromAddress",
                            "fromName");
                    assertThat(e.fieldTexts().get("host").key()).isEqualTo("mail.smtp.hostInvalid");
                    assertThat(e.fieldTexts().get("port").english()).isEqualTo("A port from 1 to 65535.");
                    assertThat(e.fieldTexts().get("password").key()).isEqualTo("mail.smtp.passwordRequired");
                });
        assertThatThrownBy(() -> new SmtpSettings(" ", 587, SmtpSettings.Security.STARTTLS, null, null, "a@b.example", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldTexts().get("host").key()).isEqualTo("mail.smtp.hostRequired"));
    }

    @Test
    void acceptsNamesAndAddressesAndARelayWithoutSignIn() {
        assertThat(new SmtpSettings("smtp.office365.com", 587, SmtpSettings.Security.STARTTLS, "anna@firma.example",
                "pw".toCharArray(), "anna@firma.example", "Anna").signsIn()).isTrue();
        assertThat(new SmtpSettings("192.168.1.20", 25, SmtpSettings.Security.NONE, " ", null, "anna@firma.example", null)
                .signsIn()).isFalse();
        assertThat(new SmtpSettings("[::1]", 465, SmtpSettings.Security.SSL_TLS, null, null, "a@b.example", null).host())
                .isEqualTo("[::1]");
        assertThat(SmtpSettings.Security.STARTTLS.defaultPort()).isEqualTo(587);
        assertThat(SmtpSettings.Security.SSL_TLS.defaultPort()).isEqualTo(465);
    }

    @Test
    void thePasswordIsCopiedNeverPrintedAndCanBeWiped() {
        char[] typed = "G3heim!".toCharArray();
        SmtpSettings settings = new SmtpSettings("smtp.example.com", 587, SmtpSettings.Security.STARTTLS, "anna", typed,
                "anna@example.com", "Anna");
        typed[0] = 'X';

        assertThat(settings.password()).containsExactly("G3heim!".toCharArray());
        assertThat(settings.toString()).doesNotContain("G3heim").contains("password=***");
        settings.password()[0] = 'Y';
        assertThat(settings.password()[0]).isEqualTo('G');
        settings.clearPassword();
        assertThat(settings.password()).containsOnly('\0');
    }

    @Test
    void messagesAreCheckedAndSendsAreRecorded() {
        assertThatThrownBy(() -> new OutgoingMessage(null, List.of(), List.of(Mailbox.of("nope")), null, "a\nb", "",
                List.of())).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldTexts()).containsOnlyKeys("to", "cc", "subject");
                    assertThat(e.fieldTexts().get("cc").english()).isEqualTo("These are not e-mail addresses: nope");
                });
        OutgoingMessage message = MailFixtures.quote(null, List.of(Mailbox.of("kunde@example.com")),
                List.of(Mailbox.of("chef@example.com")));
        Instant at = Instant.parse("2026-11-24T10:00:00Z");

        SendRecord draft = SendRecord.draft("person-1", message, at);

        assertThat(draft.channel()).isEqualTo(SendRecord.Channel.DRAFT);
        assertThat(draft.recipients()).containsExactly("kunde@example.com", "chef@example.com");
        assertThat(draft.messageId()).isNull();
        assertThat(draft.attachmentNames()).containsExactly(MailFixtures.FILE_NAME);
        SmtpSettings settings = new SmtpSettings("smtp.example.com", 587, SmtpSettings.Security.STARTTLS, null, null,
                "anna@example.com", null);
        SendRecord smtp = SendRecord.smtp("person-1", settings, message,
                new SendResult("<id@example.com>", List.of("kunde@example.com", "chef@example.com"), at));
        assertThat(smtp).extracting(SendRecord::channel, SendRecord::from, SendRecord::messageId, SendRecord::at)
                .containsExactly(SendRecord.Channel.SMTP, "anna@example.com", "<id@example.com>", at);
    }
}
