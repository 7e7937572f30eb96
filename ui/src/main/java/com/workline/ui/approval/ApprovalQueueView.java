package com.workline.ui.approval;

import com.workline.persistence.projects.ApprovalEvent;
import com.workline.ui.approval.ApprovalQueueViewModel.Decision;
import com.workline.ui.approval.ApprovalQueueViewModel.QueueItem;
import com.workline.ui.approval.ApprovalQueueViewModel.WeekLine;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import java.util.function.Function;

/**
 * Time › Approvals: the queue on the left (keyset pages as the person scrolls), the selected week read-only on the right
 * with its history. Keyboard: the queue has the focus, Up/Down choose a week, Ctrl+Enter (or Alt+A) approves it,
 * Ctrl+Shift+R (or Alt+R) asks for the reason to reject it, F5 reads the queue again.
 */
public final class ApprovalQueueView {
    private ApprovalQueueView() {
    }

    public static Screen create(ApprovalQueueViewModel vm) {
        TableView<QueueItem> queue = new TableView<>(vm.rows());
        queue.setId("approval-queue");
        queue.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        queue.setPlaceholder(new Label(Messages.get("approvals.none")));
        queue.getColumns().add(column(Messages.get("approvals.person"), q -> q.week().personName(), 110));
        queue.getColumns().add(column(Messages.get("approvals.week"), q -> vm.weekShort(q.week().weekStart()), 150));
        queue.getColumns().add(right(column(Messages.get("approvals.entries"), q -> String.valueOf(q.week().entries()), 72)));
        queue.getColumns().add(right(column(Messages.get("approvals.hours"), q -> vm.hours(q.week().minutes()), 65)));
        queue.getColumns().add(right(column(Messages.get("approvals.billableHours"), q -> vm.hours(q.week().billableMinutes()),
                75)));
        queue.getColumns().add(fixed(column(Messages.get("approvals.status"), q -> vm.decision(q.decision()), 90)));
        queue.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(QueueItem item, boolean empty) {
                super.updateItem(item, empty);
                // A decided week stays until the next refresh, dimmed.
                setOpacity(!empty && item != null && item.decision() != Decision.SUBMITTED ? 0.6 : 1);
            }
        });
        queue.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != null && queue.getSelectionModel().getSelectedItem() != now) {
                queue.getSelectionModel().select(now);
                queue.scrollTo(now);
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<QueueItem>) c -> {
            if (queue.getSelectionModel().isEmpty() && !vm.rows().isEmpty() && vm.selectedProperty().get() == null) {
                queue.getSelectionModel().selectFirst();
            }
        });
        queue.skinProperty().addListener((o, old, skin) -> queue.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                .map(n -> (ScrollBar) n).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((ob, was, now) -> {
                    if (now.doubleValue() > bar.getMax() * 0.9) {
                        vm.loadMore();
                    }
                })));

        Button approve = new Button(Messages.get("approvals.approve"));
        approve.setId("approval-approve");
        approve.setMnemonicParsing(true);
        approve.getStyleClass().add("accent");
        approve.disableProperty().bind(vm.decidableBinding().not().or(vm.busyProperty()));
        approve.setOnAction(e -> vm.approve());
        Button reject = new Button(Messages.get("approvals.reject"));
        reject.setId("approval-reject");
        reject.setMnemonicParsing(true);
        reject.disableProperty().bind(vm.decidableBinding().not().or(vm.busyProperty()));
        Runnable askReject = () -> {
            if (vm.decidableBinding().get()) {
                rejectDialog(vm, queue);
            }
        };
        reject.setOnAction(e -> askReject.run());
        Button refresh = new Button(Messages.get("approvals.refresh"));
        refresh.setId("approval-refresh");
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("approval-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox actions = new HBox(10, approve, reject, refresh, busy, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label keys = new Label(Messages.get("approvals.keys"));
        keys.getStyleClass().add("text-muted");

        SplitPane split = new SplitPane(queue, week(vm));
        split.setDividerPositions(0.46);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox page = new VBox(12, Forms.title(Messages.get("approvals.title")), actions, keys, split);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("approvals");
        vm.refresh();
        javafx.application.Platform.runLater(queue::requestFocus);
        return Screen.of(page)
                .shortcut(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), vm::approve)
                .shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), askReject)
                .shortcut(new KeyCodeCombination(KeyCode.F5), vm::refresh)
                .whenShownAgain(vm::refresh);
    }

    /** The selected week: a summary line, its entries by day, and its history. */
    private static Node week(ApprovalQueueViewModel vm) {
        Label summary = new Label();
        summary.setId("approval-week-summary");
        summary.getStyleClass().add("title-4");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.weekSummaryProperty());
        TableView<WeekLine> entries = new TableView<>(vm.weekLines());
        entries.setId("approval-week-entries");
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entries.setPlaceholder(new Label(Messages.get("approvals.week.none")));
        entries.getColumns().add(column(Messages.get("approvals.entry.project"), l -> l.heading() ? vm.day(l.day())
                : l.entry().projectNumber() + " " + l.entry().projectName(), 220));
        entries.getColumns().add(column(Messages.get("approvals.entry.task"), l -> l.heading() || l.entry().taskName() == null ? ""
                : l.entry().taskName(), 120));
        entries.getColumns().add(right(column(Messages.get("approvals.hours"), l -> vm.hours(l.heading() ? l.dayMinutes()
                : l.entry().rawMinutes()), 65)));
        // Non-billable time shows a dash (it never carries revenue).
        entries.getColumns().add(right(column(Messages.get("approvals.billableHours"), l -> l.heading() ? ""
                : l.entry().billable() ? vm.hours(l.entry().billableMinutes()) : "\u2013", 75)));
        entries.getColumns().add(fixed(column(Messages.get("approvals.status"), l -> l.heading() ? "" : vm.status(l.entry()), 90)));
        entries.getColumns().add(column(Messages.get("approvals.entry.description"), l -> l.heading()
                || l.entry().description() == null ? "" : l.entry().description(), 160));
        entries.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WeekLine item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && item.heading() ? "-fx-font-weight: bold;" : "");
            }
        });
        ListView<ApprovalEvent> history = new ListView<>(vm.history());
        history.setId("approval-week-history");
        history.setPrefHeight(110);
        history.setPlaceholder(new Label(Messages.get("approvals.history.none")));
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ApprovalEvent item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.event(item));
            }
        });
        Label historyTitle = new Label(Messages.get("approvals.history"));
        historyTitle.getStyleClass().add("title-4");
        VBox box = new VBox(8, summary, entries, historyTitle, history);
        VBox.setVgrow(entries, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    /** Asks for the reason (required, shown next to the field); the dialog closes only once the week is rejected. */
    static void rejectDialog(ApprovalQueueViewModel vm, Node owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Messages.get("approvals.reject.title"));
        dialog.setHeaderText(vm.weekSummaryProperty().get());
        dialog.initModality(Modality.WINDOW_MODAL);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        vm.errors().clear();
        TextArea reason = new TextArea();
        reason.setId("approval-reject-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(vm.rejectReasonProperty());
        GridPane grid = Forms.grid();
        Forms.row(grid, 0, Messages.get("approvals.reject.reason"), reason, vm.errors().of("reason"));
        dialog.getDialogPane().setContent(grid);
        ButtonType rejectType = new ButtonType(Messages.get("approvals.reject.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(rejectType, ButtonType.CANCEL);
        Button confirm = (Button) dialog.getDialogPane().lookupButton(rejectType);
        confirm.setId("approval-reject-confirm");
        confirm.disableProperty().bind(vm.busyProperty());
        // The dialog stays open until the rejection is done; a missing reason or a refusal is shown in it.
        confirm.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.reject(() -> {
                dialog.setResult(rejectType);
                dialog.close();
            });
        });
        // Ctrl+Enter in the reason confirms (Enter makes a new line).
        reason.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                confirm.fire();
            }
        });
        dialog.setOnShown(e -> reason.requestFocus());
        dialog.setOnHidden(e -> reason.textProperty().unbindBidirectional(vm.rejectReasonProperty()));
        dialog.show();
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    /** Figures: right-aligned and never narrower than their width (names and descriptions give way instead). */
    private static <T> TableColumn<T, String> right(TableColumn<T, String> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return fixed(column);
    }

    private static <T> TableColumn<T, String> fixed(TableColumn<T, String> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }
}
