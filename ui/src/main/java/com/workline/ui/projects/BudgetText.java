package com.workline.ui.projects;

import com.workline.persistence.projects.BudgetFigures;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A project's budget against actual in words and numbers, as the list and the record show it. */
final class BudgetText {
    private final Locale locale;
    private final String currency;

    /** @param currency the organization's base currency code (budgets and amounts are kept in it); may be empty */
    BudgetText(Locale locale, String currency) {
        this.locale = locale;
        this.currency = currency == null ? "" : currency;
    }

    String hours(long minutes) {
        return Hours.format(minutes, locale);
    }

    /** An amount grouped with its own decimals and the currency ("12,500.00 EUR"). */
    String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        String number = LocaleNumbers.formatTotal(amount, locale, Math.max(0, amount.scale()));
        return currency.isEmpty() ? number : number + " " + currency;
    }

    /** "12.5 / 40 h", or "12.5 h" without a minutes budget. */
    String hoursAgainstBudget(BudgetFigures f) {
        return f.budgetMinutes() == null ? Messages.get("projects.figures.hours", hours(f.actualMinutes()))
                : Messages.get("projects.figures.hoursOfBudget", hours(f.actualMinutes()), hours(f.budgetMinutes()));
    }

    /** "1,250.00 / 4,000.00 EUR", or the amount alone without an amount budget. */
    String amountAgainstBudget(BudgetFigures f) {
        return f.budgetAmount() == null ? money(f.amount())
                : Messages.get("projects.figures.amountOfBudget", LocaleNumbers.formatTotal(f.amount(), locale,
                        Math.max(0, f.amount().scale())), money(f.budgetAmount()));
    }

    /** "10 billable · 2.5 not" (hours). */
    String billableSplit(BudgetFigures f) {
        return Messages.get("projects.figures.billableSplit", hours(f.billableMinutes()), hours(f.nonBillableMinutes()));
    }

    /** "10 / 2.5" (billable and not, hours), for a table column that says so. */
    String billableShort(BudgetFigures f) {
        return Messages.get("projects.figures.billableShort", hours(f.billableMinutes()), hours(f.nonBillableMinutes()));
    }

    /** The share of the minutes budget used ("31 %"), or empty. */
    String share(BudgetFigures f) {
        Double used = f.minutesUsed();
        return used == null ? "" : Messages.get("projects.figures.used", Math.round(used * 100));
    }

    /** The verdict in words: over by how much, or what is left, or that there is no budget. */
    String verdict(BudgetFigures f) {
        if (f.budgetMinutes() == null && f.budgetAmount() == null) {
            return Messages.get("projects.budget.none");
        }
        List<String> parts = new ArrayList<>();
        if (f.overBudget()) {
            if (f.budgetMinutes() != null && f.actualMinutes() > f.budgetMinutes()) {
                parts.add(Messages.get("projects.budget.hoursOver", hours(f.actualMinutes() - f.budgetMinutes())));
            }
            if (f.budgetAmount() != null && f.amount().compareTo(f.budgetAmount()) > 0) {
                parts.add(Messages.get("projects.budget.amountOver", money(f.amount().subtract(f.budgetAmount()))));
            }
            return Messages.get("projects.budget.over", String.join(Messages.get("projects.budget.and"), parts));
        }
        if (f.budgetMinutes() != null) {
            parts.add(Messages.get("projects.budget.hoursLeft", hours(f.budgetMinutes() - f.actualMinutes())));
        }
        if (f.budgetAmount() != null) {
            parts.add(Messages.get("projects.budget.amountLeft", money(f.budgetAmount().subtract(f.amount()))));
        }
        return Messages.get("projects.budget.within", String.join(Messages.get("projects.budget.and"), parts));
    }
}
