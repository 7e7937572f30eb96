package com.workline.persistence.projects;

import java.time.LocalDate;

/**
 * The organization's rules for time (owners and admins change them with the organization settings).
 *
 * @param lockDate              nothing dated on or before it changes (null: no lock)
 * @param weeklyWorkingMinutes  a full week's working time (spread over the working days)
 * @param holidayCountry        ISO 3166-1 country of the public holidays
 * @param holidaySubdivision    its region (ISO 3166-2 code without the country, e.g. BY), or null
 * @param rounding              how billable time is rounded unless a customer or project says otherwise
 * @param timerReminderMinutes  after how long a running timer reminds its person
 * @param baseCurrency          the currency of all amounts of time (read only here)
 * @param version               the organization's version (shared with the other organization settings)
 */
public record TimeSettings(LocalDate lockDate, int weeklyWorkingMinutes, String holidayCountry, String holidaySubdivision,
                           RoundingRule rounding, int timerReminderMinutes, String baseCurrency, int version) {
    public TimeSettings withLockDate(LocalDate date) {
        return new TimeSettings(date, weeklyWorkingMinutes, holidayCountry, holidaySubdivision, rounding, timerReminderMinutes,
                baseCurrency, version);
    }

    public TimeSettings withRounding(RoundingRule rule) {
        return new TimeSettings(lockDate, weeklyWorkingMinutes, holidayCountry, holidaySubdivision, rule, timerReminderMinutes,
                baseCurrency, version);
    }

    public TimeSettings withWeeklyWorkingMinutes(int minutes) {
        return new TimeSettings(lockDate, minutes, holidayCountry, holidaySubdivision, rounding, timerReminderMinutes,
                baseCurrency, version);
    }

    public TimeSettings withHolidays(String country, String subdivision) {
        return new TimeSettings(lockDate, weeklyWorkingMinutes, country, subdivision, rounding, timerReminderMinutes,
                baseCurrency, version);
    }

    public TimeSettings withTimerReminderMinutes(int minutes) {
        return new TimeSettings(lockDate, weeklyWorkingMinutes, holidayCountry, holidaySubdivision, rounding, minutes,
                baseCurrency, version);
    }
}
