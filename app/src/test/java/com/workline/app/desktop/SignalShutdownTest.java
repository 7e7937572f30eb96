package com.workline.app.desktop;

import com.workline.app.config.ClientConfiguration;
import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.db.RoleNames;
import javafx.application.Platform;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ending the client by a signal (log-out, shutdown, {@code kill}) stops the embedded PostgreSQL, as closing the
 * window does: a real child JVM opens the embedded database the way the desktop client does, receives SIGTERM,
 * and its postmaster must be gone afterwards, stopped exactly once.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no SIGTERM; Process.destroy() there ends the JVM without its shutdown hooks")
class SignalShutdownTest {
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Pattern POSTMASTER = Pattern.compile("POSTMASTER (\\d+)");

    /**
     * {@code window-fails}: the window's exit action (saving its geometry) throws, so only the database's own
     * exit action stops the server. {@code window-stops-database}: the window's exit action stops the database
     * itself, as {@code DesktopController.stop()} does, and the database's exit action must not stop it again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"window-fails", "window-stops-database"})
    void sigtermStopsTheEmbeddedPostgresExactlyOnce(String mode) throws Exception {
        Path data = Files.createTempDirectory("workline-signal-test");
        // As root (CI) PostgreSQL runs as 'nobody', which must be able to enter the folder.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process child = new ProcessBuilder(childCommand(data, mode)).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(child, output), "child-output");
        reader.setDaemon(true);
        reader.start();
        long postmaster = -1;
        try {
            postmaster = awaitPostmaster(child, output);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("postmaster running").contains(true);
            Path pidFile = data.resolve("embedded").resolve("pgdata").resolve("postmaster.pid");
            assertThat(pidFile).exists();

            child.destroy(); // SIGTERM on Linux and macOS

            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("child JVM ended; output:%n%s", String.join("\n", output)).isTrue();
            assertThat(child.exitValue()).as("ended by SIGTERM").isEqualTo(143);
            long pid = postmaster;
            assertThat(waitUntil(Duration.ofSeconds(20), () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)))
                    .as("postmaster %d gone; child output:%n%s", pid, String.join("\n", output)).isTrue();
            assertThat(pidFile).as("PostgreSQL removed its pid file: a clean shutdown").doesNotExist();

            String log = Files.readString(data.resolve("logs").resolve("workline.log"));
            assertThat(log).contains("Workline is ending (signal, log-out or system shutdown)")
                    .contains("Workline has finished its exit actions");
            assertThat(occurrences(log, "Embedded PostgreSQL stopped")).as("stopped exactly once; log:%n%s", log).isEqualTo(1);
            if (mode.equals("window-fails")) {
                assertThat(log).contains("Exit action 'close the window' failed")
                        .contains("simulated: the window geometry could not be saved");
            } else {
                assertThat(log).contains("window closed, database stopped by the window");
            }
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
            if (postmaster > 0) {
                long pid = postmaster;
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                waitUntil(Duration.ofSeconds(20), () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
            }
            deleteQuietly(data);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary folder is harmless
        }
    }

    private static List<String> childCommand(Path data, String mode) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
        // the headless toolkit (Monocle) the surefire configuration gives the tests
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order", "java.awt.headless", "java.io.tmpdir")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of(Child.class.getName(), data.toString(), mode));
        return command;
    }

    private static long awaitPostmaster(Process child, List<String> output) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            for (String line : output) {
                Matcher m = POSTMASTER.matcher(line);
                if (m.matches()) {
                    return Long.parseLong(m.group(1));
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("The child ended before starting PostgreSQL:\n" + String.join("\n", output));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No postmaster within " + STARTUP + ":\n" + String.join("\n", output));
    }

    private static void readLines(Process child, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException ignored) {
            // the child ended
        }
    }

    private static boolean waitUntil(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    /**
     * The child JVM: prepares the process as {@link DesktopApp#launch} does (log file, uncaught failures), starts
     * the toolkit, registers the window's exit action as {@link DesktopApp#start} does and opens the embedded
     * database as {@code DesktopController} does; then waits to be ended.
     */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            String mode = args[1];
            ClientConfiguration configuration = new ClientConfiguration(null, RoleNames.defaults(), data, false);
            DesktopApp.prepareProcess(configuration);
            Platform.startup(() -> { });
            EmbeddedDatabase[] database = new EmbeddedDatabase[1];
            DesktopApp.stopOnExit(() -> {
                if (mode.equals("window-fails")) {
                    throw new IllegalStateException("simulated: the window geometry could not be saved");
                }
                database[0].close();
                LoggerFactory.getLogger(Child.class).info("window closed, database stopped by the window");
            });
            database[0] = EmbeddedDatabase.open(configuration.dataFolder(), configuration.roles());
            String pid = Files.readAllLines(database[0].home().resolve("pgdata").resolve("postmaster.pid")).get(0).trim();
            System.out.println("POSTMASTER " + pid);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
