package com.workline.app.desktop;

import com.workline.persistence.tenancy.CompanySetup;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Map;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second start on a data folder that holds a company: the sign-in form is there while the embedded PostgreSQL is
 * still starting behind it (start-up, docs/performance.md), and signing in as soon as it is shown waits for the
 * database and then opens the shell.
 */
@ExtendWith(ApplicationExtension.class)
class EmbeddedSignInWalkTest {
    private final Path[] data = new Path[1];
    private Stage stage;
    private DesktopController controller;

    @Start
    void start(Stage window) throws Exception {
        stage = window;
        controller = DesktopHarness.start(window, true, data); // the demo company, once
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    @Test
    void theSignInFormComesBeforeTheDatabaseAndSigningInWaitsForIt(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#sidebar"));
        controller.stop();
        Map<String, char[]> passwords = new DemoCredentials(data[0]).loadOrCreate();
        String maria = CompanySetup.DEMO_PEOPLE.get(2).email();

        robot.interact(() -> controller = DesktopHarness.startIn(stage, data[0], false));
        waitUntil(() -> present(robot, "#sign-in"));
        // Typed at once and sent with Enter: the database may not be up yet; the sign-in waits for it.
        robot.clickOn("#email").eraseText(60).write(maria);
        robot.clickOn("#password").write(new String(passwords.get(maria)));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> present(robot, "#sidebar"));
        assertThat(present(robot, "#nav-my_time")).isTrue();
        assertThat(present(robot, "#signin-error")).isFalse();
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }
}
