package com.workline.ui.time;

import com.workline.persistence.projects.ProjectChoice;
import com.workline.persistence.projects.ProjectService;
import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.TaskService;
import com.workline.persistence.projects.TaskStatus;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project/task picker of the timer and the week grid: projects that take time matching the search (number, name
 * or customer), and the chosen project's open tasks as a tree ({@link ProjectTask#depth()}); no task is a choice too.
 */
public final class ProjectTaskPickerViewModel {
    static final int PROJECTS_SHOWN = 50;

    private final ProjectService projects;
    private final TaskService tasks;
    private final BackgroundTasks background;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ProjectChoice> projectChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ProjectChoice> project = new SimpleObjectProperty<>();
    private final ObservableList<ProjectTask> taskChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ProjectTask> task = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ProjectTaskPickerViewModel(ProjectService projects, TaskService tasks, BackgroundTasks background) {
        this.projects = projects;
        this.tasks = tasks;
        this.background = background;
        project.addListener((o, was, now) -> loadTasks(now));
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<ProjectChoice> projects() {
        return projectChoices;
    }

    public ObjectProperty<ProjectChoice> projectProperty() {
        return project;
    }

    /** The chosen project's tasks that are open or in progress, parents before their subtasks. */
    public ObservableList<ProjectTask> tasks() {
        return taskChoices;
    }

    /** Null: the project itself, no task. */
    public ObjectProperty<ProjectTask> taskProperty() {
        return task;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Looks for projects matching the search (the newest search counts). */
    public void find() {
        String term = search.get() == null ? "" : search.get().strip();
        background.latest("projects", () -> projects.bookable(term.isEmpty() ? null : term, PROJECTS_SHOWN), found -> {
            ProjectChoice chosen = project.get();
            projectChoices.setAll(found);
            message.set(found.isEmpty() ? Messages.get(term.isEmpty() ? "time.picker.noProjects" : "time.picker.noMatch") : "");
            if (chosen == null || found.stream().noneMatch(p -> p.id().equals(chosen.id()))) {
                project.set(found.isEmpty() ? null : found.get(0));
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    private void loadTasks(ProjectChoice chosen) {
        taskChoices.clear();
        task.set(null);
        if (chosen == null) {
            background.supersede("tasks");
            return;
        }
        background.latest("tasks", () -> tasks.tree(chosen.id()).stream()
                .filter(t -> t.status() == TaskStatus.OPEN || t.status() == TaskStatus.IN_PROGRESS).toList(),
                found -> taskChoices.setAll(found), failure -> message.set(failure.getLocalizedMessage()));
    }

    /** The choice, or null while no project is chosen. */
    public ProjectTaskChoice choice() {
        ProjectChoice chosen = project.get();
        if (chosen == null) {
            return null;
        }
        String text = description.get() == null ? "" : description.get().strip();
        return new ProjectTaskChoice(chosen, task.get(), text.isEmpty() ? null : text);
    }

    /** "P-2026-0003 Website relaunch · Customer" as the lists show a project. */
    public static String label(ProjectChoice project) {
        String name = (project.number() == null ? "" : project.number() + " ") + project.name();
        return project.customerName() == null ? name : name + " \u00b7 " + project.customerName();
    }

    /** The dialog closed: answers still on their way are dropped. */
    public void close() {
        background.close();
    }
}
