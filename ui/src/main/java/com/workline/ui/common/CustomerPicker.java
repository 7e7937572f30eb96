package com.workline.ui.common;

import com.workline.persistence.crm.CustomerRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The customer picker of every area that needs one (a new quote, the quote editor, a project). */
public final class CustomerPicker {
    private CustomerPicker() {
    }

    /** Asks for a customer: a search field and the matching customers (Enter moves to the list, OK chooses). */
    /**
     * @param prompt   the dialog's title and the search field's hint
     * @param idPrefix node ids are {@code <prefix>-customer-search} and {@code <prefix>-customer-list}
     */
    public static Optional<CustomerRow> choose(BiConsumer<String, Consumer<List<CustomerRow>>> find, Node owner,
                                               String prompt, String idPrefix) {
        Dialog<CustomerRow> dialog = new Dialog<>();
        dialog.setTitle(prompt);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        TextField term = new TextField();
        term.setId(idPrefix + "-customer-search");
        term.setPromptText(prompt);
        ListView<CustomerRow> found = new ListView<>();
        found.setId(idPrefix + "-customer-list");
        found.setPrefSize(420, 260);
        found.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CustomerRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " \u00b7 " + nz(item.number()));
            }
        });
        term.textProperty().addListener((o, was, now) -> find.accept(now, rows -> {
            found.getItems().setAll(rows);
            found.getSelectionModel().selectFirst();
        }));
        term.setOnAction(e -> found.requestFocus());
        find.accept("", rows -> {
            found.getItems().setAll(rows);
            found.getSelectionModel().selectFirst();
        });
        dialog.getDialogPane().setContent(new VBox(8, term, found));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        found.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && found.getSelectionModel().getSelectedItem() != null) {
                ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK && found.getSelectionModel().getSelectedItem() != null
                ? found.getSelectionModel().getSelectedItem() : null);
        javafx.application.Platform.runLater(term::requestFocus);
        return dialog.showAndWait();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
