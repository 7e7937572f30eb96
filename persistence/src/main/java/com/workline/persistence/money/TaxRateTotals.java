package com.workline.persistence.money;

import java.math.BigDecimal;

/**
 * One row of the per-rate summary: the rate (at least two decimals, e.g. 19.00), the net base of the included lines
 * at that rate after their share of the document discount, and the tax on it.
 */
public record TaxRateTotals(BigDecimal ratePercent, BigDecimal base, BigDecimal tax) {
}
