package com.workline.ui.admin;

import com.workline.persistence.projects.RoundingDirection;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Administration › Time: the organization's rules for time (Ctrl+S saves). */
public final class TimeSettingsView {
    private TimeSettingsView() {
    }

    public static Screen create(TimeSettingsViewModel vm) {
        GridPane grid = Forms.grid();
        DatePicker lock = new DatePicker();
        lock.setId("time-lock-date");
        lock.valueProperty().bindBidirectional(vm.lockDateProperty());
        Button clearLock = new Button(Messages.get("timeSettings.lockDate.clear"));
        clearLock.setId("time-lock-date-clear");
        clearLock.setOnAction(e -> vm.lockDateProperty().set(null));
        HBox lockRow = new HBox(8, lock, clearLock);
        lockRow.setAlignment(Pos.CENTER_LEFT);
        Forms.row(grid, 0, Messages.get("timeSettings.lockDate"), lockRow, vm.errors().of("lockDate"));
        grid.add(hint("timeSettings.lockDate.hint"), 1, 1);

        TextField weekly = new TextField();
        weekly.setId("time-weekly-hours");
        weekly.setPrefColumnCount(8);
        weekly.setMaxWidth(160);
        weekly.textProperty().bindBidirectional(vm.weeklyHoursProperty());
        Forms.row(grid, 2, Messages.get("timeSettings.weeklyHours"), weekly, vm.errors().of("weeklyWorkingMinutes"));

        ComboBox<String> country = new ComboBox<>(vm.countries());
        country.setId("time-holiday-country");
        country.setConverter(Forms.converter(vm::countryName));
        country.valueProperty().bindBidirectional(vm.countryProperty());
        country.setVisibleRowCount(15);
        Forms.row(grid, 3, Messages.get("timeSettings.holidayCountry"), country, vm.errors().of("holidayCountry"));
        ComboBox<String> region = new ComboBox<>(vm.subdivisions());
        region.setId("time-holiday-subdivision");
        region.setConverter(Forms.converter(vm::subdivisionName));
        region.valueProperty().bindBidirectional(vm.subdivisionProperty());
        region.setVisibleRowCount(15);
        Forms.row(grid, 4, Messages.get("timeSettings.holidaySubdivision"), region, vm.errors().of("holidaySubdivision"));

        ComboBox<Integer> unit = new ComboBox<>(vm.units());
        unit.setId("time-rounding-unit");
        unit.setConverter(Forms.converter(TimeSettingsViewModel::unitName));
        unit.valueProperty().bindBidirectional(vm.roundingUnitProperty());
        ComboBox<RoundingDirection> direction = new ComboBox<>();
        direction.setId("time-rounding-direction");
        direction.getItems().setAll(RoundingDirection.values());
        direction.setConverter(Forms.converter(TimeSettingsViewModel::directionName));
        direction.valueProperty().bindBidirectional(vm.roundingDirectionProperty());
        direction.disableProperty().bind(vm.roundingUnitProperty().isEqualTo(1));
        HBox rounding = new HBox(8, unit, direction);
        rounding.setAlignment(Pos.CENTER_LEFT);
        Forms.row(grid, 5, Messages.get("timeSettings.rounding"), rounding, vm.errors().of("rounding"));
        grid.add(hint("timeSettings.rounding.hint"), 1, 6);

        TextField reminder = new TextField();
        reminder.setId("time-timer-reminder");
        reminder.setPrefColumnCount(8);
        reminder.setMaxWidth(160);
        reminder.textProperty().bindBidirectional(vm.timerReminderProperty());
        Forms.row(grid, 7, Messages.get("timeSettings.timerReminder"), reminder, vm.errors().of("timerReminderMinutes"));

        Label message = new Label();
        message.setId("time-settings-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button save = new Button(Messages.get("form.save"));
        save.setId("time-settings-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        save.setOnAction(e -> vm.save());
        Button reload = new Button(Messages.get("form.reload"));
        reload.setOnAction(e -> vm.reload());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox actions = new HBox(10, save, reload, busy, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox page = new VBox(16, Forms.title(Messages.get("timeSettings.title")), actions, grid);
        page.setPadding(new Insets(20, 28, 28, 28));
        page.setMaxWidth(860);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("time-settings");
        vm.load();
        return Screen.of(scroll).shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save);
    }

    private static Label hint(String key) {
        Label hint = new Label(Messages.get(key));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        return hint;
    }
}
