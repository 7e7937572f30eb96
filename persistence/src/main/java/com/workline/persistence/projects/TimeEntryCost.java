package com.workline.persistence.projects;

import java.math.BigDecimal;
import java.util.UUID;

/** The cost of a time entry (managers and above only): the frozen cost rate (null: none) and raw minutes x rate / 60. */
public record TimeEntryCost(UUID entryId, BigDecimal costRate, BigDecimal costAmount) {
}
