package com.workline.ui.time;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timer's helpers are plain logic on a {@link java.time.Clock}: no JavaFX, so they are tested without a toolkit
 * (the package's screens, if any, may use JavaFX).
 */
class TimeHelpersPackageTest {
    private static final Path SOURCES = Path.of("src/main/java/com/workline/ui/time");

    @Test
    void plainJavaOnly() throws IOException {
        List<Path> files = Stream.of("IdleDetector.java", "TimerDisplay.java", "TimerReminder.java")
                .map(SOURCES::resolve).toList();
        for (Path file : files) {
            assertThat(Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")))
                    .as(file.getFileName().toString()).allSatisfy(line -> assertThat(line).startsWith("import java."));
        }
    }
}
