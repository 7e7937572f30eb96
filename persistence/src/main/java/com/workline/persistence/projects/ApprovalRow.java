package com.workline.persistence.projects;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A submitted week waiting for approval: whose, which (Monday), how many entries, raw minutes and billable minutes
 * (of the entries the approver may approve). Also the keyset cursor of the next page ({@code weekStart}, {@code userId}).
 */
public record ApprovalRow(UUID userId, String personName, LocalDate weekStart, int entries, long minutes,
                          long billableMinutes) {
}
