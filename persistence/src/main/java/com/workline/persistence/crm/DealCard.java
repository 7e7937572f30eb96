package com.workline.persistence.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A deal as the kanban board shows it. */
public record DealCard(UUID id, String title, UUID customerId, String customerName, BigDecimal value, String currency,
                       BigDecimal probability, LocalDate expectedCloseDate, String ownerName, int version) {
}
