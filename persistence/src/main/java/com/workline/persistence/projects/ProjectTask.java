package com.workline.persistence.projects;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task of a project, in its tree: {@code depth} 0 for a top-level task (filled when read; ignored when saved).
 *
 * @param position         order among its siblings (a negative position: at the end, when created)
 * @param estimateMinutes  null: no estimate
 * @param billable         null: the project's default
 */
public record ProjectTask(UUID id, UUID projectId, UUID parentTaskId, String name, String description, TaskStatus status,
                          int position, Integer estimateMinutes, UUID assigneeId, LocalDate dueDate,
                          UUID serviceCategoryId, Boolean billable, int depth, int version) {
    /** A new open task at the end of its siblings. */
    public static ProjectTask create(UUID projectId, UUID parentTaskId, String name) {
        return new ProjectTask(null, projectId, parentTaskId, name, null, TaskStatus.OPEN, -1, null, null, null, null, null,
                0, 0);
    }

    public ProjectTask withName(String newName) {
        return new ProjectTask(id, projectId, parentTaskId, newName, description, status, position, estimateMinutes,
                assigneeId, dueDate, serviceCategoryId, billable, depth, version);
    }

    public ProjectTask withEstimate(Integer minutes) {
        return new ProjectTask(id, projectId, parentTaskId, name, description, status, position, minutes,
                assigneeId, dueDate, serviceCategoryId, billable, depth, version);
    }

    public ProjectTask withAssignee(UUID assignee, LocalDate due) {
        return new ProjectTask(id, projectId, parentTaskId, name, description, status, position, estimateMinutes,
                assignee, due, serviceCategoryId, billable, depth, version);
    }

    public ProjectTask withBilling(UUID serviceCategory, Boolean isBillable) {
        return new ProjectTask(id, projectId, parentTaskId, name, description, status, position, estimateMinutes,
                assigneeId, dueDate, serviceCategory, isBillable, depth, version);
    }
}
