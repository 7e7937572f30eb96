package com.workline.app.diagnostics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure reaches the log: an exception that escapes any thread (the default handler of the JVM) and
 * one that escapes an event handler on the JavaFX application thread (JavaFX hands those to that thread's
 * own handler, which {@link #installOnCurrentThread()} sets when called on it).
 */
public final class UncaughtFailures implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);
    private static final UncaughtFailures INSTANCE = new UncaughtFailures();

    private UncaughtFailures() {
    }

    /** The handler for every thread that has none of its own. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(INSTANCE);
    }

    /** The handler of the calling thread: call it on the JavaFX application thread. */
    public static void installOnCurrentThread() {
        Thread.currentThread().setUncaughtExceptionHandler(INSTANCE);
    }

    public static Thread.UncaughtExceptionHandler handler() {
        return INSTANCE;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        try {
            LOG.error("Uncaught failure on thread '{}'", thread.getName(), failure);
        } catch (Throwable loggingFailed) {
            // never let the handler itself throw; the JVM's own report is the last resort
            System.err.println("Uncaught failure on thread '" + thread.getName() + "': " + failure);
            failure.printStackTrace();
        }
    }
}
