package com.workline.app.desktop;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks the moment the first usable screen (sign-in, first-run set-up or, with {@code --demo}, the main window) has
 * been laid out in the shown window, for the start-up figures of docs/performance.md and the package test.
 * Off unless the system property {@code workline.startupProbe} is {@code print} (print one line to standard output),
 * {@code exit} (print it, then end the application as closing the window would: the package build's training run) or
 * {@code halt} (print it and end the process at once: the start-up benchmark times start-up, not shutting down).
 * The installer module's bare JavaFX window does the same at the same moment, so both are timed alike.
 */
final class StartupProbe {
    static final String PROPERTY = "workline.startupProbe";
    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private StartupProbe() {
    }

    static void screenShown(Scene scene, String screen) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || !REPORTED.compareAndSet(false, true)) {
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                long millis = ProcessHandle.current().info().startInstant()
                        .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
                // The wall clock too: a process's start instant is only as exact as the kernel's boot time (a second),
                // so a benchmark takes the time before starting the process and subtracts it from this one.
                System.out.println("startup-probe: " + screen + " shown after " + millis + " ms, at epoch ms "
                        + System.currentTimeMillis());
                System.out.flush();
                if ("exit".equals(mode)) {
                    Platform.exit();
                } else if ("halt".equals(mode)) {
                    Runtime.getRuntime().halt(0);
                }
            }
        });
    }
}
