package com.workline.app.desktop;

import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** `workline --demo`: creates the demo company and opens it as its manager, without a password prompt. */
@ExtendWith(ApplicationExtension.class)
class DemoStartTest {
    private DesktopController controller;
    private Path data;

    @Start
    void start(Stage stage) throws Exception {
        Path[] folder = new Path[1];
        controller = DesktopHarness.start(stage, true, folder);
        data = folder[0];
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    @Test
    void opensTheDemoCompanyAsItsManager(FxRobot robot) throws Exception {
        DesktopWalkTest.waitUntil(() -> robot.lookup("#status-bar").tryQuery().isPresent());
        String status = robot.lookup("#status-bar .label").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).reduce("", (a, b) -> a + " | " + b);
        assertThat(status).contains("Northwind Fabrication (demo) (Manager)").contains("maria.manager@northwind.demo");
        assertThat(robot.lookup("#nav-people").tryQuery()).as("managers do not administer").isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("demo-credentials.properties"))))
                .isEqualTo("rw-------");
    }
}
