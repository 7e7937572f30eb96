package com.workline.ui.task;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that queues work, so a test decides when "the worker" and "the UI thread" run. */
public final class ManualExecutor implements Executor {
    private final Queue<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    /** Runs worker and UI queues until both are empty (work that schedules callbacks that schedule work …). */
    public static void settle(ManualExecutor worker, ManualExecutor ui) {
        while (!worker.isEmpty() || !ui.isEmpty()) {
            worker.runAll();
            ui.runAll();
        }
    }
}
