package com.workline.persistence.time;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code time} holds the rules of time entries that the timesheet, the timer, the database's trigger (compared in
 * tests) and reports share: plain Java, the money scale, the common problem texts and the holiday library; no
 * Hibernate, JDBC, JavaFX or business area.
 */
class TimePackageTest {
    private static final Path SOURCES = Path.of("src/main/java/com/workline/persistence/time");

    @Test
    void dependsOnNothingButTheJdkMoneyCommonTextsAndTheHolidayLibrary() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(SOURCES)) {
            files = listed.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("TimeRounding.java", "Durations.java", "WorkCalendar.java", "Weeks.java");
        for (Path file : files) {
            List<String> imports = Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
            assertThat(imports).as(file.getFileName().toString()).allSatisfy(line -> assertThat(line).matches(
                    "import (static )?(java\\.|de\\.focus_shift\\.jollyday\\.core\\.|com\\.workline\\.persistence\\."
                            + "(common\\.(Text|ValidationException)|money\\.DocumentCalculator);).*"));
            assertThat(Files.readString(file)).as(file.getFileName().toString())
                    .doesNotContain("jakarta.", "org.hibernate", "javafx.", "java.sql", "persistence.admin",
                            "persistence.crm", "persistence.db", "persistence.projects");
        }
    }
}
