package com.workline.persistence.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Builds the MIME form of an {@link OutgoingMessage}: the one place both ways of sending share. */
final class MimeMessages {
    static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {
    }

    /**
     * A MIME message: text/plain UTF-8 alone, or multipart/mixed with the attachments. {@code messageId} null leaves
     * the Message-ID out (drafts: the mail program gives one when it sends).
     */
    static MimeMessage build(Session session, OutgoingMessage message, String messageId) throws MessagingException {
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    removeHeader("Message-ID");
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
        if (message.from() != null) {
            mime.setFrom(address(message.from()));
        }
        mime.setRecipients(Message.RecipientType.TO, addresses(message.to()));
        if (!message.cc().isEmpty()) {
            mime.setRecipients(Message.RecipientType.CC, addresses(message.cc()));
        }
        if (!message.bcc().isEmpty()) {
            mime.setRecipients(Message.RecipientType.BCC, addresses(message.bcc()));
        }
        mime.setSubject(message.subject(), UTF_8);
        if (message.attachments().isEmpty()) {
            mime.setText(message.body(), UTF_8);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), UTF_8);
            mixed.addBodyPart(text);
            for (Attachment attachment : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                // Always base64: a PDF is binary, and quoted-printable guesses would only cost size.
                part.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        return mime;
    }

    /** {@code <random@sender's domain>}: no machine name in it, and a domain that matches the From address. */
    static String newMessageId(Mailbox from) {
        String address = from.address();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return "<" + UUID.randomUUID() + ".workline@" + domain + ">";
    }

    static InternetAddress address(Mailbox box) {
        try {
            return new InternetAddress(box.address(), box.name(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress[] addresses(List<Mailbox> boxes) {
        return boxes.stream().map(MimeMessages::address).toArray(InternetAddress[]::new);
    }
}
