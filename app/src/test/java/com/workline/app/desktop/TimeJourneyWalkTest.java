package com.workline.app.desktop;

import com.workline.persistence.projects.BudgetFigures;
import com.workline.persistence.projects.Project;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.projects.TimeStatus;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.tenancy.CompanySetup;
import com.workline.persistence.time.Weeks;
import com.workline.ui.approval.ApprovalQueueViewModel.Decision;
import com.workline.ui.approval.ApprovalQueueViewModel.QueueItem;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole round of a week in the demo company, as two people at one desk: Erik (an employee) starts a timer from
 * the top bar and stops it with Ctrl+Shift+T, fills the rest of his week in the grid by keyboard and submits it; Maria
 * (a manager) approves his week in the queue with Ctrl+Enter and sees the project's budget figures moved by his hours.
 */
@ExtendWith(ApplicationExtension.class)
class TimeJourneyWalkTest {
    private static final String PROJECT = "Journey website";
    private static final int HOURS_A_DAY = 8;

    private final Path[] data = new Path[1];
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, true, data);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    @SuppressWarnings("unchecked")
    @Test
    void erikTimesAndFillsHisWeekMariaApprovesItAndTheBudgetMoves(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#nav-projects"));
        Map<String, char[]> passwords = new DemoCredentials(data[0]).loadOrCreate();
        // Maria (the demo signs her in) has a project with a budget of 40 hours; nobody has booked on it yet.
        ProjectDetails project = Projects.of(session()).projects().create(Project.create(PROJECT, null)
                .withStatus(ProjectStatus.ACTIVE).withBudget(40 * 60, null, false));
        String before = budgetFigureOf(robot);
        assertThat(before).startsWith("0 / 40 h").endsWith(" 0 % used");

        signInAs(robot, CompanySetup.DEMO_PEOPLE.get(3).email(), passwords); // Erik, an employee
        waitUntil(() -> present(robot, "#timer-start"));
        robot.clickOn("#timer-start");
        TimeWalkTest.pick(robot, PROJECT);
        waitUntil(() -> present(robot, "#timer-elapsed") && text(robot, "#timer-caption").endsWith(PROJECT));
        waitUntil(() -> !text(robot, "#timer-elapsed").endsWith(":00")); // it runs: a second has passed
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> present(robot, "#timer-start"));
        assertThat(Projects.of(session()).time().runningTimer()).as("the timer stopped").isNull();

        // The timer's entry is today's on the project's row; the other working days get 8 hours each, by keyboard.
        robot.clickOn("#nav-my_time");
        waitUntil(() -> TimeWalkTest.rowOf(robot, PROJECT) >= 0);
        int row = TimeWalkTest.rowOf(robot, PROJECT); // the demo's own draft rows of this week come first
        int today = LocalDate.now().getDayOfWeek().getValue() - 1;
        robot.clickOn("#time-cell-" + row + "-0");
        int typedDays = 0;
        for (int day = 0; day < 5; day++) {
            int d = day;
            waitUntil(() -> robot.lookup("#time-cell-" + row + "-" + d).query().isFocused());
            if (day != today) {
                robot.write(String.valueOf(HOURS_A_DAY));
                typedDays++;
            }
            robot.type(KeyCode.TAB);
        }
        int typedMinutes = typedDays * HOURS_A_DAY * 60;
        waitUntil(() -> text(robot, "#time-row-total-" + row).startsWith(typedDays(typedMinutes)));
        robot.clickOn("#time-submit");
        waitUntil(() -> text(robot, "#time-week-status").equals("Submitted \u2014 waiting for approval."));
        List<TimeEntry> week = Projects.of(session()).time().week(null, LocalDate.now()).entries();
        assertThat(week).extracting(TimeEntry::status).containsOnly(TimeStatus.SUBMITTED);
        int weekMinutes = week.stream().filter(e -> e.projectId().equals(project.project().id()))
                .mapToInt(TimeEntry::rawMinutes).sum();
        assertThat(weekMinutes).isBetween(typedMinutes, typedMinutes + 1);
        UUID erik = week.get(0).userId();

        signInAs(robot, CompanySetup.DEMO_PEOPLE.get(2).email(), passwords); // Maria, a manager
        waitUntil(() -> present(robot, "#nav-approvals"));
        robot.clickOn("#nav-approvals");
        waitUntil(() -> present(robot, "#approval-queue"));
        TableView<QueueItem> queue = robot.lookup("#approval-queue").queryAs(TableView.class);
        LocalDate monday = Weeks.startOf(LocalDate.now());
        waitUntil(() -> indexOf(queue, erik, monday) >= 0);
        int erikWeek = indexOf(queue, erik, monday);
        robot.interact(() -> {
            queue.getSelectionModel().select(erikWeek);
            queue.requestFocus();
        });
        waitUntil(() -> robot.lookup("#approval-week-summary").queryAs(Labeled.class).getText().startsWith("Erik"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> queue.getItems().get(erikWeek).decision() == Decision.APPROVED);
        assertThat(Projects.of(session()).time().week(erik, LocalDate.now()).entries()).extracting(TimeEntry::status)
                .containsOnly(TimeStatus.APPROVED);

        String after = budgetFigureOf(robot);
        assertThat(after).isNotEqualTo(before).startsWith(String.valueOf(typedMinutes / 60)).contains(" / 40 h");
        BudgetFigures figures = Projects.of(session()).projects().figures(project.project().id());
        assertThat(figures.actualMinutes()).isEqualTo(weekMinutes);
    }

    /** Projects › the project found by typing its name, opened with Enter: its hours against the budget. */
    private String budgetFigureOf(FxRobot robot) throws Exception {
        robot.clickOn("#nav-projects");
        waitUntil(() -> present(robot, "#project-search"));
        robot.doubleClickOn("#project-search").eraseText(40).write(PROJECT);
        TableView<?> table = robot.lookup("#project-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectFirst();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present(robot, "#project-record") && !text(robot, "#project-budget-hours-figure").isEmpty());
        return text(robot, "#project-budget-hours-figure");
    }

    private void signInAs(FxRobot robot, String email, Map<String, char[]> passwords) throws Exception {
        robot.clickOn("#user-menu");
        robot.clickOn("#menu-sign-out");
        waitUntil(() -> present(robot, "#sign-in"));
        robot.doubleClickOn("#email").eraseText(60).write(email);
        robot.clickOn("#password").write(new String(passwords.get(email)));
        robot.clickOn("#sign-in");
        waitUntil(() -> present(robot, "#sidebar"));
    }

    private static int indexOf(TableView<QueueItem> queue, UUID person, LocalDate monday) {
        List<QueueItem> items = List.copyOf(queue.getItems());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).week().userId().equals(person) && items.get(i).week().weekStart().equals(monday)) {
                return i;
            }
        }
        return -1;
    }

    /** Whole hours as the grid shows them at the start ("32:00" starts with "32:"). */
    private static String typedDays(int minutes) {
        return minutes / 60 + ":";
    }

    private TenantSession session() {
        return controller.person().choose(controller.person().organizations().get(0).id());
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : ((TextField) n).getText())
                .orElse("");
    }
}
