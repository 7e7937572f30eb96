package com.workline.ui.time;

import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The timer in the shell's top bar: "Start timer" (a project/task picker) while none runs, else the elapsed time
 * (ticking once a second only while it runs), its project and task and Stop; Ctrl+Shift+T stops it or starts the last
 * one again. The reminder is a notice beside it (non-modal); after idle time the person is asked what it was.
 */
public final class TimerView {
    /** Stops the running timer, or starts the last one (anywhere in the window). */
    public static final KeyCombination TOGGLE = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private TimerView() {
    }

    /** @param picker a fresh project/task picker for each question */
    public static Screen create(TimerViewModel vm, Supplier<ProjectTaskPickerViewModel> picker, Locale locale, ZoneId zone) {
        Button start = new Button(Messages.get("time.timer.start"));
        start.setId("timer-start");
        start.getStyleClass().add("flat");
        start.setTooltip(new Tooltip(Messages.get("time.timer.startTip")));
        Label elapsed = new Label();
        elapsed.setId("timer-elapsed");
        elapsed.getStyleClass().addAll("title-4", "timer-elapsed");
        elapsed.textProperty().bind(vm.elapsedProperty());
        elapsed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label caption = new Label();
        caption.setId("timer-caption");
        caption.setMaxWidth(260);
        caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.textProperty().bind(vm.captionProperty());
        Button stop = new Button(Messages.get("time.timer.stop"));
        stop.setId("timer-stop");
        stop.getStyleClass().addAll("danger", "flat");
        stop.setTooltip(new Tooltip(Messages.get("time.timer.stopTip")));
        stop.setOnAction(e -> vm.stop());
        start.disableProperty().bind(vm.busyProperty());
        stop.disableProperty().bind(vm.busyProperty());
        HBox runningBox = new HBox(8, elapsed, caption, stop);
        runningBox.setAlignment(Pos.CENTER_LEFT);
        runningBox.visibleProperty().bind(vm.runningProperty().isNotNull());
        runningBox.managedProperty().bind(runningBox.visibleProperty());
        start.visibleProperty().bind(vm.runningProperty().isNull());
        start.managedProperty().bind(start.visibleProperty());

        Label notice = new Label();
        notice.setId("timer-notice");
        notice.getStyleClass().addAll("warning", "timer-notice");
        notice.setMaxWidth(320);
        notice.textProperty().bind(vm.noticeProperty());
        notice.setTooltip(new Tooltip());
        notice.getTooltip().textProperty().bind(vm.noticeProperty());
        Button dismiss = new Button("\u00d7");
        dismiss.setId("timer-notice-dismiss");
        dismiss.getStyleClass().add("flat");
        dismiss.setTooltip(new Tooltip(Messages.get("time.timer.dismiss")));
        dismiss.setOnAction(e -> vm.dismissNotice());
        HBox noticeBox = new HBox(4, notice, dismiss);
        noticeBox.setAlignment(Pos.CENTER_LEFT);
        noticeBox.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        noticeBox.managedProperty().bind(noticeBox.visibleProperty());

        Label message = new Label();
        message.setId("timer-message");
        message.getStyleClass().addAll("text-small", "text-muted");
        message.setMaxWidth(240);
        message.textProperty().bind(vm.messageProperty());
        message.setTooltip(new Tooltip());
        message.getTooltip().textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        HBox root = new HBox(8, start, runningBox, noticeBox, message);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("timer");

        Runnable choose = () -> ProjectTaskPicker.choose(picker.get(), root, Messages.get("time.timer.startTitle"), true)
                .ifPresent(c -> vm.start(c.projectId(), c.taskId(), c.description()));
        start.setOnAction(e -> choose.run());

        // Ticks once a second, only while a timer runs and the shell is shown.
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        boolean[] shown = {false};
        Runnable ticking = () -> {
            if (shown[0] && vm.isRunning()) {
                ticks.play();
            } else {
                ticks.stop();
            }
        };
        ChangeListener<Object> runningChanged = (o, was, now) -> ticking.run();
        vm.runningProperty().addListener(runningChanged);

        // Every key, click, move and scroll in the window tells the idle detector the person is there.
        EventHandler<InputEvent> input = e -> {
            if (e.getEventType() == KeyEvent.KEY_PRESSED || e.getEventType() == MouseEvent.MOUSE_MOVED
                    || e.getEventType() == MouseEvent.MOUSE_PRESSED || e.getEventType() == ScrollEvent.SCROLL) {
                vm.input();
            }
        };
        Alert[] question = new Alert[1];
        ChangeListener<IdleDetector.IdlePeriod> idleListener = (o, was, period) -> {
            if (period != null && shown[0] && question[0] == null) {
                question[0] = askAboutIdle(vm, period, root, picker, locale, zone, () -> question[0] = null);
            }
        };
        Scene[] scene = new Scene[1];
        Screen screen = Screen.of(root)
                .shortcut(TOGGLE, () -> {
                    if (!vm.toggle()) {
                        choose.run();
                    }
                })
                .every(Duration.seconds(60), vm::load) // a timer started or stopped on another device
                .whileShown(() -> {
                    shown[0] = true;
                    scene[0] = root.getScene();
                    scene[0].addEventFilter(InputEvent.ANY, input);
                    vm.idleProperty().addListener(idleListener);
                    ticking.run();
                }, () -> {
                    shown[0] = false;
                    ticking.run();
                    vm.idleProperty().removeListener(idleListener);
                    if (scene[0] != null) {
                        scene[0].removeEventFilter(InputEvent.ANY, input);
                        scene[0] = null;
                    }
                })
                .onDispose(() -> {
                    ticks.stop();
                    vm.runningProperty().removeListener(runningChanged);
                    if (question[0] != null) {
                        question[0].close();
                    }
                })
                .owning(vm.tasks());
        vm.load();
        return screen;
    }

    /** Keep, discard, or book the idle time on another project (the timer goes on from now). */
    private static Alert askAboutIdle(TimerViewModel vm, IdleDetector.IdlePeriod period, HBox owner,
                                      Supplier<ProjectTaskPickerViewModel> picker, Locale locale, ZoneId zone, Runnable closed) {
        DateTimeFormatter clock = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        ButtonType keep = new ButtonType(Messages.get("time.idle.keep"), ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(Messages.get("time.idle.discard"), ButtonBar.ButtonData.OTHER);
        ButtonType elsewhere = new ButtonType(Messages.get("time.idle.elsewhere"), ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("time.idle.question",
                clock.format(period.start()), clock.format(period.end()), minutes(period.start(), period.end()),
                vm.captionProperty().get()), keep, discard, elsewhere);
        alert.setTitle(Messages.get("time.idle.title"));
        alert.setHeaderText(Messages.get("time.idle.header"));
        alert.getDialogPane().setId("idle-question");
        ((Button) alert.getDialogPane().lookupButton(keep)).setId("idle-keep");
        ((Button) alert.getDialogPane().lookupButton(discard)).setId("idle-discard");
        ((Button) alert.getDialogPane().lookupButton(elsewhere)).setId("idle-elsewhere");
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.setOnHidden(e -> {
            closed.run();
            ButtonType answer = alert.getResult();
            if (answer == discard) {
                vm.discardIdle();
            } else if (answer == elsewhere) {
                ProjectTaskPicker.choose(picker.get(), owner, Messages.get("time.idle.elsewhereTitle"), false)
                        .ifPresentOrElse(c -> vm.bookIdleElsewhere(c.projectId(), c.taskId()), vm::keepIdle);
            } else {
                vm.keepIdle();
            }
        });
        alert.show();
        return alert;
    }

    private static String minutes(Instant from, Instant to) {
        return com.workline.persistence.time.Durations.format((int) java.time.Duration.between(from, to).toMinutes());
    }
}
