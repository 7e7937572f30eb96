package com.workline.app.desktop;

import com.workline.ui.approval.ApprovalQueueViewModel.Decision;
import com.workline.ui.approval.ApprovalQueueViewModel.QueueItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects & time › Approvals in the demo company, by keyboard: the manager approves the first waiting week with
 * Ctrl+Enter, then asks to reject the next with Ctrl+Shift+R, is told that a reason is needed, types it and rejects it.
 */
@ExtendWith(ApplicationExtension.class)
class ApprovalWalkTest {
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, true, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(javafx.scene.Node::isVisible).isPresent();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aManagerApprovesOneWeekAndRejectsAnotherWithAReason(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#nav-approvals"));
        robot.clickOn("#nav-approvals");
        waitUntil(() -> present(robot, "#approval-queue"));
        TableView<QueueItem> queue = robot.lookup("#approval-queue").queryAs(TableView.class);
        TableView<?> entries = robot.lookup("#approval-week-entries").queryAs(TableView.class);
        waitUntil(() -> queue.getItems().size() >= 2 && queue.getSelectionModel().getSelectedIndex() == 0
                && !entries.getItems().isEmpty());
        String firstPerson = queue.getItems().get(0).week().personName();
        assertThat(robot.lookup("#approval-week-summary").queryAs(Labeled.class).getText()).startsWith(firstPerson);

        robot.interact(queue::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> queue.getItems().get(0).decision() == Decision.APPROVED);
        waitUntil(() -> robot.lookup("#approval-message").queryAs(Labeled.class).getText().startsWith("Approved: " + firstPerson));
        waitUntil(() -> queue.getSelectionModel().getSelectedIndex() == 1);

        // Reject the next week: without a reason the dialog says so and stays; with one, the week is rejected.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> present(robot, "#approval-reject-reason"));
        robot.clickOn("#approval-reject-confirm");
        waitUntil(() -> robot.lookup(n -> n instanceof Labeled l && l.isVisible()
                && "Enter why the week is rejected; the person sees it.".equals(l.getText())).tryQuery().isPresent());
        assertThat(queue.getItems().get(1).decision()).isEqualTo(Decision.SUBMITTED);
        robot.clickOn("#approval-reject-reason").write("Friday is missing.");
        robot.clickOn("#approval-reject-confirm");
        waitUntil(() -> !present(robot, "#approval-reject-reason"));
        waitUntil(() -> queue.getItems().get(1).decision() == Decision.REJECTED);
        assertThat(robot.lookup("#approval-message").queryAs(Labeled.class).getText()).startsWith("Rejected: ");

        // Read again, the queue holds only the weeks still waiting.
        int waiting = (int) queue.getItems().stream().filter(q -> q.decision() == Decision.SUBMITTED).count();
        robot.type(KeyCode.F5);
        waitUntil(() -> queue.getItems().size() == waiting);
    }
}
