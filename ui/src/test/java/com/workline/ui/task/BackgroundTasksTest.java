package com.workline.ui.task;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundTasksTest {
    /** Executors that queue work, so the test decides when the worker and the UI thread run. */
    private static final class Manual implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    @Test
    void busyWhileWorkIsPendingAndResultsArriveOnTheUiExecutor() {
        Manual worker = new Manual();
        Manual ui = new Manual();
        BackgroundTasks tasks = new BackgroundTasks(worker, ui);
        List<String> delivered = new ArrayList<>();

        tasks.run(() -> "loaded", delivered::add, failure -> delivered.add("failed"));
        assertThat(tasks.busyProperty().get()).isTrue();
        worker.runAll();
        assertThat(delivered).as("nothing delivered before the UI thread runs").isEmpty();
        assertThat(tasks.busyProperty().get()).isTrue();
        ui.runAll();
        assertThat(delivered).containsExactly("loaded");
        assertThat(tasks.busyProperty().get()).isFalse();
    }

    @Test
    void failuresArriveTranslatedForTheUser() {
        BackgroundTasks tasks = BackgroundTasks.direct();
        List<WorklineException> failures = new ArrayList<>();
        tasks.run(() -> {
            throw new WorklineException(Problem.CONFLICT, "Someone else changed it.");
        }, ok -> { }, failures::add);
        tasks.run(() -> {
            throw new IllegalStateException("boom");
        }, ok -> { }, failures::add);
        assertThat(failures).extracting(WorklineException::problem).containsExactly(Problem.CONFLICT, Problem.UNEXPECTED);
        assertThat(tasks.busyProperty().get()).isFalse();
    }

    @Test
    void aConnectionFailureIsRememberedUntilTheNextSuccess() {
        BackgroundTasks tasks = BackgroundTasks.direct();
        tasks.run(() -> {
            throw new WorklineException(Problem.CONNECTION_LOST, "gone");
        }, ok -> { }, failure -> { });
        assertThat(tasks.connectionLostProperty().get()).isTrue();
        tasks.run(() -> {
            throw new WorklineException(Problem.CONFLICT, "not about the connection");
        }, ok -> { }, failure -> { });
        assertThat(tasks.connectionLostProperty().get()).isTrue();
        tasks.run(() -> "back", ok -> { }, failure -> { });
        assertThat(tasks.connectionLostProperty().get()).isFalse();
    }

    @Test
    void everyFailureIsLogged() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(BackgroundTasks.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events = new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            BackgroundTasks tasks = BackgroundTasks.direct();
            tasks.run(() -> {
                throw new WorklineException(Problem.CONFLICT, "Someone else changed it.");
            }, ok -> { }, failure -> { });
            tasks.run(() -> {
                throw new WorklineException(Problem.CONNECTION_LOST, "The connection to the server was lost.");
            }, ok -> { }, failure -> { });
            tasks.run(() -> {
                throw new WorklineException(Problem.CONNECTION_LOST, "The connection to the server was lost.");
            }, ok -> { }, failure -> { });
            tasks.run(() -> "back", ok -> { }, failure -> { });
            tasks.run(() -> {
                throw new IllegalStateException("boom");
            }, ok -> { }, failure -> { });

            assertThat(events.list).extracting(e -> e.getLevel().toString() + " " + e.getFormattedMessage()).containsExactly(
                    "INFO Background task refused (CONFLICT): Someone else changed it.",
                    "WARN Background task failed (CONNECTION_LOST): The connection to the server was lost.",
                    "INFO The server answers again",
                    "ERROR Unexpected failure of a background task: Something went wrong: boom");
            assertThat(events.list.get(0).getThrowableProxy()).as("no stack trace for what people can act on").isNull();
            assertThat(events.list.get(1).getThrowableProxy()).as("a lost connection with its stack trace, once").isNotNull();
            assertThat(events.list.get(3).getThrowableProxy().getMessage()).isEqualTo("boom");
        } finally {
            logger.detachAppender(events);
        }
    }
}
