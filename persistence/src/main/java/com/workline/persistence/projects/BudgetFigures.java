package com.workline.persistence.projects;

import java.math.BigDecimal;

/**
 * A project's budget against what was booked, over all people (also for people who see only their own entries).
 *
 * @param budgetMinutes       the budget in minutes (null: none)
 * @param budgetAmount        the budget in the base currency (null: none)
 * @param entries             how many time entries were booked
 * @param actualMinutes       all raw minutes booked, billable or not (what the minutes budget is compared with)
 * @param billableMinutes     the rounded minutes of billable entries
 * @param nonBillableMinutes  the raw minutes of non-billable entries
 * @param amount              the billable amount (base currency; what the amount budget is compared with)
 */
public record BudgetFigures(Integer budgetMinutes, BigDecimal budgetAmount, long entries, long actualMinutes,
                            long billableMinutes, long nonBillableMinutes, BigDecimal amount) {
    static BudgetFigures none(Integer budgetMinutes, BigDecimal budgetAmount, int digits) {
        return new BudgetFigures(budgetMinutes, budgetAmount, 0, 0, 0, 0, BigDecimal.ZERO.setScale(digits));
    }

    /** More minutes or a larger amount booked than budgeted. */
    public boolean overBudget() {
        return budgetMinutes != null && actualMinutes > budgetMinutes
                || budgetAmount != null && amount.compareTo(budgetAmount) > 0;
    }

    /** Minutes left of the budget (negative when over), or null without a minutes budget. */
    public Long minutesLeft() {
        return budgetMinutes == null ? null : budgetMinutes - actualMinutes;
    }

    /** The share of the minutes budget used (1 = all of it), or null without a positive minutes budget. */
    public Double minutesUsed() {
        return budgetMinutes == null || budgetMinutes == 0 ? null : (double) actualMinutes / budgetMinutes;
    }
}
