package com.workline.ui.catalog;

import com.workline.persistence.catalog.ProductQuery;
import com.workline.persistence.catalog.ProductRow;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** Catalog › Products: the search field, the table (keyset pages while scrolling) and New product for writers. */
public final class ProductListView {
    /** How long the typing pauses before the search runs. */
    private static final Duration SEARCH_PAUSE = Duration.millis(80);

    private ProductListView() {
    }

    /** @param open opens a product (null: a new one); {@code canCreate} offers New product */
    public static Screen create(ProductListViewModel vm, Consumer<UUID> open, boolean canCreate) {
        TextField search = new TextField();
        search.setId("product-search");
        search.setPromptText(Messages.get("products.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        PauseTransition pause = new PauseTransition(SEARCH_PAUSE);
        pause.setOnFinished(e -> vm.refresh());
        search.textProperty().addListener((o, was, now) -> pause.playFromStart());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<ProductQuery.Sort> sort = new ComboBox<>();
        sort.setId("product-sort");
        sort.getItems().setAll(ProductQuery.Sort.values());
        sort.setConverter(Forms.converter(s -> s == null ? "" : Messages.get("products.sort." + s.name())));
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        sort.setOnAction(e -> vm.refresh());

        CheckBox inactive = new CheckBox(Messages.get("products.showInactive"));
        inactive.setId("product-show-inactive");
        inactive.selectedProperty().bindBidirectional(vm.showInactiveProperty());
        inactive.setOnAction(e -> vm.refresh());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());

        HBox toolbar = new HBox(10, search, sort, inactive, busy);
        if (canCreate) {
            Button add = new Button(Messages.get("products.new"));
            add.setId("product-new");
            add.getStyleClass().add("accent");
            add.setOnAction(e -> open.accept(null));
            toolbar.getChildren().add(3, add);
        }
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<ProductRow> table = new TableView<>(vm.rows());
        table.setId("product-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("products.none")));
        table.getColumns().add(column(Messages.get("product.code"), ProductRow::code, 120));
        table.getColumns().add(column(Messages.get("product.name"),
                r -> r.active() ? r.name() : Messages.get("products.inactive", r.name()), 300));
        table.getColumns().add(column(Messages.get("product.type"), r -> Messages.get("product.type." + r.type().name()), 130));
        table.getColumns().add(column(Messages.get("product.unit"), r -> r.unitCode() == null ? "" : r.unitCode(), 80));
        TableColumn<ProductRow, String> price = column(Messages.get("product.salePrice"), r -> vm.price(r.salePrice()), 120);
        price.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(price);
        table.setRowFactory(t -> {
            TableRow<ProductRow> row = new TableRow<>();
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
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                .map(n -> (ScrollBar) n).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((ob, was, now) -> {
                    if (now.doubleValue() > bar.getMax() * 0.9) {
                        vm.loadMore();
                    }
                })));
        search.setOnAction(e -> {
            if (!table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });

        Label message = new Label();
        message.setId("product-list-message");
        message.textProperty().bind(vm.messageProperty());

        VBox page = new VBox(12, Forms.title(Messages.get("products.title")), toolbar, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("products");
        vm.refresh();
        Screen screen = Screen.of(page)
                .shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
        if (canCreate) {
            screen.shortcut(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> open.accept(null));
        }
        return screen.whenShownAgain(vm::refresh);
    }

    private static TableColumn<ProductRow, String> column(String title, Function<ProductRow, String> value, double width) {
        TableColumn<ProductRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
