package com.workline.ui.approval;

import com.workline.persistence.common.KeysetPage;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.projects.ApprovalEvent;
import com.workline.persistence.projects.ApprovalRow;
import com.workline.persistence.projects.ApprovalService;
import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.projects.TimeEntryService;
import com.workline.persistence.projects.TimeWeek;
import com.workline.persistence.time.Durations;
import com.workline.persistence.time.Weeks;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.KeysetRows;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time › Approvals: the submitted weeks a manager may approve (oldest first, keyset pages), one week opened read-only
 * (its entries by day) with its history, approve, and reject with a reason. A decided week stays in the list with its
 * new status until the list is refreshed, and the next open week is selected, so a manager can go through the queue
 * with the keyboard. The database decides who may approve what (nobody their own time but owners and admins).
 */
public final class ApprovalQueueViewModel {
    public static final int PAGE_SIZE = 50;

    /** Where a week of the queue is now, as this screen saw it. */
    public enum Decision { SUBMITTED, APPROVED, REJECTED }

    /** A row of the queue: the submitted week and what this screen did to it. */
    public record QueueItem(ApprovalRow week, Decision decision) {
        QueueItem decided(Decision now) {
            return new QueueItem(week, now);
        }

        boolean sameWeek(QueueItem other) {
            return other != null && week.userId().equals(other.week.userId()) && week.weekStart().equals(other.week.weekStart());
        }
    }

    /** A line of the opened week: a day's heading with its hours, or one of its entries. */
    public record WeekLine(LocalDate day, int dayMinutes, TimeEntry entry) {
        public boolean heading() {
            return entry == null;
        }
    }

    private record Page(List<QueueItem> rows, ApprovalRow next) implements KeysetPage<QueueItem, ApprovalRow> {
    }

    private final ApprovalService approvals;
    private final TimeEntryService time;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ZoneId zone;
    private final KeysetRows<QueueItem, ApprovalRow> pages;
    private final ObjectProperty<QueueItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<WeekLine> weekLines = FXCollections.observableArrayList();
    private final ObservableList<ApprovalEvent> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper weekSummary = new ReadOnlyStringWrapper("");
    private final StringProperty rejectReason = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Object weekSlot = new Object();
    private boolean deciding;

    public ApprovalQueueViewModel(ApprovalService approvals, TimeEntryService time, BackgroundTasks tasks, Locale locale,
                                  ZoneId zone) {
        this.approvals = approvals;
        this.time = time;
        this.tasks = tasks;
        this.locale = locale;
        this.zone = zone;
        this.pages = new KeysetRows<>(tasks, message::set);
        selected.addListener((o, was, now) -> {
            if (now == null || !now.sameWeek(was)) {
                showWeek(now);
            }
        });
    }

    public ObservableList<QueueItem> rows() {
        return pages.rows();
    }

    public ReadOnlyBooleanProperty morePagesProperty() {
        return pages.morePagesProperty();
    }

    /** The week shown on the right (the view keeps it in step with the table's selection). */
    public ObjectProperty<QueueItem> selectedProperty() {
        return selected;
    }

    public ObservableList<WeekLine> weekLines() {
        return weekLines;
    }

    public ObservableList<ApprovalEvent> history() {
        return history;
    }

    /** "Erik Engel · 2026-W46 · 8:30 hours, 6:00 billable". */
    public ReadOnlyStringProperty weekSummaryProperty() {
        return weekSummary.getReadOnlyProperty();
    }

    /** The reason typed in the reject dialog (kept if the rejection fails). */
    public StringProperty rejectReasonProperty() {
        return rejectReason;
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** Whether the selected week may be approved or rejected from here (still submitted as far as this screen knows). */
    public BooleanBinding decidableBinding() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().decision() == Decision.SUBMITTED,
                selected);
    }

    /** The first page of the queue as it is now (decisions shown so far leave it). */
    public void refresh() {
        message.set("");
        selected.set(null);
        pages.showFirstPage(after -> {
            var page = approvals.queue(after, PAGE_SIZE);
            return new Page(page.rows().stream().map(r -> new QueueItem(r, Decision.SUBMITTED)).toList(), page.next());
        });
    }

    public void loadMore() {
        pages.loadMore();
    }

    private void showWeek(QueueItem item) {
        weekLines.clear();
        history.clear();
        weekSummary.set("");
        if (item == null) {
            tasks.supersede(weekSlot);
            return;
        }
        ApprovalRow week = item.week();
        weekSummary.set(Messages.get("approvals.week.summary", week.personName(), weekLabel(week.weekStart()),
                Durations.format((int) week.minutes()), Durations.format((int) week.billableMinutes())));
        tasks.latest(weekSlot, () -> new Object[] {time.week(week.userId(), week.weekStart()),
                approvals.history(week.userId(), week.weekStart())}, found -> {
                    weekLines.setAll(lines((TimeWeek) found[0]));
                    @SuppressWarnings("unchecked")
                    List<ApprovalEvent> events = (List<ApprovalEvent>) found[1];
                    history.setAll(events);
                }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Each day with entries: its heading (with the day's hours), then its entries. */
    static List<WeekLine> lines(TimeWeek week) {
        List<WeekLine> lines = new ArrayList<>();
        for (LocalDate day : week.days()) {
            List<TimeEntry> entries = week.entriesOn(day);
            if (!entries.isEmpty()) {
                lines.add(new WeekLine(day, week.dayMinutes().get(day.getDayOfWeek().getValue() - 1), null));
                entries.forEach(e -> lines.add(new WeekLine(day, 0, e)));
            }
        }
        return lines;
    }

    /** Approves the selected week; the next open week is selected. */
    public void approve() {
        QueueItem item = selected.get();
        if (!startDeciding(item)) {
            return;
        }
        ApprovalRow week = item.week();
        tasks.run(() -> approvals.approve(week.userId(), week.weekStart()), count -> {
            deciding = false;
            if (count == 0) {
                alreadyDecided();
                return;
            }
            decided(item, Decision.APPROVED);
            message.set(Messages.get("approvals.approved", week.personName(), weekLabel(week.weekStart()), count));
        }, failure -> {
            deciding = false;
            message.set(failure.getLocalizedMessage());
        });
    }

    /**
     * Rejects the selected week with the typed reason; {@code done} runs when it was rejected (the dialog closes). A
     * missing reason is shown next to the field and nothing is sent; the typed reason survives every failure.
     */
    public void reject(Runnable done) {
        QueueItem item = selected.get();
        errors.clear();
        String reason = rejectReason.get() == null ? "" : rejectReason.get().strip();
        if (reason.isEmpty()) {
            errors.set("reason", Messages.get("approvals.reject.reasonRequired"));
            return;
        }
        if (!startDeciding(item)) {
            return;
        }
        ApprovalRow week = item.week();
        tasks.run(() -> approvals.reject(week.userId(), week.weekStart(), reason), count -> {
            deciding = false;
            if (count == 0) {
                alreadyDecided();
                done.run();
                return;
            }
            rejectReason.set("");
            decided(item, Decision.REJECTED);
            message.set(Messages.get("approvals.rejected", week.personName(), weekLabel(week.weekStart()), count));
            done.run();
        }, failure -> {
            deciding = false;
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
            } else {
                errors.set("reason", failure.getLocalizedMessage());
                message.set(failure.getLocalizedMessage());
            }
        });
    }

    private boolean startDeciding(QueueItem item) {
        if (item == null || item.decision() != Decision.SUBMITTED) {
            message.set(Messages.get("approvals.chooseWeek"));
            return false;
        }
        if (deciding) {
            message.set(Messages.get("form.stillSaving"));
            return false;
        }
        deciding = true;
        message.set("");
        return true;
    }

    /** Someone else decided (or the person withdrew) the week meanwhile: the queue is read again. */
    private void alreadyDecided() {
        refresh();
        message.set(Messages.get("approvals.alreadyDecided"));
    }

    /** The row shows its new status; the history is read again; the next open week is chosen. */
    private void decided(QueueItem item, Decision decision) {
        ObservableList<QueueItem> rows = rows();
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).sameWeek(item)) {
                index = i;
                break;
            }
        }
        QueueItem now = item.decided(decision);
        if (index >= 0) {
            rows.set(index, now);
        }
        QueueItem next = null;
        for (int i = index + 1; i < rows.size() && next == null; i++) {
            next = rows.get(i).decision() == Decision.SUBMITTED ? rows.get(i) : null;
        }
        if (next != null) {
            selected.set(next);
        } else {
            selected.set(now);
            showWeek(now);
        }
    }

    // ------------------------------------------------------------------------------------------ how things are shown

    /** "2026-W46 · 9 Nov 2026 – 15 Nov 2026". */
    public String weekLabel(LocalDate monday) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return Messages.get("approvals.week.label", Weeks.label(monday), date.format(monday), date.format(Weeks.endOf(monday)));
    }

    /** "2026-W46 · 9 Nov" (the Monday), for the queue's column. */
    public String weekShort(LocalDate monday) {
        return Weeks.label(monday) + " \u00b7 " + DateTimeFormatter.ofPattern("d MMM", locale).format(monday);
    }

    public String hours(long minutes) {
        return Durations.format((int) minutes);
    }

    public String decision(Decision decision) {
        return Messages.get("approvals.decision." + decision.name());
    }

    /** A day heading: "Monday · Nov 10, 2026". */
    public String day(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, locale) + " \u00b7 "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    public String status(TimeEntry entry) {
        return Messages.get("approvals.entryStatus." + entry.status().name());
    }

    /** "Submitted by Erik Engel on 14 Nov 2026, 17:02 (12 entries, 38:30)" and, for a rejection, its reason. */
    public String event(ApprovalEvent event) {
        OffsetDateTime at = event.changedAt();
        String when = at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(at.atZoneSameInstant(zone));
        String text = Messages.get("approvals.history." + event.action(), event.changedByName() == null ? "" : event.changedByName(),
                when, event.entries(), Durations.format((int) event.minutes()));
        return event.reason() == null ? text : text + " \u2014 " + event.reason();
    }
}
