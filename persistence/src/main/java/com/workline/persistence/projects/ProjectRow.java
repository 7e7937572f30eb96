package com.workline.persistence.projects;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A project in the list (by name), with its budget figures; also the keyset cursor of the next page
 * ({@code sortName}, {@code id}).
 */
public record ProjectRow(UUID id, String number, String name, String customerName, ProjectStatus status,
                         String managerName, LocalDate startDate, LocalDate endDate, BudgetFigures figures,
                         String sortName) {
    public boolean overBudget() {
        return figures.overBudget();
    }
}
