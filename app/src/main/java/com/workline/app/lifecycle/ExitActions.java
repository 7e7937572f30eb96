package com.workline.app.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What must happen when Workline ends, however it ends: by closing the window, by {@code workline admin}
 * finishing, or by a signal (log-out, system shutdown, {@code kill}, Ctrl-C), when the JVM runs only its
 * shutdown hooks.
 *
 * <p>Each {@link Registration} runs its action <em>exactly once</em>: either on the ordinary path
 * ({@link Registration#runNow()}, e.g. from {@code close()}) or from the one JVM shutdown hook of this class,
 * whichever comes first. The hook runs the actions still pending in the order they were registered, each in
 * its own thread with a time limit, so that an action that fails or hangs (saving the window geometry, say)
 * never keeps a later one (stopping the embedded PostgreSQL) from running. When the ordinary path is already
 * running an action, the hook waits for it (within the limit) instead of running it a second time.
 */
public final class ExitActions {
    private static final Logger LOG = LoggerFactory.getLogger(ExitActions.class);
    private static final ExitActions JVM = new ExitActions();

    private final List<Registration> pending = new ArrayList<>();
    private boolean hookInstalled;

    ExitActions() {
    }

    /**
     * Registers {@code action} to run when the JVM ends, unless it has run before through
     * {@link Registration#runNow()}.
     *
     * @param name  for the log: what the action does
     * @param limit how long the shutdown hook waits for it before going on with the next action
     */
    public static Registration register(String name, Duration limit, Runnable action) {
        return JVM.add(name, limit, action);
    }

    synchronized Registration add(String name, Duration limit, Runnable action) {
        Registration registration = new Registration(this, name, limit, action);
        pending.add(registration);
        if (this == JVM && !hookInstalled) {
            Thread hook = new Thread(this::runPending, "workline-exit");
            Runtime.getRuntime().addShutdownHook(hook);
            hookInstalled = true;
        }
        return registration;
    }

    private synchronized void remove(Registration registration) {
        pending.remove(registration);
    }

    private synchronized List<Registration> snapshot() {
        return List.copyOf(pending);
    }

    /** The shutdown hook: runs (or waits for) every action that has not finished yet, in registration order. */
    void runPending() {
        List<Registration> actions = snapshot();
        if (actions.isEmpty()) {
            return;
        }
        LOG.info("Workline is ending (signal, log-out or system shutdown): {}",
                String.join(", ", actions.stream().map(Registration::name).toList()));
        for (Registration registration : actions) {
            registration.runFromHook();
        }
        LOG.info("Workline has finished its exit actions");
    }

    /** One action; {@link #runNow()} is the ordinary path, the shutdown hook the fallback. */
    public static final class Registration {
        private final ExitActions owner;
        private final String name;
        private final Duration limit;
        private final Runnable action;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);

        private Registration(ExitActions owner, String name, Duration limit, Runnable action) {
            this.owner = owner;
            this.name = Objects.requireNonNull(name);
            this.limit = Objects.requireNonNull(limit);
            this.action = Objects.requireNonNull(action);
        }

        public String name() {
            return name;
        }

        /** True once the action has started, on either path. */
        public boolean started() {
            return started.get();
        }

        /**
         * Runs the action now on the calling thread, unless it has already started (then does nothing,
         * without waiting); afterwards the shutdown hook no longer runs it. Failures propagate to the caller.
         */
        public void runNow() {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            try {
                action.run();
            } finally {
                finished.countDown();
                owner.remove(this); // only now: a shutdown hook meanwhile waits for it instead of skipping it
            }
        }

        /** Forgets the action without running it. */
        public void cancel() {
            if (started.compareAndSet(false, true)) {
                owner.remove(this);
                finished.countDown();
            }
        }

        void runFromHook() {
            if (started.compareAndSet(false, true)) {
                Thread worker = new Thread(() -> {
                    try {
                        action.run();
                    } catch (Throwable failure) {
                        LOG.error("Exit action '{}' failed; going on with the next one", name, failure);
                    } finally {
                        finished.countDown();
                    }
                }, "workline-exit-" + name);
                worker.setDaemon(true);
                worker.start();
            } else {
                LOG.debug("Exit action '{}' already started on the ordinary path; waiting for it", name);
            }
            try {
                if (!finished.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("Exit action '{}' did not finish within {} s; going on", name, limit.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
