package com.workline.ui.reports;

import com.workline.persistence.projects.TimeReportGrouping;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.reports.TimeReportViewModel.Preset;
import com.workline.ui.workbench.Screen;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;

/**
 * Time › Reports: group by and period (date pickers and presets; every change runs the report in the background), the
 * report and utilisation in two tabs, Export… (Ctrl+E) to CSV or XLSX. Keyboard: Alt+G group by, Alt+F / Alt+T the
 * days, F5 runs again.
 */
public final class TimeReportView {
    private TimeReportView() {
    }

    public static Screen create(TimeReportViewModel vm) {
        ComboBox<TimeReportGrouping> grouping = new ComboBox<>();
        grouping.setId("report-grouping");
        grouping.getItems().setAll(TimeReportGrouping.values());
        grouping.setConverter(Forms.converter(g -> g == null ? "" : Messages.get("reports.grouping." + g.name())));
        grouping.valueProperty().bindBidirectional(vm.groupingProperty());
        Label groupingLabel = label("reports.groupBy", grouping);

        DatePicker from = datePicker("report-from", vm.fromProperty());
        DatePicker to = datePicker("report-to", vm.toProperty());
        Label fromLabel = label("reports.from", from);
        Label toLabel = label("reports.to", to);
        Label fromError = error(vm.errors().of("from"));
        Label toError = error(vm.errors().of("to"));

        HBox presets = new HBox(6);
        for (Preset preset : Preset.values()) {
            Button button = new Button(Messages.get("reports.preset." + preset.name()));
            button.setId("report-preset-" + preset.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setOnAction(e -> vm.applyPreset(preset));
            presets.getChildren().add(button);
        }
        Button export = new Button(Messages.get("reports.export"));
        export.setId("report-export");
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.header()));
        Runnable chooseFile = () -> {
            if (vm.header().isEmpty()) {
                return;
            }
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(Messages.get("reports.fileName") + ".xlsx");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"),
                    new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
            File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                vm.exportTo(file.toPath());
            }
        };
        export.setOnAction(e -> chooseFile.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());

        // Export and the busy sign close the period's row; the message has a row of its own only when there is one.
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox period = new HBox(8, groupingLabel, grouping, fromLabel, new VBox(2, from, fromError), toLabel, new VBox(2, to, toError),
                presets, gap, busy, export);
        period.setAlignment(Pos.TOP_LEFT);
        Label message = new Label();
        message.setId("report-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox actions = new HBox(10, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.visibleProperty().bind(message.textProperty().isNotEmpty());
        actions.managedProperty().bind(actions.visibleProperty());

        TableView<List<String>> report = table("report-table", vm.header(), vm.table(), "reports.empty");
        Label budgetHint = new Label(Messages.get("reports.budget.hint"));
        budgetHint.getStyleClass().add("text-muted");
        budgetHint.setWrapText(true);
        budgetHint.visibleProperty().bind(vm.groupingProperty().isEqualTo(TimeReportGrouping.PROJECT));
        budgetHint.managedProperty().bind(budgetHint.visibleProperty());
        VBox reportBox = new VBox(8, report, budgetHint);
        VBox.setVgrow(report, Priority.ALWAYS);
        reportBox.setPadding(new Insets(8, 0, 0, 0));
        TableView<List<String>> utilisation = table("report-utilisation", vm.utilisationHeader(), vm.utilisationTable(),
                "reports.empty");
        Label utilisationHint = new Label(Messages.get("reports.utilisation.hint"));
        utilisationHint.getStyleClass().add("text-muted");
        utilisationHint.setWrapText(true);
        VBox utilisationBox = new VBox(8, utilisationHint, utilisation);
        VBox.setVgrow(utilisation, Priority.ALWAYS);
        utilisationBox.setPadding(new Insets(8, 0, 0, 0));
        TabPane tabs = new TabPane(new Tab(Messages.get("reports.tab.time"), reportBox),
                new Tab(Messages.get("reports.tab.utilisation"), utilisationBox));
        tabs.setId("report-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        // Every change of grouping or period runs the report (the newest answer counts).
        vm.groupingProperty().addListener((o, was, now) -> vm.run());
        vm.fromProperty().addListener((o, was, now) -> vm.run());
        vm.toProperty().addListener((o, was, now) -> vm.run());

        VBox page = new VBox(12, Forms.title(Messages.get("reports.title")), period, actions, tabs);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("time-reports");
        vm.run();
        return Screen.of(page)
                .shortcut(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), chooseFile)
                .shortcut(new KeyCodeCombination(KeyCode.F5), vm::run)
                .whenShownAgain(vm::run);
    }

    private static Label label(String key, javafx.scene.Node field) {
        Label label = new Label(Messages.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setPadding(new Insets(5, 0, 0, 8));
        return label;
    }

    private static Label error(javafx.beans.value.ObservableStringValue text) {
        Label error = new Label();
        error.getStyleClass().addAll("field-error", "danger");
        error.textProperty().bind(text);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static DatePicker datePicker(String id, javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(150);
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    /** A table of formatted lines whose columns follow the header (the first column left, the figures right). */
    private static TableView<List<String>> table(String id, ObservableList<String> header, ObservableList<List<String>> lines,
                                                 String emptyKey) {
        TableView<List<String>> table = new TableView<>(lines);
        table.setId(id);
        table.setPlaceholder(new Label(Messages.get(emptyKey)));
        // The columns change with the grouping: each keeps its width, a wide report scrolls sideways.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable columns = () -> {
            table.getColumns().clear();
            for (int i = 0; i < header.size(); i++) {
                int index = i;
                TableColumn<List<String>, String> column = new TableColumn<>(header.get(i));
                column.setSortable(false);
                column.setPrefWidth(i == 0 ? 300 : Math.max(90, 9.5 * header.get(i).length() + 20));
                if (i > 0) {
                    column.setStyle("-fx-alignment: CENTER-RIGHT;");
                }
                column.setCellValueFactory(cell -> new SimpleStringProperty(index < cell.getValue().size()
                        ? cell.getValue().get(index) : ""));
                table.getColumns().add(column);
            }
        };
        header.addListener((ListChangeListener<String>) c -> columns.run());
        columns.run();
        return table;
    }
}
