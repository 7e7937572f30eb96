package com.workline.persistence.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deal's own fields, as the deal form edits them. {@code customerName}, {@code stageName} and {@code status}
 * are shown, never written (the board and the stage moves change those). {@code id} is null and
 * {@code version} 0 for a new deal.
 */
public record DealDetails(UUID id, String title, UUID customerId, String customerName, UUID contactId, BigDecimal value,
                          String currency, LocalDate expectedCloseDate, UUID ownerId, List<String> tags,
                          Map<String, Object> customFields, String stageName, String status, int version) {

    /** A new deal for a customer (null = choose one), in the given currency. */
    public static DealDetails newDeal(UUID customerId, String currency) {
        return new DealDetails(null, "", customerId, null, null, null, currency, null, null, List.of(), Map.of(), null,
                "open", 0);
    }

    /** Something a deal's customer, contact or owner can be: its id and the name people see. */
    public record Choice(UUID id, String name) {
    }
}
