package com.workline.persistence.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How many units of the organization's base currency one unit of the document's currency is worth: a USD quote of an
 * organization keeping its books in EUR has {@code new ExchangeRate(EUR, 0.92)}.
 */
public record ExchangeRate(java.util.Currency baseCurrency, BigDecimal rate) {
    public ExchangeRate {
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(rate, "rate");
    }
}
