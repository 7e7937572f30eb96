package com.workline.persistence.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a document as the calculator sees it. A priced line (product, service) needs a quantity, a unit price
 * and a tax rate; its discount may be null (no discount). Either quantity or price may be negative (a credit line:
 * returned goods, a trade-in). A text line carries none of the amounts (all null). An optional line is one the customer
 * may choose: it is calculated and shown, but never counts in the totals.
 *
 * @param quantity        any scale; negative for a credit line
 * @param unitPrice       in the document's currency, any scale (0.0045 per screw is fine); negative for a credit line
 * @param discountPercent 0 to 100, or null for none
 * @param taxRatePercent  0 to 100 (19, 7, 0, 5.5 …)
 */
public record LineInput(LineKind kind, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
                        BigDecimal taxRatePercent, boolean optional) {

    public LineInput {
        Objects.requireNonNull(kind, "kind");
    }

    /** A product line without discount. */
    public static LineInput product(String quantity, String unitPrice, String taxRatePercent) {
        return new LineInput(LineKind.PRODUCT, new BigDecimal(quantity), new BigDecimal(unitPrice), null,
                new BigDecimal(taxRatePercent), false);
    }

    /** A service line without discount. */
    public static LineInput service(String quantity, String unitPrice, String taxRatePercent) {
        return new LineInput(LineKind.SERVICE, new BigDecimal(quantity), new BigDecimal(unitPrice), null,
                new BigDecimal(taxRatePercent), false);
    }

    /** A text or section heading. */
    public static LineInput text() {
        return new LineInput(LineKind.TEXT, null, null, null, null, false);
    }

    /** This line with a line discount. */
    public LineInput withDiscount(String percent) {
        return new LineInput(kind, quantity, unitPrice, new BigDecimal(percent), taxRatePercent, optional);
    }

    /** This line as an optional line (shown, not in the total). */
    public LineInput asOptional() {
        return new LineInput(kind, quantity, unitPrice, discountPercent, taxRatePercent, true);
    }
}
