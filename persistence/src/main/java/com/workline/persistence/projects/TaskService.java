package com.workline.persistence.projects;

import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.TenantDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tasks of a project: its tree (depth first, siblings by position), creating, saving, moving and the status. A
 * task's parent is a task of the same project and never the task itself or one below it (checked here, enforced by
 * the database's trigger as well).
 */
public final class TaskService {
    private static final String COLUMNS = """
            t.id, t.project_id, t.parent_task_id, t.name, t.description, t.status, t.position, t.estimate_minutes,
            t.assignee_id, t.due_date, t.service_category_id, t.billable""";

    private final TenantDatabase db;

    public TaskService(TenantDatabase db) {
        this.db = db;
    }

    /** Every task of the project, each parent before its subtasks, siblings by position, then name. */
    public List<ProjectTask> tree(UUID projectId) {
        return db.readWith(c -> Jdbc.list(c, """
                WITH RECURSIVE tree AS (
                  SELECT %1$s, t.version, 0 AS depth,
                         ARRAY[lpad(t.position::text, 10, '0') || lower(t.name) || t.id::text] AS path
                    FROM app.project_tasks t
                   WHERE t.organization_id = ? AND t.project_id = ? AND t.parent_task_id IS NULL
                  UNION ALL
                  SELECT %1$s, t.version, tree.depth + 1,
                         tree.path || (lpad(t.position::text, 10, '0') || lower(t.name) || t.id::text)
                    FROM app.project_tasks t JOIN tree ON t.parent_task_id = tree.id
                   WHERE t.organization_id = ? AND tree.depth < 100)
                SELECT * FROM tree ORDER BY path""".formatted(COLUMNS),
                rs -> task(rs, rs.getInt(14)), db.currentTenant(), projectId, db.currentTenant()));
    }

    public ProjectTask load(UUID taskId) {
        ProjectTask task = db.readWith(c -> find(c, taskId));
        if (task == null) {
            throw TimeSql.notFound("projects.task.notFound");
        }
        return task;
    }

    private ProjectTask find(Connection c, UUID taskId) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + ", t.version FROM app.project_tasks t WHERE t.organization_id = ? AND t.id = ?",
                rs -> task(rs, 0), db.currentTenant(), taskId);
    }

    /** A new task; a negative position puts it after its siblings. */
    public ProjectTask create(ProjectTask task) {
        validate(task);
        return Jdbc.write(db, c -> {
            UUID id = Jdbc.one(c, """
                            INSERT INTO app.project_tasks (organization_id, project_id, parent_task_id, name, description, status,
                                                           position, estimate_minutes, assignee_id, due_date,
                                                           service_category_id, billable)
                            SELECT ?, ?, ?, ?, ?, ?,
                                   CASE WHEN ? >= 0 THEN ? ELSE coalesce((SELECT max(s.position) + 1 FROM app.project_tasks s
                                         WHERE s.organization_id = ? AND s.project_id = ?
                                           AND s.parent_task_id IS NOT DISTINCT FROM ?), 0) END,
                                   ?, ?, ?, ?, ?
                            RETURNING id""", rs -> rs.getObject(1, UUID.class),
                    db.currentTenant(), task.projectId(), task.parentTaskId(), task.name().strip(),
                    Checks.blankToNull(task.description()), task.status().databaseValue(), task.position(), task.position(),
                    db.currentTenant(), task.projectId(), task.parentTaskId(), task.estimateMinutes(), task.assigneeId(),
                    task.dueDate(), task.serviceCategoryId(), task.billable());
            return find(c, id);
        });
    }

    /** Saves name, description, status, estimate, assignee, due date and billing of a task (not its place). */
    public ProjectTask update(ProjectTask task) {
        validate(task);
        return Jdbc.write(db, c -> {
            int changed = Jdbc.update(c, """
                            UPDATE app.project_tasks SET name = ?, description = ?, status = ?, estimate_minutes = ?, assignee_id = ?,
                                   due_date = ?, service_category_id = ?, billable = ?, version = version + 1
                             WHERE organization_id = ? AND id = ? AND version = ?""",
                    task.name().strip(), Checks.blankToNull(task.description()), task.status().databaseValue(),
                    task.estimateMinutes(), task.assigneeId(), task.dueDate(), task.serviceCategoryId(), task.billable(),
                    db.currentTenant(), task.id(), task.version());
            return saved(c, task.id(), task.version(), changed);
        });
    }

    public ProjectTask setStatus(UUID taskId, TaskStatus status, int version) {
        return Jdbc.write(db, c -> saved(c, taskId, version, Jdbc.update(c,
                "UPDATE app.project_tasks SET status = ?, version = version + 1 WHERE organization_id = ? AND id = ? AND version = ?",
                status.databaseValue(), db.currentTenant(), taskId, version)));
    }

    /**
     * Moves a task below {@code newParentId} (null: to the top level of its project) at {@code position} among the new
     * siblings (0 first; beyond the last: last); the siblings keep their order around it.
     */
    public ProjectTask move(UUID taskId, UUID newParentId, int position, int version) {
        return Jdbc.write(db, c -> {
            ProjectTask task = find(c, taskId);
            if (task == null) {
                throw TimeSql.notFound("projects.task.notFound");
            }
            if (task.version() != version) {
                throw new ConcurrentEditException("record.task");
            }
            refuseCycle(c, taskId, newParentId);
            List<UUID> siblings = new ArrayList<>(Jdbc.list(c, """
                            SELECT id FROM app.project_tasks
                             WHERE organization_id = ? AND project_id = ? AND parent_task_id IS NOT DISTINCT FROM ? AND id <> ?
                             ORDER BY position, lower(name), id FOR NO KEY UPDATE""", rs -> rs.getObject(1, UUID.class),
                    db.currentTenant(), task.projectId(), newParentId, taskId));
            siblings.add(Math.max(0, Math.min(position, siblings.size())), taskId);
            for (int i = 0; i < siblings.size(); i++) {
                UUID id = siblings.get(i);
                if (id.equals(taskId)) {
                    Jdbc.update(c, "UPDATE app.project_tasks SET parent_task_id = ?, position = ?, version = version + 1 "
                            + "WHERE organization_id = ? AND id = ?", newParentId, i, db.currentTenant(), id);
                } else {
                    // Siblings only shift: their version stays, so an edit of a sibling loaded before is not a conflict
                    // (saving a task never writes its position).
                    Jdbc.update(c, "UPDATE app.project_tasks SET position = ? "
                            + "WHERE organization_id = ? AND id = ? AND position <> ?", i, db.currentTenant(), id, i);
                }
            }
            return find(c, taskId);
        });
    }

    private void refuseCycle(Connection c, UUID taskId, UUID newParentId) throws SQLException {
        if (newParentId == null) {
            return;
        }
        Boolean below = Jdbc.one(c, """
                WITH RECURSIVE up (id, parent_task_id, depth) AS (
                  SELECT id, parent_task_id, 1 FROM app.project_tasks WHERE organization_id = ? AND id = ?
                  UNION ALL
                  SELECT t.id, t.parent_task_id, up.depth + 1 FROM app.project_tasks t JOIN up ON t.id = up.parent_task_id
                   WHERE t.organization_id = ? AND up.depth < 1000)
                SELECT EXISTS (SELECT 1 FROM up WHERE id = ?)""", rs -> rs.getBoolean(1),
                db.currentTenant(), newParentId, db.currentTenant(), taskId);
        if (Boolean.TRUE.equals(below)) {
            throw ValidationException.of(Map.of("parentTaskId", Text.of("projects.task.belowItself")));
        }
    }

    private ProjectTask saved(Connection c, UUID taskId, int version, int changed) throws SQLException {
        ProjectTask current = find(c, taskId);
        if (changed == 0) {
            throw Jdbc.unchanged(current == null ? null : current.version(), version, new ConcurrentEditException("record.task"),
                    TimeSql.notFound("projects.task.notFound"));
        }
        return current;
    }

    private static void validate(ProjectTask task) {
        new ValidationException.Collector()
                .require(task.projectId() != null, "projectId", "projects.task.projectRequired")
                .require(Checks.present(task.name()), "name", "field.name.required")
                .check(task.name() == null || task.name().strip().length() <= 200, "name", Text.of("field.text.tooLong", 200))
                .check(task.description() == null || task.description().length() <= 4000, "description",
                        Text.of("field.text.tooLong", 4000))
                .require(task.status() != null, "status", "projects.task.statusRequired")
                .require(task.estimateMinutes() == null || task.estimateMinutes() >= 0, "estimateMinutes",
                        "projects.task.estimateInvalid")
                .throwIfAny();
    }

    private static ProjectTask task(ResultSet rs, int depth) throws SQLException {
        return new ProjectTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), TaskStatus.of(rs.getString(6)), rs.getInt(7), (Integer) rs.getObject(8),
                rs.getObject(9, UUID.class), rs.getObject(10, LocalDate.class), rs.getObject(11, UUID.class),
                (Boolean) rs.getObject(12), depth, rs.getInt(13));
    }
}
