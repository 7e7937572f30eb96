package com.workline.persistence.quoting;

import java.math.BigDecimal;

/** A status tab's count and the sum of its quotes' totals in the organization's base currency. */
public record QuoteTabTotal(QuoteStatus status, long count, BigDecimal totalInBaseCurrency) {
}
