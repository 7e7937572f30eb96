package com.workline.persistence.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Stream;

/** ISO weeks (Monday to Sunday), the unit of the timesheet and of approval. */
public final class Weeks {
    private Weeks() {
    }

    /** The Monday of {@code day}'s week. */
    public static LocalDate startOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The Sunday of {@code day}'s week. */
    public static LocalDate endOf(LocalDate day) {
        return startOf(day).plusDays(6);
    }

    /** The seven days of {@code day}'s week, Monday first. */
    public static List<LocalDate> daysOf(LocalDate day) {
        return Stream.iterate(startOf(day), d -> d.plusDays(1)).limit(7).toList();
    }

    /** The ISO week-based year and week, such as {@code 2027-W01} for 4 January 2027 ({@code 2026-W53} for 1 January). */
    public static String label(LocalDate day) {
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + (week < 10 ? "0" : "") + week;
    }
}
