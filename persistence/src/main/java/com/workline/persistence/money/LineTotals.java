package com.workline.persistence.money;

import java.math.BigDecimal;

/**
 * A line's amounts, each at the currency's scale: net after the line discount (before the document discount), its tax
 * rounded on the line, and gross = net + tax. Text lines have zeros. {@code included} is false for text and optional
 * lines: their amounts are shown but not counted. Under {@link TaxRounding#PER_DOCUMENT} a line's tax is for display
 * only; the document's tax comes from the per-rate summary.
 */
public record LineTotals(BigDecimal net, BigDecimal tax, BigDecimal gross, boolean included) {
}
