package com.workline.ui.quoting;

import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteSend;
import com.workline.ui.common.Messages;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The quote editor's "E-mail…" button and the list of the quote's sends beside its history. */
final class QuoteSendsView {
    private QuoteSendsView() {
    }

    /** What the editor places: the button among its actions, the list beside the history. */
    record Parts(Button button, Node list) {
    }

    static Parts create(QuoteSendsViewModel vm, ObservableValue<QuoteDetails> quote, Runnable email) {
        Button button = new Button(Messages.get("quote.email"));
        button.setId("quote-email");
        button.setOnAction(e -> email.run());
        Runnable enable = () -> button.setDisable(!vm.canEmail(quote.getValue()));
        enable.run();
        quote.addListener((o, was, now) -> {
            enable.run();
            vm.show(now);
        });

        ListView<QuoteSend> sends = new ListView<>(vm.sends());
        sends.setId("quote-sends");
        sends.setPrefHeight(140);
        sends.setPlaceholder(new Label(Messages.get("quote.sends.none")));
        sends.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QuoteSend send, boolean empty) {
                super.updateItem(send, empty);
                setText(empty || send == null ? null : vm.describe(send));
                setTooltip(empty || send == null ? null : new Tooltip(vm.details(send)));
            }
        });
        Label failure = new Label();
        failure.getStyleClass().add("danger");
        failure.textProperty().bind(vm.messageProperty());
        failure.visibleProperty().bind(failure.textProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        return new Parts(button, new VBox(6, new Label(Messages.get("quote.sends")), sends, failure));
    }
}
