package com.workline.ui.admin;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.projects.RoundingDirection;
import com.workline.persistence.projects.RoundingRule;
import com.workline.persistence.projects.TimeSettings;
import com.workline.persistence.projects.TimeSettingsService;
import com.workline.persistence.time.Durations;
import com.workline.persistence.time.WorkCalendar;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Administration › Time: the organization's lock date, weekly working hours, holiday calendar (country and region, from
 * the holiday library's list), default rounding of billable time and the timer reminder. Owners and admins save (the
 * database's policy decides again); typed values stay whatever happens, errors are shown next to their fields.
 */
public final class TimeSettingsViewModel {
    /** The rounding units offered (minutes); a unit stored otherwise is offered too. */
    public static final List<Integer> UNITS = List.of(1, 5, 6, 10, 15, 30, 60);
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):([0-5]\\d)");

    private final TimeSettingsService service;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ObjectProperty<LocalDate> lockDate = new SimpleObjectProperty<>();
    private final StringProperty weeklyHours = new SimpleStringProperty("");
    private final ObjectProperty<String> country = new SimpleObjectProperty<>();
    private final ObjectProperty<String> subdivision = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> roundingUnit = new SimpleObjectProperty<>(1);
    private final ObjectProperty<RoundingDirection> roundingDirection = new SimpleObjectProperty<>(RoundingDirection.NEAREST);
    private final StringProperty timerReminder = new SimpleStringProperty("");
    private final ObservableList<String> countries = FXCollections.observableArrayList();
    private final ObservableList<String> subdivisions = FXCollections.observableArrayList();
    private final ObservableList<Integer> units = FXCollections.observableArrayList(UNITS);
    private final Map<String, String> subdivisionNames = new LinkedHashMap<>();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private TimeSettings original;
    private boolean saving;

    public TimeSettingsViewModel(TimeSettingsService service, BackgroundTasks tasks, Locale locale) {
        this.service = service;
        this.tasks = tasks;
        this.locale = locale;
        country.addListener((o, was, now) -> loadSubdivisions(now));
    }

    public ObjectProperty<LocalDate> lockDateProperty() {
        return lockDate;
    }

    /** A week's working time as typed: 40, 37.5 (the locale's decimals) or 38:30. */
    public StringProperty weeklyHoursProperty() {
        return weeklyHours;
    }

    /** ISO country code of the public holidays. */
    public ObjectProperty<String> countryProperty() {
        return country;
    }

    /** The region's code (e.g. BY), or null for the country's holidays only. */
    public ObjectProperty<String> subdivisionProperty() {
        return subdivision;
    }

    public ObjectProperty<Integer> roundingUnitProperty() {
        return roundingUnit;
    }

    public ObjectProperty<RoundingDirection> roundingDirectionProperty() {
        return roundingDirection;
    }

    /** After how long a running timer reminds its person, as a duration (10:00). */
    public StringProperty timerReminderProperty() {
        return timerReminder;
    }

    /** The countries with holiday data, by name in the person's language. */
    public ObservableList<String> countries() {
        return countries;
    }

    /** The chosen country's regions (null first: the whole country). */
    public ObservableList<String> subdivisions() {
        return subdivisions;
    }

    public ObservableList<Integer> units() {
        return units;
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public void load() {
        tasks.run(() -> {
            TimeSettings settings = service.load();
            List<String> codes = new ArrayList<>(WorkCalendar.countries());
            codes.sort(Comparator.comparing(this::countryName, java.text.Collator.getInstance(locale)));
            return new Object[] {settings, codes};
        }, loadedValues -> {
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) loadedValues[1];
            countries.setAll(codes);
            show((TimeSettings) loadedValues[0]);
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** After a conflict: the stored settings (what was typed is dropped). */
    public void reload() {
        errors.clear();
        message.set("");
        load();
    }

    private void show(TimeSettings s) {
        original = s;
        lockDate.set(s.lockDate());
        weeklyHours.set(Durations.format(s.weeklyWorkingMinutes()));
        if (s.holidayCountry() != null && !countries.contains(s.holidayCountry())) {
            countries.add(0, s.holidayCountry());
        }
        subdivision.set(s.holidaySubdivision());
        if (s.holidayCountry() != null && s.holidayCountry().equals(country.get())) {
            loadSubdivisions(s.holidayCountry());
        }
        country.set(s.holidayCountry());
        if (!units.contains(s.rounding().unitMinutes())) {
            units.add(s.rounding().unitMinutes());
            units.sort(Comparator.naturalOrder());
        }
        roundingUnit.set(s.rounding().unitMinutes());
        roundingDirection.set(s.rounding().direction());
        timerReminder.set(Durations.format(s.timerReminderMinutes()));
        loaded.set(true);
    }

    /** The regions of the country, read in the background; the chosen one is kept if the country has it. */
    private void loadSubdivisions(String code) {
        if (code == null) {
            subdivisions.setAll(java.util.Collections.singletonList(null));
            return;
        }
        tasks.latest("subdivisions", () -> WorkCalendar.subdivisions(code, locale), names -> {
            String chosen = subdivision.get();
            subdivisionNames.clear();
            subdivisionNames.putAll(names);
            List<String> codes = new ArrayList<>();
            codes.add(null);
            codes.addAll(names.keySet());
            subdivisions.setAll(codes);
            subdivision.set(chosen != null && names.containsKey(chosen) ? chosen : null);
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Saves; a save is never dropped silently (still loading, still saving: the person is told). */
    public void save() {
        if (original == null) {
            message.set(Messages.get("form.stillLoading"));
            return;
        }
        if (saving) {
            message.set(Messages.get("form.stillSaving"));
            return;
        }
        errors.clear();
        message.set("");
        TimeSettings edited;
        try {
            edited = edited();
        } catch (ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(Messages.get("form.fix"));
            return;
        }
        saving = true;
        tasks.run(() -> service.save(edited), saved -> {
            saving = false;
            show(saved);
            message.set(Messages.get("settings.saved"));
        }, failure -> {
            saving = false;
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
                message.set(Messages.get("form.fix"));
            } else if (failure.problem() == Problem.CONFLICT) {
                message.set(Messages.get("timeSettings.conflict"));
            } else {
                message.set(failure.getLocalizedMessage());
            }
        });
    }

    private TimeSettings edited() {
        ValidationException.Collector problems = new ValidationException.Collector();
        Integer weekly = hoursToMinutes(weeklyHours.get());
        problems.check(weekly != null, "weeklyWorkingMinutes", Messages.get("timeSettings.hoursInvalid"));
        Integer reminder = null;
        try {
            reminder = Durations.parse(timerReminder.get(), locale);
        } catch (ValidationException invalid) {
            problems.check(false, "timerReminderMinutes", invalid.fieldErrors().get(Durations.FIELD));
        }
        problems.check(country.get() != null, "holidayCountry", Messages.get("timeSettings.countryRequired"));
        problems.check(roundingUnit.get() != null && roundingDirection.get() != null, "rounding",
                Messages.get("timeSettings.roundingRequired"));
        problems.throwIfAny();
        return original.withLockDate(lockDate.get()).withWeeklyWorkingMinutes(weekly)
                .withHolidays(country.get(), subdivision.get())
                .withRounding(new RoundingRule(roundingUnit.get(), roundingDirection.get()))
                .withTimerReminderMinutes(reminder);
    }

    /** "40" or "37.5" hours (the locale's decimals), or "38:30"; null when it is neither. */
    Integer hoursToMinutes(String text) {
        String value = text == null ? "" : text.strip();
        Matcher clock = CLOCK.matcher(value);
        if (clock.matches()) {
            return Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
        }
        BigDecimal hours = LocaleNumbers.parseDecimal(value, locale);
        if (hours == null || hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            return null;
        }
        return hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    // ------------------------------------------------------------------------------------------ how choices are shown

    /** "Germany (DE)". */
    public String countryName(String code) {
        if (code == null) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
    }

    /** "Bavaria (BY)", or "the whole country" for none. */
    public String subdivisionName(String code) {
        if (code == null) {
            return Messages.get("timeSettings.wholeCountry");
        }
        String name = subdivisionNames.get(code);
        return name == null || name.isBlank() ? code : name + " (" + code + ")";
    }

    /** "15 minutes" (1: "every minute"). */
    public static String unitName(Integer minutes) {
        return minutes == null ? "" : minutes == 1 ? Messages.get("timeSettings.unit.none")
                : Messages.get("timeSettings.unit", minutes);
    }

    public static String directionName(RoundingDirection direction) {
        return direction == null ? "" : Messages.get("timeSettings.direction." + direction.name());
    }
}
