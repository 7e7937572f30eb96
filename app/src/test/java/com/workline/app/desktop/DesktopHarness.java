package com.workline.app.desktop;

import com.workline.app.config.ClientConfiguration;
import com.workline.persistence.db.RoleNames;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.TaskRunner;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Starts the real desktop client on a fresh embedded database in a temporary folder, as the UI tests need it. */
final class DesktopHarness {
    private DesktopHarness() {
    }

    /** @return the started controller; the folder is returned through {@code data[0]} when the caller wants it */
    static DesktopController start(Stage stage, boolean demo, Path[] data) throws IOException {
        Path folder = Files.createTempDirectory("workline-ui-test");
        // As root (CI) PostgreSQL runs as 'nobody', which must be able to enter the folder.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (data != null) {
            data[0] = folder;
        }
        return startIn(stage, folder, demo);
    }

    /** Starts the client on an existing data folder (a restart after {@link DesktopController#stop()}); FX thread. */
    static DesktopController startIn(Stage stage, Path folder, boolean demo) {
        DesktopController controller = new DesktopController(new ClientConfiguration(null, RoleNames.defaults(), folder, demo),
                stage, TaskRunner.forJavaFx(), UserPreferences.inMemory());
        controller.start();
        return controller;
    }
}
