package com.workline.ui.projects;

import com.workline.persistence.common.ValidationException;
import com.workline.persistence.projects.ProjectMember;
import com.workline.persistence.projects.ProjectService;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.UUID;

/** A project's members: people of the organization added with an optional role, and leaving (kept as former members). */
public final class ProjectMembersViewModel {
    private final ProjectService projects;
    private final Permissions permissions;
    private final BackgroundTasks tasks;
    private final ObservableList<Person> people;
    private final ObservableList<ProjectMember> members = FXCollections.observableArrayList();
    private final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    private final StringProperty role = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final FieldErrors errors = new FieldErrors();
    private UUID projectId;

    public ProjectMembersViewModel(ProjectService projects, Permissions permissions, BackgroundTasks tasks,
                                   ObservableList<Person> people) {
        this.projects = projects;
        this.permissions = permissions;
        this.tasks = tasks;
        this.people = people;
    }

    /** Active members first, then former ones. */
    public ObservableList<ProjectMember> members() {
        return members;
    }

    /** The organization's people to add. */
    public ObservableList<Person> people() {
        return people;
    }

    public ObjectProperty<Person> personProperty() {
        return person;
    }

    /** The new member's role in the project ("Lead"), optional. */
    public StringProperty roleProperty() {
        return role;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public FieldErrors errors() {
        return errors;
    }

    public boolean editable() {
        return permissions.mayEdit() && projectId != null;
    }

    /** The members as loaded with the project. */
    public void show(UUID project, List<ProjectMember> loaded) {
        projectId = project;
        members.setAll(loaded);
    }

    /** Adds the chosen person (or brings a former member back); the choice is kept when it fails. */
    public void add() {
        if (!editable()) {
            return;
        }
        errors.clear();
        Person chosen = person.get();
        if (chosen == null) {
            errors.set("userId", Messages.get("projects.members.personRequired"));
            return;
        }
        UUID project = projectId;
        String typedRole = role.get();
        message.set("");
        tasks.run(() -> {
            projects.addMember(project, chosen.id(), typedRole);
            return projects.members(project);
        }, list -> {
            members.setAll(list);
            person.set(null);
            role.set("");
            message.set(Messages.get("projects.members.added", chosen.name()));
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
            }
            message.set(failure.getLocalizedMessage());
        });
    }

    /** The member leaves the project (their booked time stays theirs). */
    public void remove(ProjectMember member) {
        if (!editable() || member == null || !member.active()) {
            return;
        }
        UUID project = projectId;
        message.set("");
        tasks.run(() -> {
            projects.removeMember(project, member.userId());
            return projects.members(project);
        }, list -> {
            members.setAll(list);
            message.set(Messages.get("projects.members.removed", member.name()));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }
}
