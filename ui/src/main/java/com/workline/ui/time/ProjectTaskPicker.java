package com.workline.ui.time;

import com.workline.persistence.projects.ProjectChoice;
import com.workline.persistence.projects.ProjectTask;
import com.workline.ui.common.Messages;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Optional;

/**
 * Asks for a project that takes time and optionally one of its tasks (and, for the timer, a description): type to
 * search, Enter or Down moves to the projects, Tab to the tasks, Enter chooses.
 */
public final class ProjectTaskPicker {
    private ProjectTaskPicker() {
    }

    /**
     * @param title           the dialog's title
     * @param withDescription also asks for a description (the timer's)
     */
    public static Optional<ProjectTaskChoice> choose(ProjectTaskPickerViewModel vm, Node owner, String title,
                                                     boolean withDescription) {
        Dialog<ProjectTaskChoice> dialog = new Dialog<>();
        dialog.setTitle(title);
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        TextField search = new TextField();
        search.setId("picker-search");
        search.setPromptText(Messages.get("time.picker.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        PauseTransition pause = new PauseTransition(Duration.millis(80));
        pause.setOnFinished(e -> vm.find());
        search.textProperty().addListener((o, was, now) -> pause.playFromStart());

        ListView<ProjectChoice> projects = new ListView<>(vm.projects());
        projects.setId("picker-projects");
        projects.setPrefSize(460, 220);
        projects.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProjectChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ProjectTaskPickerViewModel.label(item));
            }
        });
        vm.projectProperty().addListener((o, was, now) -> {
            if (projects.getSelectionModel().getSelectedItem() != now) {
                projects.getSelectionModel().select(now);
            }
        });
        projects.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.projectProperty().get()) {
                vm.projectProperty().set(now);
            }
        });

        ListView<ProjectTask> tasks = new ListView<>();
        tasks.setId("picker-tasks");
        tasks.setPrefSize(460, 160);
        tasks.getItems().add(null);
        vm.tasks().addListener((javafx.collections.ListChangeListener<ProjectTask>) c -> {
            tasks.getItems().setAll(new java.util.ArrayList<>(java.util.Collections.singletonList(null)));
            tasks.getItems().addAll(vm.tasks());
            tasks.getSelectionModel().selectFirst();
        });
        tasks.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProjectTask item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Messages.get("time.picker.noTask")
                        : "\u2003".repeat(item.depth()) + item.name());
            }
        });
        tasks.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.taskProperty().set(now));
        tasks.getSelectionModel().selectFirst();

        Label message = new Label();
        message.setId("picker-message");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("text-muted");
        VBox content = new VBox(8, search, message, new Label(Messages.get("time.picker.projects")), projects,
                new Label(Messages.get("time.picker.tasks")), tasks);
        TextField description = new TextField();
        if (withDescription) {
            description.setId("picker-description");
            description.setPromptText(Messages.get("time.picker.descriptionPrompt"));
            description.textProperty().bindBidirectional(vm.descriptionProperty());
            content.getChildren().addAll(new Label(Messages.get("time.picker.description")), description);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("picker-ok");
        ok.disableProperty().bind(vm.projectProperty().isNull());
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                projects.requestFocus();
                if (projects.getSelectionModel().isEmpty()) {
                    projects.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        // Enter in a list chooses (the lists would keep it for editing, so the default button never saw it).
        for (ListView<?> list : List.of(projects, tasks)) {
            list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && vm.projectProperty().get() != null) {
                    ok.fire();
                    e.consume();
                }
            });
        }
        projects.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.projectProperty().get() != null) {
                ok.fire();
            }
        });
        tasks.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.projectProperty().get() != null) {
                ok.fire();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? vm.choice() : null);
        vm.find();
        Platform.runLater(search::requestFocus);
        try {
            return dialog.showAndWait();
        } finally {
            vm.close();
        }
    }
}
