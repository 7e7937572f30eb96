package com.workline.persistence.projects;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a person records: a day with a duration (or a start and end, from which the duration follows), a project and
 * optionally a task, a service category and a description. Rates, rounding, amounts and status are the database's.
 *
 * @param userId            null: the signed-in person (managers and above may record for others)
 * @param rawMinutes        null only with a start and an end
 * @param serviceCategoryId null: the task's
 * @param billable          null: the task's, else the project's default
 */
public record TimeEntryInput(UUID userId, LocalDate entryDate, OffsetDateTime startedAt, OffsetDateTime endedAt,
                             Integer rawMinutes, UUID projectId, UUID taskId, UUID serviceCategoryId, String description,
                             Boolean billable) {
    /** Minutes on a day for a project (and task). */
    public static TimeEntryInput of(LocalDate day, int minutes, UUID projectId, UUID taskId) {
        return new TimeEntryInput(null, day, null, null, minutes, projectId, taskId, null, null, null);
    }

    public TimeEntryInput withMinutes(int minutes) {
        return new TimeEntryInput(userId, entryDate, startedAt, endedAt, minutes, projectId, taskId, serviceCategoryId,
                description, billable);
    }

    public TimeEntryInput withDescription(String text) {
        return new TimeEntryInput(userId, entryDate, startedAt, endedAt, rawMinutes, projectId, taskId, serviceCategoryId,
                text, billable);
    }

    public TimeEntryInput withBillable(Boolean isBillable) {
        return new TimeEntryInput(userId, entryDate, startedAt, endedAt, rawMinutes, projectId, taskId, serviceCategoryId,
                description, isBillable);
    }

    public TimeEntryInput withServiceCategory(UUID category) {
        return new TimeEntryInput(userId, entryDate, startedAt, endedAt, rawMinutes, projectId, taskId, category,
                description, billable);
    }

    public TimeEntryInput withDate(LocalDate day) {
        return new TimeEntryInput(userId, day, startedAt, endedAt, rawMinutes, projectId, taskId, serviceCategoryId,
                description, billable);
    }

    public TimeEntryInput withProject(UUID project, UUID task) {
        return new TimeEntryInput(userId, entryDate, startedAt, endedAt, rawMinutes, project, task, serviceCategoryId,
                description, billable);
    }

    public TimeEntryInput forPerson(UUID person) {
        return new TimeEntryInput(person, entryDate, startedAt, endedAt, rawMinutes, projectId, taskId, serviceCategoryId,
                description, billable);
    }

    /** From a start to an end (the duration follows: whole minutes, half a minute up). */
    public TimeEntryInput between(OffsetDateTime start, OffsetDateTime end) {
        return new TimeEntryInput(userId, entryDate, start, end, null, projectId, taskId, serviceCategoryId, description,
                billable);
    }
}
