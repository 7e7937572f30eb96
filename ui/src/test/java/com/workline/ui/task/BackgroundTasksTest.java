package com.workline.ui.task;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundTasksTest {
    @Test
    void busyWhileWorkIsPendingAndResultsArriveOnTheUiExecutor() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        BackgroundTasks tasks = new TaskRunner(worker, ui).newScope();
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
    void busyIsPerScreenSoAHeartbeatNeverBlocksASave() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        TaskRunner runner = new TaskRunner(worker, ui);
        BackgroundTasks shell = runner.newScope();
        BackgroundTasks form = runner.newScope();
        shell.run(() -> "heartbeat", ok -> { }, failure -> { });
        assertThat(shell.busyProperty().get()).isTrue();
        assertThat(form.busyProperty().get()).as("another screen's work does not make this one busy").isFalse();
    }

    @Test
    void onlyTheNewestAnswerOfASlotCountsAndUnstartedOlderWorkIsSkipped() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        BackgroundTasks tasks = new TaskRunner(worker, ui).newScope();
        List<String> ran = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        Object slot = new Object();
        tasks.latest(slot, () -> { ran.add("h"); return "h"; }, delivered::add, f -> delivered.add("failed"));
        tasks.latest(slot, () -> { ran.add("ha"); return "ha"; }, delivered::add, f -> delivered.add("failed"));
        worker.runAll();
        ui.runAll();
        assertThat(ran).as("the superseded search never reached the database").containsExactly("ha");
        assertThat(delivered).containsExactly("ha");
        assertThat(tasks.busyProperty().get()).isFalse();

        // Started, then superseded: its answer is dropped.
        tasks.latest(slot, () -> "har", delivered::add, f -> { });
        worker.runAll();
        tasks.latest(slot, () -> "harb", delivered::add, f -> { });
        worker.runAll();
        ui.runAll();
        assertThat(delivered).containsExactly("ha", "harb");
    }

    @Test
    void aClosedScopeDeliversNothingButItsWorkStillRuns() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        BackgroundTasks tasks = new TaskRunner(worker, ui).newScope();
        List<String> events = new ArrayList<>();
        tasks.run(() -> { events.add("saved in the database"); return "ok"; }, ok -> events.add("callback"), f -> { });
        worker.runAll();
        tasks.close();
        ui.runAll();
        assertThat(events).containsExactly("saved in the database");
        assertThat(tasks.busyProperty().get()).isFalse();
    }

    @Test
    void errorsAreCaughtReportedAndEveryFailureIsLogged() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(TaskRunner.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            BackgroundTasks tasks = BackgroundTasks.direct();
            List<WorklineException> failures = new ArrayList<>();
            tasks.run(() -> {
                throw new StackOverflowError("deep");
            }, ok -> { }, failures::add);
            tasks.run(() -> {
                throw new WorklineException(Problem.CONFLICT, "Someone else changed it.");
            }, ok -> { }, failures::add);
            assertThat(failures).extracting(WorklineException::problem).containsExactly(Problem.UNEXPECTED, Problem.CONFLICT);
            assertThat(failures.get(0).getMessage()).contains("log file");
            assertThat(tasks.busyProperty().get()).isFalse();
            assertThat(appender.list).hasSize(2);
            assertThat(appender.list.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
            assertThat(appender.list.get(0).getThrowableProxy().getClassName()).isEqualTo(StackOverflowError.class.getName());
            assertThat(appender.list.get(1).getFormattedMessage()).contains("Someone else changed it.");
        } finally {
            logger.detachAppender(appender);
        }
    }
}
