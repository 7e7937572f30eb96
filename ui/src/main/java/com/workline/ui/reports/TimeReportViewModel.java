package com.workline.ui.reports;

import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.projects.BudgetFigures;
import com.workline.persistence.projects.TimeReportGrouping;
import com.workline.persistence.projects.TimeReportQuery;
import com.workline.persistence.projects.TimeReportRow;
import com.workline.persistence.projects.TimeReports;
import com.workline.persistence.projects.TimeSettings;
import com.workline.persistence.projects.TimeSettingsService;
import com.workline.persistence.projects.UtilisationRow;
import com.workline.persistence.time.Durations;
import com.workline.persistence.time.WorkCalendar;
import com.workline.persistence.time.Weeks;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Time › Reports: the time of a period added up by person, project, customer, service category, week or month (hours,
 * billable and not, amounts, budget use of projects, costs when the person may see them), and utilisation per person
 * (billable hours ÷ working hours by the organization's holiday calendar). Managers report on everyone's time, others on
 * their own: the service and the database decide. The tables are shown as the export writes them.
 */
public final class TimeReportViewModel {
    /** Periods one key press away. */
    public enum Preset { THIS_MONTH, LAST_MONTH, THIS_YEAR }

    private record Result(TimeSettings settings, List<TimeReportRow> rows, List<UtilisationRow> utilisation) {
    }

    private final TimeReports reports;
    private final TimeSettingsService settings;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final Clock clock;
    private final ObjectProperty<TimeReportGrouping> grouping = new SimpleObjectProperty<>(TimeReportGrouping.PROJECT);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<TimeReportRow> rows = FXCollections.observableArrayList();
    private final ObservableList<UtilisationRow> utilisation = FXCollections.observableArrayList();
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> table = FXCollections.observableArrayList();
    private final ObservableList<String> utilisationHeader = FXCollections.observableArrayList();
    private final ObservableList<List<String>> utilisationTable = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper costs = new ReadOnlyBooleanWrapper(false);
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Object reportSlot = new Object();
    /** What the shown tables were made from (grouping and currency), for the export. */
    private TimeReportGrouping shownGrouping = TimeReportGrouping.PROJECT;
    private Currency currency;

    public TimeReportViewModel(TimeReports reports, TimeSettingsService settings, BackgroundTasks tasks, Locale locale,
                               Clock clock) {
        this.reports = reports;
        this.settings = settings;
        this.tasks = tasks;
        this.locale = locale;
        this.clock = clock;
        applyPreset(Preset.THIS_MONTH);
    }

    public ObjectProperty<TimeReportGrouping> groupingProperty() {
        return grouping;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The report's lines as the service gave them. */
    public ObservableList<TimeReportRow> rows() {
        return rows;
    }

    public ObservableList<UtilisationRow> utilisation() {
        return utilisation;
    }

    /** The report as shown and exported: its column titles. */
    public ObservableList<String> header() {
        return header;
    }

    /** The report as shown and exported: a line per row and the total last. */
    public ObservableList<List<String>> table() {
        return table;
    }

    public ObservableList<String> utilisationHeader() {
        return utilisationHeader;
    }

    public ObservableList<List<String>> utilisationTable() {
        return utilisationTable;
    }

    /** Whether the report has cost columns (managers and above: the service gives costs only to them). */
    public ReadOnlyBooleanProperty costsProperty() {
        return costs.getReadOnlyProperty();
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

    /** Sets the period (the view then runs the report). */
    public void applyPreset(Preset preset) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = switch (preset) {
            case THIS_MONTH -> today.withDayOfMonth(1);
            case LAST_MONTH -> today.withDayOfMonth(1).minusMonths(1);
            case THIS_YEAR -> today.withDayOfYear(1);
        };
        LocalDate end = preset == Preset.THIS_YEAR ? start.withDayOfYear(start.lengthOfYear())
                : start.withDayOfMonth(start.lengthOfMonth());
        // In an order that never shows a period ending before it starts.
        if (to.get() != null && start.isAfter(to.get())) {
            to.set(end);
            from.set(start);
        } else {
            from.set(start);
            to.set(end);
        }
    }

    /** Runs the report and the utilisation of the period; only the newest answer is shown. */
    public void run() {
        errors.clear();
        LocalDate start = from.get();
        LocalDate end = to.get();
        errors.set("from", start == null ? Messages.get("reports.dateRequired") : "");
        errors.set("to", end == null ? Messages.get("reports.dateRequired")
                : start != null && end.isBefore(start) ? Messages.get("reports.toBeforeFrom") : "");
        if (errors.any()) {
            return;
        }
        TimeReportGrouping by = grouping.get() == null ? TimeReportGrouping.PROJECT : grouping.get();
        message.set("");
        tasks.latest(reportSlot, () -> {
            TimeSettings s = settings.load();
            WorkCalendar calendar = WorkCalendar.of(s.holidayCountry(), s.holidaySubdivision(), null);
            int weekly = s.weeklyWorkingMinutes();
            return new Result(s, reports.report(TimeReportQuery.between(start, end), by),
                    reports.utilisation(start, end, day -> calendar.expectedMinutes(day, weekly)));
        }, result -> show(by, result), failure -> message.set(failure.getLocalizedMessage()));
    }

    private void show(TimeReportGrouping by, Result result) {
        shownGrouping = by;
        currency = Currency.getInstance(result.settings().baseCurrency());
        rows.setAll(result.rows());
        utilisation.setAll(result.utilisation());
        costs.set(result.rows().stream().anyMatch(r -> r.costAmount() != null));
        header.setAll(reportHeader());
        List<List<String>> lines = new ArrayList<>();
        result.rows().forEach(r -> lines.add(line(r)));
        if (!result.rows().isEmpty()) {
            lines.add(totalLine(result.rows()));
        }
        table.setAll(lines);
        utilisationHeader.setAll(Messages.get("reports.person"), Messages.get("reports.workingHours"),
                Messages.get("reports.recordedHours"), Messages.get("reports.billableHours"), Messages.get("reports.utilisation"));
        utilisationTable.setAll(result.utilisation().stream().map(this::utilisationLine).toList());
        if (result.rows().isEmpty()) {
            message.set(Messages.get("reports.none"));
        }
    }

    private List<String> reportHeader() {
        List<String> titles = new ArrayList<>(List.of(Messages.get("reports.by." + shownGrouping.name()),
                Messages.get("reports.entries"), Messages.get("reports.hours"), Messages.get("reports.billableHours"),
                Messages.get("reports.nonBillableHours"), Messages.get("reports.amount", currency.getCurrencyCode())));
        if (costs.get()) {
            titles.add(Messages.get("reports.cost", currency.getCurrencyCode()));
        }
        if (shownGrouping == TimeReportGrouping.PROJECT) {
            titles.addAll(List.of(Messages.get("reports.budgetHours"), Messages.get("reports.budgetHoursUsed"),
                    Messages.get("reports.budgetAmount", currency.getCurrencyCode()), Messages.get("reports.budgetAmountUsed")));
        }
        return titles;
    }

    private List<String> line(TimeReportRow r) {
        List<String> cells = new ArrayList<>(List.of(label(r), integer(r.entries()), hours(r.rawMinutes()),
                hours(r.billableMinutes()), hours(r.nonBillableMinutes()), money(r.amount())));
        if (costs.get()) {
            cells.add(money(r.costAmount()));
        }
        if (shownGrouping == TimeReportGrouping.PROJECT) {
            BudgetFigures b = r.budget();
            cells.add(b == null || b.budgetMinutes() == null ? "" : hours(b.budgetMinutes()));
            cells.add(b == null || b.minutesUsed() == null ? "" : percent(BigDecimal.valueOf(b.actualMinutes())
                    .divide(BigDecimal.valueOf(b.budgetMinutes()), 4, RoundingMode.HALF_UP)));
            cells.add(b == null || b.budgetAmount() == null ? "" : money(b.budgetAmount()));
            cells.add(b == null || b.budgetAmount() == null || b.budgetAmount().signum() == 0 ? ""
                    : percent(b.amount().divide(b.budgetAmount(), 4, RoundingMode.HALF_UP)));
        }
        return cells;
    }

    private List<String> totalLine(List<TimeReportRow> all) {
        long entries = 0;
        long raw = 0;
        long billable = 0;
        long nonBillable = 0;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (TimeReportRow r : all) {
            entries += r.entries();
            raw += r.rawMinutes();
            billable += r.billableMinutes();
            nonBillable += r.nonBillableMinutes();
            amount = amount.add(r.amount() == null ? BigDecimal.ZERO : r.amount());
            cost = cost.add(r.costAmount() == null ? BigDecimal.ZERO : r.costAmount());
        }
        List<String> cells = new ArrayList<>(List.of(Messages.get("reports.total"), integer(entries), hours(raw), hours(billable),
                hours(nonBillable), money(amount)));
        if (costs.get()) {
            cells.add(money(cost));
        }
        if (shownGrouping == TimeReportGrouping.PROJECT) {
            cells.addAll(List.of("", "", "", ""));
        }
        return cells;
    }

    private List<String> utilisationLine(UtilisationRow u) {
        return List.of(u.name(), hours(u.workingMinutes()), hours(u.recordedMinutes()), hours(u.billableMinutes()),
                u.utilisation() == null ? "" : percent(u.utilisation()));
    }

    /** A row's name: the person, project, customer, category or period; what has none says so. */
    String label(TimeReportRow r) {
        return switch (shownGrouping) {
            case WEEK -> Weeks.label(r.period()) + " \u00b7 "
                    + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(r.period());
            case MONTH -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(r.period());
            case CUSTOMER -> r.key() == null ? Messages.get("reports.internal") : r.label();
            case SERVICE_CATEGORY -> r.key() == null ? Messages.get("reports.noCategory") : r.label();
            default -> r.label() == null ? "" : r.label();
        };
    }

    /** Hours as the timesheet writes them: 1:30. */
    String hours(long minutes) {
        return Durations.format(Math.toIntExact(minutes));
    }

    private String integer(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String money(BigDecimal value) {
        return value == null ? "" : LocaleNumbers.formatTotal(value, locale, DocumentCalculator.scale(currency));
    }

    /** 0.4567 → "45.7 %" in the locale. */
    private String percent(BigDecimal share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(1);
        return format.format(share);
    }

    // ------------------------------------------------------------------------------------------ export

    /** Writes the report as shown, to CSV or XLSX (by the file's extension), in the background. */
    public void exportTo(Path file) {
        if (header.isEmpty()) {
            message.set(Messages.get("reports.runFirst"));
            return;
        }
        List<String> titles = List.copyOf(header);
        List<List<String>> lines = List.copyOf(table);
        boolean xlsx = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        String sheet = Messages.get("reports.sheet");
        message.set(Messages.get("reports.exporting"));
        tasks.run(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                return xlsx ? TimeReports.xlsx(sheet, titles, lines, out) : TimeReports.csv(titles, lines, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, count -> message.set(Messages.get("reports.exported", integer(count), file.getFileName().toString())),
                failure -> message.set(failure.getLocalizedMessage()));
    }
}
