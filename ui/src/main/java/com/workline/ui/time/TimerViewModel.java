package com.workline.ui.time;

import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.projects.TimeEntryInput;
import com.workline.persistence.projects.TimeEntryService;
import com.workline.persistence.projects.TimeSettingsService;
import com.workline.persistence.time.Durations;
import com.workline.ui.common.Messages;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The person's running timer as the shell's top bar and My time show it. The timer lives in the database (its start
 * is stored), so after a restart or on another device {@link #load()} finds it again; the elapsed time is the client's
 * clock minus that start ({@link TimerDisplay}). On each {@link #tick()} (once a second while it runs) the
 * {@link TimerReminder} checks the organization's limit, and input fed to {@link #input(Instant)} goes to an
 * {@link IdleDetector}: when the person comes back after the idle time (their preference, default 10 minutes) while
 * the timer runs, {@link #idleProperty()} asks them to keep, discard or book the idle time elsewhere.
 * {@link #recordedProperty()} counts the changes the timer made to time entries, so My time can reload its week.
 */
public final class TimerViewModel {
    /** The person's idle time in minutes if they never chose one; 0 turns the question off. */
    public static final int DEFAULT_IDLE_MINUTES = 10;

    private final TimeEntryService time;
    private final TimeSettingsService settings;
    private final BackgroundTasks background;
    private final Clock clock;
    private final UserPreferences preferences;
    private final String idleKey;
    private final String lastKey;
    private final ReadOnlyObjectWrapper<TimeEntry> running = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IdleDetector.IdlePeriod> idle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper recorded = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final IdleDetector idleDetector;
    private TimerReminder reminder;

    /**
     * @param preferenceScope whose preferences these are (the person's login and organization): the idle time and the
     *                        last timer (Ctrl+Shift+T starts it again when none runs)
     */
    public TimerViewModel(TimeEntryService time, TimeSettingsService settings, BackgroundTasks background, Clock clock,
                          UserPreferences preferences, String login, UUID organization) {
        this.time = time;
        this.settings = settings;
        this.background = background;
        this.clock = clock;
        this.preferences = preferences;
        this.idleKey = "time.idleMinutes." + login;
        // java.util.prefs takes keys of up to 80 characters: the login and organization as one name-based UUID
        this.lastKey = "time.lastTimer." + UUID.nameUUIDFromBytes((login + "/" + organization)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.idleDetector = new IdleDetector(Duration.ofMinutes(Math.max(1, idleMinutes())), clock);
    }

    // ------------------------------------------------------------------------------------------ state

    /** The running timer's entry, or null. */
    public ReadOnlyObjectProperty<TimeEntry> runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get() != null;
    }

    /** {@code 1:05:09} while a timer runs, else empty. */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** The running timer's project and task ({@code P-2026-0003 Website · Design}), else empty. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The reminder, once the timer passed the organization's limit (until dismissed or stopped). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** What went wrong with the last command, else empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The idle time the person is asked about (clipped to the timer's start), or null. */
    public ReadOnlyObjectProperty<IdleDetector.IdlePeriod> idleProperty() {
        return idle.getReadOnlyProperty();
    }

    /** Goes up each time the timer recorded or changed time (start, stop, idle time): the week shown is stale. */
    public ReadOnlyIntegerProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    BackgroundTasks tasks() {
        return background;
    }

    // ------------------------------------------------------------------------------------------ preferences

    /** After how many minutes without input the person is asked about the idle time (0: never). */
    public int idleMinutes() {
        return preferences.get(idleKey).map(v -> {
            try {
                return Math.max(0, Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return DEFAULT_IDLE_MINUTES;
            }
        }).orElse(DEFAULT_IDLE_MINUTES);
    }

    public void setIdleMinutes(int minutes) {
        preferences.put(idleKey, Integer.toString(Math.max(0, minutes)));
        if (minutes > 0) {
            idleDetector.setThreshold(Duration.ofMinutes(minutes));
        }
    }

    /** The project and task of the last timer (started here or found running), for Ctrl+Shift+T. */
    Optional<UUID[]> lastTimer() {
        return preferences.get(lastKey).filter(v -> !v.isBlank()).map(v -> {
            String[] parts = v.split("\\|", -1);
            try {
                return new UUID[]{UUID.fromString(parts[0]), parts.length > 1 && !parts[1].isEmpty() ? UUID.fromString(parts[1]) : null};
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    private void remember(TimeEntry entry) {
        preferences.put(lastKey, entry.projectId() + "|" + (entry.taskId() == null ? "" : entry.taskId()));
    }

    // ------------------------------------------------------------------------------------------ commands

    /** Finds the running timer (after a start of the client, or from time to time for another device's start). */
    public void load() {
        background.latest("load", () -> new Loaded(settings.load().timerReminderMinutes(), time.runningTimer()), loaded -> {
            if (reminder == null || reminder.limit().toMinutes() != loaded.reminderMinutes()) {
                reminder = new TimerReminder(Duration.ofMinutes(loaded.reminderMinutes()), clock, this::remind);
            }
            show(loaded.running());
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    private record Loaded(int reminderMinutes, TimeEntry running) {
    }

    /** Starts a timer now on the project (and task); a running one stops first (the database does both). */
    public void start(UUID projectId, UUID taskId, String description) {
        command(() -> time.startTimer(projectId, taskId, description), entry -> {
            idleDetector.reset();
            notice.set("");
            show(entry);
        });
    }

    /** Stops the running timer (its minutes are recorded). */
    public void stop() {
        command(time::stopTimer, stopped -> {
            show(null);
            if (stopped != null) {
                message.set(Messages.get("time.timer.stopped", Durations.format(stopped.rawMinutes()), label(stopped)));
            }
        });
    }

    /**
     * Ctrl+Shift+T: stops the running timer, or starts the last one again when none runs.
     *
     * @return false when nothing runs and there is no last timer (the view then asks for a project)
     */
    public boolean toggle() {
        if (isRunning()) {
            stop();
            return true;
        }
        Optional<UUID[]> last = lastTimer();
        if (last.isEmpty()) {
            return false;
        }
        start(last.get()[0], last.get()[1], null);
        return true;
    }

    public void dismissNotice() {
        notice.set("");
    }

    private <T> void command(java.util.function.Supplier<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        message.set("");
        background.run(work, result -> {
            busy.set(false);
            recorded.set(recorded.get() + 1);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            message.set(failure.getLocalizedMessage());
            load(); // another device may have started or stopped it
        });
    }

    private void show(TimeEntry entry) {
        running.set(entry);
        if (entry == null) {
            elapsed.set("");
            caption.set("");
            notice.set("");
            idle.set(null);
        } else {
            remember(entry);
            caption.set(label(entry));
            tick();
        }
    }

    /** "P-2026-0003 Website · Design" */
    static String label(TimeEntry entry) {
        String project = (entry.projectNumber() == null ? "" : entry.projectNumber() + " ") + entry.projectName();
        return entry.taskName() == null ? project : project + " \u00b7 " + entry.taskName();
    }

    // ------------------------------------------------------------------------------------------ tick, reminder, idle

    /** Once a second while the timer runs: the elapsed time and the reminder. */
    public void tick() {
        TimeEntry entry = running.get();
        if (entry == null) {
            return;
        }
        Instant start = entry.startedAt().toInstant();
        elapsed.set(TimerDisplay.format(start, clock));
        if (reminder != null) {
            reminder.check(start);
        }
    }

    private void remind(Duration elapsedTime) {
        TimeEntry entry = running.get();
        notice.set(Messages.get("time.timer.reminder", TimerDisplay.format(elapsedTime), entry == null ? "" : label(entry)));
    }

    /** The person's input (a key, the mouse) at {@code at}; asks about the idle time when it ends a long gap. */
    public void input(Instant at) {
        int minutes = idleMinutes();
        if (minutes > 0 && !idleDetector.threshold().equals(Duration.ofMinutes(minutes))) {
            idleDetector.setThreshold(Duration.ofMinutes(minutes));
        }
        Optional<IdleDetector.IdlePeriod> gap = idleDetector.input(at);
        TimeEntry entry = running.get();
        if (minutes == 0 || gap.isEmpty() || entry == null || idle.get() != null) {
            return;
        }
        gap.get().from(entry.startedAt().toInstant()).ifPresent(idle::set);
    }

    public void input() {
        input(clock.instant());
    }

    /** Keep the idle time on the timer. */
    public void keepIdle() {
        idle.set(null);
        idleDetector.reset();
    }

    /** Not work: the timer's entry ends when the idle time began, and a new timer on the same work starts now. */
    public void discardIdle() {
        resolveIdle(null, null);
    }

    /**
     * Worked on something else meanwhile: the timer's entry ends when the idle time began, the idle time becomes an
     * entry of {@code projectId} (and task), and the timer goes on with its work from now.
     */
    public void bookIdleElsewhere(UUID projectId, UUID taskId) {
        resolveIdle(projectId, taskId);
    }

    private void resolveIdle(UUID elsewhereProject, UUID elsewhereTask) {
        IdleDetector.IdlePeriod period = idle.get();
        TimeEntry timer = running.get();
        if (period == null || timer == null) {
            idle.set(null);
            return;
        }
        OffsetDateTime idleStart = period.start().atZone(clock.getZone()).toOffsetDateTime();
        OffsetDateTime idleEnd = period.end().atZone(clock.getZone()).toOffsetDateTime();
        idle.set(null);
        idleDetector.reset();
        command(() -> {
            TimeEntry stopped = time.stopTimer();
            if (stopped != null && stopped.id().equals(timer.id())) {
                if (!idleStart.isAfter(stopped.startedAt())) {
                    time.delete(stopped.id(), stopped.version()); // idle from its very start: nothing was worked
                } else {
                    time.update(stopped.id(), stopped.version(), stopped.input().between(stopped.startedAt(), idleStart));
                }
            }
            if (elsewhereProject != null) {
                time.create(new TimeEntryInput(null, idleStart.toLocalDate(), null, null, null, elsewhereProject,
                        elsewhereTask, null, null, null).between(idleStart, idleEnd));
            }
            return time.startTimer(timer.projectId(), timer.taskId(), timer.description());
        }, entry -> {
            notice.set("");
            show(entry);
        });
    }
}
