package com.workline.ui.crm;

import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.SavedView;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.util.UUID;
import java.util.function.Consumer;

/** CRM › Customers: search (Ctrl+F), status filter, sort, infinite scroll; Enter or double-click opens, Ctrl+N adds. */
public final class CustomerListView {
    private CustomerListView() {
    }

    public static Screen create(CustomerListViewModel vm, Consumer<UUID> open) {
        return create(vm, open, null);
    }

    /** @param startImport opens the import wizard, or null where the person may not create customers */
    public static Screen create(CustomerListViewModel vm, Consumer<UUID> open, Runnable startImport) {
        TextField search = new TextField();
        search.setId("customer-search");
        search.setPromptText(Messages.get("customers.search"));
        search.setPrefColumnCount(28);
        search.textProperty().bindBidirectional(vm.searchProperty());
        // Search as you type, once the typing pauses: the page (under 50 ms at a million customers) then shows
        // within 150 ms of the last keystroke; superseded requests are skipped before they reach the database.
        PauseTransition pause = new PauseTransition(Duration.millis(CustomerListViewModel.SEARCH_PAUSE_MILLIS));
        pause.setOnFinished(e -> vm.refresh());
        search.textProperty().addListener((o, old, now) -> pause.playFromStart());

        ComboBox<CustomerStatus> status = new ComboBox<>();
        status.setId("customer-status-filter");
        status.getItems().add(null);
        status.getItems().addAll(CustomerStatus.values());
        status.setConverter(statusConverter(Messages.get("customers.allStatuses")));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.valueProperty().addListener((o, old, now) -> vm.refresh());

        ComboBox<CustomerQuery.Sort> sort = new ComboBox<>();
        sort.getItems().setAll(CustomerQuery.Sort.values());
        sort.setConverter(Forms.converter((CustomerQuery.Sort s) -> s == null ? "" : Messages.get("customers.sort." + s.name())));
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        sort.valueProperty().addListener((o, old, now) -> vm.refresh());

        Button add = new Button(Messages.get("customers.new"));
        add.setId("customer-new");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> open.accept(null));
        Label count = new Label();
        count.setId("customer-count");
        count.textProperty().bind(vm.countTextProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());
        Button export = new Button(Messages.get("customers.export"));
        export.setId("customer-export");
        export.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName("customers.xlsx");
            chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"),
                    new javafx.stage.FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
            java.io.File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                vm.exportTo(file.toPath());
            }
        });
        HBox toolbar = new HBox(10, search, status, sort, add, export, busy, count);
        if (startImport != null) {
            Button importButton = new Button(Messages.get("customers.import"));
            importButton.setId("customer-import");
            importButton.setOnAction(e -> startImport.run());
            toolbar.getChildren().add(toolbar.getChildren().indexOf(export), importButton);
        }
        // The search field gives way; buttons, choices and the count keep their full text.
        toolbar.getChildren().remove(count);
        search.setPrefColumnCount(18);
        search.setMinWidth(160);
        HBox.setHgrow(search, Priority.ALWAYS);
        toolbar.getChildren().stream().filter(n -> n != search && n instanceof javafx.scene.layout.Region)
                .forEach(n -> ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<CustomerRow> table = new TableView<>(vm.rows());
        table.setId("customer-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("customers.none")));
        MenuButton columns = new MenuButton(Messages.get("customers.columns"));
        columns.setId("customer-columns");
        addColumn(table, columns, vm, "number", Messages.get("customer.number"), CustomerRow::number, 100);
        table.getColumns().get(0).setMinWidth(95);
        addColumn(table, columns, vm, "name", Messages.get("customer.name"),
                r -> r.deleted() ? Messages.get("customers.deleted", r.name()) : r.name(), 260);
        addColumn(table, columns, vm, "status", Messages.get("customer.status"),
                r -> Messages.get("customer.status." + r.status().name()), 100);
        addColumn(table, columns, vm, "email", Messages.get("customer.email"), CustomerRow::email, 220);
        addColumn(table, columns, vm, "phone", Messages.get("customer.phone"), CustomerRow::phone, 150);
        addColumn(table, columns, vm, "owner", Messages.get("customer.owner"), CustomerRow::ownerName, 140);
        addColumn(table, columns, vm, "tags", Messages.get("customers.tags"), r -> String.join(", ", r.tags()), 140);
        // Custom fields can be shown as columns too (hidden until chosen).
        vm.customFields().addListener((javafx.collections.ListChangeListener<CustomFieldDefinition>) change -> {
            for (CustomFieldDefinition d : vm.customFields()) {
                String key = "custom." + d.key();
                if (table.getColumns().stream().noneMatch(c -> key.equals(c.getUserData()))) {
                    addColumn(table, columns, vm, key, d.label(), r -> customValue(r, d.key()), 140);
                }
            }
        });
        // Sorting is the server's (keyset pages): a click on a sortable header sets the sort box.
        table.getColumns().forEach(c -> c.setSortable(false));

        javafx.scene.layout.FlowPane filters = filterBar(vm, columns);
        filters.getChildren().add(deletedControls(vm, table));
        table.setRowFactory(t -> {
            TableRow<CustomerRow> row = new TableRow<>();
            row.itemProperty().addListener((o, old, item) -> row.pseudoClassStateChanged(DELETED, item != null && item.deleted()));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem().id());
            }
        });
        // Infinite scroll: fetch the next keyset page when the user nears the end.
        table.skinProperty().addListener((o, old, skin) -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .map(n -> (ScrollBar) n).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((ob, was, now) -> {
                    if (now.doubleValue() > bar.getMax() * 0.9) {
                        vm.loadMore();
                    }
                })));

        Label message = new Label();
        message.setId("customer-list-message");
        message.textProperty().bind(vm.messageProperty());

        HBox status2 = new HBox(16, count, message);
        status2.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(12, Forms.title(Messages.get("customers.title")), toolbar, filters, status2, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("customers");
        vm.loadChoices();
        vm.refresh();
        return Screen.of(page)
                .shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus)
                .shortcut(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> open.accept(null));
    }

    private static final javafx.css.PseudoClass DELETED = javafx.css.PseudoClass.getPseudoClass("deleted");

    /** "Show deleted", and for managers and above Restore for the selected deleted customer. */
    private static Node deletedControls(CustomerListViewModel vm, TableView<CustomerRow> table) {
        javafx.scene.control.CheckBox showDeleted = new javafx.scene.control.CheckBox(Messages.get("customers.showDeleted"));
        showDeleted.setId("customer-show-deleted");
        showDeleted.selectedProperty().bindBidirectional(vm.showDeletedProperty());
        showDeleted.setOnAction(e -> vm.refresh());
        HBox box = new HBox(8, showDeleted);
        box.setAlignment(Pos.CENTER_LEFT);
        if (vm.canRestore()) {
            Button restore = new Button(Messages.get("customers.restore"));
            restore.setId("customer-restore");
            restore.visibleProperty().bind(vm.showDeletedProperty());
            restore.managedProperty().bind(restore.visibleProperty());
            restore.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                CustomerRow selected = table.getSelectionModel().getSelectedItem();
                return selected == null || !selected.deleted();
            }, table.getSelectionModel().selectedItemProperty(), vm.busyProperty()));
            restore.setOnAction(e -> vm.restore(table.getSelectionModel().getSelectedItem()));
            box.getChildren().add(restore);
        }
        return box;
    }

    /** Owner, tag and custom field filters, saved views and the column chooser. */
    private static javafx.scene.layout.FlowPane filterBar(CustomerListViewModel vm, MenuButton columns) {
        ComboBox<CustomerListViewModel.OwnerChoice> owner = new ComboBox<>(vm.owners());
        owner.setId("customer-owner-filter");
        owner.setPromptText(Messages.get("customers.filter.owner"));
        owner.setConverter(Forms.converter(o -> o == null ? Messages.get("customers.filter.owner") : o.name()));
        owner.valueProperty().bindBidirectional(vm.ownerProperty());
        owner.setOnAction(e -> vm.refresh());

        TextField tag = new TextField();
        tag.setId("customer-tag-filter");
        tag.setPromptText(Messages.get("customers.filter.tag"));
        tag.setPrefColumnCount(8);
        tag.textProperty().bindBidirectional(vm.tagProperty());
        tag.setOnAction(e -> vm.refresh());
        tag.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.refresh();
            }
        });

        ComboBox<CustomFieldDefinition> field = new ComboBox<>(vm.customFields());
        field.setId("customer-field-filter");
        field.setPromptText(Messages.get("customers.filter.field"));
        field.setConverter(Forms.converter(d -> d == null ? Messages.get("customers.filter.field") : d.label()));
        field.valueProperty().bindBidirectional(vm.customFieldProperty());
        TextField value = new TextField();
        value.setId("customer-field-value");
        value.setPromptText(Messages.get("customers.filter.value"));
        value.setPrefColumnCount(8);
        value.textProperty().bindBidirectional(vm.customFieldValueProperty());
        value.disableProperty().bind(field.valueProperty().isNull());
        value.setOnAction(e -> vm.refresh());
        field.setOnAction(e -> {
            if (!value.getText().isBlank()) {
                vm.refresh();
            }
        });

        Button clear = new Button(Messages.get("customers.filter.clear"));
        clear.setId("customer-clear-filters");
        clear.setOnAction(e -> vm.clearFilters());

        ComboBox<SavedView> views = new ComboBox<>(vm.views());
        views.setId("customer-views");
        views.setPromptText(Messages.get("customers.views.none"));
        views.setConverter(Forms.converter(v -> v == null ? Messages.get("customers.views.none")
                : v.shared() ? Messages.get("customers.views.shared", v.name()) : v.name()));
        views.valueProperty().bindBidirectional(vm.currentViewProperty());
        views.setOnAction(e -> {
            if (views.getValue() != null) {
                vm.apply(views.getValue());
            }
        });
        Button save = new Button(Messages.get("customers.views.save"));
        save.setId("customer-view-save");
        save.setOnAction(e -> askViewName(save, vm));
        Button delete = new Button(Messages.get("customers.views.delete"));
        delete.setId("customer-view-delete");
        delete.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.currentViewProperty().get() == null || !vm.currentViewProperty().get().mine(), vm.currentViewProperty()));
        delete.setOnAction(e -> vm.deleteCurrentView());

        // Filters on the left, views and columns after them; wraps onto a second line in a narrow window.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(10, 8, owner, tag, field, value, clear,
                new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), views, save, delete, columns);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static void askViewName(Node owner, CustomerListViewModel vm) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(Messages.get("customers.views.save").replace("\u2026", "").replace("…", ""));
        TextField name = new TextField(vm.currentViewProperty().get() != null && vm.currentViewProperty().get().mine()
                ? vm.currentViewProperty().get().name() : "");
        name.setId("view-name");
        name.setPromptText(Messages.get("customers.views.name"));
        javafx.scene.control.CheckBox shared = new javafx.scene.control.CheckBox(Messages.get("customers.views.shareIt"));
        shared.setId("view-shared");
        VBox box = new VBox(10, new Label(Messages.get("customers.views.name")), name, shared);
        box.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty()
                .bind(name.textProperty().isEmpty());
        javafx.application.Platform.runLater(name::requestFocus);
        dialog.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK)
                .ifPresent(b -> vm.saveView(name.getText(), shared.isSelected()));
    }


    private static String customValue(CustomerRow row, String key) {
        Object value = row.customFields().get(key);
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Collection<?> many) {
            return many.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "));
        }
        if (value instanceof Boolean yes) {
            return Messages.get(yes ? "common.yes" : "common.no");
        }
        return value.toString();
    }

    /** A column whose visibility follows the view model's visible columns, with a check item in the Columns menu. */
    private static void addColumn(TableView<CustomerRow> table, MenuButton menu, CustomerListViewModel vm, String key,
                                  String title, java.util.function.Function<CustomerRow, String> value, double width) {
        TableColumn<CustomerRow, String> column = column(title, value, width);
        column.setUserData(key);
        column.setSortable(false);
        column.setVisible(vm.visibleColumns().contains(key));
        CheckMenuItem item = new CheckMenuItem(title);
        item.setSelected(column.isVisible());
        item.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.visibleColumns().add(key);
            } else if (vm.visibleColumns().size() > 1) {
                vm.visibleColumns().remove(key);
            } else {
                item.setSelected(true); // keep at least one column
            }
        });
        vm.visibleColumns().addListener((javafx.collections.SetChangeListener<String>) change -> {
            boolean shown = vm.visibleColumns().contains(key);
            column.setVisible(shown);
            item.setSelected(shown);
        });
        table.getColumns().add(column);
        menu.getItems().add(item);
    }

    static StringConverter<CustomerStatus> statusConverter(String empty) {
        return Forms.converter((CustomerStatus s) -> s == null ? empty : Messages.get("customer.status." + s.name()));
    }

    private static TableColumn<CustomerRow, String> column(String title, java.util.function.Function<CustomerRow, String> value,
                                                           double width) {
        TableColumn<CustomerRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
