package com.workline.persistence.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is kept about one sending of a document (a quote now, invoices later): who, to whom, when and how. The
 * storage (a table per document or one shared table) belongs to the areas; this is the value they record.
 *
 * @param channel    how it left
 * @param sentBy     the person who sent or prepared it (their id in the area's terms)
 * @param from       the sender address used (null for a draft without a From line)
 * @param recipients everyone it was addressed to (to, cc and bcc)
 * @param at         when the SMTP server accepted it, or when the draft was handed to the mail program
 * @param messageId  the Message-ID for SMTP sending; null for a draft (the mail program gives its own)
 * @param subject    the subject as sent
 * @param attachmentNames the file names attached
 */
public record SendRecord(Channel channel, String sentBy, String from, List<String> recipients, Instant at,
                         String messageId, String subject, List<String> attachmentNames) {
    /** How the message left Workline. */
    public enum Channel {
        /**
         * Handed to the person's own mail program as a draft: Workline cannot know whether, when or to whom it was
         * finally sent (the person may edit the recipients), so the record says "draft prepared", not "sent".
         */
        DRAFT,
        /** Accepted by the person's SMTP server. */
        SMTP
    }

    public SendRecord {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        recipients = List.copyOf(recipients);
        attachmentNames = List.copyOf(attachmentNames);
    }

    /** The record of a draft opened in the person's mail program. */
    public static SendRecord draft(String sentBy, OutgoingMessage message, Instant at) {
        return new SendRecord(Channel.DRAFT, sentBy, message.from() == null ? null : message.from().address(),
                addresses(message), at, null, message.subject(), names(message));
    }

    /** The record of a message the SMTP server accepted. */
    public static SendRecord smtp(String sentBy, SmtpSettings settings, OutgoingMessage message, SendResult result) {
        return new SendRecord(Channel.SMTP, sentBy, settings.fromAddress(), result.acceptedRecipients(), result.sentAt(),
                result.messageId(), message.subject(), names(message));
    }

    private static List<String> addresses(OutgoingMessage message) {
        return message.recipients().stream().map(Mailbox::address).toList();
    }

    private static List<String> names(OutgoingMessage message) {
        return message.attachments().stream().map(Attachment::fileName).toList();
    }
}
