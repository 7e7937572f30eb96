package com.workline.ui.crm;

import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

    public static Node create(CustomerListViewModel vm, Consumer<UUID> open) {
        return create(vm, open, null);
    }

    /** @param startImport opens the import wizard, or null where the person may not create customers */
    public static Node create(CustomerListViewModel vm, Consumer<UUID> open, Runnable startImport) {
        TextField search = new TextField();
        search.setId("customer-search");
        search.setPromptText(Messages.get("customers.search"));
        search.setPrefColumnCount(28);
        search.textProperty().bindBidirectional(vm.searchProperty());
        // Search as you type, once the typing pauses.
        PauseTransition pause = new PauseTransition(Duration.millis(250));
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
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(CustomerQuery.Sort s) {
                return s == null ? "" : Messages.get("customers.sort." + s.name());
            }

            @Override
            public CustomerQuery.Sort fromString(String s) {
                return null;
            }
        });
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
        table.getColumns().add(column(Messages.get("customer.number"), CustomerRow::number, 100));
        table.getColumns().get(0).setMinWidth(95);
        table.getColumns().add(column(Messages.get("customer.name"), CustomerRow::name, 260));
        table.getColumns().add(column(Messages.get("customer.status"),
                r -> Messages.get("customer.status." + r.status().name()), 100));
        table.getColumns().add(column(Messages.get("customer.email"), CustomerRow::email, 220));
        table.getColumns().add(column(Messages.get("customer.phone"), CustomerRow::phone, 150));
        table.getColumns().add(column(Messages.get("customer.owner"), CustomerRow::ownerName, 140));
        table.getColumns().add(column(Messages.get("customers.tags"), r -> String.join(", ", r.tags()), 140));
        table.getColumns().forEach(c -> c.setSortable(false)); // sorting is the server's: see the sort box
        table.setRowFactory(t -> {
            TableRow<CustomerRow> row = new TableRow<>();
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
        VBox page = new VBox(12, Forms.title(Messages.get("customers.title")), toolbar, status2, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("customers");
        page.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> open.accept(null));
            }
        });
        vm.refresh();
        return page;
    }

    static StringConverter<CustomerStatus> statusConverter(String empty) {
        return new StringConverter<>() {
            @Override
            public String toString(CustomerStatus s) {
                return s == null ? empty : Messages.get("customer.status." + s.name());
            }

            @Override
            public CustomerStatus fromString(String s) {
                return null;
            }
        };
    }

    private static TableColumn<CustomerRow, String> column(String title, java.util.function.Function<CustomerRow, String> value,
                                                           double width) {
        TableColumn<CustomerRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
