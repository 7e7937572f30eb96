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

/**
 * The application's one way to run database work: a worker pool, the FX thread for results, the connection
 * state every screen shares, and logging of every failure. Screens never use it directly: each gets its own
 * {@link BackgroundTasks} scope ({@link #newScope()}), with its own busy state, that is closed when the screen
 * is left.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final Executor worker;
    private final Executor uiThread;
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(false);
    private final java.util.concurrent.atomic.AtomicBoolean outageLogged = new java.util.concurrent.atomic.AtomicBoolean();

    public TaskRunner(Executor worker, Executor uiThread) {
        this.worker = Objects.requireNonNull(worker);
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    /** Daemon worker threads; results delivered with {@link Platform#runLater}. */
    public static TaskRunner forJavaFx() {
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "workline-background");
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner(workers, Platform::runLater);
    }

    /** Runs work and callbacks on the calling thread: for view-model tests without a toolkit. */
    public static TaskRunner direct() {
        return new TaskRunner(Runnable::run, Runnable::run);
    }

    /** A new scope for one screen (or the shell): its own busy state, closed when the screen is left. */
    public BackgroundTasks newScope() {
        return new BackgroundTasks(this);
    }

    /** True after a task failed because the server could not be reached, until a task succeeds again. */
    public ReadOnlyBooleanProperty connectionLostProperty() {
        return connectionLost.getReadOnlyProperty();
    }

    void onWorker(Runnable work) {
        worker.execute(work);
    }

    void onUiThread(Runnable callback) {
        uiThread.execute(callback);
    }

    /**
     * Turns anything a task threw, {@link Error}s included, into a failure with a message for the person, and
     * logs it: expected problems (validation, conflicts, rights) briefly, everything else with its stack trace.
     */
    WorklineException failure(Throwable thrown) {
        WorklineException failure;
        if (thrown instanceof RuntimeException runtime) {
            failure = DatabaseErrors.translate(runtime);
        } else {
            failure = new WorklineException(Problem.UNEXPECTED,
                    "Something went wrong inside Workline (" + thrown.getClass().getSimpleName() + "). "
                            + "The details are in the log file.", thrown);
        }
        switch (failure.problem()) {
            case INVALID_INPUT, CONFLICT, NOT_ALLOWED, NOT_FOUND, ALREADY_EXISTS, LAST_OWNER, WRONG_CREDENTIALS ->
                    LOG.info("Task refused: {} ({})", failure.getLocalizedMessage(), failure.problem());
            case CONNECTION_LOST, SERVER_UNREACHABLE -> LOG.warn("Task failed: {} ({})", failure.getLocalizedMessage(), failure.problem());
            // The person's mail server or settings, not Workline: a warning, with the cause (certificates, replies) for IT.
            // The server's certificate or TLS settings: a warning with the driver's cause for IT.
            case MAIL_SERVER_UNREACHABLE, MAIL_LOGIN_FAILED, MAIL_RECIPIENT_REFUSED, MAIL_TLS_FAILED, MAIL_TIMEOUT, MAIL_REJECTED,
                    SECRET_UNREADABLE, SERVER_TLS_FAILED -> LOG.warn("Task failed: {} ({})", failure.getLocalizedMessage(), failure.problem(), thrown);
            default -> LOG.error("Task failed: {} ({})", failure.getLocalizedMessage(), failure.problem(), thrown);
        }
        return failure;
    }

    /** Called on the UI thread when a task of any scope ends. */
    void ended(WorklineException failure) {
        if (failure == null) {
            if (outageLogged.getAndSet(false)) {
                LOG.info("The server answers again.");
            }
            connectionLost.set(false);
        } else if (failure.problem() == Problem.CONNECTION_LOST || failure.problem() == Problem.SERVER_UNREACHABLE) {
            connectionLost.set(true);
        }
    }
}
