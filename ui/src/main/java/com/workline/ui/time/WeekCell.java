package com.workline.ui.time;

import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.time.Durations;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of a week grid row: the entries of that project, task and day (normally one), the hours as typed, and what
 * stands in the way of saving them: a parse or database error, a lock (with its reason) or a conflict with another
 * device's save (their entry, null if they deleted it). What the person typed stays in {@link #textProperty()} until it
 * is saved or they take the other version.
 */
public final class WeekCell {
    /** Another device saved this cell first; {@code theirs} is null when they deleted the entry. */
    public record Conflict(TimeEntry theirs) {
    }

    private final WeekRow row;
    private final LocalDate day;
    private List<TimeEntry> entries = List.of();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper locked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper billable = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    /** The person typed again while a save was on its way: save once more when it returns. */
    boolean saveAgain;

    WeekCell(WeekRow row, LocalDate day) {
        this.row = row;
        this.day = day;
    }

    public WeekRow row() {
        return row;
    }

    public LocalDate day() {
        return day;
    }

    /** The stored entries of this cell (usually none or one). */
    public List<TimeEntry> entries() {
        return entries;
    }

    /** The single stored entry, or null (none, or several: those are changed in the day view). */
    TimeEntry entry() {
        return entries.size() == 1 ? entries.get(0) : null;
    }

    /** The hours as shown and typed ({@code 1:30}); empty for none. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the typed hours were not saved, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why the cell cannot be changed here (approved, invoiced, lock date, several entries, running timer), else empty. */
    public ReadOnlyStringProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return !locked.get().isEmpty();
    }

    /** The billable (rounded) hours of the cell's billable entries ({@code 1:45}), empty when none. */
    public ReadOnlyStringProperty billableProperty() {
        return billable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Conflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The recorded raw minutes (all entries). */
    public int rawMinutes() {
        return entries.stream().mapToInt(TimeEntry::rawMinutes).sum();
    }

    /** The recorded billable (rounded) minutes of the billable entries. */
    public int billableMinutes() {
        return entries.stream().filter(TimeEntry::billable).mapToInt(TimeEntry::billableMinutes).sum();
    }

    /** What the stored entries read as in the cell. */
    String storedText() {
        return entries.isEmpty() ? "" : Durations.format(rawMinutes());
    }

    /** Whether the typed text differs from what is stored. */
    public boolean isDirty() {
        return !text.get().strip().equals(storedText());
    }

    /** Shows the stored entries (the typed text becomes theirs). */
    void stored(List<TimeEntry> stored, String lockReason) {
        entries = List.copyOf(stored);
        text.set(storedText());
        error.set("");
        conflict.set(null);
        locked.set(lockReason == null ? "" : lockReason);
        int rounded = billableMinutes();
        billable.set(entries.stream().anyMatch(TimeEntry::billable) ? Durations.format(rounded) : "");
    }

    /** The entries changed but the typed text stays (a conflict, or a reload while the person has unsaved input). */
    void storedKeepingText(List<TimeEntry> stored, String lockReason) {
        String typed = text.get();
        String problem = error.get();
        Conflict open = conflict.get();
        stored(stored, lockReason);
        text.set(typed);
        error.set(problem);
        conflict.set(open);
    }

    void error(String message) {
        error.set(message == null ? "" : message);
    }

    void conflict(Conflict found) {
        conflict.set(found);
    }

    void saving(boolean now) {
        saving.set(now);
    }
}
