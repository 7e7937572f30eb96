package com.workline.persistence.projects;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A person's utilisation over a period: billable minutes (the raw minutes of billable entries) divided by working
 * minutes; {@code utilisation} is null without working minutes (4 decimals, 1 = 100 %).
 */
public record UtilisationRow(UUID userId, String name, long workingMinutes, long recordedMinutes, long billableMinutes,
                             BigDecimal utilisation) {
}
