package com.workline.persistence.crm;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the customer list. {@code sortKey} is what the next page continues after; {@code deletedAt} is set
 * only for a deleted customer, which the list shows when asked to ({@link CustomerQuery#withDeleted}).
 */
public record CustomerRow(UUID id, String number, String name, CustomerStatus status, String email, String phone,
                          UUID ownerId, String ownerName, List<String> tags, Map<String, Object> customFields,
                          OffsetDateTime createdAt, String sortKey, OffsetDateTime deletedAt) {

    /** A customer that is not deleted. */
    public CustomerRow(UUID id, String number, String name, CustomerStatus status, String email, String phone,
                       UUID ownerId, String ownerName, List<String> tags, Map<String, Object> customFields,
                       OffsetDateTime createdAt, String sortKey) {
        this(id, number, name, status, email, phone, ownerId, ownerName, tags, customFields, createdAt, sortKey, null);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
