package com.workline.persistence.catalog;

import java.util.Locale;

/** What a product is: a service, a material, a stock product or a manufactured one. */
public enum ProductType {
    SERVICE, MATERIAL, STOCK, MANUFACTURED;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductType fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
