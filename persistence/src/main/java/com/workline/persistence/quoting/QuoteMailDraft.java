package com.workline.persistence.quoting;

/**
 * What the send dialog of a quote starts with: the quote, the suggested recipient (the quote's contact's e-mail, else
 * the customer's; null when neither has one), and the subject and body rendered from the template.
 */
public record QuoteMailDraft(QuoteDetails quote, String customerName, String recipient, String senderName, String subject,
                             String body) {
}
