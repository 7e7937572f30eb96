package com.workline.persistence.mail;

import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ValidationException;

import java.util.List;
import java.util.stream.Stream;

/**
 * One e-mail about a document (a quote, later an invoice): plain-text body, any number of attachments. The same
 * value becomes an {@link EmlDraft} for the person's mail program or is sent by {@link SmtpSender}.
 *
 * @param from        the sender; may be null for a draft (the mail program then uses its default account)
 * @param to          at least one recipient
 * @param cc          copies, may be empty
 * @param bcc         blind copies (e.g. the sender's own address, since SMTP sending keeps no "Sent" copy), may be empty
 * @param subject     one line
 * @param body        plain text
 * @param attachments the files, e.g. the quote's PDF
 */
public record OutgoingMessage(Mailbox from, List<Mailbox> to, List<Mailbox> cc, List<Mailbox> bcc, String subject,
                              String body, List<Attachment> attachments) {
    /** Most mail servers refuse messages above 10 to 25 MB; base64 makes attachments a third larger. */
    public static final int MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;
    public static final int MAX_SUBJECT = 500;

    public OutgoingMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        subject = subject == null ? "" : subject.strip();
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        long bytes = attachments.stream().mapToLong(Attachment::size).sum();
        new ValidationException.Collector()
                .require(from == null || from.valid(), "from", "mail.message.senderInvalid")
                .require(!to.isEmpty(), "to", "mail.message.recipientRequired")
                .require(to.stream().allMatch(Mailbox::valid), "to", "mail.message.addressInvalid",
                        invalid(to))
                .require(cc.stream().allMatch(Mailbox::valid), "cc", "mail.message.addressInvalid", invalid(cc))
                .require(bcc.stream().allMatch(Mailbox::valid), "bcc", "mail.message.addressInvalid", invalid(bcc))
                .require(Checks.maxLength(subject, MAX_SUBJECT), "subject", "field.text.tooLong", MAX_SUBJECT)
                .require(subject.indexOf('\n') < 0 && subject.indexOf('\r') < 0, "subject", "mail.message.subjectOneLine")
                .require(bytes <= MAX_ATTACHMENT_BYTES, "attachments", "mail.message.attachmentsTooLarge",
                        MAX_ATTACHMENT_BYTES / (1024 * 1024))
                .throwIfAny();
    }

    /** A message from {@code from} to {@code to} without copies. */
    public static OutgoingMessage of(Mailbox from, List<Mailbox> to, String subject, String body,
                                     List<Attachment> attachments) {
        return new OutgoingMessage(from, to, List.of(), List.of(), subject, body, attachments);
    }

    /** Everyone the message goes to: to, cc and bcc. */
    public List<Mailbox> recipients() {
        return Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    /** The same message from another sender (SMTP sending uses the address of the person's settings). */
    public OutgoingMessage withFrom(Mailbox sender) {
        return new OutgoingMessage(sender, to, cc, bcc, subject, body, attachments);
    }

    private static String invalid(List<Mailbox> boxes) {
        return String.join(", ", boxes.stream().filter(b -> !b.valid()).map(b -> String.valueOf(b.address())).toList());
    }
}
