package com.workline.ui.task;

import com.workline.persistence.common.WorklineException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One screen's background work, the way its view models run database calls: off the FX thread, with the result
 * (or a {@link WorklineException} in plain words) delivered back on the FX thread, and a {@link #busyProperty()}
 * of this screen only. Work of other screens or the shell's connection check never makes this one busy.
 *
 * <p>{@link #latest} runs work where only the newest answer counts (search as you type, list pages): a newer
 * call to the same slot supersedes the older one, which is skipped if it has not started and whose answer is
 * dropped if it has. After {@link #close()} (the screen was left) no callback runs any more; work already
 * started still finishes in the database, so a save is never lost. Tests use {@link #direct()}.
 */
public final class BackgroundTasks implements AutoCloseable {
    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Map<Object, Long> slotGenerations = new HashMap<>();
    private int running;
    private volatile boolean closed;

    BackgroundTasks(TaskRunner runner) {
        this.runner = runner;
    }

    /** A scope on a runner that does everything in place: for view-model tests without a toolkit. */
    public static BackgroundTasks direct() {
        return TaskRunner.direct().newScope();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True after a task failed because the server could not be reached, until a task succeeds again. */
    public ReadOnlyBooleanProperty connectionLostProperty() {
        return runner.connectionLostProperty();
    }

    /** A scope of its own on the same runner (e.g. for a dialog opened from this screen). */
    public BackgroundTasks newScope() {
        return runner.newScope();
    }

    /**
     * Runs {@code work} on a worker; then {@code onSuccess} or {@code onFailure} on the UI thread. Failures arrive
     * translated into {@link WorklineException}s with a message for the user, and are logged.
     */
    public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<WorklineException> onFailure) {
        submit(null, 0, work, onSuccess, onFailure);
    }

    /**
     * Like {@link #run}, but only the newest work of {@code slot} counts: older work of the slot that has not
     * started is skipped, and answers of superseded work are dropped.
     */
    public <T> void latest(Object slot, Supplier<T> work, Consumer<T> onSuccess, Consumer<WorklineException> onFailure) {
        long generation;
        synchronized (slotGenerations) {
            generation = slotGenerations.merge(slot, 1L, Long::sum);
        }
        submit(slot, generation, work, onSuccess, onFailure);
    }

    /** Forgets the slot's pending work: its answers are dropped (e.g. a new query started elsewhere). */
    public void supersede(Object slot) {
        synchronized (slotGenerations) {
            slotGenerations.merge(slot, 1L, Long::sum);
        }
    }

    private <T> void submit(Object slot, long generation, Supplier<T> work, Consumer<T> onSuccess,
                            Consumer<WorklineException> onFailure) {
        changeRunning(+1);
        runner.onWorker(() -> {
            if (closed || slot != null && isSuperseded(slot, generation)) {
                runner.onUiThread(() -> changeRunning(-1));
                return;
            }
            T result = null;
            WorklineException failure = null;
            try {
                result = work.get();
            } catch (Throwable thrown) { // Errors too: a task never dies silently
                failure = runner.failure(thrown);
            }
            T answer = result;
            WorklineException problem = failure;
            runner.onUiThread(() -> {
                changeRunning(-1);
                runner.ended(problem);
                if (closed || slot != null && isSuperseded(slot, generation)) {
                    return;
                }
                if (problem == null) {
                    onSuccess.accept(answer);
                } else {
                    onFailure.accept(problem);
                }
            });
        });
    }

    private boolean isSuperseded(Object slot, long generation) {
        synchronized (slotGenerations) {
            Long newest = slotGenerations.get(slot);
            return newest != null && newest != generation;
        }
    }

    /** The screen was left: no callback of this scope runs any more. */
    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Called on the UI thread only: when work is submitted and when its callback is delivered. */
    private void changeRunning(int delta) {
        running += delta;
        busy.set(running > 0);
    }
}
