package com.workline.ui.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimerDisplayTest {
    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");

    @Test
    void hoursMinutesAndSeconds() {
        FakeClock clock = new FakeClock(START);
        assertThat(TimerDisplay.format(START, clock)).isEqualTo("0:00:00");
        clock.advance(Duration.ofSeconds(9));
        assertThat(TimerDisplay.format(START, clock)).isEqualTo("0:00:09");
        clock.advance(Duration.ofMinutes(5));
        assertThat(TimerDisplay.format(START, clock)).isEqualTo("0:05:09");
        clock.advance(Duration.ofHours(1));
        assertThat(TimerDisplay.format(START, clock)).isEqualTo("1:05:09");
        assertThat(TimerDisplay.elapsed(START, clock)).isEqualTo(Duration.parse("PT1H5M9S"));
        // fractions of a second are cut: the display never runs ahead of the stored start
        clock.advance(Duration.ofMillis(999));
        assertThat(TimerDisplay.format(START, clock)).isEqualTo("1:05:09");
    }

    @Test
    void overADayTheHoursGoOn() {
        assertThat(TimerDisplay.format(Duration.ofHours(26).plusMinutes(1).plusSeconds(2))).isEqualTo("26:01:02");
        assertThat(TimerDisplay.format(Duration.ofDays(10))).isEqualTo("240:00:00");
        assertThat(TimerDisplay.format(Duration.ofSeconds(59))).isEqualTo("0:00:59");
        assertThat(TimerDisplay.format(Duration.ofSeconds(3600))).isEqualTo("1:00:00");
    }

    @Test
    void aStartInTheClientsFutureShowsZero() {
        FakeClock clock = new FakeClock(START.minusSeconds(3));
        assertThat(TimerDisplay.elapsed(START, clock)).isZero();
        assertThat(TimerDisplay.format(START, clock)).isEqualTo("0:00:00");
        assertThat(TimerDisplay.format(Duration.ofSeconds(-5))).isEqualTo("0:00:00");
    }
}
