package com.workline.persistence.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static com.workline.persistence.mail.MailFixtures.BODY;
import static com.workline.persistence.mail.MailFixtures.FILE_NAME;
import static com.workline.persistence.mail.MailFixtures.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;

class EmlDraftTest {
    private static final Mailbox ANNA = new Mailbox("anna@example.com", "Anna Schr\u00f6der");
    private static final Mailbox CUSTOMER = new Mailbox("einkauf@mueller.example", "M\u00fcller & S\u00f6hne, Einkauf");

    @Test
    void draftParsesBackWithAttachmentUnsentHeaderAndUmlauts() throws Exception {
        OutgoingMessage message = MailFixtures.quote(ANNA, List.of(CUSTOMER), List.of(Mailbox.of("chef@mueller.example")));

        byte[] eml = EmlDraft.write(message);
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));

        assertThat(parsed.getHeader(EmlDraft.UNSENT_HEADER)).containsExactly("1");
        assertThat(parsed.getSubject()).isEqualTo(SUBJECT);
        assertThat(parsed.getFrom()).extracting(Object::toString).singleElement().asString().contains("anna@example.com");
        assertThat(parsed.getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo(MimeMessages.address(CUSTOMER).toString());
        assertThat(((jakarta.mail.internet.InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0])
                .getPersonal()).isEqualTo("M\u00fcller & S\u00f6hne, Einkauf");
        assertThat(parsed.getRecipients(Message.RecipientType.CC)).extracting(Object::toString)
                .containsExactly("chef@mueller.example");
        assertThat(MailFixtures.text(parsed)).isEqualTo(BODY);
        assertThat(parsed.getContentType()).startsWith("multipart/mixed");
        BodyPart pdf = MailFixtures.attachment(parsed);
        assertThat(pdf.getFileName()).isEqualTo(FILE_NAME);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(MailFixtures.bytes(pdf)).isEqualTo(MailFixtures.pdf());
    }

    @Test
    void draftHasNoDateNoMessageIdAndIsSevenBitWithCrLf() throws Exception {
        byte[] eml = EmlDraft.write(MailFixtures.quote(null, List.of(CUSTOMER), List.of()));
        String text = new String(eml, StandardCharsets.ISO_8859_1);
        String headers = text.substring(0, text.indexOf("\r\n\r\n"));

        assertThat(headers).doesNotContainIgnoringCase("\r\nDate:").doesNotContainIgnoringCase("Message-ID:")
                .doesNotContain("\r\nFrom:").contains("X-Unsent: 1").contains("MIME-Version: 1.0");
        // Outlook and Apple Mail read the file as it is: plain ASCII, every line ends in CRLF, none longer than 998.
        for (byte b : eml) {
            assertThat(b).isGreaterThanOrEqualTo((byte) 0);
        }
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }

    @Test
    void withoutAttachmentsTheDraftIsPlainText() throws Exception {
        OutgoingMessage message = OutgoingMessage.of(ANNA, List.of(CUSTOMER), "Kurz", "Gr\u00fc\u00dfe", List.of());
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(EmlDraft.write(message)));

        assertThat(parsed.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(parsed.getContent()).isEqualTo("Gr\u00fc\u00dfe");
    }

    @Test
    void savesUnderASafeFileName(@TempDir Path folder) throws Exception {
        Path file = EmlDraft.save(MailFixtures.quote(ANNA, List.of(CUSTOMER), List.of()), folder.resolve("drafts"),
                "Angebot Q-2026/0042: M\u00fcller?");

        assertThat(file.getFileName().toString()).isEqualTo("Angebot Q-2026_0042_ M\u00fcller_.eml");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains("X-Unsent: 1");
        assertThat(EmlDraft.fileName("  ..  ")).isEqualTo("draft.eml");
        assertThat(EmlDraft.fileName("x".repeat(300))).hasSize(104);
    }
}
