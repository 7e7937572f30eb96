package com.workline.persistence.db;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sentence our SQL functions raise with a Workline code has a key; driver failures get keys too. */
class DatabaseErrorsTest {
    private static final Pattern RAISE = Pattern.compile(
            "RAISE EXCEPTION '((?:[^']|'')*)'(?:, [a-z_.]+)?\\s+USING ERRCODE = '(WL\\d{3})'");

    @Test
    void everySentenceOfTheMigrationsHasAKeyWithTheSameEnglish() throws IOException {
        int found = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.sorted().toList()) {
                Matcher m = RAISE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    found++;
                    String sentence = m.group(1).replace("''", "'").replace("%", "manager");
                    Text text = DatabaseErrors.workline(m.group(2), sentence);
                    assertThat(text.english()).as(file.getFileName() + " " + m.group(2)).isEqualTo(sentence);
                    assertThat(text.render(Locale.GERMAN)).as(text.key()).isNotEqualTo(sentence).doesNotStartWith("!");
                }
            }
        }
        assertThat(found).isGreaterThan(20);
    }

    @Test
    void anUnknownSentenceGetsTheCodesMeaning() {
        assertThat(DatabaseErrors.workline("WL002", "Something new.").key()).isEqualTo("db.notAllowed");
        assertThat(DatabaseErrors.workline("WL005", "Something new.").key()).isEqualTo("admin.people.lastOwner");
    }

    @Test
    void sqlStatesBecomeKeys() {
        assertThat(translate("55P03", "lock").text().key()).isEqualTo("db.lockTimeout");
        assertThat(translate("57014", "cancel").getMessage())
                .isEqualTo("The server stopped this request because it took too long. Please try again or narrow it down.");
        assertThat(translate("53300", "too many").text().key()).isEqualTo("db.tooManyConnections");
        assertThat(translate("40001", "serialize").problem()).isEqualTo(Problem.CONFLICT);
        assertThat(translate("23505", "duplicate").getMessage()).isEqualTo("This already exists.");
        assertThat(translate("23503", "foreign key\ndetail").getMessage()).isEqualTo("The server reported an error: foreign key");
        assertThat(translate("22001", "value too long\ndetail").text().arguments()).isEqualTo(List.of("value too long"));
        assertThat(translate("08006", "gone").text().key()).isEqualTo("db.connectionLost");
        assertThat(translate("WL003", "This person is not a member of the organization.").text().key())
                .isEqualTo("admin.people.notMember");
    }

    @Test
    void connectingFailuresBecomeKeys() {
        ServerAddress server = ServerAddress.parseJdbcUrl("jdbc:postgresql://db.example:5433/workline");
        WorklineException wrong = DatabaseErrors.connecting(new SQLException("auth", "28P01"), server);
        assertThat(wrong.getMessage()).isEqualTo("The email or password is not correct.");
        WorklineException unreachable = DatabaseErrors.connecting(new SQLException("x", "08001",
                new ConnectException("refused")), server);
        assertThat(unreachable.getMessage()).startsWith("Cannot reach the Workline server at db.example:5433.");
        assertThat(unreachable.text().render(Locale.GERMAN)).contains("db.example:5433");
    }

    private static WorklineException translate(String state, String message) {
        return DatabaseErrors.translate(new SQLException(message, state));
    }
}
