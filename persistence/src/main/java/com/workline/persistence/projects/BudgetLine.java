package com.workline.persistence.projects;

import java.math.BigDecimal;
import java.util.UUID;

/** The budget of a project for one service category (from the accepted quote's service lines). */
public record BudgetLine(UUID id, UUID serviceCategoryId, String serviceCategoryName, int minutes, BigDecimal amount) {
}
