package com.workline.persistence.time;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DurationsTest {
    private static final Locale GERMAN = Locale.GERMANY;
    private static final Locale ENGLISH = Locale.US;
    private static final Locale SWISS = Locale.forLanguageTag("de-CH");

    @ParameterizedTest(name = "\"{0}\" -> {1} min")
    @CsvSource(delimiter = ';', value = {
            "1:30; 90", "0:05; 5", "01:00; 60", "24:00; 1440", "0:00; 0",
            "1.5; 90", "0.25; 15", ".5; 30", "0.33; 20", "0.1; 6", "0.01; 1", "0.008; 0",
            "2; 120", "0; 0", "24; 1440",
            "90m; 90", "90 min; 90", "90M; 90", "5m; 5", "1440m; 1440",
            "2h; 120", "2 h; 120", "1h 30m; 90", "1h30m; 90", "1h30; 90", "1H 30 MIN; 90", "1.5h; 90", "0h 45m; 45",
            "1h 75m; 135",
            "  1:30  ; 90",
    })
    void englishInput(String text, int minutes) {
        assertThat(Durations.parse(text, ENGLISH)).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} min")
    @CsvSource(delimiter = ';', value = {"1,5; 90", "0,25; 15", ",5; 30", "1,5h; 90", "1:30; 90", "2; 120", "1h 30m; 90"})
    void germanInput(String text, int minutes) {
        assertThat(Durations.parse(text, GERMAN)).isEqualTo(minutes);
    }

    @Test
    void theOtherSeparatorCountsUnlessTheLocaleGroupsWithIt() {
        // English groups with a comma: "1,5" is no duration there; German groups with a point
        assertThat(fieldError("1,5", ENGLISH)).isEqualTo(Text.of("time.duration.invalid", "1.5"));
        assertThat(fieldError("1.5", GERMAN)).isEqualTo(Text.of("time.duration.invalid", "1,5"));
        // Swiss German: decimal point, apostrophe for thousands, so a comma is unambiguous
        assertThat(Durations.parse("1.5", SWISS)).isEqualTo(90);
        assertThat(Durations.parse("1,5", SWISS)).isEqualTo(90);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1:5", "1:60", "1:30:00", "1..5", "1.5.0", "h", "m", "1 30", "1h 30h", "30m 1h",
            "1,5,0", "+1", "1e2", "0x10", "١:٣٠", "123456789012345678901"})
    void notDurations(String text) {
        assertThat(fieldError(text, ENGLISH).key()).isEqualTo("time.duration.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0:30", "-90m", " -2h"})
    void negativeDurations(String text) {
        assertThat(fieldError(text, ENGLISH).key()).isEqualTo("time.duration.negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"45", "25", "24:01", "24.01", "1441m", "24h 1m", "99:00", "100000000000000000"})
    void moreThanADay(String text) {
        // a plain number is hours: 45 is 45 hours, not 45 minutes (the message says to type 45m)
        assertThat(fieldError(text, ENGLISH).key()).isEqualTo("time.duration.tooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blank(String text) {
        assertThat(fieldError(text, ENGLISH).key()).isEqualTo("time.duration.required");
        assertThat(fieldError(null, ENGLISH).key()).isEqualTo("time.duration.required");
    }

    @Test
    void errorsReadInTheClientsLanguage() {
        ValidationException error = catchThrowableOfType(() -> Durations.parse("abc", GERMAN), ValidationException.class);
        assertThat(Text.of("time.duration.invalid", "1,5").render(GERMAN)).contains("1,5", "Stunden");
        assertThat(error.fieldTexts()).containsOnlyKeys(Durations.FIELD);
    }

    @ParameterizedTest(name = "{0} min -> \"{1}\"")
    @CsvSource({"0, 0:00", "5, 0:05", "59, 0:59", "60, 1:00", "90, 1:30", "1440, 24:00", "2400, 40:00", "-30, -0:30",
            "-90, -1:30", "2147483647, 35791394:07", "-2147483648, -35791394:08"})
    void format(int minutes, String text) {
        assertThat(Durations.format(minutes)).isEqualTo(text);
    }

    @Test
    void formattedDurationsParseBack() {
        for (int minutes = 0; minutes <= Durations.MAX_MINUTES; minutes++) {
            assertThat(Durations.parse(Durations.format(minutes), GERMAN)).isEqualTo(minutes);
        }
    }

    private static Text fieldError(String text, Locale locale) {
        ValidationException error = catchThrowableOfType(() -> Durations.parse(text, locale), ValidationException.class);
        assertThat(error).as("\"%s\" is refused", text).isNotNull();
        return error.fieldTexts().get(Durations.FIELD);
    }
}
