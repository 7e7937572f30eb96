package com.workline.app.desktop;

import com.workline.app.config.ClientConfiguration;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.TaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; {@link DesktopController} does the work. */
public final class DesktopApp extends Application {
    private static ClientConfiguration configuration;
    private DesktopController controller;

    public static void launch(ClientConfiguration clientConfiguration) {
        configuration = clientConfiguration;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        controller = new DesktopController(configuration, stage, TaskRunner.forJavaFx(), UserPreferences.system());
        controller.start();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.stop();
        }
    }
}
