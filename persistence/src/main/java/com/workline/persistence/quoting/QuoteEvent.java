package com.workline.persistence.quoting;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a quote's history: what happened ({@code action}), from which status to which, by whom (id and the
 * name shown), when.
 */
public record QuoteEvent(String action, QuoteStatus fromStatus, QuoteStatus toStatus, String note, UUID relatedQuoteId,
                         UUID changedBy, String changedByName, OffsetDateTime changedAt) {
}
