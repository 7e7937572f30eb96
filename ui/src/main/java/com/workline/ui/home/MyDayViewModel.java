package com.workline.ui.home;

import com.workline.persistence.crm.Activity;
import com.workline.persistence.crm.ActivityService;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Home › My day: my open tasks that are overdue, due today, and due in the next seven days, and my unread
 * notifications (tasks that came due are turned into notifications when the view loads).
 */
public final class MyDayViewModel {
    static final int LIMIT = 200;

    private final ActivityService activities;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ObservableList<Activity> overdue = FXCollections.observableArrayList();
    private final ObservableList<Activity> today = FXCollections.observableArrayList();
    private final ObservableList<Activity> upcoming = FXCollections.observableArrayList();
    private final ObservableList<String> notifications = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public MyDayViewModel(ActivityService activities, BackgroundTasks tasks, Clock clock) {
        this.activities = activities;
        this.tasks = tasks;
        this.clock = clock;
    }

    public ObservableList<Activity> overdue() {
        return overdue;
    }

    public ObservableList<Activity> today() {
        return today;
    }

    public ObservableList<Activity> upcoming() {
        return upcoming;
    }

    public ObservableList<String> notifications() {
        return notifications;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public void load() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate date = now.toLocalDate();
        OffsetDateTime startOfToday = date.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime startOfTomorrow = date.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime weekAhead = date.plusDays(8).atStartOfDay(clock.getZone()).toOffsetDateTime();
        tasks.run(() -> activities.myDay(weekAhead, LIMIT), list -> {
            overdue.setAll(between(list, null, startOfToday));
            today.setAll(between(list, startOfToday, startOfTomorrow));
            upcoming.setAll(between(list, startOfTomorrow, weekAhead));
        }, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> {
            activities.notifyDueTasks();
            return activities.unreadNotifications();
        }, notifications::setAll, failure -> message.set(failure.getLocalizedMessage()));
    }

    private static List<Activity> between(List<Activity> all, OffsetDateTime from, OffsetDateTime until) {
        return all.stream().filter(a -> (from == null || !a.dueAt().isBefore(from)) && a.dueAt().isBefore(until)).toList();
    }

    /** Marks a task done; it leaves the lists. */
    public void complete(Activity task) {
        tasks.run(() -> {
            activities.complete(task.id(), null);
            return null;
        }, done -> {
            message.set(Messages.get("myDay.done", task.subject()));
            load();
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    public void markNotificationsRead() {
        tasks.run(activities::markNotificationsRead, n -> notifications.clear(), failure -> message.set(failure.getLocalizedMessage()));
    }
}
