package com.workline.app.desktop;

import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell's screen lifecycle and navigation in the demo company: shortcuts belong to the screen that is
 * shown, back/forward return to kept screens with unsaved input, Ctrl+K opens any record, and a signed-out
 * session leaves nothing behind.
 */
@ExtendWith(ApplicationExtension.class)
class ShellLifecycleTest {
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
        return robot.lookup(query).tryQuery().isPresent();
    }

    @Test
    void ctrlSOfAFormThatIsNotShownChangesNothingAndBackForwardKeepUnsavedInput(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#nav-customers"));
        robot.clickOn("#nav-customers");
        TableView<?> table = robot.lookup("#customer-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() > 0);
        robot.doubleClickOn(".table-row-cell");
        waitUntil(() -> present(robot, "#customer-record"));
        TextInputControl name = robot.lookup("#customer-name").queryTextInputControl();
        waitUntil(() -> !name.getText().isEmpty());
        String original = name.getText();
        robot.clickOn("#customer-name").type(KeyCode.END).write(" (edited)");

        robot.clickOn("#nav-home"); // leave the form with unsaved input
        waitUntil(() -> present(robot, "#home"));
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);

        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        waitUntil(() -> present(robot, "#customer-record"));
        TextInputControl again = robot.lookup("#customer-name").queryTextInputControl();
        assertThat(again.getText()).as("unsaved input survives leaving and coming back").isEqualTo(original + " (edited)");
        assertThat(robot.lookup("#customer-message").queryAs(Labeled.class).getText())
                .as("Ctrl+S on Home saved nothing").doesNotContain("aved");

        robot.press(KeyCode.ALT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.ALT);
        waitUntil(() -> present(robot, "#home"));
        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        waitUntil(() -> present(robot, "#customer-record"));
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#customer-message").queryAs(Labeled.class).getText().contains("aved"));
    }

    @Test
    void ctrlKFindsACustomerAndOpensItWithTheKeyboardOnly(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#home"));
        robot.clickOn("#home"); // the window has the keyboard
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        try {
            waitUntil(() -> Window.getWindows().size() == 2);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Ctrl+K opened no window; accelerators: "
                    + robot.lookup("#home").query().getScene().getAccelerators().keySet(), e);
        }
        Stage search = (Stage) Window.getWindows().stream().filter(w -> w != robot.lookup("#home").query().getScene().getWindow())
                .findFirst().orElseThrow();
        robot.targetWindow(search);
        waitUntil(() -> search.getScene().lookup("#quick-search-field").isFocused());
        robot.write("Meri");
        ListView<?> results = (ListView<?>) search.getScene().lookup("#quick-search-results");
        waitUntil(() -> !results.getItems().isEmpty());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present(robot, "#customer-record"));
        TextInputControl name = robot.lookup("#customer-name").queryTextInputControl();
        waitUntil(() -> name.getText().toLowerCase().contains("meri"));
        assertThat(robot.lookup("#nav-customers").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void aDealOpensItsCustomerAndBackReturnsToTheDeal(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#home"));
        robot.clickOn("#home");
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        waitUntil(() -> Window.getWindows().size() == 2);
        Stage search = (Stage) Window.getWindows().stream().filter(w -> w != robot.lookup("#home").query().getScene().getWindow())
                .findFirst().orElseThrow();
        robot.targetWindow(search);
        waitUntil(() -> search.getScene().lookup("#quick-search-field").isFocused());
        robot.write("order");
        ListView<?> results = (ListView<?>) search.getScene().lookup("#quick-search-results");
        waitUntil(() -> !results.getItems().isEmpty());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present(robot, "#deal-form") && present(robot, "#deal-open-customer")
                && !robot.lookup("#deal-open-customer").query().isDisabled());
        String dealTitle = robot.lookup("#deal-title").queryTextInputControl().getText();
        assertThat(dealTitle).containsIgnoringCase("order");

        robot.clickOn("#deal-open-customer");
        waitUntil(() -> present(robot, "#customer-record") && !present(robot, "#deal-form"));
        assertThat(robot.lookup("#nav-customers").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        waitUntil(() -> present(robot, "#deal-form"));
        assertThat(robot.lookup("#deal-title").queryTextInputControl().getText()).isEqualTo(dealTitle);
        assertThat(robot.lookup("#nav-pipeline").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void afterSigningOutThePreviousSessionAndShellAreGone(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#nav-customers"));
        robot.clickOn("#nav-customers");
        waitUntil(() -> present(robot, "#customer-table"));
        robot.clickOn("#nav-pipeline");
        waitUntil(() -> present(robot, "#nav-pipeline"));
        WeakReference<Object> shell = new WeakReference<>(controller.shell());
        WeakReference<Object> shellRoot = new WeakReference<>(controller.shell().root());
        WeakReference<Object> person = new WeakReference<>(controller.person());

        robot.clickOn("#user-menu");
        robot.clickOn("#menu-sign-out");
        waitUntil(() -> present(robot, "#sign-in"));
        // The window's mouse and focus bookkeeping point at the new screen once the person moves on.
        robot.clickOn("#email");
        robot.moveTo("#password");
        WaitForAsyncUtils.waitForFxEvents();
        // TestFX itself (not the application) records every event fired on the primary stage, and those events
        // point at the old shell's nodes: registering the stage again starts a fresh record.
        org.testfx.api.FxToolkitContext toolkit = org.testfx.api.FxToolkit.toolkitContext();
        robot.interact(() -> toolkit.setRegisteredStage(toolkit.getRegisteredStage()));
        long deadline = System.currentTimeMillis() + 15_000;
        while ((shell.get() != null || shellRoot.get() != null || person.get() != null)
                && System.currentTimeMillis() < deadline) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        assertThat(java.util.Arrays.asList(person.get() == null, shell.get() == null, shellRoot.get() == null))
                .as("person, shell and its nodes are gone").containsOnly(true);
        assertThat(Window.getWindows()).as("no leftover windows").hasSize(1);
        Platform.runLater(() -> { });
    }
}
