package com.workline.persistence.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's own fields, as the record form edits them. {@code id}, {@code number} and {@code version}
 * are null/0 for a new customer; the number comes from the organization's customer number series.
 */
public record CustomerDetails(UUID id, String number, String name, CustomerType type, CustomerStatus status,
                              String industry, String website, String email, String phone, String taxId,
                              String currency, Integer paymentTermsDays, BigDecimal creditLimit, UUID ownerId,
                              List<String> tags, Integer rating, String notes, Map<String, Object> customFields,
                              int version) {

    /** A new customer with the few fields every one needs. */
    public static CustomerDetails newCustomer(String name, CustomerType type, CustomerStatus status) {
        return new CustomerDetails(null, null, name, type, status, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, Map.of(), 0);
    }
}
