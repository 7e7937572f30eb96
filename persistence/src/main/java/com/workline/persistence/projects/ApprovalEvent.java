package com.workline.persistence.projects;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What happened to a person's week: {@code action} is submitted, withdrawn, approved or rejected (with the reason),
 * how many entries and raw minutes it concerned, by whom and when.
 */
public record ApprovalEvent(UUID userId, LocalDate weekStart, String action, String reason, int entries, long minutes,
                            UUID changedBy, String changedByName, OffsetDateTime changedAt) {
}
