package com.workline.ui.admin;

import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.CustomFieldType;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** Administration › Custom fields: the list of a kind's fields on the left, the form on the right (Ctrl+S saves). */
public final class CustomFieldsView {
    private CustomFieldsView() {
    }

    public static Screen create(CustomFieldsViewModel vm) {
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("custom-field-kind");
        kind.getItems().setAll(CustomFieldsViewModel.KINDS);
        kind.setConverter(Forms.converter(k -> k == null ? "" : Messages.get("customFields.kind." + k)));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setOnAction(e -> {
            vm.startNew();
            vm.load();
        });

        TableView<CustomFieldDefinition> table = new TableView<>(vm.fields());
        table.setId("custom-field-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("customFields.none")));
        table.getColumns().add(column(Messages.get("customFields.label"), CustomFieldDefinition::label, 170));
        table.getColumns().add(column(Messages.get("customFields.key"), CustomFieldDefinition::key, 120));
        table.getColumns().add(column(Messages.get("customFields.type"), d -> typeName(d.type()), 110));
        table.getColumns().add(column(Messages.get("customFields.required"),
                d -> Messages.get(d.required() ? "common.yes" : "common.no"), 90));
        table.getColumns().add(column(Messages.get("customFields.options"), d -> String.join(", ", d.options()), 160));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, field) -> {
            if (field != null) {
                vm.edit(field);
            }
        });
        table.setPrefWidth(560);

        TextField label = new TextField();
        label.setId("custom-field-label");
        label.textProperty().bindBidirectional(vm.labelProperty());
        TextField key = new TextField();
        key.setId("custom-field-key");
        key.textProperty().bindBidirectional(vm.keyProperty());
        key.disableProperty().bind(vm.editingProperty());
        key.setOnKeyTyped(e -> vm.keyEdited());
        ComboBox<CustomFieldType> type = new ComboBox<>();
        type.setId("custom-field-type");
        type.getItems().setAll(CustomFieldType.values());
        type.setConverter(Forms.converter(CustomFieldsView::typeName));
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.disableProperty().bind(vm.editingProperty());
        TextField options = new TextField();
        options.setId("custom-field-options");
        options.setPromptText(Messages.get("customFields.options.prompt"));
        options.textProperty().bindBidirectional(vm.optionsProperty());
        options.disableProperty().bind(type.valueProperty().isNotEqualTo(CustomFieldType.SELECT)
                .and(type.valueProperty().isNotEqualTo(CustomFieldType.MULTISELECT)));
        CheckBox required = new CheckBox(Messages.get("customFields.required.check"));
        required.setId("custom-field-required");
        required.selectedProperty().bindBidirectional(vm.requiredProperty());

        GridPane form = Forms.grid();
        Forms.row(form, 0, Messages.get("customFields.label"), label, vm.errors().of("label"));
        Forms.row(form, 1, Messages.get("customFields.key"), key, vm.errors().of("key"));
        Forms.row(form, 2, Messages.get("customFields.type"), type, vm.errors().of("type"));
        Forms.row(form, 3, Messages.get("customFields.options"), options, vm.errors().of("options"));
        Forms.row(form, 4, "", required, new SimpleStringProperty(""));

        Button save = new Button(Messages.get("customFields.save"));
        save.setId("custom-field-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Button startNew = new Button(Messages.get("customFields.new"));
        startNew.setId("custom-field-new");
        startNew.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.startNew();
            label.requestFocus();
        });
        Button remove = new Button(Messages.get("customFields.remove"));
        remove.setId("custom-field-remove");
        remove.disableProperty().bind(vm.editingProperty().not());
        remove.setOnAction(e -> vm.remove());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(10, save, startNew, remove, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label formTitle = new Label();
        formTitle.getStyleClass().add("title-4");
        formTitle.textProperty().bind(javafx.beans.binding.Bindings.when(vm.editingProperty())
                .then(Messages.get("customFields.editTitle")).otherwise(Messages.get("customFields.newTitle")));
        Label message = new Label();
        message.setId("custom-fields-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox formBox = new VBox(12, formTitle, form, buttons, message);
        formBox.setPrefWidth(580);
        formBox.setMinWidth(540);

        HBox body = new HBox(24, table, formBox);
        HBox.setHgrow(table, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        HBox top = new HBox(10, new Label(Messages.get("customFields.for")), kind);
        top.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(Messages.get("customFields.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox page = new VBox(14, Forms.title(Messages.get("customFields.title")), hint, top, body);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("custom-fields");
        vm.load();
        return Screen.of(page)
                .shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save);
    }

    private static String typeName(CustomFieldType type) {
        return type == null ? "" : Messages.get("customFields.type." + type.name());
    }


    private static TableColumn<CustomFieldDefinition, String> column(String title,
                                                                     Function<CustomFieldDefinition, String> value,
                                                                     double width) {
        TableColumn<CustomFieldDefinition, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
