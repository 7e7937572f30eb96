package com.workline.persistence.crm;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One line of the customer list. {@code sortKey} is what the next page continues after. */
public record CustomerRow(UUID id, String number, String name, CustomerStatus status, String email, String phone,
                          UUID ownerId, String ownerName, List<String> tags, Map<String, Object> customFields,
                          OffsetDateTime createdAt, String sortKey) {
}
