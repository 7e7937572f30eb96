package com.workline.installer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up baseline of docs/performance.md: a bare JavaFX window with one label, run on the same runtime as the
 * packaged Workline. With {@code -Dworkline.startupProbe=exit} it prints the same line as Workline's probe when
 * its window has been laid out and shown, and exits; otherwise it stays open.
 */
public final class BareWindow extends Application {
    private static final long STARTED = System.currentTimeMillis();

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("Hello"), 400, 200);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        if ("exit".equals(System.getProperty("workline.startupProbe"))) {
            stage.setOnShown(shown -> scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    System.out.println("startup-probe: window shown");
                    Platform.exit();
                }
            }));
        }
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
