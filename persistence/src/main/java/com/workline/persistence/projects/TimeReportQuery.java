package com.workline.persistence.projects;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The entries a report covers: the days from {@code from} to {@code to} (both included), optionally one project,
 * customer, person or service category. Running timers are left out.
 */
public record TimeReportQuery(LocalDate from, LocalDate to, UUID projectId, UUID customerId, UUID userId,
                              UUID serviceCategoryId) {
    public static TimeReportQuery between(LocalDate from, LocalDate to) {
        return new TimeReportQuery(from, to, null, null, null, null);
    }

    public TimeReportQuery ofProject(UUID project) {
        return new TimeReportQuery(from, to, project, customerId, userId, serviceCategoryId);
    }

    public TimeReportQuery ofCustomer(UUID customer) {
        return new TimeReportQuery(from, to, projectId, customer, userId, serviceCategoryId);
    }

    public TimeReportQuery ofPerson(UUID person) {
        return new TimeReportQuery(from, to, projectId, customerId, person, serviceCategoryId);
    }

    public TimeReportQuery ofServiceCategory(UUID category) {
        return new TimeReportQuery(from, to, projectId, customerId, userId, category);
    }
}
