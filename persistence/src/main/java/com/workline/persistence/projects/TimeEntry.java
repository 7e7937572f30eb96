package com.workline.persistence.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A time entry as stored: the raw minutes the person recorded and the billable minutes rounded by the rule frozen on
 * the entry, the billing rate frozen when it was rated and the amount (zero when not billable). Costs are not here:
 * managers read them with {@link TimeEntryService#costs}.
 *
 * @param startedAt a running timer has a start and no end
 */
public record TimeEntry(UUID id, UUID userId, LocalDate entryDate, OffsetDateTime startedAt, OffsetDateTime endedAt,
                        int rawMinutes, int billableMinutes, UUID projectId, String projectNumber, String projectName,
                        UUID taskId, String taskName, UUID serviceCategoryId, String description, boolean billable,
                        RoundingRule rounding, BigDecimal billingRate, BigDecimal amount, TimeStatus status,
                        String rejectionReason, UUID approvedBy, OffsetDateTime approvedAt, int version) {
    public boolean running() {
        return startedAt != null && endedAt == null;
    }

    /** What the entry holds that the person may change, for an edit. */
    public TimeEntryInput input() {
        return new TimeEntryInput(userId, entryDate, startedAt, endedAt, rawMinutes, projectId, taskId, serviceCategoryId,
                description, billable);
    }
}
