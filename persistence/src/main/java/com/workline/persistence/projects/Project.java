package com.workline.persistence.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project as it is edited: a new one has no id, number or quote (the number comes from the series when it is
 * created; the quote only through {@link ProjectService#createFromQuote}).
 *
 * @param customerId     null for an internal project
 * @param budgetMinutes  null: no minutes budget
 * @param budgetAmount   in the organization's base currency; null: no amount budget
 * @param rounding       the project's own rounding of billable time; null: the customer's, else the organization's
 * @param version        the version loaded (compared when saving)
 */
public record Project(UUID id, String number, String name, String description, UUID customerId, UUID quoteId,
                      ProjectStatus status, LocalDate startDate, LocalDate endDate, BillingType billingType,
                      Integer budgetMinutes, BigDecimal budgetAmount, UUID managerId, boolean defaultBillable,
                      boolean refuseOverBudget, RoundingRule rounding, int version) {
    /** A new project in planning, billed by time, billable by default. */
    public static Project create(String name, UUID customerId) {
        return new Project(null, null, name, null, customerId, null, ProjectStatus.PLANNING, null, null,
                BillingType.TIME_AND_MATERIALS, null, null, null, true, false, null, 0);
    }

    public Project withName(String newName) {
        return new Project(id, number, newName, description, customerId, quoteId, status, startDate, endDate, billingType,
                budgetMinutes, budgetAmount, managerId, defaultBillable, refuseOverBudget, rounding, version);
    }

    public Project withStatus(ProjectStatus newStatus) {
        return new Project(id, number, name, description, customerId, quoteId, newStatus, startDate, endDate, billingType,
                budgetMinutes, budgetAmount, managerId, defaultBillable, refuseOverBudget, rounding, version);
    }

    public Project withBudget(Integer minutes, BigDecimal amount, boolean refuseOver) {
        return new Project(id, number, name, description, customerId, quoteId, status, startDate, endDate, billingType,
                minutes, amount, managerId, defaultBillable, refuseOver, rounding, version);
    }

    public Project withManager(UUID manager) {
        return new Project(id, number, name, description, customerId, quoteId, status, startDate, endDate, billingType,
                budgetMinutes, budgetAmount, manager, defaultBillable, refuseOverBudget, rounding, version);
    }

    public Project withRounding(RoundingRule rule) {
        return new Project(id, number, name, description, customerId, quoteId, status, startDate, endDate, billingType,
                budgetMinutes, budgetAmount, managerId, defaultBillable, refuseOverBudget, rule, version);
    }

    public Project withDates(LocalDate start, LocalDate end) {
        return new Project(id, number, name, description, customerId, quoteId, status, start, end, billingType,
                budgetMinutes, budgetAmount, managerId, defaultBillable, refuseOverBudget, rounding, version);
    }

    public Project withDefaultBillable(boolean billable) {
        return new Project(id, number, name, description, customerId, quoteId, status, startDate, endDate, billingType,
                budgetMinutes, budgetAmount, managerId, billable, refuseOverBudget, rounding, version);
    }

    public Project withBillingType(BillingType type) {
        return new Project(id, number, name, description, customerId, quoteId, status, startDate, endDate, type,
                budgetMinutes, budgetAmount, managerId, defaultBillable, refuseOverBudget, rounding, version);
    }
}
