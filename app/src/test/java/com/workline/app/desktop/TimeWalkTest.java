package com.workline.app.desktop;

import com.workline.persistence.projects.Project;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.projects.TimeStatus;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.time.Weeks;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects &amp; time › My time and the timer in the demo company (signed in as Maria, a manager): hours typed into
 * the week grid with the keyboard, totals, Submit week; a timer started from the quick bar still runs after the client
 * is stopped and started again on the same data folder, Ctrl+Shift+T stops it and its entry is in the week. The demo
 * has Maria's draft time of this week; the grid walk clears it first (as she could, row by row) to count from zero.
 */
@ExtendWith(ApplicationExtension.class)
class TimeWalkTest {
    private Stage stage;
    private Path[] data = new Path[1];
    private DesktopController controller;

    @Start
    void start(Stage window) throws Exception {
        stage = window;
        controller = DesktopHarness.start(window, true, data);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : ((TextField) n).getText())
                .orElse("");
    }

    private TenantSession session() {
        return controller.person().choose(controller.person().organizations().get(0).id());
    }

    private ProjectDetails project(String name) {
        return Projects.of(session()).projects().create(Project.create(name, null).withStatus(ProjectStatus.ACTIVE));
    }

    /** The picker: types the project's name, Enter to the list, Enter chooses it. */
    static void pick(FxRobot robot, String name) throws Exception {
        waitUntil(() -> robot.lookup("#picker-search").tryQuery().map(Node::isFocused).orElse(false));
        Node search = robot.lookup("#picker-search").query();
        robot.targetWindow(search.getScene().getWindow());
        robot.clickOn(search).write(name);
        ListView<?> projects = robot.lookup("#picker-projects").queryAs(ListView.class);
        try {
            waitUntil(() -> projects.getItems().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("searched '" + robot.lookup("#picker-search").queryTextInputControl().getText()
                    + "', found " + projects.getItems(), e);
        }
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#picker-projects").queryAs(ListView.class).isFocused());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#picker-search").tryQuery().isEmpty());
    }

    @Test
    void hoursTypedIntoTheWeekWithTheKeyboardAddUpAndTheWeekIsSubmitted(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#nav-my_time"));
        ProjectDetails website = project("Walk website");
        ProjectDetails support = project("Walk support");
        var time = Projects.of(session()).time();
        time.week(null, LocalDate.now()).entries().forEach(e -> time.delete(e.id(), e.version()));
        robot.clickOn("#nav-my_time");
        waitUntil(() -> present(robot, "#time-grid") && text(robot, "#time-week-status").equals("No time recorded this week."));

        robot.clickOn("#time-add-row");
        pick(robot, "Walk support");
        robot.clickOn("#time-add-row");
        pick(robot, "Walk website");
        waitUntil(() -> present(robot, "#time-cell-1-0"));
        assertThat(rowLabel(robot, 0)).endsWith("Walk support");
        assertThat(rowLabel(robot, 1)).endsWith("Walk website");

        // Row 0 (support): Monday 2, Tab, Tuesday 1:30; Enter moves down to the website's Tuesday.
        robot.clickOn("#time-cell-0-0");
        robot.write("2").type(KeyCode.TAB).write("1:30").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#time-cell-1-1").query().isFocused());
        robot.write("6").type(KeyCode.TAB).write("7:45").type(KeyCode.TAB);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT); // back to Wednesday
        waitUntil(() -> robot.lookup("#time-cell-1-2").query().isFocused());
        robot.write("8").type(KeyCode.TAB);

        waitUntil(() -> text(robot, "#time-total-1").equals("7:30") && text(robot, "#time-total-2").equals("8:00"));
        assertThat(text(robot, "#time-total-0")).isEqualTo("2:00");
        assertThat(text(robot, "#time-total-week")).startsWith("17:30 of ");
        assertThat(text(robot, "#time-row-total-1")).isEqualTo("14:00");
        assertThat(text(robot, "#time-cell-1-2")).as("7:45 was replaced").isEqualTo("8:00");
        assertThat(text(robot, "#time-week-status")).isEqualTo("Draft \u2014 not submitted yet.");

        robot.clickOn("#time-submit");
        waitUntil(() -> text(robot, "#time-week-status").equals("Submitted \u2014 waiting for approval."));
        assertThat(text(robot, "#time-message")).isEqualTo("4 entries submitted for approval.");
        assertThat(robot.lookup("#time-cell-1-1").queryAs(TextField.class).isEditable()).as("locked for its person").isFalse();
        List<TimeEntry> week = Projects.of(session()).time().week(null, LocalDate.now()).entries();
        assertThat(week).extracting(TimeEntry::status).containsOnly(TimeStatus.SUBMITTED);
        assertThat(week).extracting(TimeEntry::projectId).containsOnly(website.project().id(), support.project().id());
        assertThat(week.stream().mapToInt(TimeEntry::rawMinutes).sum()).isEqualTo(17 * 60 + 30);
    }

    @Test
    void aRunningTimerSurvivesARestartAndCtrlShiftTStopsItIntoTheWeek(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#timer-start"));
        ProjectDetails project = project("Walk timer");
        robot.clickOn("#timer-start");
        pick(robot, "Walk timer");
        waitUntil(() -> present(robot, "#timer-elapsed") && text(robot, "#timer-caption").endsWith("Walk timer"));
        TimeEntry running = Projects.of(session()).time().runningTimer();
        assertThat(running.projectId()).isEqualTo(project.project().id());

        controller.stop(); // the client ends (the embedded database too); the timer is only in the database
        robot.interact(() -> controller = DesktopHarness.startIn(stage, data[0], true));
        waitUntil(() -> present(robot, "#timer-elapsed") && text(robot, "#timer-caption").endsWith("Walk timer"));
        long shownSeconds = seconds(text(robot, "#timer-elapsed"));
        long sinceStart = Duration.between(running.startedAt().toInstant(), Instant.now()).getSeconds();
        assertThat(shownSeconds).as("elapsed since the stored start, not since the restart").isBetween(sinceStart - 5, sinceStart + 1);
        assertThat(Projects.of(session()).time().runningTimer().id()).isEqualTo(running.id());

        robot.clickOn("#home");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> present(robot, "#timer-start"));
        TimeEntry stopped = Projects.of(session()).time().load(running.id());
        assertThat(stopped.running()).isFalse();
        assertThat(Projects.of(session()).time().runningTimer()).isNull();

        robot.clickOn("#nav-my_time");
        waitUntil(() -> rowOf(robot, "Walk timer") >= 0);
        int row = rowOf(robot, "Walk timer");
        assertThat(Weeks.startOf(stopped.entryDate())).isEqualTo(Weeks.startOf(LocalDate.now()));
        String cell = "#time-cell-" + row + "-" + (stopped.entryDate().getDayOfWeek().getValue() - 1);
        waitUntil(() -> !text(robot, cell).isEmpty());
        assertThat(text(robot, cell)).isEqualTo(com.workline.persistence.time.Durations.format(stopped.rawMinutes()));
        assertThat(text(robot, "#time-week-status")).isEqualTo("Draft \u2014 not submitted yet.");
    }

    static String rowLabel(FxRobot robot, int row) {
        return ((Labeled) robot.lookup("#time-row-" + row).queryAs(javafx.scene.layout.VBox.class).getChildren().get(0)).getText();
    }

    /** The grid row whose label ends with the project's name, or -1 (the demo's own rows come first). */
    static int rowOf(FxRobot robot, String project) {
        for (int row = 0; robot.lookup("#time-row-" + row).tryQuery().isPresent(); row++) {
            if (rowLabel(robot, row).endsWith(project)) {
                return row;
            }
        }
        return -1;
    }

    private static long seconds(String hms) {
        String[] parts = hms.split(":");
        return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
    }
}
