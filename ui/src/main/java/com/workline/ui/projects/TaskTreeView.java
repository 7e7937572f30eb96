package com.workline.ui.projects;

import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.TaskStatus;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.cell.ChoiceBoxTreeTableCell;
import javafx.scene.control.cell.ComboBoxTreeTableCell;
import javafx.scene.control.cell.TextFieldTreeTableCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project's tasks as a tree: name, status, estimate, assignee and due date edited in place (F2 or a click), Insert
 * adds a task after the selected one and Shift+Insert a subtask (both named at once), Alt+Up/Alt+Down move a task
 * among its siblings, Ctrl+Right/Ctrl+Left indent and outdent it; rows can be dragged onto another task (its upper
 * edge: before it, its lower edge: after it, the middle: below it).
 */
final class TaskTreeView {
    static final DataFormat TASK = new DataFormat("application/x-workline-task");

    private TaskTreeView() {
    }

    static Node create(ProjectTasksViewModel vm) {
        TreeTableView<ProjectTask> tree = new TreeTableView<>(new TreeItem<>());
        tree.setId("task-tree");
        tree.setShowRoot(false);
        tree.setEditable(true);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label(Messages.get("projects.tasks.none")));
        tree.setPrefHeight(320);

        TreeTableColumn<ProjectTask, String> name = new TreeTableColumn<>(Messages.get("projects.task.name"));
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue() == null ? "" : c.getValue().getValue().name()));
        name.setCellFactory(TextFieldTreeTableCell.forTreeTableColumn());
        name.setOnEditCommit(e -> vm.rename(e.getRowValue().getValue(), e.getNewValue()));
        name.setPrefWidth(300);

        TreeTableColumn<ProjectTask, TaskStatus> status = new TreeTableColumn<>(Messages.get("projects.task.status"));
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue() == null ? null
                : c.getValue().getValue().status()));
        status.setCellFactory(ChoiceBoxTreeTableCell.forTreeTableColumn(
                Forms.converter(s -> s == null ? "" : vm.status(s)), TaskStatus.values()));
        status.setOnEditCommit(e -> vm.status(e.getRowValue().getValue(), e.getNewValue()));
        status.setPrefWidth(120);

        TreeTableColumn<ProjectTask, String> estimate = new TreeTableColumn<>(Messages.get("projects.task.estimate"));
        estimate.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue() == null ? ""
                : vm.estimate(c.getValue().getValue())));
        estimate.setCellFactory(TextFieldTreeTableCell.forTreeTableColumn());
        estimate.setOnEditCommit(e -> vm.estimate(e.getRowValue().getValue(), e.getNewValue()));
        estimate.setStyle("-fx-alignment: CENTER-RIGHT;");
        estimate.setPrefWidth(100);

        ObservableList<Person> assignees = FXCollections.observableArrayList();
        Runnable fillAssignees = () -> {
            List<Person> all = new ArrayList<>();
            all.add(null);
            all.addAll(vm.people());
            assignees.setAll(all);
            tree.refresh();
        };
        vm.people().addListener((ListChangeListener<Person>) c -> fillAssignees.run());
        fillAssignees.run();
        TreeTableColumn<ProjectTask, Person> assignee = new TreeTableColumn<>(Messages.get("projects.task.assignee"));
        assignee.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue() == null ? null
                : vm.assigneeOf(c.getValue().getValue())));
        assignee.setCellFactory(ComboBoxTreeTableCell.forTreeTableColumn(
                Forms.converter(p -> p == null ? Messages.get("projects.task.nobody") : p.name()), assignees));
        assignee.setOnEditCommit(e -> vm.assign(e.getRowValue().getValue(), e.getNewValue()));
        assignee.setPrefWidth(160);

        TreeTableColumn<ProjectTask, LocalDate> due = new TreeTableColumn<>(Messages.get("projects.task.due"));
        due.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue() == null ? null
                : c.getValue().getValue().dueDate()));
        due.setCellFactory(c -> new DueCell(vm));
        due.setOnEditCommit(e -> vm.due(e.getRowValue().getValue(), e.getNewValue()));
        due.setPrefWidth(130);
        tree.getColumns().setAll(List.of(name, status, estimate, assignee, due));

        vm.tasks().addListener((ListChangeListener<ProjectTask>) c -> rebuild(tree, vm));
        vm.focusProperty().addListener((o, was, id) -> select(tree, id));
        tree.setRowFactory(t -> draggableRow(vm, tree));

        Runnable addAfter = () -> vm.add(selected(tree), false, id -> editName(tree, name, id));
        Runnable addBelow = () -> vm.add(selected(tree), true, id -> editName(tree, name, id));
        tree.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (tree.getEditingCell() != null || !vm.editable()) {
                return;
            }
            ProjectTask task = selected(tree);
            boolean handled = true;
            if (e.getCode() == KeyCode.INSERT && e.isShiftDown()
                    || e.getCode() == KeyCode.ENTER && e.isShortcutDown() && e.isShiftDown()) {
                addBelow.run();
            } else if (e.getCode() == KeyCode.INSERT || e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                addAfter.run();
            } else if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                vm.moveUp(task);
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                vm.moveDown(task);
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.RIGHT) {
                vm.indent(task);
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.LEFT) {
                vm.outdent(task);
            } else if (e.getCode() == KeyCode.F2 && task != null) {
                tree.edit(tree.getSelectionModel().getSelectedIndex(), name);
            } else {
                handled = false;
            }
            if (handled) {
                e.consume();
            }
        });

        Button newTask = button("task-add", "projects.tasks.add", addAfter);
        Button newSubtask = button("task-add-child", "projects.tasks.addChild", addBelow);
        Button up = button("task-up", "projects.tasks.up", () -> vm.moveUp(selected(tree)));
        Button down = button("task-down", "projects.tasks.down", () -> vm.moveDown(selected(tree)));
        Button in = button("task-indent", "projects.tasks.indent", () -> vm.indent(selected(tree)));
        Button out = button("task-outdent", "projects.tasks.outdent", () -> vm.outdent(selected(tree)));
        HBox tools = new HBox(8, newTask, newSubtask, up, down, in, out);
        tools.setAlignment(Pos.CENTER_LEFT);
        Runnable enable = () -> {
            tools.setDisable(!vm.editable());
            tree.setEditable(vm.editable());
        };
        vm.projectIdProperty().addListener((o, was, now) -> enable.run());
        enable.run();
        Label message = new Label();
        message.setId("task-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(8, tools, message, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        rebuild(tree, vm);
        return box;
    }

    private static Button button(String id, String key, Runnable action) {
        Button button = new Button(Messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static ProjectTask selected(TreeTableView<ProjectTask> tree) {
        TreeItem<ProjectTask> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** The tree again from the flat list (parents come before their subtasks), keeping the selected task. */
    private static void rebuild(TreeTableView<ProjectTask> tree, ProjectTasksViewModel vm) {
        ProjectTask chosen = selected(tree);
        TreeItem<ProjectTask> root = new TreeItem<>();
        Map<UUID, TreeItem<ProjectTask>> items = new HashMap<>();
        for (ProjectTask task : vm.tasks()) {
            TreeItem<ProjectTask> item = new TreeItem<>(task);
            item.setExpanded(true);
            items.put(task.id(), item);
            TreeItem<ProjectTask> parent = task.parentTaskId() == null ? root : items.getOrDefault(task.parentTaskId(), root);
            parent.getChildren().add(item);
        }
        tree.setRoot(root);
        if (chosen != null) {
            select(tree, chosen.id());
        }
    }

    private static void select(TreeTableView<ProjectTask> tree, UUID id) {
        if (id == null) {
            return;
        }
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<ProjectTask> item = tree.getTreeItem(i);
            if (item != null && item.getValue() != null && item.getValue().id().equals(id)) {
                tree.getSelectionModel().clearAndSelect(i);
                tree.scrollTo(i);
                return;
            }
        }
    }

    /** A new task: its name is edited at once. */
    private static void editName(TreeTableView<ProjectTask> tree, TreeTableColumn<ProjectTask, String> name, UUID id) {
        select(tree, id);
        int row = tree.getSelectionModel().getSelectedIndex();
        if (row >= 0) {
            tree.requestFocus();
            Platform.runLater(() -> {
                tree.layout();
                tree.edit(row, name);
            });
        }
    }

    private static TreeTableRow<ProjectTask> draggableRow(ProjectTasksViewModel vm, TreeTableView<ProjectTask> tree) {
        TreeTableRow<ProjectTask> row = new TreeTableRow<>();
        row.setOnDragDetected(e -> {
            if (row.getItem() == null || !vm.editable() || tree.getEditingCell() != null) {
                return;
            }
            Dragboard board = row.startDragAndDrop(TransferMode.MOVE);
            board.setDragView(row.snapshot(null, null));
            ClipboardContent content = new ClipboardContent();
            content.put(TASK, row.getItem().id().toString());
            board.setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (e.getGestureSource() instanceof TreeTableRow<?> source && source.getTreeTableView() == tree
                    && e.getDragboard().hasContent(TASK)) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        row.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            if (!board.hasContent(TASK)) {
                return;
            }
            ProjectTask task = vm.byId(UUID.fromString((String) board.getContent(TASK)));
            if (row.getItem() == null) {
                vm.moveToTopLevel(task);
            } else {
                double y = e.getY() / Math.max(1, row.getHeight());
                vm.moveTo(task, row.getItem(), y < 0.25 ? ProjectTasksViewModel.Placement.BEFORE
                        : y > 0.75 ? ProjectTasksViewModel.Placement.AFTER : ProjectTasksViewModel.Placement.INSIDE);
            }
            e.setDropCompleted(true);
            e.consume();
        });
        return row;
    }

    /** The due date: shown as the locale writes it, edited with a date picker (Enter or choosing a day commits). */
    private static final class DueCell extends TreeTableCell<ProjectTask, LocalDate> {
        private final ProjectTasksViewModel vm;
        private DatePicker picker;

        DueCell(ProjectTasksViewModel vm) {
            this.vm = vm;
        }

        @Override
        public void startEdit() {
            if (!isEditable() || !getTreeTableView().isEditable() || !getTableColumn().isEditable()) {
                return;
            }
            super.startEdit();
            picker = new DatePicker(getItem());
            picker.setOnAction(e -> commitEdit(picker.getValue()));
            picker.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                }
            });
            setText(null);
            setGraphic(picker);
            picker.requestFocus();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            show(getItem());
        }

        @Override
        protected void updateItem(LocalDate day, boolean empty) {
            super.updateItem(day, empty);
            if (empty) {
                setText(null);
                setGraphic(null);
            } else if (isEditing() && picker != null) {
                picker.setValue(day);
            } else {
                show(day);
            }
        }

        private void show(LocalDate day) {
            setText(vm.date(day));
            setGraphic(null);
        }
    }
}
