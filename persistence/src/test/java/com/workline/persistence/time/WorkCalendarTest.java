package com.workline.persistence.time;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkCalendarTest {
    private static final LocalDate EPIPHANY_2027 = LocalDate.of(2027, 1, 6);           // Wednesday
    private static final LocalDate WOMENS_DAY_2027 = LocalDate.of(2027, 3, 8);         // Monday
    private static final LocalDate GOOD_FRIDAY_2027 = LocalDate.of(2027, 3, 26);
    private static final LocalDate CORPUS_CHRISTI_2027 = LocalDate.of(2027, 5, 27);    // Thursday

    @Test
    void germanStatesDiffer() {
        WorkCalendar bavaria = WorkCalendar.of("DE", "BY", Set.of());
        WorkCalendar berlin = WorkCalendar.of("de", "DE-BE", null);
        assertThat(bavaria.hasHolidayData()).isTrue();
        assertThat(bavaria.countryCode()).isEqualTo("DE");
        assertThat(bavaria.subdivision()).isEqualTo("BY");
        assertThat(berlin.subdivision()).isEqualTo("BE");

        assertThat(bavaria.isWorkingDay(EPIPHANY_2027)).isFalse();
        assertThat(berlin.isWorkingDay(EPIPHANY_2027)).isTrue();
        assertThat(bavaria.isWorkingDay(CORPUS_CHRISTI_2027)).isFalse();
        assertThat(berlin.isWorkingDay(CORPUS_CHRISTI_2027)).isTrue();
        assertThat(berlin.isWorkingDay(WOMENS_DAY_2027)).isFalse();
        assertThat(bavaria.isWorkingDay(WOMENS_DAY_2027)).isTrue();
        // nationwide holidays in both
        for (WorkCalendar calendar : List.of(bavaria, berlin)) {
            assertThat(calendar.isPublicHoliday(GOOD_FRIDAY_2027)).isTrue();
            assertThat(calendar.isPublicHoliday(LocalDate.of(2027, 10, 3))).isTrue();
            assertThat(calendar.isPublicHoliday(LocalDate.of(2027, 12, 24))).isFalse(); // Christmas Eve is no holiday
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 12, 24))).isTrue();
        }
    }

    @Test
    void withoutOrWithAnUnknownSubdivisionOnlyTheNationwideHolidaysCount() {
        for (String subdivision : new String[]{null, "", "XX", "AT-BY", "by-de"}) {
            WorkCalendar germany = WorkCalendar.of("DE", subdivision, Set.of());
            assertThat(germany.subdivision()).as(subdivision).isNull();
            assertThat(germany.isWorkingDay(EPIPHANY_2027)).isTrue();
            assertThat(germany.isWorkingDay(WOMENS_DAY_2027)).isTrue();
            assertThat(germany.isWorkingDay(GOOD_FRIDAY_2027)).isFalse();
        }
    }

    @Test
    void unitedStatesCountHolidaysOnTheDayTheyAreObserved() {
        WorkCalendar us = WorkCalendar.of("US", null, Set.of());
        assertThat(us.isWorkingDay(LocalDate.of(2027, 11, 25))).isFalse();      // Thanksgiving
        assertThat(us.isWorkingDay(LocalDate.of(2027, 1, 18))).isFalse();       // Martin Luther King Jr. Day
        assertThat(us.isWorkingDay(GOOD_FRIDAY_2027)).isTrue();
        // Independence Day on a Sunday is observed on Monday 5 July; 4 July 2026 (a Saturday) on Friday 3 July
        assertThat(us.isWorkingDay(LocalDate.of(2027, 7, 5))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2026, 7, 3))).isFalse();
        // New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027, a holiday of the year before
        assertThat(us.isPublicHoliday(LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(us.workingDays(LocalDate.of(2027, 12, 27), LocalDate.of(2028, 1, 2)))
                .containsExactly(LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28), LocalDate.of(2027, 12, 29),
                        LocalDate.of(2027, 12, 30));
        // observances (Groundhog Day and the like) are working days
        assertThat(us.isWorkingDay(LocalDate.of(2027, 2, 2))).isTrue();
        // California adds Cesar Chavez Day (31 March 2027, a Wednesday) and the day after Thanksgiving
        WorkCalendar california = WorkCalendar.of("US", "US-CA", Set.of());
        assertThat(us.isWorkingDay(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(california.isWorkingDay(LocalDate.of(2027, 3, 31))).isFalse();
        assertThat(california.isWorkingDay(LocalDate.of(2027, 11, 26))).isFalse();
        assertThat(california.isWorkingDay(LocalDate.of(2027, 11, 25))).isFalse();
    }

    @Test
    void aCountryWithoutHolidayDataHasWeekdaysAndTheExtraDaysOff() {
        // Jollyday has no data for China (2.19.0); nor is "XX" or "Germany" a country
        LocalDate extra = LocalDate.of(2027, 2, 10);
        for (String country : new String[]{"CN", "XX", "Germany", "", null}) {
            WorkCalendar calendar = WorkCalendar.of(country, "BJ", Set.of(extra));
            assertThat(calendar.hasHolidayData()).as(country).isFalse();
            assertThat(calendar.countryCode()).isNull();
            assertThat(calendar.subdivision()).isNull();
            assertThat(calendar.isPublicHoliday(LocalDate.of(2027, 1, 1))).isFalse();
            assertThat(calendar.workingDays(LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 14)))
                    .extracting(LocalDate::getDayOfWeek)
                    .containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        }
    }

    @Test
    void theOrganizationsOwnDaysOff() {
        LocalDate christmasEve = LocalDate.of(2027, 12, 24);
        LocalDate newYearsEve = LocalDate.of(2027, 12, 31);
        WorkCalendar calendar = WorkCalendar.of("DE", "BE", Set.of(christmasEve, newYearsEve));
        assertThat(calendar.isWorkingDay(christmasEve)).isFalse();
        assertThat(calendar.isPublicHoliday(christmasEve)).isFalse();
        assertThat(calendar.extraDaysOff()).containsExactlyInAnyOrder(christmasEve, newYearsEve);
        assertThat(calendar.workingDays(LocalDate.of(2027, 12, 20), LocalDate.of(2028, 1, 2)))
                .containsExactly(LocalDate.of(2027, 12, 20), LocalDate.of(2027, 12, 21), LocalDate.of(2027, 12, 22),
                        LocalDate.of(2027, 12, 23), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28),
                        LocalDate.of(2027, 12, 29), LocalDate.of(2027, 12, 30));
        assertThat(calendar.workingDays(LocalDate.of(2027, 12, 31), LocalDate.of(2027, 12, 1))).isEmpty();
    }

    @Test
    void expectedMinutesSpreadTheWeekOverMondayToFriday() {
        WorkCalendar bavaria = WorkCalendar.of("DE", "BY", Set.of());
        LocalDate monday = LocalDate.of(2027, 1, 4);
        assertThat(Weeks.daysOf(monday)).extracting(day -> bavaria.expectedMinutes(day, 2400))
                .containsExactly(480, 480, 0, 480, 480, 0, 0);   // Wednesday is Epiphany
        assertThat(bavaria.expectedMinutes(monday, Weeks.endOf(monday), 2400)).isEqualTo(1920);
        assertThat(WorkCalendar.of("DE", "BE", Set.of()).expectedMinutes(monday, Weeks.endOf(monday), 2400))
                .isEqualTo(2400);
        // 40:02 a week: a minute more on Monday and Tuesday, the week still adds up
        LocalDate plain = LocalDate.of(2027, 1, 11);
        assertThat(Weeks.daysOf(plain)).extracting(day -> bavaria.expectedMinutes(day, 2402))
                .containsExactly(481, 481, 480, 480, 480, 0, 0);
        assertThat(bavaria.expectedMinutes(plain, Weeks.endOf(plain), 2402)).isEqualTo(2402);
        assertThat(bavaria.expectedMinutes(plain, 0)).isZero();
        assertThatThrownBy(() -> bavaria.expectedMinutes(plain, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countriesAndSubdivisionsForTheSettings() {
        assertThat(WorkCalendar.countries()).contains("DE", "US", "AT", "CH", "GB", "FR").doesNotContain("CN", "NYSE");
        assertThat(WorkCalendar.subdivisions("DE", Locale.GERMAN)).hasSize(16)
                .containsEntry("BY", "Bayern").containsEntry("BE", "Berlin");
        assertThat(WorkCalendar.subdivisions("us", Locale.ENGLISH)).containsEntry("NY", "New York");
        assertThat(WorkCalendar.subdivisions("CN", Locale.ENGLISH)).isEmpty();
    }
}
