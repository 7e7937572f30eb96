package com.workline.persistence.quoting;

import com.workline.persistence.money.LineInput;
import com.workline.persistence.money.LineKind;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of a quote in document order: a product, a service or a text/section line. The amounts ({@code net},
 * {@code tax}, {@code gross}) are the stored ones (null on text lines, and ignored when saving: the service
 * computes them with the one calculator).
 */
public record QuoteLine(LineKind kind, UUID productId, UUID serviceCategoryId, String description, BigDecimal quantity,
                        String unit, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRatePercent,
                        boolean optional, BigDecimal net, BigDecimal tax, BigDecimal gross) {

    public static QuoteLine text(String description) {
        return new QuoteLine(LineKind.TEXT, null, null, description, null, null, null, null, null, false, null, null, null);
    }

    public static QuoteLine product(UUID productId, String description, String quantity, String unit, String unitPrice,
                                    String taxRatePercent) {
        return new QuoteLine(LineKind.PRODUCT, productId, null, description, new BigDecimal(quantity), unit,
                unitPrice == null ? null : new BigDecimal(unitPrice), null, new BigDecimal(taxRatePercent), false, null, null, null);
    }

    public static QuoteLine service(UUID serviceCategoryId, String description, String quantity, String unit, String unitPrice,
                                    String taxRatePercent) {
        return new QuoteLine(LineKind.SERVICE, null, serviceCategoryId, description, new BigDecimal(quantity), unit,
                unitPrice == null ? null : new BigDecimal(unitPrice), null, new BigDecimal(taxRatePercent), false, null, null, null);
    }

    public QuoteLine withDiscount(String percent) {
        return new QuoteLine(kind, productId, serviceCategoryId, description, quantity, unit, unitPrice, new BigDecimal(percent),
                taxRatePercent, optional, net, tax, gross);
    }

    public QuoteLine asOptional() {
        return new QuoteLine(kind, productId, serviceCategoryId, description, quantity, unit, unitPrice, discountPercent,
                taxRatePercent, true, net, tax, gross);
    }

    QuoteLine withUnitPrice(BigDecimal price) {
        return new QuoteLine(kind, productId, serviceCategoryId, description, quantity, unit, price, discountPercent,
                taxRatePercent, optional, net, tax, gross);
    }

    QuoteLine withAmounts(BigDecimal newNet, BigDecimal newTax, BigDecimal newGross) {
        return new QuoteLine(kind, productId, serviceCategoryId, description, quantity, unit, unitPrice, discountPercent,
                taxRatePercent, optional, newNet, newTax, newGross);
    }

    /** What the calculator needs of this line. */
    public LineInput input() {
        return new LineInput(kind, quantity, unitPrice, discountPercent, taxRatePercent, optional);
    }
}
