package com.workline.app.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit actions run exactly once, in order, and a failing or hanging one never keeps the next from running. */
class ExitActionsTest {
    private final ExitActions actions = new ExitActions();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void theHookRunsPendingActionsInRegistrationOrderOnce() {
        actions.add("window", Duration.ofSeconds(5), () -> ran.add("window"));
        actions.add("database", Duration.ofSeconds(5), () -> ran.add("database"));

        actions.runPending();
        actions.runPending();

        assertThat(ran).containsExactly("window", "database");
    }

    @Test
    void anActionRunOnTheOrdinaryPathIsNotRunAgainByTheHook() {
        ExitActions.Registration database = actions.add("database", Duration.ofSeconds(5), () -> ran.add("database"));

        database.runNow();
        database.runNow();
        actions.runPending();

        assertThat(ran).containsExactly("database");
    }

    @Test
    void aFailingOrHangingActionDoesNotKeepTheNextOneFromRunning() {
        actions.add("failing window", Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("simulated: the window geometry could not be saved");
        });
        actions.add("hanging window", Duration.ofMillis(200), () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        actions.add("database", Duration.ofSeconds(5), () -> ran.add("database"));

        long start = System.nanoTime();
        actions.runPending();

        assertThat(ran).containsExactly("database");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theHookWaitsForAnActionAlreadyRunningOnTheOrdinaryPath() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        ExitActions.Registration database = actions.add("database", Duration.ofSeconds(10), () -> {
            inside.countDown();
            sleep(500);
            ran.add("stopped by the window");
        });
        Thread window = new Thread(database::runNow);
        window.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        actions.runPending();

        assertThat(ran).as("the hook returned only after the running stop finished, and did not start another")
                .containsExactly("stopped by the window");
        window.join();
    }

    @Test
    void cancelledActionsDoNotRun() {
        actions.add("database", Duration.ofSeconds(5), () -> ran.add("database")).cancel();

        actions.runPending();

        assertThat(ran).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
