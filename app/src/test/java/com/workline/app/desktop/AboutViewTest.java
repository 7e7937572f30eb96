package com.workline.app.desktop;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.workline.app.ClientVersion;
import com.workline.app.config.ClientConfiguration;
import com.workline.app.diagnostics.UncaughtFailures;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.SchemaVersion;
import com.workline.persistence.db.ServerAddress;
import com.workline.ui.about.AboutInfo;
import com.workline.ui.about.AboutView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Help › About shows the versions, the data folder and the log file; "Copy diagnostics" copies them with the log's tail. */
@ExtendWith(ApplicationExtension.class)
class AboutViewTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void showsTheVersionsFoldersAndLogFileAndCopiesDiagnosticsWithTheLastLinesOfTheLog(FxRobot robot, @TempDir Path data)
            throws Exception {
        Path log = data.resolve("logs").resolve("workline.log");
        Files.createDirectories(log.getParent());
        Files.write(log, IntStream.rangeClosed(1, 300).mapToObj(i -> "log line " + i).toList());
        AboutInfo info = AboutInfoFactory.create(new ClientConfiguration(null, RoleNames.defaults(), data, false), () -> "16.4");

        robot.interact(() -> AboutView.show(stage, info));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#about-copy").tryQuery().isPresent());

        assertThat(text(robot, "#about-version")).isEqualTo(ClientVersion.version());
        assertThat(text(robot, "#about-java")).contains(System.getProperty("java.version")).contains(System.getProperty("java.vendor"));
        assertThat(text(robot, "#about-javafx")).isEqualTo(System.getProperty("javafx.runtime.version")).isNotBlank();
        assertThat(text(robot, "#about-os")).startsWith(System.getProperty("os.name"));
        assertThat(text(robot, "#about-database")).isEqualTo("Embedded database on this computer");
        assertThat(text(robot, "#about-postgres")).isEqualTo("16.4");
        assertThat(text(robot, "#about-schema")).isEqualTo(String.valueOf(SchemaVersion.EXPECTED));
        assertThat(text(robot, "#about-dataFolder")).isEqualTo(data.toAbsolutePath().toString());
        assertThat(text(robot, "#about-logFile")).isEqualTo(log.toAbsolutePath().toString());

        robot.clickOn("#about-copy");
        WaitForAsyncUtils.waitForFxEvents();

        AtomicReference<String> clipboard = new AtomicReference<>();
        robot.interact(() -> clipboard.set(Clipboard.getSystemClipboard().getString()));
        String copied = clipboard.get();
        assertThat(copied).startsWith("Workline diagnostics, ")
                .contains("Version: " + ClientVersion.version())
                .contains("Java: " + System.getProperty("java.version"))
                .contains("JavaFX: " + System.getProperty("javafx.runtime.version"))
                .contains("PostgreSQL: 16.4")
                .contains("Schema version: " + SchemaVersion.EXPECTED)
                .contains("Database: Embedded database on this computer")
                .contains("Data folder: " + data.toAbsolutePath())
                .contains("Log file: " + log.toAbsolutePath())
                .contains("Last 200 lines of the log file " + log.toAbsolutePath());
        List<String> lines = copied.lines().toList();
        assertThat(lines).contains("log line 101", "log line 300").doesNotContain("log line 100", "log line 1");
        assertThat(lines.subList(lines.size() - 200, lines.size()))
                .isEqualTo(IntStream.rangeClosed(101, 300).mapToObj(i -> "log line " + i).collect(Collectors.toList()));
        assertThat(text(robot, "#about-copied")).isEqualTo("Copied to the clipboard.");

        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#about-copy").tryQuery()).isEmpty();
    }

    @Test
    void onACompanyServerWithoutALogFileItSaysSo(FxRobot robot, @TempDir Path data) throws Exception {
        ServerAddress server = ServerAddress.parseJdbcUrl("jdbc:postgresql://db.acme.example:5432/workline");
        AboutInfo info = AboutInfoFactory.create(new ClientConfiguration(server, RoleNames.defaults(), data, false), () -> {
            throw new IllegalStateException("not connected");
        });

        robot.interact(() -> AboutView.show(stage, info));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#about-copy").tryQuery().isPresent());

        assertThat(text(robot, "#about-database")).isEqualTo("Company server " + server.display());
        assertThat(text(robot, "#about-postgres")).isEqualTo("unknown");
        assertThat(text(robot, "#about-logFile")).isEqualTo("none (console only)");
        assertThat(AboutView.diagnostics(info)).contains("Database: Company server " + server.display())
                .doesNotContain("Last 200 lines");
        robot.clickOn("Close");
    }

    @Test
    void anExceptionEscapingAnEventHandlerOnTheFxThreadIsLogged(FxRobot robot) throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(UncaughtFailures.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        AtomicReference<Thread.UncaughtExceptionHandler> previous = new AtomicReference<>();
        robot.interact(() -> {
            previous.set(Thread.currentThread().getUncaughtExceptionHandler());
            UncaughtFailures.installOnCurrentThread(); // as DesktopApp.start does
        });
        try {
            Platform.runLater(() -> {
                throw new IllegalStateException("simulated failure in an event handler");
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !events.list.isEmpty());

            ILoggingEvent event = events.list.get(0);
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("Uncaught failure on thread 'JavaFX Application Thread'");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("simulated failure in an event handler");
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(previous.get()));
            logger.detachAppender(events);
        }
    }

    @Test
    void theWindowsExitActionRunsOnTheFxThreadWhileTheToolkitRuns() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        DesktopApp.onFxThreadOrHere(() -> ranOn.set(Thread.currentThread()), Duration.ofSeconds(10));

        assertThat(ranOn.get().getName()).isEqualTo("JavaFX Application Thread");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
