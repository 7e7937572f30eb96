package com.workline.persistence.quoting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A quote in the list (newest first); also the keyset cursor of the next page. */
public record QuoteRow(UUID id, String number, String title, String customerName, QuoteStatus status, LocalDate validUntil,
                       String currency, BigDecimal total, OffsetDateTime createdAt) {
}
