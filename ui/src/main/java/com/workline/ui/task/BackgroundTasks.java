package com.workline.ui.task;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.DatabaseErrors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way view models run database work: off the FX thread on a worker, with the result (or a
 * {@link WorklineException} in plain words) delivered back on the FX thread, and a {@link #busyProperty()}
 * the views bind their progress indicator to. Tests use {@link #direct()}, which runs everything in place.
 */
public final class BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);
    private final Executor worker;
    private final Executor uiThread;
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(false);
    /** A lost connection is logged with its stack trace once, not at every retry while it lasts. */
    private final java.util.concurrent.atomic.AtomicBoolean connectionTroubleLogged = new java.util.concurrent.atomic.AtomicBoolean();

    public BackgroundTasks(Executor worker, Executor uiThread) {
        this.worker = Objects.requireNonNull(worker);
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    /** Daemon worker threads; results delivered with {@link Platform#runLater}. */
    public static BackgroundTasks forJavaFx() {
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "workline-background");
            t.setDaemon(true);
            return t;
        });
        return new BackgroundTasks(workers, Platform::runLater);
    }

    /** Runs work and callbacks on the calling thread: for view-model tests without a toolkit. */
    public static BackgroundTasks direct() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True after a task failed because the server could not be reached, until a task succeeds again. */
    public ReadOnlyBooleanProperty connectionLostProperty() {
        return connectionLost.getReadOnlyProperty();
    }

    /**
     * Runs {@code work} on a worker; then {@code onSuccess} or {@code onFailure} on the UI thread.
     * Failures arrive translated into {@link WorklineException}s with a message for the user.
     */
    public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<WorklineException> onFailure) {
        changeRunning(+1);
        worker.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                WorklineException failure = DatabaseErrors.translate(e);
                log(failure, e);
                uiThread.execute(() -> {
                    changeRunning(-1);
                    if (failure.problem() == Problem.CONNECTION_LOST || failure.problem() == Problem.SERVER_UNREACHABLE) {
                        connectionLost.set(true);
                    }
                    onFailure.accept(failure);
                });
                return;
            }
            if (connectionTroubleLogged.getAndSet(false)) {
                LOG.info("The server answers again");
            }
            uiThread.execute(() -> {
                changeRunning(-1);
                connectionLost.set(false);
                onSuccess.accept(result);
            });
        });
    }

    /**
     * Every failure reaches the log: what people can act on themselves (a wrong password, a field to correct,
     * someone else's change) as one INFO line, trouble with the server as a WARN and anything unexpected as an
     * ERROR, both with the stack trace; a connection that stays lost only once, until a task succeeds again.
     */
    private void log(WorklineException failure, RuntimeException original) {
        switch (failure.problem()) {
            case UNEXPECTED -> LOG.error("Unexpected failure of a background task: {}", failure.getMessage(), original);
            case SERVER_UNREACHABLE, CONNECTION_LOST -> {
                if (connectionTroubleLogged.compareAndSet(false, true)) {
                    LOG.warn("Background task failed ({}): {}", failure.problem(), failure.getMessage(), original);
                } else {
                    LOG.debug("Background task failed again ({}): {}", failure.problem(), failure.getMessage());
                }
            }
            case SERVER_REFUSED, SERVER_NOT_INITIALISED, CLIENT_OLDER_THAN_SERVER, SERVER_OLDER_THAN_CLIENT ->
                    LOG.warn("Background task failed ({}): {}", failure.problem(), failure.getMessage(), original);
            default -> LOG.info("Background task refused ({}): {}", failure.problem(), failure.getMessage());
        }
    }

    /** Called on the UI thread only: when work is submitted and when its callback is delivered. */
    private void changeRunning(int delta) {
        busy.set(running.addAndGet(delta) > 0);
    }
}
