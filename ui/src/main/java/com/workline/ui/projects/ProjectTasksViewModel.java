package com.workline.ui.projects;

import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.TaskService;
import com.workline.persistence.projects.TaskStatus;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A project's tasks, as the tree and the board show them: adding a task after another or below it, moving one up,
 * down, in (below the task before it) and out (after its parent), or onto another task by drag and drop, editing
 * name, status, estimate, assignee and due date in place, and moving a card on the board to another status. Each
 * change is saved at once and the tree is read again; a task someone else changed meanwhile is shown as it is now.
 */
public final class ProjectTasksViewModel {
    /** Where a dragged task goes relative to the task it is dropped on. */
    public enum Placement { BEFORE, AFTER, INSIDE }

    private final TaskService service;
    private final Permissions permissions;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ObservableList<Person> people;
    private final ObservableList<ProjectTask> all = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UUID> projectId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UUID> focus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** @param people the organization's people, to assign tasks to */
    public ProjectTasksViewModel(TaskService service, Permissions permissions, BackgroundTasks tasks, Locale locale,
                                 ObservableList<Person> people) {
        this.service = service;
        this.permissions = permissions;
        this.tasks = tasks;
        this.locale = locale;
        this.people = people;
    }

    /** Every task of the project, each parent before its subtasks, siblings in order. */
    public ObservableList<ProjectTask> tasks() {
        return all;
    }

    /** The project (null while a new project is not saved yet). */
    public ReadOnlyObjectProperty<UUID> projectIdProperty() {
        return projectId.getReadOnlyProperty();
    }

    /** The task the last change was about (the new one, the moved one): the view selects it. */
    public ReadOnlyObjectProperty<UUID> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ObservableList<Person> people() {
        return people;
    }

    public boolean editable() {
        return permissions.mayEdit() && projectId.get() != null;
    }

    /** Shows the tasks of the project. */
    public void load(UUID project) {
        projectId.set(project);
        reload();
    }

    public void reload() {
        UUID project = projectId.get();
        if (project != null) {
            tasks.latest("tree", () -> service.tree(project), all::setAll, failure -> message.set(failure.getLocalizedMessage()));
        }
    }

    // ------------------------------------------------------------------------------------------ the tree

    public ProjectTask byId(UUID id) {
        return id == null ? null : all.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    /** The tasks with the same parent as {@code task}, in order (itself included). */
    List<ProjectTask> siblingsOf(ProjectTask task) {
        return childrenOf(task.parentTaskId());
    }

    List<ProjectTask> childrenOf(UUID parentId) {
        return all.stream().filter(t -> Objects.equals(t.parentTaskId(), parentId)).toList();
    }

    private int indexAmongSiblings(ProjectTask task) {
        List<ProjectTask> siblings = siblingsOf(task);
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).id().equals(task.id())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A new task right after {@code after} (at the end of the top level without one), or as the last subtask of
     * {@code after} when {@code below}; named "New task" for the person to rename at once. {@code created} gets its id.
     */
    public void add(ProjectTask after, boolean below, Consumer<UUID> created) {
        UUID project = projectId.get();
        if (!editable() || below && after == null) {
            return;
        }
        UUID parent = below ? after.id() : after == null ? null : after.parentTaskId();
        int position = below || after == null ? -1 : indexAmongSiblings(after) + 1;
        ProjectTask task = ProjectTask.create(project, parent, Messages.get("projects.task.newName"));
        change(() -> {
            // Made last, then moved to its place: the siblings after it shift.
            ProjectTask saved = service.create(task);
            return position < 0 ? saved : service.move(saved.id(), parent, position, saved.version());
        }, created);
    }

    /** Alt+Up: one place up among its siblings. */
    public void moveUp(ProjectTask task) {
        int index = task == null ? -1 : indexAmongSiblings(task);
        if (index > 0) {
            move(task, task.parentTaskId(), index - 1);
        }
    }

    /** Alt+Down: one place down among its siblings. */
    public void moveDown(ProjectTask task) {
        int index = task == null ? -1 : indexAmongSiblings(task);
        if (index >= 0 && index < siblingsOf(task).size() - 1) {
            move(task, task.parentTaskId(), index + 1);
        }
    }

    /** Ctrl+Right: below the task before it, as its last subtask. */
    public void indent(ProjectTask task) {
        int index = task == null ? -1 : indexAmongSiblings(task);
        if (index > 0) {
            move(task, siblingsOf(task).get(index - 1).id(), Integer.MAX_VALUE);
        }
    }

    /** Ctrl+Left: out of its parent, right after it. */
    public void outdent(ProjectTask task) {
        ProjectTask parent = task == null ? null : byId(task.parentTaskId());
        if (parent != null) {
            move(task, parent.parentTaskId(), indexAmongSiblings(parent) + 1);
        }
    }

    /** Drag and drop: before or after {@code target} among its siblings, or as its last subtask. */
    public void moveTo(ProjectTask task, ProjectTask target, Placement placement) {
        if (task == null || target == null || task.id().equals(target.id())) {
            return;
        }
        if (placement == Placement.INSIDE) {
            move(task, target.id(), Integer.MAX_VALUE);
            return;
        }
        List<ProjectTask> others = siblingsOf(target).stream().filter(t -> !t.id().equals(task.id())).toList();
        int index = 0;
        while (index < others.size() && !others.get(index).id().equals(target.id())) {
            index++;
        }
        move(task, target.parentTaskId(), placement == Placement.BEFORE ? index : index + 1);
    }

    /** Dropped below the last row: last at the top level. */
    public void moveToTopLevel(ProjectTask task) {
        if (task != null) {
            move(task, null, Integer.MAX_VALUE);
        }
    }

    private void move(ProjectTask task, UUID parent, int position) {
        if (editable()) {
            change(() -> service.move(task.id(), parent, position, task.version()), null);
        }
    }

    // ------------------------------------------------------------------------------------------ editing in place

    public void rename(ProjectTask task, String name) {
        if (task != null && name != null && !name.isBlank() && !name.strip().equals(task.name())) {
            update(task.withName(name.strip()));
        } else if (task != null && (name == null || name.isBlank())) {
            message.set(Messages.get("projects.task.nameRequired"));
        }
    }

    /** The estimate as typed in hours (12.5 or 12:30; empty: none). */
    public void estimate(ProjectTask task, String hours) {
        if (task == null) {
            return;
        }
        Integer minutes;
        try {
            minutes = Hours.parse(hours, locale);
        } catch (NumberFormatException e) {
            message.set(Messages.get("projects.task.estimateInvalid", hours));
            return;
        }
        if (!Objects.equals(minutes, task.estimateMinutes())) {
            update(task.withEstimate(minutes));
        }
    }

    public void assign(ProjectTask task, Person person) {
        UUID assignee = person == null ? null : person.id();
        if (task != null && !Objects.equals(assignee, task.assigneeId())) {
            update(task.withAssignee(assignee, task.dueDate()));
        }
    }

    public void due(ProjectTask task, LocalDate day) {
        if (task != null && !Objects.equals(day, task.dueDate())) {
            update(task.withAssignee(task.assigneeId(), day));
        }
    }

    /** The status, in the tree or by moving the card on the board. */
    public void status(ProjectTask task, TaskStatus status) {
        if (task != null && status != null && status != task.status() && editable()) {
            change(() -> service.setStatus(task.id(), status, task.version()), null);
        }
    }

    private void update(ProjectTask changed) {
        if (editable()) {
            change(() -> service.update(changed), null);
        }
    }

    /** Saves one change, then reads the tree again and points at the task; a task changed meanwhile is shown anew. */
    private void change(Supplier<ProjectTask> work, Consumer<UUID> then) {
        UUID project = projectId.get();
        message.set("");
        tasks.run(() -> {
            ProjectTask saved = work.get();
            return new Object[] {saved.id(), service.tree(project)};
        }, done -> {
            @SuppressWarnings("unchecked")
            List<ProjectTask> tree = (List<ProjectTask>) done[1];
            // The task in question first: the tree and the board keep it selected when they are drawn again.
            focus.set((UUID) done[0]);
            all.setAll(tree);
            if (then != null) {
                then.accept((UUID) done[0]);
            }
        }, this::failed);
    }

    private void failed(WorklineException failure) {
        if (failure instanceof ConcurrentEditException) {
            message.set(Messages.get("projects.task.conflict"));
            reload();
        } else {
            message.set(failure.getLocalizedMessage());
            reload();
        }
    }

    // ------------------------------------------------------------------------------------------ cells

    String status(TaskStatus status) {
        return Messages.get("projects.taskStatus." + status.name());
    }

    String estimate(ProjectTask task) {
        return task.estimateMinutes() == null ? "" : Hours.format(task.estimateMinutes(), locale);
    }

    String assignee(ProjectTask task) {
        if (task.assigneeId() == null) {
            return "";
        }
        return people.stream().filter(p -> p.id().equals(task.assigneeId())).map(Person::name).findFirst().orElse("");
    }

    Person assigneeOf(ProjectTask task) {
        return task.assigneeId() == null ? null
                : people.stream().filter(p -> p.id().equals(task.assigneeId())).findFirst().orElse(null);
    }

    String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** The tasks of one board column. */
    List<ProjectTask> withStatus(TaskStatus status) {
        return all.stream().filter(t -> t.status() == status).toList();
    }

    /** "Parent › " for a subtask's card. */
    String path(ProjectTask task) {
        ProjectTask parent = byId(task.parentTaskId());
        return parent == null ? "" : parent.name();
    }
}
