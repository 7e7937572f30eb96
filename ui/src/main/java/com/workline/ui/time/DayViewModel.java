package com.workline.ui.time;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.projects.TimeEntryConflictException;
import com.workline.persistence.projects.TimeEntryInput;
import com.workline.persistence.projects.TimeEntryService;
import com.workline.persistence.projects.TimesheetRow;
import com.workline.persistence.time.Durations;
import com.workline.ui.common.EditConflict;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * My time's day view: the entries of the day chosen in the week (start and end or a duration, description, billable,
 * status), and a form to change one or record a new one. Start and end are times of day in the person's locale; with
 * both, the duration follows from them, otherwise the duration is typed like in the grid. A save that another device
 * beat keeps the form as typed and shows their version. After each save the week reads itself again.
 */
public final class DayViewModel {
    private final TimeEntryService time;
    private final WeekViewModel week;
    private final BackgroundTasks background;
    private final ZoneId zone;
    private final DateTimeFormatter clockFormat;
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObservableList<TimeEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TimeEntry> editing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ProjectTaskChoice> newFor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final StringProperty start = new SimpleStringProperty("");
    private final StringProperty end = new SimpleStringProperty("");
    private final StringProperty duration = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final BooleanProperty billable = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper locked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final FieldErrors errors = new FieldErrors();
    private final EditConflict<TimeEntry> conflict = new EditConflict<>();

    public DayViewModel(TimeEntryService time, WeekViewModel week, BackgroundTasks background) {
        this.time = time;
        this.week = week;
        this.background = background;
        this.zone = week.clock().getZone();
        this.clockFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(week.locale());
        day.addListener((o, was, now) -> refresh());
        week.changesProperty().addListener((o, was, now) -> refresh());
    }

    // ------------------------------------------------------------------------------------------ state

    /** The day shown (one of the week's). */
    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObservableList<TimeEntry> entries() {
        return entries;
    }

    /** The entry in the form, or null (none, or a new one: {@link #newForProperty()}). */
    public ReadOnlyObjectProperty<TimeEntry> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** The project and task of a new entry in the form, or null. */
    public ReadOnlyObjectProperty<ProjectTaskChoice> newForProperty() {
        return newFor.getReadOnlyProperty();
    }

    /** What the form is about: "P-2026-0003 Website · Design", empty when the form is closed. */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public StringProperty startProperty() {
        return start;
    }

    public StringProperty endProperty() {
        return end;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty billableProperty() {
        return billable;
    }

    /** Why the entry in the form cannot be changed, else empty. */
    public ReadOnlyStringProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public FieldErrors errors() {
        return errors;
    }

    public EditConflict<TimeEntry> conflict() {
        return conflict;
    }

    public boolean isFormOpen() {
        return editing.get() != null || newFor.get() != null;
    }

    // ------------------------------------------------------------------------------------------ texts for the list

    /** "9:00 – 10:30" for an entry with a start (a running timer: "9:00 –"), else empty. */
    public String span(TimeEntry entry) {
        if (entry.startedAt() == null) {
            return "";
        }
        String from = clockFormat.format(entry.startedAt().atZoneSameInstant(zone));
        return entry.endedAt() == null ? from + " \u2013" : from + " \u2013 " + clockFormat.format(entry.endedAt().atZoneSameInstant(zone));
    }

    public static String status(TimeEntry entry) {
        return entry.running() ? Messages.get("time.status.running") : Messages.get("time.status." + entry.status().databaseValue());
    }

    // ------------------------------------------------------------------------------------------ commands

    /** The week changed or another day was chosen: the list follows; a form with typed changes stays as it is. */
    private void refresh() {
        LocalDate shown = day.get();
        entries.setAll(shown == null ? List.of() : week.entriesOn(shown));
        TimeEntry current = editing.get();
        if (current == null) {
            return;
        }
        TimeEntry fresh = entries.stream().filter(e -> e.id().equals(current.id())).findFirst().orElse(null);
        if (fresh == null || !fresh.entryDate().equals(shown)) {
            if (!isDirty()) {
                close();
            }
        } else if (!isDirty() && conflict.property().get() == null) {
            edit(fresh);
        }
    }

    /** Opens the entry in the form. */
    public void edit(TimeEntry entry) {
        editing.set(entry);
        newFor.set(null);
        conflict.clear();
        errors.clear();
        subject.set(TimerViewModel.label(entry));
        fill(entry);
        String reason = week.lockReason(List.of(entry), entry.entryDate());
        locked.set(reason == null ? "" : reason);
    }

    private void fill(TimeEntry entry) {
        start.set(entry.startedAt() == null ? "" : clockFormat.format(entry.startedAt().atZoneSameInstant(zone)));
        end.set(entry.endedAt() == null ? "" : clockFormat.format(entry.endedAt().atZoneSameInstant(zone)));
        duration.set(entry.running() ? "" : Durations.format(entry.rawMinutes()));
        description.set(entry.description() == null ? "" : entry.description());
        billable.set(entry.billable());
    }

    /** A new entry of the chosen project and task on the day shown; billable as the task or else the project says. */
    public void newEntry(ProjectTaskChoice choice) {
        editing.set(null);
        newFor.set(choice);
        conflict.clear();
        errors.clear();
        message.set("");
        TimesheetRow row = choice.row();
        String project = (row.projectNumber() == null ? "" : row.projectNumber() + " ") + row.projectName();
        subject.set(row.taskName() == null ? project : project + " \u00b7 " + row.taskName());
        start.set("");
        end.set("");
        duration.set("");
        description.set("");
        billable.set(choice.task() != null && choice.task().billable() != null ? choice.task().billable()
                : choice.project().defaultBillable());
        String reason = week.lockReason(List.of(), day.get());
        locked.set(reason == null ? "" : reason);
    }

    public void close() {
        editing.set(null);
        newFor.set(null);
        subject.set("");
        conflict.clear();
        errors.clear();
        locked.set("");
    }

    /** Whether the form holds changes not saved. */
    public boolean isDirty() {
        TimeEntry entry = editing.get();
        if (entry == null) {
            return newFor.get() != null && !(start.get() + end.get() + duration.get() + description.get()).isBlank();
        }
        return !Objects.equals(start.get(), entry.startedAt() == null ? "" : clockFormat.format(entry.startedAt().atZoneSameInstant(zone)))
                || !Objects.equals(end.get(), entry.endedAt() == null ? "" : clockFormat.format(entry.endedAt().atZoneSameInstant(zone)))
                || !entry.running() && !Objects.equals(duration.get().strip(), Durations.format(entry.rawMinutes()))
                || !Objects.equals(description.get().strip(), entry.description() == null ? "" : entry.description())
                || billable.get() != entry.billable();
    }

    /** Saves the form (a new entry or the changed one). */
    public void save() {
        message.set("");
        if (!locked.get().isEmpty()) {
            message.set(locked.get());
            return;
        }
        TimeEntry entry = editing.get();
        ProjectTaskChoice choice = newFor.get();
        if (entry == null && choice == null) {
            return;
        }
        LocalDate date = entry == null ? day.get() : entry.entryDate();
        Map<String, String> problems = new LinkedHashMap<>();
        OffsetDateTime from = time(start.get(), date, "start", problems);
        OffsetDateTime to = time(end.get(), date, "end", problems);
        Integer minutes = null;
        if ((from == null) != (to == null) && problems.isEmpty() && !(entry != null && entry.running())) {
            problems.put(from == null ? "start" : "end", Messages.get("time.day.bothTimes"));
        } else if (from != null && to != null && to.isBefore(from)) {
            problems.put("end", Messages.get("time.day.endBeforeStart"));
        } else if (from == null && to == null) {
            try {
                minutes = Durations.parse(duration.get(), week.locale());
            } catch (ValidationException e) {
                problems.put("duration", e.fieldErrors().getOrDefault(Durations.FIELD, e.getLocalizedMessage()));
            }
        }
        if (!problems.isEmpty()) {
            errors.showOnly(problems);
            message.set(Messages.get("form.fix"));
            return;
        }
        errors.clear();
        String text = description.get() == null || description.get().isBlank() ? null : description.get().strip();
        TimeEntryInput input = entry == null
                ? new TimeEntryInput(null, date, from, to, minutes, choice.projectId(), choice.taskId(), null, text, billable.get())
                : new TimeEntryInput(null, date, from, to, minutes, entry.projectId(), entry.taskId(), entry.serviceCategoryId(),
                text, billable.get());
        background.run(() -> entry == null ? time.create(input) : time.update(entry.id(), entry.version(), input), saved -> {
            message.set(Messages.get("time.day.saved"));
            edit(saved);
            week.reload();
        }, failure -> failed(failure, entry));
    }

    /** Deletes the entry in the form. */
    public void delete() {
        TimeEntry entry = editing.get();
        if (entry == null) {
            return;
        }
        if (!locked.get().isEmpty()) {
            message.set(locked.get());
            return;
        }
        background.run(() -> {
            time.delete(entry.id(), entry.version());
            return Boolean.TRUE;
        }, done -> {
            message.set(Messages.get("time.day.deleted"));
            close();
            week.reload();
        }, failure -> failed(failure, entry));
    }

    private void failed(WorklineException failure, TimeEntry entry) {
        if (failure instanceof TimeEntryConflictException stale) {
            conflict.found(stale.current());
            message.set(Messages.get("time.day.conflict", stale.current() == null ? ""
                    : Durations.format(stale.current().rawMinutes())));
        } else if (failure.problem() == Problem.NOT_FOUND && entry != null) {
            message.set(Messages.get("time.cell.conflictDeleted"));
            week.reload();
        } else if (failure instanceof ValidationException invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            invalid.fieldErrors().forEach((field, text) -> fields.put(switch (field) {
                case "endedAt" -> "end";
                case "rawMinutes" -> "duration";
                default -> field;
            }, text));
            errors.showOnly(fields);
            message.set(invalid.getLocalizedMessage());
        } else {
            message.set(failure.getLocalizedMessage());
            if (failure.problem() == Problem.NOT_ALLOWED) {
                week.reload();
            }
        }
    }

    /** After a conflict: save the form over their version. */
    public void keepMine() {
        conflict.keepMine(theirs -> editing.set(theirs), this::save);
    }

    /** After a conflict: show their version (the form's changes are dropped). */
    public void takeTheirs() {
        conflict.takeTheirs(theirs -> {
            conflict.clear();
            edit(theirs);
            week.reload();
        });
    }

    /** A time of day on {@code date} in the person's zone; blank: null. Accepts the locale's short form and 9:00/9.00/0900. */
    private OffsetDateTime time(String text, LocalDate date, String field, Map<String, String> problems) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        LocalTime parsed = null;
        for (DateTimeFormatter format : List.of(clockFormat, DateTimeFormatter.ofPattern("H:mm"),
                DateTimeFormatter.ofPattern("H.mm"), DateTimeFormatter.ofPattern("HHmm"), DateTimeFormatter.ofPattern("H"))) {
            try {
                parsed = LocalTime.parse(value.toUpperCase(week.locale()), format);
                break;
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        if (parsed == null) {
            problems.put(field, Messages.get("time.day.timeInvalid", clockFormat.format(LocalTime.of(9, 30))));
            return null;
        }
        return date.atTime(parsed).atZone(zone).toOffsetDateTime();
    }

    /** The id of the entry in the form, for tests. */
    UUID editingId() {
        return editing.get() == null ? null : editing.get().id();
    }
}
