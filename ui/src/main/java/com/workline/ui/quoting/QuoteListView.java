package com.workline.ui.quoting;

import com.workline.persistence.quoting.QuoteRow;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.ui.common.Forms;
import com.workline.ui.common.CustomerPicker;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** Sales › Quotes: status tabs with count and total, search as you type, the table, and New quote for writers. */
public final class QuoteListView {
    private static final Duration SEARCH_PAUSE = Duration.millis(80);

    private QuoteListView() {
    }

    /** @param open opens a quote; {@code canCreate} offers New quote (Ctrl+N) */
    public static Screen create(QuoteListViewModel vm, Consumer<UUID> open, boolean canCreate) {
        TextField search = new TextField();
        search.setId("quote-search");
        search.setPromptText(Messages.get("quotes.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        PauseTransition pause = new PauseTransition(SEARCH_PAUSE);
        pause.setOnFinished(e -> vm.refresh());
        search.textProperty().addListener((o, was, now) -> pause.playFromStart());
        HBox.setHgrow(search, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());

        HBox toolbar = new HBox(10, search, busy);
        Runnable newQuote = () -> CustomerPicker.choose(vm::findCustomers, search, Messages.get("quotes.newCustomerPrompt"), "quote").ifPresent(customer -> vm.createDraft(customer, open));
        if (canCreate) {
            Button add = new Button(Messages.get("quotes.new"));
            add.setId("quote-new");
            add.getStyleClass().add("accent");
            add.setOnAction(e -> newQuote.run());
            toolbar.getChildren().add(1, add);
        }
        toolbar.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.ComboBox<com.workline.persistence.quoting.QuoteOwner> owner =
                new javafx.scene.control.ComboBox<>();
        owner.setId("quote-owner");
        owner.setPromptText(Messages.get("quotes.filter.everyone"));
        vm.owners().addListener((javafx.collections.ListChangeListener<com.workline.persistence.quoting.QuoteOwner>) c -> {
            var chosen = owner.getValue();
            owner.getItems().setAll(new java.util.ArrayList<>(java.util.Collections.singletonList(null)));
            owner.getItems().addAll(vm.owners());
            owner.setValue(chosen);
        });
        owner.setConverter(com.workline.ui.common.Forms.converter(
                (com.workline.persistence.quoting.QuoteOwner o) -> o == null ? Messages.get("quotes.filter.everyone") : o.name()));
        owner.valueProperty().bindBidirectional(vm.ownerProperty());
        owner.setOnAction(e -> vm.refresh());
        javafx.scene.control.DatePicker from = new javafx.scene.control.DatePicker();
        from.setId("quote-from");
        from.setPromptText(Messages.get("quotes.filter.from"));
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.valueProperty().addListener((o, was, now) -> vm.refresh());
        javafx.scene.control.DatePicker to = new javafx.scene.control.DatePicker();
        to.setId("quote-to");
        to.setPromptText(Messages.get("quotes.filter.to"));
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.valueProperty().addListener((o, was, now) -> vm.refresh());
        Label ownerLabel = new Label(Messages.get("quotes.filter.owner"));
        Label createdLabel = new Label(Messages.get("quotes.filter.created"));
        HBox filters = new HBox(8, ownerLabel, owner, createdLabel, from, new Label("\u2013"), to);
        filters.setAlignment(Pos.CENTER_LEFT);

        TabPane tabs = new TabPane();
        tabs.setId("quote-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Map<QuoteStatus, Tab> byStatus = new LinkedHashMap<>();
        for (QuoteStatus status : QuoteListViewModel.TABS) {
            Tab tab = new Tab(vm.tabCaption(status));
            tab.setId("quote-tab-" + status.databaseValue());
            tab.setUserData(status);
            byStatus.put(status, tab);
            tabs.getTabs().add(tab);
        }
        vm.tabTotals().addListener((MapChangeListener<QuoteStatus, Object>) c ->
                byStatus.forEach((status, tab) -> tab.setText(vm.tabCaption(status))));
        tabs.getSelectionModel().select(byStatus.get(vm.tabProperty().get()));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.tabProperty().set((QuoteStatus) now.getUserData());
                vm.refresh();
            }
        });

        TableView<QuoteRow> table = new TableView<>(vm.rows());
        table.setId("quote-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("quotes.none")));
        table.getColumns().add(column(Messages.get("quotes.number"),
                r -> r.number() == null ? Messages.get("quotes.draftNumber") : r.number(), 140));
        table.getColumns().add(column(Messages.get("quotes.customer"), r -> nz(r.customerName()), 220));
        table.getColumns().add(column(Messages.get("quotes.quoteTitle"), r -> nz(r.title()), 260));
        table.getColumns().add(column(Messages.get("quotes.validUntil"),
                r -> r.validUntil() == null ? "" : vm.date(r.validUntil()), 110));
        TableColumn<QuoteRow, String> total = column(Messages.get("quotes.total"),
                r -> vm.money(r.total(), r.currency()), 130);
        total.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(total);
        table.setRowFactory(t -> {
            TableRow<QuoteRow> row = new TableRow<>();
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
        message.setId("quote-list-message");
        message.textProperty().bind(vm.messageProperty());

        VBox page = new VBox(12, Forms.title(Messages.get("quotes.title")), toolbar, filters, tabs, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("quotes");
        vm.open();
        Screen screen = Screen.of(page)
                .shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
        if (canCreate) {
            screen.shortcut(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), newQuote);
        }
        return screen.whenShownAgain(vm::refresh);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static TableColumn<QuoteRow, String> column(String title, Function<QuoteRow, String> value, double width) {
        TableColumn<QuoteRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
