package com.workline.persistence.catalog;

import java.util.UUID;

/** A rate card: the organization's default one, a customer's own one ({@code customerId}), or a further one. */
public record RateCard(UUID id, String name, boolean isDefault, UUID customerId, int version) {
    public static RateCard newCard(String name) {
        return new RateCard(null, name, false, null, 0);
    }

    public static RateCard forCustomer(String name, UUID customerId) {
        return new RateCard(null, name, false, customerId, 0);
    }
}
