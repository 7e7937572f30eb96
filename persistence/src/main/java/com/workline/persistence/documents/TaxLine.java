package com.workline.persistence.documents;

import java.math.BigDecimal;
import java.util.Objects;

/** One row of the per-rate tax summary: rate in percent, the net amount taxed at that rate, and the tax. */
public record TaxLine(BigDecimal ratePercent, BigDecimal base, BigDecimal tax) {
    public TaxLine {
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(tax, "tax");
    }
}
