package com.workline.ui.home;

import com.workline.persistence.crm.Activity;
import com.workline.ui.common.Messages;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Home › My day: three groups of tasks with a Done button each, and the unread notifications. */
public final class MyDayView {
    private MyDayView() {
    }

    public static Node create(MyDayViewModel vm, Locale locale) {
        return create(vm, locale, null);
    }

    /** @param openCustomer opens a task's customer (its name becomes a link); null: plain text */
    public static Node create(MyDayViewModel vm, Locale locale, java.util.function.Consumer<java.util.UUID> openCustomer) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(vm.zone());
        Label title = new Label(Messages.get("myDay.title"));
        title.getStyleClass().add("title-3");
        VBox tasks = new VBox(14,
                group("my-day-overdue", Messages.get("myDay.overdue"), vm.overdue(), vm, when, true, openCustomer),
                group("my-day-today", Messages.get("myDay.today"), vm.today(), vm, when, false, openCustomer),
                group("my-day-upcoming", Messages.get("myDay.upcoming"), vm.upcoming(), vm, when, false, openCustomer));
        tasks.setPrefWidth(560);

        Label notificationsTitle = new Label(Messages.get("myDay.notifications"));
        notificationsTitle.getStyleClass().add("title-4");
        VBox notificationList = new VBox(4);
        notificationList.setId("my-day-notifications");
        Button markRead = new Button(Messages.get("myDay.markRead"));
        markRead.setId("my-day-mark-read");
        markRead.setOnAction(e -> vm.markNotificationsRead());
        markRead.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.notifications()));
        Runnable showNotifications = () -> {
            notificationList.getChildren().clear();
            if (vm.notifications().isEmpty()) {
                Label none = new Label(Messages.get("myDay.noNotifications"));
                none.getStyleClass().add("text-muted");
                notificationList.getChildren().add(none);
            }
            for (String text : vm.notifications()) {
                Label line = new Label("\u2022 " + Messages.get("myDay.taskDue", text));
                line.setWrapText(true);
                notificationList.getChildren().add(line);
            }
        };
        vm.notifications().addListener((ListChangeListener<String>) c -> showNotifications.run());
        showNotifications.run();
        VBox notifications = new VBox(8, notificationsTitle, notificationList, markRead);
        notifications.getStyleClass().add("card-form");
        notifications.setPadding(new Insets(14));
        notifications.setPrefWidth(340);
        notifications.setMinWidth(260);
        notifications.setMaxHeight(Region.USE_PREF_SIZE);

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        HBox body = new HBox(28, tasks, notifications);
        body.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(tasks, Priority.ALWAYS);
        VBox page = new VBox(12, title, message, body);
        page.setId("my-day");
        vm.load();
        return page;
    }

    private static Node group(String id, String caption, ObservableList<Activity> items, MyDayViewModel vm,
                              DateTimeFormatter when, boolean warn,
                              java.util.function.Consumer<java.util.UUID> openCustomer) {
        Label heading = new Label();
        heading.getStyleClass().add("title-4");
        VBox lines = new VBox(4);
        Runnable show = () -> {
            heading.setText(caption + " (" + items.size() + ")");
            lines.getChildren().clear();
            if (items.isEmpty()) {
                Label none = new Label(Messages.get("myDay.nothing"));
                none.getStyleClass().add("text-muted");
                lines.getChildren().add(none);
            }
            for (Activity task : items) {
                Label subject = new Label(task.subject());
                subject.getStyleClass().add("text-bold");
                Label about = new Label((task.customerName() == null ? "" : task.customerName() + " \u00b7 ")
                        + when.format(task.dueAt()));
                about.getStyleClass().add(warn ? "danger" : "text-muted");
                VBox text = new VBox(1, subject, about);
                if (openCustomer != null && task.customerId() != null) {
                    javafx.scene.control.Hyperlink customer = new javafx.scene.control.Hyperlink(task.customerName());
                    customer.getStyleClass().add(warn ? "danger" : "text-muted");
                    customer.setPadding(javafx.geometry.Insets.EMPTY);
                    customer.setOnAction(e -> openCustomer.accept(task.customerId()));
                    Label due = new Label("\u00b7 " + when.format(task.dueAt()));
                    due.getStyleClass().add(warn ? "danger" : "text-muted");
                    HBox aboutLine = new HBox(4, customer, due);
                    aboutLine.setAlignment(Pos.BASELINE_LEFT);
                    text.getChildren().set(1, aboutLine);
                }
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Button done = new Button(Messages.get("myDay.markDone"));
                done.setOnAction(e -> vm.complete(task));
                HBox line = new HBox(10, text, gap, done);
                line.setAlignment(Pos.CENTER_LEFT);
                lines.getChildren().add(line);
            }
        };
        items.addListener((ListChangeListener<Activity>) c -> show.run());
        show.run();
        VBox box = new VBox(6, heading, lines);
        box.setId(id);
        return box;
    }
}
