package com.workline.persistence.projects;

import java.util.List;

/** A project with the names shown beside it, its budget against actual, its budget lines and its members. */
public record ProjectDetails(Project project, String customerName, String managerName, String quoteNumber,
                             BudgetFigures figures, List<BudgetLine> budgetLines, List<ProjectMember> members) {
}
