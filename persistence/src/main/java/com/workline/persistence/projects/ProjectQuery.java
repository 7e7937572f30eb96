package com.workline.persistence.projects;

import java.util.Set;
import java.util.UUID;

/**
 * What the project list narrows by; every part optional.
 *
 * @param search     part of the number or name
 * @param statuses   only these statuses (empty or null: all)
 * @param customerId one customer's projects
 * @param managerId  one manager's projects
 */
public record ProjectQuery(String search, Set<ProjectStatus> statuses, UUID customerId, UUID managerId) {
    public static ProjectQuery all() {
        return new ProjectQuery(null, Set.of(), null, null);
    }

    public ProjectQuery withSearch(String term) {
        return new ProjectQuery(term, statuses, customerId, managerId);
    }

    public ProjectQuery withStatuses(Set<ProjectStatus> only) {
        return new ProjectQuery(search, only, customerId, managerId);
    }

    public ProjectQuery ofCustomer(UUID customer) {
        return new ProjectQuery(search, statuses, customer, managerId);
    }

    public ProjectQuery ofManager(UUID manager) {
        return new ProjectQuery(search, statuses, customerId, manager);
    }
}
