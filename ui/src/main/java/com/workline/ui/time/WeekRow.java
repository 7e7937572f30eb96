package com.workline.ui.time;

import com.workline.persistence.projects.TimesheetRow;
import com.workline.persistence.time.Durations;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A row of the week grid: a project and optionally a task, with one {@link WeekCell} per day (Monday first). */
public final class WeekRow {
    private final TimesheetRow key;
    private final List<WeekCell> cells;
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");

    WeekRow(TimesheetRow key, LocalDate monday) {
        this.key = key;
        List<WeekCell> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(new WeekCell(this, monday.plusDays(i)));
        }
        this.cells = Collections.unmodifiableList(days);
    }

    public TimesheetRow key() {
        return key;
    }

    public UUID projectId() {
        return key.projectId();
    }

    public UUID taskId() {
        return key.taskId();
    }

    boolean is(UUID projectId, UUID taskId) {
        return key.projectId().equals(projectId) && Objects.equals(key.taskId(), taskId);
    }

    /** Seven cells, Monday to Sunday. */
    public List<WeekCell> cells() {
        return cells;
    }

    public WeekCell cell(LocalDate day) {
        return cells.stream().filter(c -> c.day().equals(day)).findFirst().orElseThrow();
    }

    /** "P-2026-0003 Website relaunch" */
    public String projectLabel() {
        return (key.projectNumber() == null ? "" : key.projectNumber() + " ") + key.projectName();
    }

    /** The task's name, or empty for the project itself. */
    public String taskLabel() {
        return key.taskName() == null ? "" : key.taskName();
    }

    /** The row's recorded hours in the week. */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    void updateTotal() {
        int minutes = cells.stream().mapToInt(WeekCell::rawMinutes).sum();
        total.set(Durations.format(minutes));
    }
}
