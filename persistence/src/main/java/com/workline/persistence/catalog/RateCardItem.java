package com.workline.persistence.catalog;

import com.workline.persistence.session.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A rate of a service category on a card: for everyone, for one membership {@code role} or for one person
 * ({@code userId}; not both), valid from {@code validFrom} until {@code validUntil} (inclusive; null: open-ended).
 * {@code costRate} is null for people who may not see costs (the database hides the rows), or when none is set.
 */
public record RateCardItem(UUID id, UUID rateCardId, UUID serviceCategoryId, Role role, UUID userId, LocalDate validFrom,
                           LocalDate validUntil, BigDecimal billingRate, BigDecimal costRate, int version) {
    public static RateCardItem forEveryone(UUID card, UUID category, LocalDate from, LocalDate until, BigDecimal billingRate) {
        return new RateCardItem(null, card, category, null, null, from, until, billingRate, null, 0);
    }

    public RateCardItem forRole(Role newRole) {
        return new RateCardItem(id, rateCardId, serviceCategoryId, newRole, null, validFrom, validUntil, billingRate, costRate, version);
    }

    public RateCardItem forPerson(UUID person) {
        return new RateCardItem(id, rateCardId, serviceCategoryId, null, person, validFrom, validUntil, billingRate, costRate, version);
    }

    public RateCardItem withCostRate(BigDecimal rate) {
        return new RateCardItem(id, rateCardId, serviceCategoryId, role, userId, validFrom, validUntil, billingRate, rate, version);
    }

    public RateCardItem withValidity(LocalDate from, LocalDate until) {
        return new RateCardItem(id, rateCardId, serviceCategoryId, role, userId, from, until, billingRate, costRate, version);
    }

    public RateCardItem withBillingRate(BigDecimal rate) {
        return new RateCardItem(id, rateCardId, serviceCategoryId, role, userId, validFrom, validUntil, rate, costRate, version);
    }
}
