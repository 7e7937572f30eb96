package com.workline.ui.quoting;

import com.workline.persistence.quoting.QuoteRow;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** The Quotes tab on a customer record: Enter or a double-click opens a quote; "New quote" drafts one. */
final class CustomerQuotesView {
    private CustomerQuotesView() {
    }

    static Screen create(CustomerQuotesViewModel vm, Consumer<UUID> open, boolean canCreate) {
        TableView<QuoteRow> table = new TableView<>(vm.rows());
        table.setId("customer-quotes");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("quotes.customerTab.none")));
        table.getColumns().add(column(Messages.get("quotes.number"), vm::number, 120));
        table.getColumns().add(column(Messages.get("quotes.quoteTitle"), r -> r.title() == null ? "" : r.title(), 150));
        table.getColumns().add(column(Messages.get("quotes.status"), vm::status, 90));
        TableColumn<QuoteRow, String> total = column(Messages.get("quotes.total"), vm::total, 110);
        total.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(total);
        table.getColumns().add(column(Messages.get("quotes.validUntil"), r -> vm.date(r.validUntil()), 100));
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
            QuoteRow chosen = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                open.accept(chosen.id());
            }
        });
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox actions = new HBox(10);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (canCreate) {
            Button add = new Button(Messages.get("quotes.customerTab.new"));
            add.setId("customer-new-quote");
            add.setOnAction(e -> vm.newQuote(open));
            actions.getChildren().add(add);
        }
        actions.getChildren().add(message);
        VBox box = new VBox(8, actions, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        vm.load();
        return Screen.of(box).whenShownAgain(vm::load);
    }

    private static TableColumn<QuoteRow, String> column(String title, Function<QuoteRow, String> value, double width) {
        TableColumn<QuoteRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
