package com.workline.app.desktop;

import com.workline.persistence.db.SchemaVersion;
import com.workline.persistence.db.embedded.ClusterBackup;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** An owner backs up the embedded database from the user menu, a person is added, and Restore… takes it back. */
@ExtendWith(ApplicationExtension.class)
class BackupWalkTest {
    private DesktopController controller;
    private Path data;
    private Path chosen;

    @Start
    void start(Stage stage) throws Exception {
        Path[] folder = new Path[1];
        controller = DesktopHarness.start(stage, false, folder);
        data = folder[0];
        chosen = data.resolve("chosen.wlbackup");
        controller.chooseFilesWith((owner, save, initialFolder, suggested) -> Optional.of(chosen));
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(javafx.scene.Node::isVisible).isPresent();
    }

    private static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query).write(text);
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#user-menu").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void signIn(FxRobot robot, String email, String password) throws Exception {
        waitUntil(() -> present(robot, "#sign-in"));
        robot.doubleClickOn("#email").eraseText(40).write(email);
        type(robot, "#password", password);
        robot.clickOn("#sign-in");
        waitUntil(() -> present(robot, "#sidebar"));
    }

    @Test
    void anOwnerBacksUpAndRestoresAndEmployeesCannot(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#create-company"));
        type(robot, "#company-name", "Backup Works");
        robot.doubleClickOn("#company-country").write("DE");
        robot.doubleClickOn("#company-currency").write("EUR");
        type(robot, "#owner-first-name", "Olga");
        type(robot, "#owner-last-name", "Owner");
        type(robot, "#owner-email", "olga@backup.example");
        type(robot, "#owner-password", "olgas-password");
        type(robot, "#owner-password-repeat", "olgas-password");
        robot.clickOn("#create-company");
        waitUntil(() -> present(robot, "#sidebar"));

        robot.clickOn("#user-menu");
        robot.clickOn("Back up\u2026");
        waitUntil(() -> present(robot, "#backup-status")
                && robot.lookup("#backup-status").queryAs(Labeled.class).getText().startsWith("Backed up to"));
        assertThat(robot.lookup("#backup-status").queryAs(Labeled.class).getText()).contains(chosen.toString());
        assertThat(ClusterBackup.verify(chosen).schemaVersion()).isEqualTo(SchemaVersion.EXPECTED);
        robot.clickOn("Close");

        // A change after the backup: a new employee.
        robot.clickOn("#nav-people");
        waitUntil(() -> present(robot, "#people-add"));
        robot.clickOn("#people-add");
        waitUntil(() -> present(robot, "#new-email"));
        type(robot, "#new-email", "emil@backup.example");
        type(robot, "#new-first-name", "Emil");
        type(robot, "#new-last-name", "Employee");
        type(robot, "#new-password", "emils-password");
        robot.clickOn("#new-person-ok");
        TableView<?> people = robot.lookup("#people-table").queryAs(TableView.class);
        waitUntil(() -> people.getItems().size() == 2);

        // The employee sees the items disabled, saying why.
        robot.clickOn("#user-menu");
        robot.clickOn("Sign out");
        signIn(robot, "emil@backup.example", "emils-password");
        assertThat(menuItem(robot, "menu-backup").isDisable()).isTrue();
        assertThat(menuItem(robot, "menu-backup").getText()).isEqualTo("Back up\u2026 (owners only)");
        assertThat(menuItem(robot, "menu-restore").isDisable()).isTrue();
        robot.clickOn("#user-menu");
        robot.clickOn("Sign out");

        signIn(robot, "olga@backup.example", "olgas-password");
        assertThat(menuItem(robot, "menu-restore").isDisable()).isFalse();
        robot.clickOn("#user-menu");
        robot.clickOn("Restore\u2026");
        waitUntil(() -> present(robot, "#restore-confirm"));
        assertThat(robot.lookup("#restore-confirm .content").queryAs(Labeled.class).getText())
                .contains("Replace all data").contains("kept until the restore has succeeded");
        robot.clickOn("Restore");
        waitUntil(() -> present(robot, "#restore-result") && present(robot, "#sign-in"));
        assertThat(robot.lookup("#restore-result .content").queryAs(Labeled.class).getText())
                .startsWith("Restored the backup of");
        robot.clickOn("OK");

        signIn(robot, "olga@backup.example", "olgas-password");
        robot.clickOn("#nav-people");
        TableView<?> restored = robot.lookup("#people-table").queryAs(TableView.class);
        waitUntil(() -> restored.getItems().size() == 1);
        try (var siblings = Files.list(data.resolve("embedded"))) {
            assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("pgdata.before-restore-"));
        }
    }
}
