package com.workline.persistence.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One line of the deals list. */
public record DealRow(UUID id, String title, UUID customerId, String customerName, String pipelineName, String stageName,
                      String status, BigDecimal value, String currency, BigDecimal probability,
                      boolean probabilityOverridden, LocalDate expectedCloseDate, String ownerName, List<String> tags,
                      Map<String, Object> customFields, int version) {
}
