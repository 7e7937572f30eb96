package com.workline.ui.projects;

import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.TaskStatus;
import com.workline.ui.common.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.UUID;

/**
 * A project's tasks as a board: a column per status, a card per task. A card is dragged onto another column, or moved
 * with Ctrl+Right/Ctrl+Left to the next or previous column, or through its context menu (Shift+F10).
 */
final class TaskBoardView {
    private TaskBoardView() {
    }

    static Node create(ProjectTasksViewModel vm) {
        HBox board = new HBox(12);
        board.setId("task-board");
        board.setPadding(new Insets(8, 0, 8, 0));
        boolean[] keyboardMove = new boolean[1];
        Runnable fill = () -> {
            boolean focusInBoard = keyboardMove[0];
            keyboardMove[0] = false;
            board.getChildren().clear();
            for (TaskStatus status : TaskStatus.values()) {
                board.getChildren().add(column(vm, status, keyboardMove));
            }
            // A card moved by keyboard keeps the focus in its new column, so it can be moved on.
            UUID focus = vm.focusProperty().get();
            if (focusInBoard && focus != null) {
                Node card = board.lookup("#task-card-" + focus);
                if (card != null) {
                    card.requestFocus();
                }
            }
        };
        vm.tasks().addListener((ListChangeListener<ProjectTask>) c -> fill.run());
        vm.people().addListener((ListChangeListener<Person>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(board);
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(360);
        return scroll;
    }

    private static Node column(ProjectTasksViewModel vm, TaskStatus status, boolean[] keyboardMove) {
        var tasks = vm.withStatus(status);
        Label title = new Label(Messages.get("projects.board.column", vm.status(status), tasks.size()));
        title.getStyleClass().add("title-4");
        VBox cards = new VBox(6);
        for (ProjectTask task : tasks) {
            cards.getChildren().add(card(vm, task, keyboardMove));
        }
        VBox column = new VBox(8, title, cards);
        column.setId("task-column-" + status.databaseValue().replace('_', '-'));
        column.getStyleClass().add("pipeline-column");
        column.setPrefWidth(240);
        column.setMinWidth(200);
        column.setPadding(new Insets(10));
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(TaskTreeView.TASK) && vm.editable()) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        column.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            ProjectTask task = board.hasContent(TaskTreeView.TASK)
                    ? vm.byId(UUID.fromString((String) board.getContent(TaskTreeView.TASK))) : null;
            vm.status(task, status);
            e.setDropCompleted(task != null);
            e.consume();
        });
        return column;
    }

    private static Node card(ProjectTasksViewModel vm, ProjectTask task, boolean[] keyboardMove) {
        Label name = new Label(task.name());
        name.getStyleClass().add("text-bold");
        name.setWrapText(true);
        VBox card = new VBox(2, name);
        String parent = vm.path(task);
        if (!parent.isEmpty()) {
            Label in = new Label(Messages.get("projects.board.subtaskOf", parent));
            in.getStyleClass().addAll("text-small", "text-muted");
            card.getChildren().add(in);
        }
        String who = vm.assignee(task);
        String when = vm.date(task.dueDate());
        if (!who.isEmpty() || !when.isEmpty()) {
            Label details = new Label(who.isEmpty() ? when : when.isEmpty() ? who : who + "  \u00b7  " + when);
            details.getStyleClass().add("text-small");
            card.getChildren().add(details);
        }
        card.setId("task-card-" + task.id());
        card.getStyleClass().addAll("card-form", "task-card");
        card.setPadding(new Insets(8));
        card.setFocusTraversable(true);
        card.setAccessibleText(task.name() + ", " + vm.status(task.status()));

        Menu moveTo = new Menu(Messages.get("projects.board.moveTo"));
        for (TaskStatus target : TaskStatus.values()) {
            if (target != task.status()) {
                MenuItem item = new MenuItem(vm.status(target));
                item.setId("task-move-" + target.name().toLowerCase(Locale.ROOT));
                item.setOnAction(e -> {
                    keyboardMove[0] = true;
                    vm.status(task, target);
                });
                moveTo.getItems().add(item);
            }
        }
        ContextMenu menu = new ContextMenu(moveTo);
        card.setOnContextMenuRequested(e -> {
            if (vm.editable()) {
                menu.show(card, e.getScreenX(), e.getScreenY());
            }
        });
        card.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                card.requestFocus();
            }
        });
        card.setOnKeyPressed(e -> {
            int step = e.isShortcutDown() && e.getCode() == KeyCode.RIGHT ? 1
                    : e.isShortcutDown() && e.getCode() == KeyCode.LEFT ? -1 : 0;
            if (step != 0) {
                int next = task.status().ordinal() + step;
                if (next >= 0 && next < TaskStatus.values().length) {
                    keyboardMove[0] = true;
                    vm.status(task, TaskStatus.values()[next]);
                }
                e.consume();
            } else if (vm.editable() && (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                var bounds = card.localToScreen(card.getBoundsInLocal());
                menu.show(card, bounds.getMinX(), bounds.getMaxY());
                e.consume();
            }
        });
        card.setOnDragDetected(e -> {
            if (!vm.editable()) {
                return;
            }
            Dragboard board = card.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(TaskTreeView.TASK, task.id().toString());
            board.setContent(content);
            e.consume();
        });
        card.setAlignment(Pos.TOP_LEFT);
        return card;
    }
}
