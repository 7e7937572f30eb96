package com.workline.persistence.quoting;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The quote that speaks for a deal on its card: the accepted one, else the newest sent, else the newest draft
 * (rejected, expired, cancelled and superseded quotes no longer speak for it).
 *
 * @param quotes how many quotes the deal has in any status
 */
public record DealQuoteValue(UUID dealId, UUID quoteId, String number, QuoteStatus status, String currency,
                             BigDecimal total, int quotes) {
}
