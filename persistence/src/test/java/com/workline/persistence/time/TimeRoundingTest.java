package com.workline.persistence.time;

import com.workline.persistence.time.TimeRounding.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The examples of docs/time-rounding.md. */
class TimeRoundingTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @ParameterizedTest(name = "{0} min, {1} min {2} -> {3}")
    @CsvSource({
            "7, 15, UP, 15",
            "15, 15, UP, 15",
            "16, 15, UP, 30",
            "0, 15, UP, 0",
            "1, 240, UP, 240",
            "22, 15, DOWN, 15",
            "14, 15, DOWN, 0",
            "22, 15, NEAREST, 15",
            "23, 15, NEAREST, 30",
            "7, 15, NEAREST, 0",
            "8, 15, NEAREST, 15",
            "15, 30, NEAREST, 30",
            "14, 30, NEAREST, 0",
            "44, 30, NEAREST, 30",
            "45, 30, NEAREST, 60",
            "97, 6, NEAREST, 96",
            "99, 6, NEAREST, 102",
            "1439, 1, NEAREST, 1439",
            "1439, 1, UP, 1439",
    })
    void billableMinutes(int raw, int unit, Direction direction, int billable) {
        assertThat(new TimeRounding(unit, direction).billableMinutes(raw)).isEqualTo(billable);
    }

    @Test
    void noneKeepsTheMinutes() {
        assertThat(TimeRounding.NONE.billableMinutes(0)).isZero();
        assertThat(TimeRounding.NONE.billableMinutes(37)).isEqualTo(37);
    }

    @Test
    void storedCodes() {
        assertThat(TimeRounding.of(15, "up")).isEqualTo(new TimeRounding(15, Direction.UP));
        assertThat(TimeRounding.of(1, "nearest")).isEqualTo(TimeRounding.NONE);
        assertThat(Direction.DOWN.code()).isEqualTo("down");
        assertThatThrownBy(() -> TimeRounding.of(15, "UP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnitsOutsideOneTo240AndNegativeMinutes() {
        assertThatThrownBy(() -> new TimeRounding(0, Direction.UP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRounding(241, Direction.UP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRounding(15, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TimeRounding.NONE.billableMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TimeRounding(240, Direction.UP).billableMinutes(Integer.MAX_VALUE - 300))
                .isEqualTo((Integer.MAX_VALUE - 300) / 240 * 240 + 240);
    }

    @ParameterizedTest(name = "{0} min at {1} {2} -> {3}")
    @CsvSource({
            "90, 100, EUR, 150.00",
            "7, 95, EUR, 11.08",     // 11.0833…
            "1, 0.30, EUR, 0.01",    // 0.005 exactly: half up
            "1, 0.29, EUR, 0.00",    // 0.004833…
            "15, 85.50, EUR, 21.38", // 21.375
            "20, 100, EUR, 33.33",
            "40, 100, EUR, 66.67",
            "45, 1000, JPY, 750",
            "1, 1000, JPY, 17",      // 16.67
            "7, 95, KWD, 11.083",
            "7, 95, XXX, 11.08",     // no minor unit defined: two decimals like documents
            "0, 120, EUR, 0.00",
    })
    void amountIsMinutesTimesRateOverSixtyRoundedOnce(int minutes, String rate, String currency, String amount) {
        BigDecimal result = TimeRounding.amount(minutes, new BigDecimal(rate), Currency.getInstance(currency));
        assertThat(result).isEqualTo(new BigDecimal(amount));
    }

    @Test
    void nonBillableTimeCarriesNoRevenue() {
        assertThat(TimeRounding.amount(false, 90, new BigDecimal("120"), EUR)).isEqualTo(new BigDecimal("0.00"));
        assertThat(TimeRounding.amount(false, 90, new BigDecimal("120"), Currency.getInstance("JPY")))
                .isEqualTo(BigDecimal.ZERO);
        assertThat(TimeRounding.amount(true, 90, new BigDecimal("120"), EUR)).isEqualTo(new BigDecimal("180.00"));
    }

    @Test
    void refusesNegativeRatesAndMinutes() {
        assertThatThrownBy(() -> TimeRounding.amount(10, new BigDecimal("-1"), EUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeRounding.amount(-10, BigDecimal.TEN, EUR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursForShowing() {
        assertThat(TimeRounding.hours(90)).isEqualTo(new BigDecimal("1.50"));
        assertThat(TimeRounding.hours(20)).isEqualTo(new BigDecimal("0.33"));
        assertThat(TimeRounding.hours(7)).isEqualTo(new BigDecimal("0.12"));
        assertThat(TimeRounding.hours(0)).isEqualTo(new BigDecimal("0.00"));
    }
}
