package com.workline.app.desktop;

import com.workline.app.ClientVersion;
import com.workline.app.config.ClientConfiguration;
import com.workline.app.diagnostics.DesktopLogging;
import com.workline.app.diagnostics.UncaughtFailures;
import com.workline.app.lifecycle.ExitActions;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.TaskRunner;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JavaFX application; {@link DesktopController} does the work.
 *
 * <p>Closing the window ends in {@link #stop()}; a signal (log-out, system shutdown, {@code kill}) ends in the
 * JVM's shutdown hooks, where JavaFX does not call {@link #stop()} (its own hook just disposes the toolkit) and
 * {@link #stopOnExit} runs the same {@code DesktopController.stop()} instead, within a time limit. The embedded
 * PostgreSQL has its own exit action (see {@link com.workline.app.embedded.EmbeddedDatabase}), so it is stopped
 * even when this one fails or hangs, or when the window closed while the database was still starting.
 */
public final class DesktopApp extends Application {
    /** Not a constant: the first logger configures Logback, which {@link #launch} leaves to another thread. */
    private static Logger log() {
        return LoggerFactory.getLogger(DesktopApp.class);
    }
    /** Saving the window geometry and signing out; the embedded database waits for it no longer than this. */
    static final Duration WINDOW_STOP_LIMIT = Duration.ofSeconds(10);
    /** How long the exit hook offers the window's stop to the FX thread before doing it itself. */
    static final Duration FX_THREAD_WAIT = Duration.ofSeconds(2);

    private static ClientConfiguration configuration;
    /** The log file and failure logging being set up while JavaFX starts its toolkit; {@link #start} waits for it. */
    private static volatile CompletableFuture<Optional<Path>> processPrepared = CompletableFuture.completedFuture(Optional.empty());
    private DesktopController controller;
    private ExitActions.Registration stopOnExit;

    /**
     * Opens the window. Setting up the log file (Logback reading its configuration) and starting JavaFX's toolkit
     * each take a tenth of a second or so; they run side by side (start-up time, docs/performance.md).
     */
    public static void launch(ClientConfiguration clientConfiguration) {
        launch(clientConfiguration, java.util.List.of());
    }

    /** @param setAside what IT's locks in the system-wide file overruled, logged once the log file is open */
    public static void launch(ClientConfiguration clientConfiguration, java.util.List<String> setAside) {
        configuration = clientConfiguration;
        processPrepared = CompletableFuture.supplyAsync(() -> {
            Optional<Path> logFile = prepareProcess(clientConfiguration);
            setAside.forEach(notice -> log().warn(notice));
            return logFile;
        }, runnable -> {
            Thread thread = new Thread(runnable, "workline-logging-setup");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            Application.launch(DesktopApp.class);
        } catch (RuntimeException | Error e) {
            log().error("The desktop client failed", e);
            throw e;
        }
    }

    /**
     * What the desktop process sets up before its first window: the log file in the data folder and the
     * logging of uncaught failures on every thread.
     *
     * @return the log file, empty when logging goes to the console only
     */
    public static Optional<Path> prepareProcess(ClientConfiguration clientConfiguration) {
        Optional<Path> logFile = DesktopLogging.start(clientConfiguration.dataFolder());
        UncaughtFailures.install();
        log().info("Workline {} starting: Java {} ({}), {} {} ({}); {}; data folder {}", ClientVersion.version(),
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                clientConfiguration.embedded() ? "embedded database" : "company server " + clientConfiguration.server().display(),
                clientConfiguration.dataFolder().toAbsolutePath());
        return logFile;
    }

    /**
     * Registers what closing the window does ({@code windowStop}) to run also when the JVM is ended by a signal.
     * It runs on the FX thread if that thread takes it within {@link #FX_THREAD_WAIT}; JavaFX's own shutdown hook
     * stops that thread at the same moment, so otherwise it runs on the hook's thread. Its failures are logged
     * and never keep the embedded database from stopping, which has its own exit action.
     */
    static ExitActions.Registration stopOnExit(Runnable windowStop) {
        return ExitActions.register("close the window", WINDOW_STOP_LIMIT, () -> onFxThreadOrHere(windowStop, FX_THREAD_WAIT));
    }

    /** Runs {@code action} once: on the FX thread if it takes it within {@code wait}, else on the calling thread. */
    static void onFxThreadOrHere(Runnable action, Duration wait) {
        if (Platform.isFxApplicationThread()) {
            action.run();
            return;
        }
        AtomicBoolean claimed = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            Platform.runLater(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return;
                }
                try {
                    action.run();
                } catch (RuntimeException e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            });
        } catch (IllegalStateException toolkitNotRunning) {
            claimed.set(true);
            action.run();
            return;
        }
        try {
            if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS) && claimed.compareAndSet(false, true)) {
                log().info("The JavaFX thread is gone or busy; closing the window from the exit hook");
                action.run();
                return;
            }
            done.await(); // claimed by the FX thread, which is running it; the exit hook's own limit bounds this
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void start(Stage stage) {
        processPrepared.join();
        UncaughtFailures.installOnCurrentThread();
        controller = new DesktopController(configuration, stage, TaskRunner.forJavaFx(), UserPreferences.system());
        stopOnExit = stopOnExit(controller::stop);
        controller.start();
    }

    @Override
    public void stop() {
        if (stopOnExit != null) {
            stopOnExit.runNow();
        }
        log().info("Workline closed");
    }
}
