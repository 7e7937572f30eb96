package com.workline.persistence.crm;

import java.util.UUID;

/** A customer's address; one default billing and one default shipping address per customer. */
public record Address(UUID id, UUID customerId, String type, String line1, String line2, String city, String region,
                      String postalCode, String country, boolean defaultBilling, boolean defaultShipping, int version) {
}
