package com.workline.persistence.money;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code money} is shared infrastructure for the editor, the stored document and the PDF of every document kind: plain
 * Java and the common problem texts, no Hibernate, JDBC, JavaFX or business area.
 */
class MoneyPackageTest {
    private static final Path SOURCES = Path.of("src/main/java/com/workline/persistence/money");

    @Test
    void dependsOnNothingButTheJdkAndCommonTexts() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(SOURCES)) {
            files = listed.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            List<String> imports = Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
            assertThat(imports).as(file.getFileName().toString()).allSatisfy(line -> assertThat(line).matches(
                    "import (static )?(java\\.|com\\.workline\\.persistence\\.common\\.(Text|ValidationException);).*"));
            assertThat(Files.readString(file)).as(file.getFileName().toString())
                    .doesNotContain("jakarta.", "org.hibernate", "javafx.", "java.sql", "persistence.admin",
                            "persistence.crm", "persistence.db");
        }
    }
}
