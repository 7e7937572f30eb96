package com.workline.ui.projects;

import com.workline.persistence.projects.ProjectMember;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** A project's members: add a person of the organization (with a role), remove the selected one (Delete). */
final class ProjectMembersView {
    private ProjectMembersView() {
    }

    static Node create(ProjectMembersViewModel vm, javafx.beans.value.ObservableValue<?> projectChanges) {
        TableView<ProjectMember> table = new TableView<>(vm.members());
        table.setId("project-members");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("projects.members.none")));
        table.setPrefHeight(220);
        table.getColumns().add(column(Messages.get("projects.members.name"), ProjectMember::name, 220));
        table.getColumns().add(column(Messages.get("projects.members.role"),
                m -> m.roleInProject() == null ? "" : m.roleInProject(), 180));
        table.getColumns().add(column(Messages.get("projects.members.state"),
                m -> Messages.get(m.active() ? "projects.members.active" : "projects.members.left"), 120));

        ComboBox<Person> person = new ComboBox<>(vm.people());
        person.setId("project-member-person");
        person.setPromptText(Messages.get("projects.members.choosePerson"));
        person.setConverter(Forms.converter(p -> p == null ? "" : p.name()));
        person.valueProperty().bindBidirectional(vm.personProperty());
        TextField role = new TextField();
        role.setId("project-member-role");
        role.setPromptText(Messages.get("projects.members.rolePrompt"));
        role.textProperty().bindBidirectional(vm.roleProperty());
        role.setOnAction(e -> vm.add());
        Button add = new Button(Messages.get("projects.members.add"));
        add.setId("project-member-add");
        add.setOnAction(e -> vm.add());
        Button remove = new Button(Messages.get("projects.members.remove"));
        remove.setId("project-member-remove");
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                vm.remove(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        Label personError = new Label();
        personError.getStyleClass().addAll("field-error", "danger");
        personError.textProperty().bind(vm.errors().of("userId"));
        HBox adding = new HBox(8, person, role, add, remove);
        adding.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(role, Priority.SOMETIMES);
        Runnable enable = () -> adding.setDisable(!vm.editable());
        projectChanges.addListener((o, was, now) -> enable.run());
        enable.run();
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(8, adding, personError, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static TableColumn<ProjectMember, String> column(String title, Function<ProjectMember, String> value, double width) {
        TableColumn<ProjectMember, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
