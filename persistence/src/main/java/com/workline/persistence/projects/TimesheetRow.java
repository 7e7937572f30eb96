package com.workline.persistence.projects;

import java.util.UUID;

/** A row of the week grid: a project and optionally one of its tasks. */
public record TimesheetRow(UUID projectId, String projectNumber, String projectName, UUID taskId, String taskName) {
}
