package com.workline.persistence.time;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An organization's working days: Monday to Friday, except the public holidays of its country and subdivision (from
 * Jollyday, ADR 11) and its own extra days off. A country without holiday data (or no country) still gives a calendar:
 * weekdays and the extra days off only, with {@link #hasHolidayData()} false. Holidays that fall on a weekend and are
 * observed on a weekday (US: Independence Day on a Sunday → Monday) count on the observed day. Immutable, thread-safe.
 */
public final class WorkCalendar {
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final String countryCode;
    private final String subdivision;
    private final HolidayManager holidays;
    private final Set<LocalDate> extraDaysOff;
    /** Public holidays by the year of the day they are observed on. */
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    private WorkCalendar(String countryCode, String subdivision, HolidayManager holidays, Set<LocalDate> extraDaysOff) {
        this.countryCode = countryCode;
        this.subdivision = subdivision;
        this.holidays = holidays;
        this.extraDaysOff = extraDaysOff;
    }

    /**
     * The calendar of {@code countryCode} (ISO 3166-1 alpha-2, any case; null for none) and {@code subdivision} (its
     * ISO 3166-2 part: {@code BY} or {@code DE-BY}; null or unknown for the country-wide holidays only), plus the
     * organization's {@code extraDaysOff} (may be null).
     */
    public static WorkCalendar of(String countryCode, String subdivision, Set<LocalDate> extraDaysOff) {
        Set<LocalDate> extra = extraDaysOff == null ? Set.of() : Set.copyOf(extraDaysOff);
        String country = countryCode == null ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        HolidayManager manager = country != null && COUNTRY.matcher(country).matches() && countries().contains(country)
                ? HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT))) : null;
        String region = manager == null ? null : knownSubdivision(manager, country, subdivision);
        return new WorkCalendar(manager == null ? null : country, region, manager, extra);
    }

    /** The countries (ISO codes, upper case) with holiday data. */
    public static Set<String> countries() {
        Set<String> codes = new TreeSet<>();
        for (String code : HolidayManager.getSupportedCalendarCodes()) {
            if (COUNTRY.matcher(code).matches()) {
                codes.add(code.toUpperCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    /** The subdivisions {@code countryCode} has holiday data for: code (upper case, as stored) → name in {@code locale}. */
    public static Map<String, String> subdivisions(String countryCode, Locale locale) {
        WorkCalendar calendar = of(countryCode, null, null);
        Map<String, String> named = new TreeMap<>();
        if (calendar.holidays != null) {
            calendar.holidays.getCalendarHierarchy().getChildren().forEach((code, child) ->
                    named.put(code.toUpperCase(Locale.ROOT), child.getDescription(locale)));
        }
        return Collections.unmodifiableMap(named);
    }

    /** {@code BY}, {@code by} or {@code DE-BY} as {@code BY} when the country has holidays for it, else null. */
    private static String knownSubdivision(HolidayManager manager, String country, String subdivision) {
        String code = subdivision == null ? "" : subdivision.strip().toUpperCase(Locale.ROOT);
        if (code.startsWith(country + "-")) {
            code = code.substring(country.length() + 1);
        }
        String key = code.toLowerCase(Locale.ROOT);
        return !key.isEmpty() && manager.getCalendarHierarchy().getChildren().containsKey(key) ? code : null;
    }

    /** The country whose holidays apply (upper case), or null when there is no holiday data. */
    public String countryCode() {
        return countryCode;
    }

    /** The subdivision whose holidays apply too (upper case, without the country), or null for country-wide only. */
    public String subdivision() {
        return subdivision;
    }

    /** Whether public holidays are known; false: weekdays and the organization's extra days off only. */
    public boolean hasHolidayData() {
        return holidays != null;
    }

    public Set<LocalDate> extraDaysOff() {
        return extraDaysOff;
    }

    /** Whether {@code day} is a public holiday here (on the day it is observed). */
    public boolean isPublicHoliday(LocalDate day) {
        return holidays != null && holidaysOf(day.getYear()).contains(day);
    }

    /** Monday to Friday, not a public holiday and not one of the organization's extra days off. */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !extraDaysOff.contains(day)
                && !isPublicHoliday(day);
    }

    /** The working days from {@code from} to {@code to}, both included, in order (empty when {@code to} is before). */
    public List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * The minutes expected on {@code day} from {@code weeklyMinutes} spread over Monday to Friday: a fifth each, the
     * remainder one minute at a time from Monday on (2401 → 481 on Monday, 480 on the other days), so a full week adds
     * up to {@code weeklyMinutes}; 0 on a day that is not a working day.
     */
    public int expectedMinutes(LocalDate day, int weeklyMinutes) {
        if (weeklyMinutes < 0) {
            throw new IllegalArgumentException("Negative weekly minutes: " + weeklyMinutes);
        }
        if (!isWorkingDay(day)) {
            return 0;
        }
        int index = day.getDayOfWeek().getValue() - 1;
        return weeklyMinutes / 5 + (index < weeklyMinutes % 5 ? 1 : 0);
    }

    /** {@link #expectedMinutes(LocalDate, int)} summed from {@code from} to {@code to}, both included. */
    public int expectedMinutes(LocalDate from, LocalDate to, int weeklyMinutes) {
        int total = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            total += expectedMinutes(day, weeklyMinutes);
        }
        return total;
    }

    private Set<LocalDate> holidaysOf(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> {
            // a holiday of the next or last year may be observed in this one (1 Jan on a Saturday → 31 Dec)
            Set<LocalDate> days = new HashSet<>();
            String[] region = subdivision == null ? new String[0] : new String[]{subdivision.toLowerCase(Locale.ROOT)};
            for (Holiday holiday : holidays.getHolidays(LocalDate.of(y - 1, 1, 1), LocalDate.of(y + 1, 12, 31),
                    HolidayType.PUBLIC_HOLIDAY, region)) {
                if (holiday.getDate().getYear() == y) {
                    days.add(holiday.getDate());
                }
            }
            return Set.copyOf(days);
        });
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + Objects.requireNonNullElse(countryCode, "-")
                + (subdivision == null ? "" : "-" + subdivision) + ", " + extraDaysOff.size() + " extra days off]";
    }
}
