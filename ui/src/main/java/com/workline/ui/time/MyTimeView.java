package com.workline.ui.time;

import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.time.Durations;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Projects &amp; time › My time: the week grid (keyboard first: type hours like 1:30 or 1.5, Tab and Shift+Tab along the
 * week, Enter down, Ctrl+Left/Right for the previous and next week), totals against the expected hours, the week's
 * status and Submit; below it the day view of the day chosen (the focused cell's or a header's).
 */
public final class MyTimeView {
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN);

    private MyTimeView() {
    }

    public static Screen create(WeekViewModel week, DayViewModel dayView, TimerViewModel timer,
                                Supplier<ProjectTaskPickerViewModel> picker) {
        Button previous = new Button("\u2190");
        previous.setId("time-prev");
        previous.setTooltip(new Tooltip(Messages.get("time.week.previous")));
        previous.setOnAction(e -> week.previousWeek());
        Button today = new Button(Messages.get("time.week.thisWeek"));
        today.setId("time-this-week");
        today.setOnAction(e -> week.thisWeek());
        Button next = new Button("\u2192");
        next.setId("time-next");
        next.setTooltip(new Tooltip(Messages.get("time.week.next")));
        next.setOnAction(e -> week.nextWeek());
        Label weekLabel = new Label();
        weekLabel.setId("time-week-label");
        weekLabel.getStyleClass().add("title-4");
        weekLabel.textProperty().bind(Bindings.createStringBinding(week::weekLabel, week.weekStartProperty()));
        Label status = new Label();
        status.setId("time-week-status");
        status.textProperty().bind(week.statusTextProperty());
        week.statusProperty().addListener((o, was, now) -> {
            status.getStyleClass().removeAll("success", "danger", "accent");
            switch (now) {
                case APPROVED -> status.getStyleClass().add("success");
                case REJECTED -> status.getStyleClass().add("danger");
                case SUBMITTED -> status.getStyleClass().add("accent");
                default -> { }
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(week.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox navigation = new HBox(8, previous, today, next, weekLabel, spacer, status, busy);
        navigation.setAlignment(Pos.CENTER_LEFT);

        Button addRow = new Button(Messages.get("time.week.addRow"));
        addRow.setId("time-add-row");
        Button copy = new Button(Messages.get("time.week.copyLast"));
        copy.setId("time-copy-last");
        copy.setOnAction(e -> week.copyLastWeek());
        Button submit = new Button(Messages.get("time.week.submit"));
        submit.setId("time-submit");
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(week.canSubmitProperty().not());
        Button withdraw = new Button(Messages.get("time.week.withdraw"));
        withdraw.setId("time-withdraw");
        withdraw.visibleProperty().bind(week.canWithdrawProperty());
        withdraw.managedProperty().bind(withdraw.visibleProperty());
        withdraw.setOnAction(e -> week.withdrawWeek());
        HBox actions = new HBox(8, addRow, copy, submit, withdraw);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("time-message");
        message.setWrapText(true);
        message.textProperty().bind(week.messageProperty());

        GridPane grid = new GridPane();
        grid.setId("time-grid");
        grid.setHgap(6);
        grid.setVgap(4);
        grid.getStyleClass().add("time-grid");
        Grid builder = new Grid(week, dayView, timer, grid);
        submit.setOnAction(e -> {
            builder.commitFocused();
            week.submitWeek();
        });
        addRow.setOnAction(e -> ProjectTaskPicker.choose(picker.get(), addRow, Messages.get("time.week.addRowTitle"), false)
                .ifPresent(choice -> builder.focusFirstOpenCell(week.addRow(choice.row()))));
        week.rows().addListener((ListChangeListener<WeekRow>) c -> builder.build());
        week.days().addListener((ListChangeListener<WeekViewModel.Day>) c -> builder.build());
        week.totalsProperty().addListener((o, was, now) -> builder.showTotals(now));
        grid.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PREVIOUS.match(e) || NEXT.match(e)) {
                builder.commitFocused();
                if (PREVIOUS.match(e)) {
                    week.previousWeek();
                } else {
                    week.nextWeek();
                }
                e.consume();
            }
        });
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        gridScroll.setPrefViewportHeight(300);

        Label missing = new Label();
        missing.setId("time-missing");
        missing.setWrapText(true);
        missing.getStyleClass().add("warning");
        missing.textProperty().bind(week.missingProperty());
        missing.visibleProperty().bind(week.missingProperty().isNotEmpty());
        missing.managedProperty().bind(missing.visibleProperty());

        VBox page = new VBox(10, Forms.title(Messages.get("time.title")), navigation, actions, message, gridScroll, missing,
                new Separator(), DayView.create(dayView, week, picker), new Separator(), idleSetting(timer));
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("my-time");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);

        // The day view shows today in this week, else the week's Monday, until a cell or a header chooses another day.
        week.weekStartProperty().addListener((o, was, monday) -> {
            java.time.LocalDate now = java.time.LocalDate.now(week.clock());
            dayView.dayProperty().set(monday == null ? null
                    : !now.isBefore(monday) && now.isBefore(monday.plusDays(7)) ? now : monday);
        });
        ChangeListener<Number> recorded = (o, was, now) -> week.reload();
        Screen screen = Screen.of(scroll)
                .shortcut(PREVIOUS, () -> week.previousWeek())
                .shortcut(NEXT, () -> week.nextWeek())
                .whileShown(() -> timer.recordedProperty().addListener(recorded),
                        () -> timer.recordedProperty().removeListener(recorded))
                .whenShownAgain(week::reload);
        week.thisWeek();
        return screen;
    }


    private static Node idleSetting(TimerViewModel timer) {
        TextField minutes = new TextField(Integer.toString(timer.idleMinutes()));
        minutes.setId("time-idle-minutes");
        minutes.setPrefColumnCount(4);
        Label error = new Label();
        error.getStyleClass().addAll("field-error", "danger");
        Runnable apply = () -> {
            try {
                int value = Integer.parseInt(minutes.getText().strip());
                if (value < 0 || value > 480) {
                    throw new NumberFormatException();
                }
                timer.setIdleMinutes(value);
                error.setText("");
            } catch (NumberFormatException e) {
                error.setText(Messages.get("time.idle.minutesInvalid"));
            }
        };
        minutes.setOnAction(e -> apply.run());
        minutes.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        Label label = new Label(Messages.get("time.idle.setting"));
        label.setLabelFor(minutes);
        HBox row = new HBox(8, label, minutes, new Label(Messages.get("time.idle.settingUnit")), error);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The grid's nodes, built again when the rows or days change (not for changes inside cells: those are bound). */
    private static final class Grid {
        private static final int FIRST_DAY_COLUMN = 2;
        private final WeekViewModel week;
        private final DayViewModel dayView;
        private final TimerViewModel timer;
        private final GridPane grid;
        private final List<List<TextField>> fields = new ArrayList<>();
        private final Label[] rawTotals = new Label[8];
        private final Label[] billableTotals = new Label[8];
        private final Label[] expectedTotals = new Label[8];
        private List<WeekRow> builtRows = List.of();
        private List<WeekViewModel.Day> builtDays = List.of();

        Grid(WeekViewModel week, DayViewModel dayView, TimerViewModel timer, GridPane grid) {
            this.week = week;
            this.dayView = dayView;
            this.timer = timer;
            this.grid = grid;
            ColumnConstraints label = new ColumnConstraints(220, 260, Double.MAX_VALUE);
            label.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(label);
            grid.getColumnConstraints().add(new ColumnConstraints(34));
            for (int i = 0; i < 7; i++) {
                grid.getColumnConstraints().add(new ColumnConstraints(86));
            }
            grid.getColumnConstraints().add(new ColumnConstraints(120));
        }

        void build() {
            List<WeekRow> rows = List.copyOf(week.rows());
            List<WeekViewModel.Day> days = List.copyOf(week.days());
            if (rows.equals(builtRows) && days.equals(builtDays)) {
                return;
            }
            int[] focus = focusedCell();
            builtRows = rows;
            builtDays = days;
            grid.getChildren().clear();
            fields.clear();
            if (days.size() != 7) {
                return;
            }
            header(days);
            for (int r = 0; r < rows.size(); r++) {
                row(r, rows.get(r));
            }
            footer(rows.size() + 1);
            showTotals(week.totalsProperty().get());
            if (focus != null && focus[0] < fields.size()) {
                fields.get(focus[0]).get(focus[1]).requestFocus();
            }
        }

        private void header(List<WeekViewModel.Day> days) {
            Label project = new Label(Messages.get("time.week.projectTask"));
            project.getStyleClass().add("text-muted");
            grid.add(project, 0, 0);
            for (int d = 0; d < 7; d++) {
                WeekViewModel.Day day = days.get(d);
                Label header = new Label(week.dayLabel(day.date()).replaceFirst(" ", "\n")
                        + (day.publicHoliday() ? " \u2605" : ""));
                header.setId("time-day-" + d);
                header.getStyleClass().add("time-day-header");
                if (day.publicHoliday()) {
                    header.getStyleClass().add("time-holiday");
                    header.setTooltip(new Tooltip(Messages.get("time.week.holiday")));
                } else if (!day.workingDay()) {
                    header.getStyleClass().add("text-muted");
                }
                header.setOnMouseClicked(e -> dayView.dayProperty().set(day.date()));
                grid.add(header, FIRST_DAY_COLUMN + d, 0);
            }
            Label total = new Label(Messages.get("time.week.total"));
            total.getStyleClass().add("text-muted");
            grid.add(total, FIRST_DAY_COLUMN + 7, 0);
        }

        private void row(int index, WeekRow row) {
            Label project = new Label(row.projectLabel());
            project.setTooltip(new Tooltip(row.projectLabel()));
            Label task = new Label(row.taskLabel());
            task.getStyleClass().addAll("text-small", "text-muted");
            VBox label = new VBox(0, project, task);
            label.setId("time-row-" + index);
            grid.add(label, 0, index + 1);
            Button start = new Button("\u25b6");
            start.setId("time-row-start-" + index);
            start.getStyleClass().add("flat");
            start.setFocusTraversable(false); // Tab moves along the week, not through the buttons
            start.setTooltip(new Tooltip(Messages.get("time.week.startTimer")));
            start.setOnAction(e -> timer.start(row.projectId(), row.taskId(), null));
            grid.add(start, 1, index + 1);
            List<TextField> rowFields = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                WeekCell cell = row.cells().get(d);
                Node node = cell(index, d, cell, rowFields);
                grid.add(node, FIRST_DAY_COLUMN + d, index + 1);
            }
            fields.add(rowFields);
            Label total = new Label();
            total.setId("time-row-total-" + index);
            total.textProperty().bind(row.totalProperty());
            grid.add(total, FIRST_DAY_COLUMN + 7, index + 1);
        }

        private Node cell(int rowIndex, int dayIndex, WeekCell cell, List<TextField> rowFields) {
            TextField field = new TextField();
            field.setId("time-cell-" + rowIndex + "-" + dayIndex);
            field.getStyleClass().add("time-cell");
            field.setPrefColumnCount(4);
            field.textProperty().bindBidirectional(cell.textProperty());
            field.editableProperty().bind(cell.lockedProperty().isEmpty());
            Runnable style = () -> {
                field.getStyleClass().removeAll("time-locked", "time-error");
                if (cell.isLocked()) {
                    field.getStyleClass().add("time-locked");
                }
                if (!cell.errorProperty().get().isEmpty()) {
                    field.getStyleClass().add("time-error");
                }
                String tip = !cell.errorProperty().get().isEmpty() ? cell.errorProperty().get()
                        : cell.isLocked() ? cell.lockedProperty().get()
                        : cell.billableProperty().get().isEmpty() ? null
                        : Messages.get("time.cell.billable", cell.billableProperty().get());
                field.setTooltip(tip == null ? null : new Tooltip(tip));
            };
            cell.lockedProperty().addListener((o, was, now) -> style.run());
            cell.errorProperty().addListener((o, was, now) -> style.run());
            cell.billableProperty().addListener((o, was, now) -> style.run());
            style.run();
            field.focusedProperty().addListener((o, was, now) -> {
                if (now) {
                    dayView.dayProperty().set(cell.day());
                } else {
                    week.commit(cell);
                }
            });
            field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    week.commit(cell);
                    if (rowIndex + 1 < fields.size()) {
                        fields.get(rowIndex + 1).get(dayIndex).requestFocus();
                    }
                    e.consume();
                } else if (e.getCode() == KeyCode.ESCAPE && cell.conflictProperty().get() == null) {
                    week.takeTheirs(cell); // back to what is stored
                    e.consume();
                }
            });
            rowFields.add(field);

            Label error = new Label();
            error.setId("time-cell-error-" + rowIndex + "-" + dayIndex);
            error.getStyleClass().addAll("field-error", "danger");
            error.setWrapText(true);
            error.setMaxWidth(86);
            error.textProperty().bind(cell.errorProperty());
            error.visibleProperty().bind(cell.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            Button mine = new Button(Messages.get("time.cell.keepMine"));
            mine.setId("time-cell-keep-" + rowIndex + "-" + dayIndex);
            mine.getStyleClass().addAll("small", "flat");
            mine.setOnAction(e -> week.keepMine(cell));
            Button theirs = new Button(Messages.get("time.cell.takeTheirs"));
            theirs.setId("time-cell-theirs-" + rowIndex + "-" + dayIndex);
            theirs.getStyleClass().addAll("small", "flat");
            theirs.setOnAction(e -> week.takeTheirs(cell));
            VBox choice = new VBox(2, mine, theirs);
            choice.visibleProperty().bind(cell.conflictProperty().isNotNull());
            choice.managedProperty().bind(choice.visibleProperty());
            return new VBox(2, field, error, choice);
        }

        private void footer(int firstRow) {
            String[] captions = {"time.week.totalRaw", "time.week.totalBillable", "time.week.expected"};
            String[] ids = {"time-total-", "time-billable-", "time-expected-"};
            Label[][] targets = {rawTotals, billableTotals, expectedTotals};
            grid.add(new Separator(), 0, firstRow, FIRST_DAY_COLUMN + 8, 1);
            for (int line = 0; line < 3; line++) {
                Label caption = new Label(Messages.get(captions[line]));
                caption.getStyleClass().add(line == 0 ? "text-bold" : "text-muted");
                grid.add(caption, 0, firstRow + 1 + line);
                for (int d = 0; d < 8; d++) {
                    Label value = new Label();
                    value.setId(ids[line] + (d == 7 ? "week" : Integer.toString(d)));
                    if (line > 0) {
                        value.getStyleClass().add("text-muted");
                    }
                    targets[line][d] = value;
                    grid.add(value, FIRST_DAY_COLUMN + d, firstRow + 1 + line);
                }
            }
        }

        void showTotals(WeekViewModel.Totals totals) {
            if (rawTotals[0] == null || rawTotals[0].getParent() == null) {
                return;
            }
            Function<Integer, String> hours = Durations::format;
            for (int d = 0; d < 7; d++) {
                rawTotals[d].setText(hours.apply(totals.raw().get(d)));
                billableTotals[d].setText(hours.apply(totals.billable().get(d)));
                expectedTotals[d].setText(hours.apply(totals.expected().get(d)));
                rawTotals[d].getStyleClass().remove("danger");
                if (totals.missing().get(d)) {
                    rawTotals[d].getStyleClass().add("danger");
                }
            }
            rawTotals[7].setText(Messages.get("time.week.ofExpected", hours.apply(totals.rawWeek()),
                    hours.apply(totals.expectedWeek())));
            billableTotals[7].setText(hours.apply(totals.billableWeek()));
            expectedTotals[7].setText(hours.apply(totals.expectedWeek()));
        }

        private int[] focusedCell() {
            for (int r = 0; r < fields.size(); r++) {
                for (int d = 0; d < fields.get(r).size(); d++) {
                    if (fields.get(r).get(d).isFocused()) {
                        return new int[]{r, d};
                    }
                }
            }
            return null;
        }

        /** Commits the cell being typed into (before Submit or a change of week). */
        void commitFocused() {
            int[] focus = focusedCell();
            if (focus != null) {
                week.commit(builtRows.get(focus[0]).cells().get(focus[1]));
            }
        }

        void focusFirstOpenCell(WeekRow row) {
            build();
            int index = builtRows.indexOf(row);
            if (index < 0) {
                return;
            }
            for (int d = 0; d < 7; d++) {
                if (!row.cells().get(d).isLocked()) {
                    TextField field = fields.get(index).get(d);
                    Platform.runLater(field::requestFocus);
                    return;
                }
            }
        }
    }

    /** The day view: the chosen day's entries, and the form to change one or record a new one. */
    static final class DayView {
        private DayView() {
        }

        static Node create(DayViewModel vm, WeekViewModel week, Supplier<ProjectTaskPickerViewModel> picker) {
            Label title = new Label();
            title.setId("time-day-title");
            title.getStyleClass().add("title-4");
            title.textProperty().bind(Bindings.createStringBinding(() -> vm.dayProperty().get() == null ? ""
                    : Messages.get("time.day.title", week.dayLabel(vm.dayProperty().get())), vm.dayProperty()));
            Button add = new Button(Messages.get("time.day.new"));
            add.setId("time-day-new");
            add.disableProperty().bind(vm.dayProperty().isNull());
            add.setOnAction(e -> ProjectTaskPicker.choose(picker.get(), add, Messages.get("time.day.newTitle"), false)
                    .ifPresent(vm::newEntry));
            HBox top = new HBox(12, title, add);
            top.setAlignment(Pos.CENTER_LEFT);

            TableView<TimeEntry> table = new TableView<>(vm.entries());
            table.setId("time-day-entries");
            table.setPrefHeight(170);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setPlaceholder(new Label(Messages.get("time.day.none")));
            table.getColumns().add(column(Messages.get("time.day.span"), vm::span, 110));
            table.getColumns().add(column(Messages.get("time.day.duration"), e -> e.running() ? "" : Durations.format(e.rawMinutes()), 70));
            table.getColumns().add(column(Messages.get("time.day.billableHours"),
                    e -> e.billable() && !e.running() ? Durations.format(e.billableMinutes()) : "", 80));
            table.getColumns().add(column(Messages.get("time.day.project"), TimerViewModel::label, 240));
            table.getColumns().add(column(Messages.get("time.day.status"), DayViewModel::status, 100));
            table.getColumns().add(column(Messages.get("time.day.description"),
                    e -> e.description() == null ? "" : e.description(), 240));
            table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (now != null && (vm.editingProperty().get() == null || !vm.editingProperty().get().id().equals(now.id()))) {
                    vm.edit(now);
                }
            });

            var grid = Forms.grid();
            Label subject = new Label();
            subject.setId("time-day-subject");
            subject.getStyleClass().add("text-bold");
            subject.textProperty().bind(vm.subjectProperty());
            TextField start = text("time-day-start", vm.startProperty(), Messages.get("time.day.startPrompt"));
            TextField end = text("time-day-end", vm.endProperty(), Messages.get("time.day.endPrompt"));
            TextField duration = text("time-day-duration", vm.durationProperty(), "1:30");
            TextField description = text("time-day-description", vm.descriptionProperty(), "");
            CheckBox billable = new CheckBox(Messages.get("time.day.billable"));
            billable.setId("time-day-billable");
            billable.selectedProperty().bindBidirectional(vm.billableProperty());
            Forms.row(grid, 0, Messages.get("time.day.start"), start, vm.errors().of("start"));
            Forms.row(grid, 1, Messages.get("time.day.end"), end, vm.errors().of("end"));
            Forms.row(grid, 2, Messages.get("time.day.duration"), duration, vm.errors().of("duration"));
            Forms.row(grid, 3, Messages.get("time.day.description"), description, vm.errors().of("description"));
            Forms.row(grid, 4, "", billable, vm.errors().of("billable"));
            Label locked = new Label();
            locked.setId("time-day-locked");
            locked.getStyleClass().add("warning");
            locked.setWrapText(true);
            locked.textProperty().bind(vm.lockedProperty());
            locked.visibleProperty().bind(vm.lockedProperty().isNotEmpty());
            locked.managedProperty().bind(locked.visibleProperty());
            for (Node field : List.of(start, end, duration, description, billable)) {
                field.disableProperty().bind(vm.lockedProperty().isNotEmpty());
            }
            Button save = new Button(Messages.get("time.day.save"));
            save.setId("time-day-save");
            save.getStyleClass().add("accent");
            save.setDefaultButton(false);
            save.setOnAction(e -> vm.save());
            Button delete = new Button(Messages.get("time.day.delete"));
            delete.setId("time-day-delete");
            delete.setOnAction(e -> vm.delete());
            delete.visibleProperty().bind(vm.editingProperty().isNotNull());
            Button cancel = new Button(Messages.get("time.day.close"));
            cancel.setId("time-day-close");
            cancel.setOnAction(e -> {
                vm.close();
                table.getSelectionModel().clearSelection();
            });
            save.disableProperty().bind(vm.lockedProperty().isNotEmpty());
            delete.disableProperty().bind(vm.lockedProperty().isNotEmpty());
            Button keepMine = new Button(Messages.get("time.cell.keepMine"));
            keepMine.setId("time-day-keep-mine");
            keepMine.setOnAction(e -> vm.keepMine());
            Button takeTheirs = new Button(Messages.get("time.cell.takeTheirs"));
            takeTheirs.setId("time-day-take-theirs");
            takeTheirs.setOnAction(e -> vm.takeTheirs());
            HBox conflictButtons = new HBox(8, keepMine, takeTheirs);
            conflictButtons.visibleProperty().bind(vm.conflict().property().isNotNull());
            conflictButtons.managedProperty().bind(conflictButtons.visibleProperty());
            Label message = new Label();
            message.setId("time-day-message");
            message.setWrapText(true);
            message.textProperty().bind(vm.messageProperty());
            HBox buttons = new HBox(8, save, delete, cancel);
            VBox form = new VBox(8, subject, locked, grid, buttons, conflictButtons);
            form.setId("time-day-form");
            form.visibleProperty().bind(Bindings.createBooleanBinding(vm::isFormOpen, vm.editingProperty(), vm.newForProperty()));
            form.managedProperty().bind(form.visibleProperty());
            form.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof Button)) {
                    vm.save();
                    e.consume();
                }
            });
            VBox box = new VBox(8, top, table, message, form);
            box.setId("time-day");
            return box;
        }

        private static TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
            TextField field = new TextField();
            field.setId(id);
            field.setPromptText(prompt);
            field.textProperty().bindBidirectional(value);
            return field;
        }

        private static TableColumn<TimeEntry, String> column(String title, Function<TimeEntry, String> value, double width) {
            TableColumn<TimeEntry, String> column = new TableColumn<>(title);
            column.setPrefWidth(width);
            column.setSortable(false);
            column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
            return column;
        }
    }
}
