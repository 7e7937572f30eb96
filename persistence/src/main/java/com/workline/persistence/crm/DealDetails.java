package com.workline.persistence.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deal's own fields, as the deal form edits them. The names ({@code customerName}, {@code contactName},
 * {@code ownerName}), {@code stageName} and {@code status} are shown, never written (the board and the stage
 * moves change stage and status). {@code id} is null and {@code version} 0 for a new deal.
 */
public record DealDetails(UUID id, String title, UUID customerId, String customerName, UUID contactId, String contactName,
                          BigDecimal value, String currency, LocalDate expectedCloseDate, UUID ownerId, String ownerName,
                          List<String> tags, Map<String, Object> customFields, String stageName, String status, int version) {

    /** The fields a save writes (the names are looked up when the deal is read back). */
    public DealDetails(UUID id, String title, UUID customerId, String customerName, UUID contactId, BigDecimal value,
                       String currency, LocalDate expectedCloseDate, UUID ownerId, List<String> tags,
                       Map<String, Object> customFields, String stageName, String status, int version) {
        this(id, title, customerId, customerName, contactId, null, value, currency, expectedCloseDate, ownerId, null, tags,
                customFields, stageName, status, version);
    }

    /** A new deal for a customer (null = choose one), in the given currency. */
    public static DealDetails newDeal(UUID customerId, String currency) {
        return new DealDetails(null, "", customerId, null, null, null, currency, null, null, List.of(), Map.of(), null,
                "open", 0);
    }

    /** Something a deal's customer, contact or owner can be: its id and the name people see. */
    public record Choice(UUID id, String name) {
    }
}
