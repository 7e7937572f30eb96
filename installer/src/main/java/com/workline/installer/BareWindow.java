package com.workline.installer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up baseline of docs/performance.md: a bare JavaFX window with one label, run on the same runtime as the
 * packaged Workline. With {@code -Dworkline.startupProbe=exit} or {@code halt} it prints a line like Workline's
 * start-up probe when its window has been laid out and shown, then exits (JavaFX's way) or ends the process at once
 * (as Workline's probe does in the benchmark); otherwise it stays open.
 */
public final class BareWindow extends Application {
    private static final long STARTED = System.currentTimeMillis();

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("Hello"), 400, 200);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        String probe = System.getProperty("workline.startupProbe");
        if ("exit".equals(probe) || "halt".equals(probe)) {
            stage.setOnShown(shown -> scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    long millis = ProcessHandle.current().info().startInstant()
                            .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
                    // The wall clock too: a process's start instant is only as exact as the kernel's boot time (a second).
                    System.out.println("startup-probe: window shown after " + millis + " ms, at epoch ms "
                            + System.currentTimeMillis());
                    System.out.flush();
                    if ("halt".equals(probe)) {
                        Runtime.getRuntime().halt(0);
                    }
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
