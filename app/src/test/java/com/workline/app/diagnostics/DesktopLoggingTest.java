package com.workline.app.diagnostics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop client logs to the rolling file in its data folder; every uncaught failure reaches it. */
class DesktopLoggingTest {
    private final Thread.UncaughtExceptionHandler previousDefault = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        DesktopLogging.restoreDefault();
    }

    @Test
    void logsInfoAndUpToTheFileInTheDataFolderAndLibrariesOnlyWhenSomethingIsWrong(@TempDir Path data) throws Exception {
        Path file = DesktopLogging.start(data).orElseThrow();

        assertThat(file).isEqualTo(data.resolve("logs").resolve("workline.log").toAbsolutePath());
        assertThat(DesktopLogging.activeLogFile()).contains(file);
        LoggerFactory.getLogger("com.workline.test").info("an ordinary event");
        LoggerFactory.getLogger("com.workline.test").debug("a debug detail");
        LoggerFactory.getLogger("org.hibernate.SQL").info("hibernate chatter");
        LoggerFactory.getLogger("org.hibernate.orm").warn("hibernate warning");
        java.util.logging.Logger.getLogger("org.postgresql.Driver").warning("driver warning through java.util.logging");
        java.util.logging.Logger.getLogger("org.postgresql.Driver").info("driver chatter");

        String log = Files.readString(file);
        assertThat(log).contains("Logging to " + file).contains("INFO").contains("an ordinary event")
                .contains("hibernate warning").contains("driver warning through java.util.logging")
                .doesNotContain("a debug detail").doesNotContain("hibernate chatter").doesNotContain("driver chatter");
    }

    @Test
    void anExceptionEscapingAnyThreadIsLoggedToTheFile(@TempDir Path data) throws Exception {
        Path file = DesktopLogging.start(data).orElseThrow();
        UncaughtFailures.install();

        Thread worker = new Thread(() -> {
            throw new IllegalStateException("simulated failure on a worker");
        }, "some-worker");
        worker.start();
        worker.join();

        String log = Files.readString(file);
        assertThat(log).contains("ERROR").contains("Uncaught failure on thread 'some-worker'")
                .contains("java.lang.IllegalStateException: simulated failure on a worker")
                .contains("at com.workline.app.diagnostics.DesktopLoggingTest");
    }

    @Test
    void withoutAWritableDataFolderItLogsToTheConsoleOnly(@TempDir Path data) throws Exception {
        Path notAFolder = Files.writeString(data.resolve("file"), "x");

        assertThat(DesktopLogging.start(notAFolder)).isEmpty();
        assertThat(DesktopLogging.activeLogFile()).isEmpty();
        LoggerFactory.getLogger("com.workline.test").warn("still logged to the console");
    }

    @Test
    void theRestOfTheTestsAndTheAdminCommandLineLogOnlyToTheConsole() {
        DesktopLogging.restoreDefault();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appenders = new java.util.ArrayList<String>();
        root.iteratorForAppenders().forEachRemaining(a -> appenders.add(a.getClass().getSimpleName()));
        assertThat(appenders).as("logback-test.xml (tests) or logback.xml (admin command line)").containsExactly("ConsoleAppender");
    }
}
