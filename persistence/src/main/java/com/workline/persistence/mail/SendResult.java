package com.workline.persistence.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message the SMTP server accepted: its Message-ID (to find it in the recipient's or the server's logs), the
 * addresses it went to and when. "Accepted" is all SMTP can tell: delivery to the mailbox happens later.
 */
public record SendResult(String messageId, List<String> acceptedRecipients, Instant sentAt) {
    public SendResult {
        acceptedRecipients = List.copyOf(acceptedRecipients);
    }
}
