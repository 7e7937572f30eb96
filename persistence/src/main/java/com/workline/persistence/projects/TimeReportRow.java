package com.workline.persistence.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a time report. Amounts are in the organization's base currency.
 *
 * @param key                 the person, project, customer or service category (null for periods, internal projects,
 *                            entries without a category)
 * @param label               its name (a project: number and name); null for periods
 * @param period              the first day of the week or month (period groupings), else null
 * @param billableMinutes     rounded minutes of billable entries
 * @param nonBillableMinutes  raw minutes of the other entries
 * @param costAmount          the entries' cost: managers and above only, else null
 * @param budget              by project: the project's budget and what it has used over its whole life; else null
 */
public record TimeReportRow(UUID key, String label, LocalDate period, long entries, long rawMinutes, long billableMinutes,
                            long nonBillableMinutes, BigDecimal amount, BigDecimal costAmount, BudgetFigures budget) {
}
