package com.workline.ui.time;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The timer's helpers are plain logic on a {@link java.time.Clock}: no JavaFX, so they are tested without a toolkit. */
class TimeHelpersPackageTest {
    private static final Path SOURCES = Path.of("src/main/java/com/workline/ui/time");

    @Test
    void plainJavaOnly() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(SOURCES)) {
            files = listed.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("IdleDetector.java", "TimerDisplay.java", "TimerReminder.java");
        for (Path file : files) {
            assertThat(Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")))
                    .as(file.getFileName().toString()).allSatisfy(line -> assertThat(line).startsWith("import java."));
        }
    }
}
