package com.workline.persistence.projects;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's ISO week (Monday to Sunday): the entries by day, and the raw minutes per day ({@code dayMinutes}, seven
 * values from Monday) and in total.
 */
public record TimeWeek(UUID userId, LocalDate weekStart, List<TimeEntry> entries, List<Integer> dayMinutes,
                       int totalMinutes, int billableMinutes) {
    public List<TimeEntry> entriesOn(LocalDate day) {
        return entries.stream().filter(e -> e.entryDate().equals(day)).toList();
    }

    /** The seven days of the week. */
    public List<LocalDate> days() {
        return weekStart.datesUntil(weekStart.plusDays(7)).toList();
    }
}
