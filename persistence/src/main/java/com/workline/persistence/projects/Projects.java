package com.workline.persistence.projects;

import com.workline.persistence.session.TenantSession;

import java.util.List;

/**
 * The projects-and-time area's entry point, fixed to one person in one organization: projects (budgets, members),
 * their tasks, time entries with the timer and the week, approval of weeks, time reports and the organization's time
 * settings. What may change is decided by the database (V13, docs/time-rules.md): rates, rounding, amounts, status,
 * the locks and the budget refusal hold whatever the client.
 */
public final class Projects {
    /** The area's Hibernate entities: none, its services use plain statements (see tenancy.MappedEntities). */
    public static final List<Class<?>> ENTITIES = List.of();

    private final TenantSession session;

    private Projects(TenantSession session) {
        this.session = session;
    }

    public static Projects of(TenantSession session) {
        return new Projects(session);
    }

    public ProjectService projects() {
        return new ProjectService(session.database());
    }

    public TaskService tasks() {
        return new TaskService(session.database());
    }

    /** Entries, the week, the timer, re-rating and costs. */
    public TimeEntryService time() {
        return new TimeEntryService(session.database(), session.person().userId());
    }

    public ApprovalService approvals() {
        return new ApprovalService(session.database(), session.person().userId(), session.role());
    }

    public TimeReports reports() {
        return new TimeReports(session.database(), session.person().userId(), session.role());
    }

    /** The organization's time settings and customers' own rounding. */
    public TimeSettingsService settings() {
        return new TimeSettingsService(session.database());
    }
}
