package com.workline.ui.quoting;

import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * "E-mail quote": To, Cc, subject and text, the PDF as attachment, and the two ways to send (docs/mail.md). The dialog
 * stays open after sending to show the result; closing it never stops a send that is under way (it is still recorded).
 */
public final class SendQuoteDialog {
    private SendQuoteDialog() {
    }

    /** Asks whether a draft may be sent (numbered) before it is e-mailed. */
    static boolean confirmSendingDraft(Node owner) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("quote.email.confirmDraft"), ButtonType.OK,
                ButtonType.CANCEL);
        confirm.setHeaderText(null);
        if (owner != null && owner.getScene() != null) {
            confirm.initOwner(owner.getScene().getWindow());
        }
        return confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /**
     * Shows the dialog (not blocking) and starts loading its text.
     *
     * @param openProfile shows My profile, where the outgoing mail server is set up
     * @param closed      runs when the dialog is closed (the caller closes the dialog's task scope)
     */
    public static Dialog<Void> show(Window owner, SendQuoteViewModel vm, Runnable openProfile, Runnable closed) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(Messages.get("sendQuote.title", vm.quote().number()));
        dialog.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);

        TextField to = field("quote-email-to", vm.toProperty());
        to.setPromptText(Messages.get("sendQuote.addressesPrompt"));
        TextField cc = field("quote-email-cc", vm.ccProperty());
        cc.setPromptText(Messages.get("sendQuote.addressesPrompt"));
        TextField subject = field("quote-email-subject", vm.subjectProperty());
        TextArea body = new TextArea();
        body.setId("quote-email-body");
        body.setWrapText(true);
        body.setPrefRowCount(10);
        body.textProperty().bindBidirectional(vm.bodyProperty());
        Label attachment = new Label(vm.attachmentName());
        attachment.setId("quote-email-attachment");
        GridPane form = Forms.grid();
        Forms.row(form, 0, Messages.get("sendQuote.to"), to, vm.errors().of("to"));
        Forms.row(form, 1, Messages.get("sendQuote.cc"), cc, vm.errors().of("cc"));
        Forms.row(form, 2, Messages.get("sendQuote.subject"), subject, vm.errors().of("subject"));
        Forms.row(form, 3, Messages.get("sendQuote.body"), body, vm.errors().of("body"));
        Forms.row(form, 4, Messages.get("sendQuote.attachment"), attachment, vm.errors().of("attachments"));
        GridPane.setVgrow(body, Priority.ALWAYS);

        Button draft = new Button(Messages.get("sendQuote.openDraft"));
        draft.setId("quote-email-draft");
        draft.setOnAction(e -> vm.openDraft());
        Button send = new Button(Messages.get("sendQuote.sendNow"));
        send.setId("quote-email-send");
        send.getStyleClass().add("accent");
        send.setOnAction(e -> vm.sendNow());
        var working = vm.busyProperty().or(vm.outcomeProperty().isEqualTo(SendQuoteViewModel.Outcome.LOADING));
        draft.disableProperty().bind(working);
        send.disableProperty().bind(working.or(vm.smtpAvailableProperty().not()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        HBox actions = new HBox(10, draft, send, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label noSmtp = new Label(Messages.get("sendQuote.noSmtp"));
        noSmtp.getStyleClass().add("text-muted");
        Hyperlink setUp = new Hyperlink(Messages.get("sendQuote.setUp"));
        setUp.setId("quote-email-setup");
        setUp.setOnAction(e -> {
            dialog.close();
            openProfile.run();
        });
        HBox hint = new HBox(4, noSmtp, setUp);
        hint.setAlignment(Pos.CENTER_LEFT);
        var showHint = vm.smtpAvailableProperty().not().and(vm.outcomeProperty().isNotEqualTo(SendQuoteViewModel.Outcome.LOADING));
        hint.visibleProperty().bind(showHint);
        hint.managedProperty().bind(showHint);

        Label result = new Label();
        result.setId("quote-email-message");
        result.setWrapText(true);
        result.textProperty().bind(vm.messageProperty());
        vm.outcomeProperty().addListener((o, was, now) -> {
            result.getStyleClass().removeAll("success", "danger");
            if (now == SendQuoteViewModel.Outcome.DONE) {
                result.getStyleClass().add("success");
            } else if (now == SendQuoteViewModel.Outcome.FAILED) {
                result.getStyleClass().add("danger");
            }
        });
        // The saved draft's path can be selected and copied when the system could not open it.
        TextField path = new TextField();
        path.setId("quote-email-draft-file");
        path.setEditable(false);
        path.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.draftFileProperty().get() == null
                ? "" : vm.draftFileProperty().get().toAbsolutePath().toString(), vm.draftFileProperty()));
        path.visibleProperty().bind(vm.draftFileProperty().isNotNull());
        path.managedProperty().bind(path.visibleProperty());

        VBox content = new VBox(12, form, actions, hint, result, path);
        content.setPrefWidth(640);
        content.setId("quote-email-dialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setOnHidden(e -> closed.run());
        dialog.show();
        vm.load();
        return dialog;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
