package com.workline.persistence.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** A tax rate (percent 0..100, up to four decimals); one of an organization's rates is the default. */
public record TaxRate(UUID id, String name, BigDecimal percent, boolean isDefault, boolean active, int version) {
    public static TaxRate newRate(String name, BigDecimal percent) {
        return new TaxRate(null, name, percent, false, true, 0);
    }
}
