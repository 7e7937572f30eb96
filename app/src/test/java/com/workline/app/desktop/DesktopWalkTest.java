package com.workline.app.desktop;

import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop client on a fresh embedded database, driven like a person would: first run, create the
 * company, add an employee, sign out, sign in as the employee, see no administration, switch the theme.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopWalkTest {
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, false, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(javafx.scene.Node::isVisible).isPresent();
    }

    private static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query).write(text);
    }

    @Test
    void firstRunAdministrationSignOutAndSignInAsEmployee(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#create-company"));
        type(robot, "#company-name", "Walkthrough Works");
        robot.doubleClickOn("#company-country").write("DE");
        robot.doubleClickOn("#company-currency").write("EUR");
        type(robot, "#owner-first-name", "Olga");
        type(robot, "#owner-last-name", "Owner");
        type(robot, "#owner-email", "olga@walk.example");
        type(robot, "#owner-password", "olgas-password");
        type(robot, "#owner-password-repeat", "olgas-password");
        robot.clickOn("#create-company");
        waitUntil(() -> present(robot, "#sidebar"));
        assertThat(present(robot, "#nav-organization")).isTrue();

        robot.clickOn("#nav-organization");
        waitUntil(() -> present(robot, "#organization-settings"));
        waitUntil(() -> "Walkthrough Works".equals(robot.lookup("#name").queryTextInputControl().getText()));

        robot.clickOn("#nav-people");
        waitUntil(() -> present(robot, "#people-add"));
        robot.clickOn("#people-add");
        waitUntil(() -> present(robot, "#new-email"));
        type(robot, "#new-email", "emil@walk.example");
        type(robot, "#new-first-name", "Emil");
        type(robot, "#new-last-name", "Employee");
        type(robot, "#new-password", "emils-password");
        robot.clickOn("#new-person-ok");
        TableView<?> table = robot.lookup("#people-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#people-message").queryAs(Labeled.class).getText()).contains("emil@walk.example");

        robot.clickOn("#user-menu");
        robot.clickOn("Sign out");
        waitUntil(() -> present(robot, "#sign-in"));
        robot.doubleClickOn("#email").eraseText(40).write("emil@walk.example");
        type(robot, "#password", "emils-password");
        robot.clickOn("#sign-in");
        waitUntil(() -> present(robot, "#sidebar"));
        assertThat(present(robot, "#nav-organization")).as("no administration for employees").isFalse();
        assertThat(present(robot, "#nav-people")).isFalse();
        assertThat(present(robot, "#nav-profile")).isTrue();

        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        robot.clickOn("#user-menu");
        robot.clickOn("Dark theme");
        waitUntil(() -> Application.getUserAgentStylesheet().contains("primer-dark"));
    }
}
