package com.workline.ui.time;

import com.workline.persistence.projects.ProjectChoice;
import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.TimesheetRow;

import java.util.Objects;
import java.util.UUID;

/**
 * What the project/task picker returns: a project that takes time, optionally one of its tasks, and for the timer a
 * description.
 */
public record ProjectTaskChoice(ProjectChoice project, ProjectTask task, String description) {
    public ProjectTaskChoice {
        Objects.requireNonNull(project);
    }

    public UUID projectId() {
        return project.id();
    }

    public UUID taskId() {
        return task == null ? null : task.id();
    }

    /** The week grid's row of this project and task. */
    public TimesheetRow row() {
        return new TimesheetRow(project.id(), project.number(), project.name(), taskId(), task == null ? null : task.name());
    }
}
