package com.workline.persistence.crm;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call, e-mail, meeting, note or task, logged against a customer, contact or deal. */
public record Activity(UUID id, String type, String subject, String notes, OffsetDateTime dueAt, OffsetDateTime doneAt,
                       String outcome, UUID assignedTo, String assignedName, UUID customerId, String customerName,
                       UUID contactId, UUID dealId, OffsetDateTime createdAt) {
}
