package com.workline.ui.time;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.projects.ApprovalService;
import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.projects.TimeEntryConflictException;
import com.workline.persistence.projects.TimeEntryInput;
import com.workline.persistence.projects.TimeEntryService;
import com.workline.persistence.projects.TimeSettings;
import com.workline.persistence.projects.TimeSettingsService;
import com.workline.persistence.projects.TimeStatus;
import com.workline.persistence.projects.TimesheetRow;
import com.workline.persistence.time.Durations;
import com.workline.persistence.time.Weeks;
import com.workline.persistence.time.WorkCalendar;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * My time's week grid: the signed-in person's ISO week as rows of project/task and columns Monday to Sunday. Each cell
 * is one entry of that project, task and day: typing hours ({@link Durations#parse}, in the person's locale) creates,
 * changes or (empty, 0) deletes it through {@link TimeEntryService}; the database sets billable, rates and rounding.
 * Totals per day and week are the recorded raw and billable (rounded) minutes, against the expected working time of
 * the organization's calendar ({@link WorkCalendar}: weekly minutes, public holidays); past working days with too few
 * hours are named in {@link #missingProperty()}. Cells that the person may not change show why
 * ({@link WeekCell#lockedProperty()}); a save that another device beat shows their version and keeps the typed hours.
 */
public final class WeekViewModel {
    /** Where a week is in approval, from its entries. */
    public enum WeekStatus { EMPTY, DRAFT, SUBMITTED, APPROVED, REJECTED }

    /** A column: the day, whether it is a public holiday or a working day, and the minutes expected on it. */
    public record Day(LocalDate date, boolean publicHoliday, boolean workingDay, int expectedMinutes) {
    }

    /** Recorded raw and billable minutes per day (Monday first) and in the week, against the expected minutes. */
    public record Totals(List<Integer> raw, List<Integer> billable, List<Integer> expected, List<Boolean> missing,
                         int rawWeek, int billableWeek, int expectedWeek) {
        static final Totals NONE = new Totals(List.of(0, 0, 0, 0, 0, 0, 0), List.of(0, 0, 0, 0, 0, 0, 0),
                List.of(0, 0, 0, 0, 0, 0, 0), List.of(false, false, false, false, false, false, false), 0, 0, 0);
    }

    private record RowKey(UUID project, UUID task) {
    }

    private record Loaded(LocalDate monday, TimeSettings settings, List<Day> days, List<TimeEntry> entries) {
    }

    private final TimeEntryService time;
    private final ApprovalService approvals;
    private final TimeSettingsService settingsService;
    private final BackgroundTasks background;
    private final Locale locale;
    private final Clock clock;
    private final Map<String, WorkCalendar> calendars = new HashMap<>();
    private final ReadOnlyObjectWrapper<LocalDate> weekStart = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Day> days = FXCollections.observableArrayList();
    private final ObservableList<WeekRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>(Totals.NONE);
    private final ReadOnlyObjectWrapper<WeekStatus> status = new ReadOnlyObjectWrapper<>(WeekStatus.EMPTY);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canWithdraw = new ReadOnlyBooleanWrapper();
    /** Bumped after every change of the week's entries (the day view follows). */
    private final javafx.beans.property.ReadOnlyIntegerWrapper changes = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private TimeSettings settings;

    public WeekViewModel(TimeEntryService time, ApprovalService approvals, TimeSettingsService settings,
                         BackgroundTasks background, Locale locale, Clock clock) {
        this.time = time;
        this.approvals = approvals;
        this.settingsService = settings;
        this.background = background;
        this.locale = locale;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ state

    /** The Monday of the week shown. */
    public ReadOnlyObjectProperty<LocalDate> weekStartProperty() {
        return weekStart.getReadOnlyProperty();
    }

    public ObservableList<Day> days() {
        return days;
    }

    public ObservableList<WeekRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Totals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WeekStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The week's status in words, with a rejection's reason. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Past working days with fewer hours than expected, in words; empty when none. */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canWithdrawProperty() {
        return canWithdraw.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return background.busyProperty();
    }

    public Locale locale() {
        return locale;
    }

    public Clock clock() {
        return clock;
    }

    /** The organization's time settings as last loaded (null before the first week arrived). */
    TimeSettings settings() {
        return settings;
    }

    /** The entries of a day of the week shown, timers first by start, then as the grid lists them. */
    public List<TimeEntry> entriesOn(LocalDate day) {
        return rows.stream().flatMap(r -> r.cell(day).entries().stream())
                .sorted(Comparator.comparing((TimeEntry e) -> e.startedAt() == null)
                        .thenComparing(e -> e.startedAt() == null ? "" : e.startedAt().toString()))
                .toList();
    }

    /** "Week 32 · 3 Aug 2026 – 9 Aug 2026" */
    public String weekLabel() {
        LocalDate monday = weekStart.get();
        if (monday == null) {
            return "";
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return Messages.get("time.week.label", String.valueOf(monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                date.format(monday), date.format(monday.plusDays(6)));
    }

    /** "Mon 8/3/26" (the missing-time hint, the day view). */
    public String dayLabel(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(day);
    }

    // ------------------------------------------------------------------------------------------ weeks

    /** Shows the week of {@code anyDay} (rows the person added to another week are dropped). */
    public void open(LocalDate anyDay) {
        weekStart.set(Weeks.startOf(anyDay));
        rows.clear();
        days.clear();
        totals.set(Totals.NONE);
        loaded.set(false);
        message.set("");
        load(false);
    }

    /** The week before; refused (with a message) while typed hours with an error or a conflict would be lost. */
    public boolean previousWeek() {
        return leaveFor(weekStart.get().minusDays(7));
    }

    public boolean nextWeek() {
        return leaveFor(weekStart.get().plusDays(7));
    }

    public boolean thisWeek() {
        return leaveFor(LocalDate.now(clock));
    }

    private boolean leaveFor(LocalDate day) {
        boolean open = rows.stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> !c.errorProperty().get().isEmpty() || c.conflictProperty().get() != null);
        if (open) {
            message.set(Messages.get("time.week.fixFirst"));
            return false;
        }
        open(day);
        return true;
    }

    /** Reads the week again; typed hours not saved yet and rows added by hand stay. */
    public void reload() {
        if (weekStart.get() != null) {
            load(true);
        }
    }

    private void load(boolean keepTyping) {
        LocalDate monday = weekStart.get();
        background.latest("week", () -> {
            TimeSettings current = settingsService.load();
            WorkCalendar calendar = calendar(current);
            List<Day> columns = new ArrayList<>();
            for (LocalDate day : Weeks.daysOf(monday)) {
                columns.add(new Day(day, calendar.isPublicHoliday(day), calendar.isWorkingDay(day),
                        calendar.expectedMinutes(day, current.weeklyWorkingMinutes())));
            }
            return new Loaded(monday, current, columns, time.week(null, monday).entries());
        }, week -> {
            if (week.monday().equals(weekStart.get())) {
                show(week, keepTyping);
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** The organization's calendar, made once per country and region (off the FX thread: Jollyday reads its data). */
    private WorkCalendar calendar(TimeSettings current) {
        String key = current.holidayCountry() + "-" + current.holidaySubdivision();
        synchronized (calendars) {
            return calendars.computeIfAbsent(key, k -> WorkCalendar.of(current.holidayCountry(), current.holidaySubdivision(),
                    Set.of()));
        }
    }

    private void show(Loaded week, boolean keepTyping) {
        settings = week.settings();
        days.setAll(week.days());
        Map<RowKey, List<TimeEntry>> byRow = new LinkedHashMap<>();
        Map<RowKey, TimesheetRow> keys = new LinkedHashMap<>();
        for (TimeEntry entry : week.entries()) {
            RowKey key = new RowKey(entry.projectId(), entry.taskId());
            byRow.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            keys.putIfAbsent(key, new TimesheetRow(entry.projectId(), entry.projectNumber(), entry.projectName(),
                    entry.taskId(), entry.taskName()));
        }
        Map<RowKey, WeekRow> previous = new LinkedHashMap<>();
        if (keepTyping) {
            rows.forEach(r -> previous.put(new RowKey(r.projectId(), r.taskId()), r));
        }
        List<WeekRow> shown = new ArrayList<>();
        for (Map.Entry<RowKey, WeekRow> kept : previous.entrySet()) {
            if (!byRow.containsKey(kept.getKey())) {
                shown.add(kept.getValue()); // added by hand (or emptied): stays while the week is shown
                kept.getValue().cells().forEach(c -> refreshCell(c, List.of()));
            }
        }
        for (Map.Entry<RowKey, TimesheetRow> key : keys.entrySet()) {
            WeekRow row = previous.get(key.getKey());
            if (row == null) {
                row = new WeekRow(key.getValue(), week.monday());
            }
            List<TimeEntry> entries = byRow.get(key.getKey());
            for (WeekCell cell : row.cells()) {
                refreshCell(cell, entries.stream().filter(e -> e.entryDate().equals(cell.day())).toList());
            }
            shown.add(row);
        }
        shown.sort(Comparator.comparing((WeekRow r) -> r.projectLabel().toLowerCase(locale))
                .thenComparing(r -> r.taskLabel().toLowerCase(locale)));
        rows.setAll(shown);
        loaded.set(true);
        changed();
    }

    /** Shows a cell's stored entries, keeping what the person typed and has not saved yet. */
    private void refreshCell(WeekCell cell, List<TimeEntry> entries) {
        boolean unsaved = cell.isDirty() || cell.conflictProperty().get() != null || !cell.errorProperty().get().isEmpty()
                || cell.savingProperty().get();
        if (unsaved) {
            cell.storedKeepingText(entries, lockReason(entries, cell.day()));
        } else {
            cell.stored(entries, lockReason(entries, cell.day()));
        }
    }

    /** Why the person cannot change this cell in the grid, or null. */
    String lockReason(List<TimeEntry> entries, LocalDate day) {
        if (settings != null && settings.lockDate() != null && !day.isAfter(settings.lockDate())) {
            return Messages.get("time.locked.lockDate",
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(settings.lockDate()));
        }
        for (TimeStatus locked : List.of(TimeStatus.INVOICED, TimeStatus.APPROVED, TimeStatus.SUBMITTED)) {
            if (entries.stream().anyMatch(e -> e.status() == locked)) {
                return Messages.get("time.locked." + locked.databaseValue());
            }
        }
        if (entries.stream().anyMatch(TimeEntry::running)) {
            return Messages.get("time.locked.running");
        }
        if (entries.size() > 1) {
            return Messages.get("time.locked.several", entries.size());
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ rows

    /**
     * Adds a row for the project and task (without hours) unless the week has it; returns the row (to focus).
     */
    public WeekRow addRow(TimesheetRow key) {
        for (WeekRow row : rows) {
            if (row.is(key.projectId(), key.taskId())) {
                message.set(Messages.get("time.week.rowExists"));
                return row;
            }
        }
        WeekRow row = new WeekRow(key, weekStart.get());
        row.cells().forEach(c -> c.stored(List.of(), lockReason(List.of(), c.day())));
        row.updateTotal();
        rows.add(row);
        message.set("");
        return row;
    }

    /** Adds the rows of last week's project/task pairs that this week does not have yet. */
    public void copyLastWeek() {
        LocalDate monday = weekStart.get();
        background.run(() -> time.previousWeekRows(monday), found -> {
            if (!monday.equals(weekStart.get())) {
                return;
            }
            int added = 0;
            for (TimesheetRow key : found) {
                if (rows.stream().noneMatch(r -> r.is(key.projectId(), key.taskId()))) {
                    addRow(key);
                    added++;
                }
            }
            message.set(found.isEmpty() ? Messages.get("time.week.nothingLastWeek")
                    : Messages.get("time.week.rowsCopied", added));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    // ------------------------------------------------------------------------------------------ cells

    /**
     * Saves the hours typed into the cell: a new entry, a changed one, or (empty or 0) none. A locked cell is refused
     * (its reason shown, the stored hours back); input that is no duration stays with the message next to it.
     */
    public void commit(WeekCell cell) {
        String typed = cell.textProperty().get() == null ? "" : cell.textProperty().get().strip();
        if (!cell.isDirty() && cell.conflictProperty().get() == null) {
            cell.error("");
            return;
        }
        if (cell.isLocked()) {
            String reason = cell.lockedProperty().get();
            cell.stored(cell.entries(), reason);
            cell.error(reason);
            return;
        }
        int minutes;
        try {
            minutes = typed.isEmpty() ? 0 : Durations.parse(typed, locale);
        } catch (ValidationException e) {
            cell.error(e.fieldErrors().getOrDefault(Durations.FIELD, e.getLocalizedMessage()));
            return;
        }
        if (cell.savingProperty().get()) {
            return; // saved again with the newest text when the running save returns
        }
        TimeEntry entry = cell.entry();
        if (entry == null && minutes == 0) {
            cell.stored(List.of(), lockReason(List.of(), cell.day()));
            return;
        }
        if (entry != null && minutes == entry.rawMinutes()) {
            cell.stored(cell.entries(), lockReason(cell.entries(), cell.day()));
            return;
        }
        save(cell, entry, minutes, typed);
    }

    private void save(WeekCell cell, TimeEntry entry, int minutes, String typed) {
        UUID project = cell.row().projectId();
        UUID task = cell.row().taskId();
        LocalDate day = cell.day();
        cell.saving(true);
        cell.error("");
        cell.conflict(null);
        background.run(() -> {
            if (entry == null) {
                // Another device may have booked this cell since the week was read: theirs is shown, not doubled.
                Optional<TimeEntry> there = time.week(null, day).entriesOn(day).stream()
                        .filter(e -> e.projectId().equals(project) && Objects.equals(e.taskId(), task)).findFirst();
                if (there.isPresent()) {
                    throw new TimeEntryConflictException(there.get());
                }
                return Optional.of(time.create(TimeEntryInput.of(day, minutes, project, task)));
            }
            if (minutes == 0) {
                time.delete(entry.id(), entry.version());
                return Optional.<TimeEntry>empty();
            }
            return Optional.of(time.update(entry.id(), entry.version(), durationOnly(entry, minutes)));
        }, saved -> {
            cell.saving(false);
            String now = cell.textProperty().get() == null ? "" : cell.textProperty().get().strip();
            List<TimeEntry> stored = saved.map(List::of).orElse(List.of());
            cell.stored(stored, lockReason(stored, day));
            changed();
            if (!now.equals(typed)) {
                cell.textProperty().set(now); // typed again meanwhile: that is saved next
                commit(cell);
            }
        }, failure -> {
            cell.saving(false);
            failed(cell, entry, failure);
        });
    }

    /** The entry with the typed duration; a start and end it had no longer apply. */
    private static TimeEntryInput durationOnly(TimeEntry entry, int minutes) {
        return new TimeEntryInput(null, entry.entryDate(), null, null, minutes, entry.projectId(), entry.taskId(),
                entry.serviceCategoryId(), entry.description(), null);
    }

    private void failed(WeekCell cell, TimeEntry entry, WorklineException failure) {
        if (failure instanceof TimeEntryConflictException conflict) {
            showConflict(cell, conflict.current());
        } else if (failure.problem() == Problem.NOT_FOUND && entry != null) {
            showConflict(cell, null); // deleted on another device
        } else if (failure instanceof ValidationException invalid) {
            cell.error(String.join(" ", invalid.fieldErrors().values()));
        } else {
            cell.error(failure.getLocalizedMessage());
            if (failure.problem() == Problem.NOT_ALLOWED) {
                reload(); // locked meanwhile (submitted elsewhere, approved, lock date): the cell shows why
            }
        }
    }

    private void showConflict(WeekCell cell, TimeEntry theirs) {
        List<TimeEntry> stored = theirs == null ? List.of() : List.of(theirs);
        String reason = lockReason(stored, cell.day());
        cell.storedKeepingText(stored, reason);
        if (reason != null) { // submitted or approved meanwhile: there is nothing to keep mine over
            cell.conflict(null);
            cell.error(reason);
            changed();
            return;
        }
        cell.conflict(new WeekCell.Conflict(theirs));
        cell.error(theirs == null ? Messages.get("time.cell.conflictDeleted")
                : Messages.get("time.cell.conflict", Durations.format(theirs.rawMinutes())));
        changed();
    }

    /** After a conflict: save the typed hours over the other device's version. */
    public void keepMine(WeekCell cell) {
        if (cell.conflictProperty().get() == null) {
            return;
        }
        cell.conflict(null);
        cell.error("");
        commit(cell);
    }

    /** After a conflict: show the other device's version (the typed hours are dropped). */
    public void takeTheirs(WeekCell cell) {
        cell.stored(cell.entries(), lockReason(cell.entries(), cell.day()));
    }

    // ------------------------------------------------------------------------------------------ approval

    /** Submits the week's draft and rejected entries for approval (after every typed cell is saved). */
    public void submitWeek() {
        if (!unsavedCells().isEmpty()) {
            message.set(Messages.get("time.week.fixFirst"));
            return;
        }
        LocalDate monday = weekStart.get();
        background.run(() -> approvals.submitWeek(monday), count -> {
            message.set(count == 0 ? Messages.get("time.week.nothingToSubmit") : Messages.get("time.week.submitted", count));
            if (monday.equals(weekStart.get())) {
                load(true);
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Takes a submitted, not yet approved week back to draft. */
    public void withdrawWeek() {
        LocalDate monday = weekStart.get();
        background.run(() -> approvals.withdrawWeek(monday), count -> {
            message.set(Messages.get("time.week.withdrawn", count));
            if (monday.equals(weekStart.get())) {
                load(true);
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Cells with typed hours not saved (an error, a conflict, or a save on its way). */
    public List<WeekCell> unsavedCells() {
        return rows.stream().flatMap(r -> r.cells().stream())
                .filter(c -> c.isDirty() || c.savingProperty().get() || c.conflictProperty().get() != null)
                .toList();
    }

    // ------------------------------------------------------------------------------------------ totals and status

    private void changed() {
        rows.forEach(WeekRow::updateTotal);
        List<TimeEntry> entries = rows.stream().flatMap(r -> r.cells().stream()).flatMap(c -> c.entries().stream()).toList();
        updateTotals();
        updateStatus(entries);
        changes.set(changes.get() + 1);
    }

    private void updateTotals() {
        if (days.size() != 7) {
            totals.set(Totals.NONE);
            missing.set("");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<Integer> raw = new ArrayList<>();
        List<Integer> billable = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        List<Boolean> short_ = new ArrayList<>();
        List<String> missingDays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int index = i;
            int dayRaw = rows.stream().mapToInt(r -> r.cells().get(index).rawMinutes()).sum();
            int dayBillable = rows.stream().mapToInt(r -> r.cells().get(index).billableMinutes()).sum();
            Day day = days.get(i);
            boolean tooFew = day.workingDay() && day.date().isBefore(today) && dayRaw < day.expectedMinutes();
            raw.add(dayRaw);
            billable.add(dayBillable);
            expected.add(day.expectedMinutes());
            short_.add(tooFew);
            if (tooFew) {
                missingDays.add(Messages.get("time.week.missingDay", dayLabel(day.date()), Durations.format(dayRaw),
                        Durations.format(day.expectedMinutes())));
            }
        }
        totals.set(new Totals(List.copyOf(raw), List.copyOf(billable), List.copyOf(expected), List.copyOf(short_),
                raw.stream().mapToInt(Integer::intValue).sum(), billable.stream().mapToInt(Integer::intValue).sum(),
                expected.stream().mapToInt(Integer::intValue).sum()));
        missing.set(missingDays.isEmpty() ? "" : Messages.get("time.week.missing", String.join(", ", missingDays)));
    }

    private void updateStatus(List<TimeEntry> entries) {
        List<TimeEntry> recorded = entries.stream().filter(e -> !e.running()).toList();
        WeekStatus now;
        if (recorded.isEmpty()) {
            now = WeekStatus.EMPTY;
        } else if (recorded.stream().anyMatch(e -> e.status() == TimeStatus.REJECTED)) {
            now = WeekStatus.REJECTED;
        } else if (recorded.stream().anyMatch(e -> e.status() == TimeStatus.DRAFT)) {
            now = WeekStatus.DRAFT;
        } else if (recorded.stream().anyMatch(e -> e.status() == TimeStatus.SUBMITTED)) {
            now = WeekStatus.SUBMITTED;
        } else {
            now = WeekStatus.APPROVED;
        }
        status.set(now);
        String reason = recorded.stream().map(TimeEntry::rejectionReason).filter(Objects::nonNull).findFirst().orElse("");
        boolean approvedBefore = recorded.stream().anyMatch(e -> e.status() == TimeStatus.APPROVED
                || e.status() == TimeStatus.INVOICED);
        statusText.set(switch (now) {
            case EMPTY -> Messages.get("time.week.status.empty");
            case DRAFT -> Messages.get(approvedBefore ? "time.week.status.draftAfterApproval" : "time.week.status.draft");
            case SUBMITTED -> Messages.get("time.week.status.submitted");
            case APPROVED -> Messages.get("time.week.status.approved");
            case REJECTED -> Messages.get("time.week.status.rejected", reason);
        });
        canSubmit.set(recorded.stream().anyMatch(e -> e.status().openForItsPerson()));
        canWithdraw.set(recorded.stream().anyMatch(e -> e.status() == TimeStatus.SUBMITTED));
    }
}
