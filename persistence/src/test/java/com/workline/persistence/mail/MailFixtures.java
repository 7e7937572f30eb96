package com.workline.persistence.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Messages and a PDF-like attachment (every byte value) the mail tests share. */
final class MailFixtures {
    static final String SUBJECT = "Angebot Q-2026-0042 f\u00fcr M\u00fcller & S\u00f6hne \u2013 \u00dcbersicht";
    static final String BODY = "Sehr geehrte Frau M\u00fcller,\r\n\r\nanbei unser Angebot \u00fcber 1.234,50 \u20ac.\r\n"
            + "Gr\u00fc\u00dfe aus K\u00f6ln\r\n.\r\nA line with a single dot above stays.\r\n";
    static final String FILE_NAME = "Angebot Q-2026-0042 M\u00fcller.pdf";

    private MailFixtures() {
    }

    static byte[] pdf() {
        byte[] bytes = new byte[70_000];
        new Random(42).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = 0; i < 256; i++) {
            bytes[100 + i] = (byte) i;
        }
        return bytes;
    }

    static OutgoingMessage quote(Mailbox from, List<Mailbox> to, List<Mailbox> cc) {
        return new OutgoingMessage(from, to, cc, List.of(), SUBJECT, BODY, List.of(Attachment.pdf(FILE_NAME, pdf())));
    }

    /** The text part's content. */
    static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        Multipart multipart = (Multipart) content;
        return (String) multipart.getBodyPart(0).getContent();
    }

    static BodyPart attachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    static byte[] bytes(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
