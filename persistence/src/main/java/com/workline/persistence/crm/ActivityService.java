package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Activities: logging calls, e-mails, meetings and notes, tasks with due dates assigned to a person, the
 * timeline of a customer, and "My day" (overdue, today and upcoming open tasks of the signed-in person).
 */
public final class ActivityService {
    public static final List<String> TYPES = List.of("call", "email", "meeting", "note", "task");
    private static final String SELECT = """
            SELECT a.id, a.activity_type, a.subject, a.notes, a.due_at, a.done_at, a.outcome, a.assigned_to,
                   coalesce(u.display_name, u.first_name || ' ' || u.last_name), a.customer_id, c.name, a.contact_id,
                   a.deal_id, a.created_at
              FROM app.activities a
              LEFT JOIN app.customers c ON c.organization_id = a.organization_id AND c.id = a.customer_id
              LEFT JOIN sec.users u ON u.id = a.assigned_to
            """;

    private final TenantDatabase db;

    public ActivityService(TenantDatabase db) {
        this.db = db;
    }

    /** Logs an activity; a task needs a due date and is assigned to {@code assignedTo} (default: yourself). */
    public UUID log(String type, String subject, String notes, OffsetDateTime dueAt, UUID assignedTo, UUID customerId,
                    UUID contactId, UUID dealId) {
        new ValidationException.Collector()
                .check(TYPES.contains(type), "type", Text.of("crm.activity.typeInvalid"))
                .check(subject != null && !subject.isBlank(), "subject", Text.of("crm.activity.subjectRequired"))
                .check(!"task".equals(type) || dueAt != null, "dueAt", Text.of("crm.activity.dueDateRequired"))
                .check(customerId != null || contactId != null || dealId != null, "customer",
                        Text.of("crm.activity.relatedRequired"))
                .throwIfAny();
        return db.inTenant(session -> session.createNativeQuery("""
                        INSERT INTO app.activities (organization_id, activity_type, subject, notes, due_at, assigned_to,
                                                    customer_id, contact_id, deal_id, created_by)
                        VALUES (sec.current_tenant(), :type, :subject, :notes, :due,
                                coalesce(:assigned, CASE WHEN :type = 'task' THEN sec.current_user_id() END),
                                :customer, :contact, :deal, sec.current_user_id())
                        RETURNING id""", UUID.class)
                .setParameter("type", type).setParameter("subject", subject.strip())
                .setParameter("notes", notes == null || notes.isBlank() ? null : notes.strip())
                .setParameter("due", dueAt, OffsetDateTime.class).setParameter("assigned", assignedTo, UUID.class)
                .setParameter("customer", customerId, UUID.class).setParameter("contact", contactId, UUID.class)
                .setParameter("deal", dealId, UUID.class)
                .getSingleResult());
    }

    public void complete(UUID activityId, String outcome) {
        db.inTenant(session -> session.createNativeQuery("""
                        UPDATE app.activities SET done_at = now(), outcome = :outcome, version = version + 1
                         WHERE organization_id = sec.current_tenant() AND id = :id AND done_at IS NULL""")
                .setParameter("outcome", outcome == null || outcome.isBlank() ? null : outcome.strip())
                .setParameter("id", activityId).executeUpdate());
    }

    /** The newest activities of a customer, newest first. */
    public List<Activity> timeline(UUID customerId, int limit) {
        return db.inTenant(session -> session.createNativeQuery(SELECT
                        + " WHERE a.organization_id = sec.current_tenant() AND a.customer_id = :customer"
                        + " ORDER BY a.created_at DESC, a.id LIMIT :limit", Object[].class)
                .setParameter("customer", customerId).setParameter("limit", limit)
                .getResultList().stream().map(ActivityService::activity).toList());
    }

    /** My day: my open tasks due up to {@code until}, overdue first. */
    public List<Activity> myDay(OffsetDateTime until, int limit) {
        return db.inTenant(session -> session.createNativeQuery(SELECT
                        + " WHERE a.organization_id = sec.current_tenant() AND a.assigned_to = sec.current_user_id()"
                        + " AND a.done_at IS NULL AND a.due_at <= :until ORDER BY a.due_at, a.id LIMIT :limit", Object[].class)
                .setParameter("until", until).setParameter("limit", limit)
                .getResultList().stream().map(ActivityService::activity).toList());
    }

    /** Creates notifications for tasks that came due (idempotent); returns how many are new. */
    public int notifyDueTasks() {
        return db.inTenant(session -> session.createNativeQuery("SELECT sec.notify_due_tasks()", Integer.class)
                .getSingleResult());
    }

    /** My unread notifications, newest first. */
    public List<String> unreadNotifications() {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT title FROM app.notifications WHERE organization_id = sec.current_tenant()
                           AND recipient_id = sec.current_user_id() AND read_at IS NULL ORDER BY created_at DESC, id""",
                String.class).getResultList());
    }

    /** Marks all my notifications read; returns how many were unread. */
    public int markNotificationsRead() {
        return db.inTenant(session -> session.createNativeQuery("""
                        UPDATE app.notifications SET read_at = now(), version = version + 1
                         WHERE organization_id = sec.current_tenant() AND recipient_id = sec.current_user_id()
                           AND read_at IS NULL""").executeUpdate());
    }

    private static Activity activity(Object[] r) {
        return new Activity((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], com.workline.persistence.common.Values.toOffsetDateTime(r[4]),
                com.workline.persistence.common.Values.toOffsetDateTime(r[5]), (String) r[6], (UUID) r[7], (String) r[8], (UUID) r[9],
                (String) r[10], (UUID) r[11], (UUID) r[12], com.workline.persistence.common.Values.toOffsetDateTime(r[13]));
    }
}
