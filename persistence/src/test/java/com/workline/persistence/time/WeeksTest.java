package com.workline.persistence.time;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WeeksTest {
    @Test
    void isoWeeksStartOnMonday() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        for (int i = 0; i < 7; i++) {
            assertThat(Weeks.startOf(monday.plusDays(i))).isEqualTo(monday);
            assertThat(Weeks.endOf(monday.plusDays(i))).isEqualTo(LocalDate.of(2026, 11, 29));
        }
        assertThat(Weeks.startOf(monday.minusDays(1))).isEqualTo(LocalDate.of(2026, 11, 16));
        // across the turn of the year: 1 January 2027 is a Friday of week 53 of 2026
        assertThat(Weeks.startOf(LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(Weeks.label(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(Weeks.label(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        assertThat(Weeks.label(LocalDate.of(2026, 3, 2))).isEqualTo("2026-W10");
    }

    @Test
    void daysOfAWeek() {
        assertThat(Weeks.daysOf(LocalDate.of(2026, 12, 31))).hasSize(7)
                .startsWith(LocalDate.of(2026, 12, 28)).endsWith(LocalDate.of(2027, 1, 3))
                .extracting(LocalDate::getDayOfWeek).containsExactly(DayOfWeek.values());
    }
}
