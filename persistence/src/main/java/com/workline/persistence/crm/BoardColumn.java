package com.workline.persistence.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One stage of the board: its deals (the first {@code limit} by value), how many there are, and the
 * column totals. Totals are per currency-agnostic sum of values (the organization's base currency is
 * assumed for mixed boards until exchange rates arrive with quoting).
 */
public record BoardColumn(UUID stageId, String name, BigDecimal probability, boolean won, boolean lost,
                          List<DealCard> deals, long dealCount, BigDecimal total, BigDecimal weightedTotal) {
}
