package com.workline.persistence.money;

/**
 * Where tax is rounded to the currency's minor unit (docs/money-rules.md). The organization's setting
 * ({@code admin.TaxRoundingMode}) maps onto this with {@code TaxRoundingMode.taxRounding()}.
 */
public enum TaxRounding {
    /** Tax of every line rounded, then summed per rate (the document discount acts as one line per rate). */
    PER_LINE,
    /** Tax rounded once per rate, on the rate's net base of the whole document. */
    PER_DOCUMENT
}
