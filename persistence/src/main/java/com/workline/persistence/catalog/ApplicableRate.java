package com.workline.persistence.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The rate that applies to a piece of work: the card and item it comes from, the billing rate, and the cost rate
 * (null for people who may not see costs, or when none is set).
 */
public record ApplicableRate(UUID rateCardId, UUID itemId, BigDecimal billingRate, BigDecimal costRate) {
}
