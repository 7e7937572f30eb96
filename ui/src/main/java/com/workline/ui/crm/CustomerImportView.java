package com.workline.ui.crm;

import com.workline.persistence.crm.CustomerImport;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/** CRM › Customers › Import: file, column mapping, check with a row-by-row report, import all or nothing. */
public final class CustomerImportView {
    private CustomerImportView() {
    }

    public static Node create(CustomerImportViewModel vm, Runnable back) {
        TextField file = new TextField();
        file.setId("import-file");
        file.setPromptText(Messages.get("import.file.prompt"));
        file.textProperty().bindBidirectional(vm.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(Messages.get("import.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv", "*.txt"));
            var chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                vm.fileProperty().set(chosen.getAbsolutePath());
                vm.open();
            }
        });
        Button open = new Button(Messages.get("import.open"));
        open.setId("import-open");
        open.setOnAction(e -> vm.open());

        GridPane mapping = Forms.grid();
        vm.columns().addListener((ListChangeListener<String>) change -> {
            mapping.getChildren().clear();
            int row = 0;
            for (String column : vm.columns()) {
                ComboBox<String> target = new ComboBox<>();
                target.setId("map-" + row);
                List<String> choices = new ArrayList<>();
                choices.add(CustomerImportViewModel.IGNORE);
                choices.addAll(CustomerImport.FIELDS);
                target.getItems().setAll(choices);
                target.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(String field) {
                        return field == null || field.isEmpty() ? Messages.get("import.ignore") : Messages.get("import.field." + field);
                    }

                    @Override
                    public String fromString(String s) {
                        return null;
                    }
                });
                target.valueProperty().bindBidirectional(vm.mapping(column));
                mapping.add(new Label(column), 0, row);
                mapping.add(target, 1, row);
                row++;
            }
        });

        Button check = new Button(Messages.get("import.check"));
        check.setId("import-check");
        check.disableProperty().bind(vm.busyProperty());
        check.setOnAction(e -> vm.check());
        Button commit = new Button(Messages.get("import.commit"));
        commit.setId("import-commit");
        commit.getStyleClass().add("accent");
        commit.disableProperty().bind(vm.importableProperty().not().or(vm.busyProperty()));
        commit.setOnAction(e -> vm.commit());
        Button backButton = new Button(Messages.get("customer.back"));
        backButton.setOnAction(e -> back.run());
        Label message = new Label();
        message.setId("import-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TableView<CustomerImport.RowReport> report = new TableView<>(vm.report());
        report.setId("import-report");
        report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        report.setPlaceholder(new Label(Messages.get("import.report.empty")));
        report.getColumns().add(column(Messages.get("import.report.row"), r -> Integer.toString(r.line()), 60));
        report.getColumns().add(column(Messages.get("import.report.name"), r -> r.values().getOrDefault("name", ""), 240));
        report.getColumns().add(column(Messages.get("import.report.result"),
                r -> r.ok() ? Messages.get("import.report.ok") : String.join(" ", r.errors()), 520));

        Label encoding = new Label();
        encoding.setId("import-encoding");
        encoding.getStyleClass().add("text-muted");
        encoding.textProperty().bind(vm.encodingProperty());
        encoding.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox fileRow = new HBox(8, file, browse, open, encoding);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        for (Button b : List.of(backButton, check, commit)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(10, backButton, check, commit, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label mappingTitle = new Label(Messages.get("import.mapping"));
        mappingTitle.getStyleClass().add("title-4");
        VBox page = new VBox(12, Forms.title(Messages.get("import.title")), fileRow, mappingTitle, mapping, actions, report);
        VBox.setVgrow(report, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("customer-import");
        return page;
    }

    private static TableColumn<CustomerImport.RowReport, String> column(String title,
            java.util.function.Function<CustomerImport.RowReport, String> value, double width) {
        TableColumn<CustomerImport.RowReport, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
