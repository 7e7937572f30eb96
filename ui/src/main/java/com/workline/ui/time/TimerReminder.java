package com.workline.ui.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reminds once when a running timer passes a limit (the organization's {@code timer_reminder_minutes}): the shell
 * calls {@link #check} on each tick with the running timer's start (null when none runs). A timer started anew (another
 * start) may remind again; the same timer never twice, also not after it was stopped and shown again. A timer that is
 * already past the limit when the client starts (it ran overnight) reminds on the first check. Use from one thread
 * (the FX thread).
 */
public final class TimerReminder {
    private final Duration limit;
    private final Clock clock;
    private final Consumer<Duration> onReminder;
    private Instant remindedFor;

    /**
     * @param limit      when to remind; {@link Duration#ZERO} never reminds
     * @param onReminder called with the elapsed time when the limit is passed
     */
    public TimerReminder(Duration limit, Clock clock, Consumer<Duration> onReminder) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("Negative limit: " + limit);
        }
        this.limit = limit;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onReminder = Objects.requireNonNull(onReminder, "onReminder");
    }

    public Duration limit() {
        return limit;
    }

    /**
     * Reminds if the timer started at {@code runningSince} has reached the limit and was not reminded of yet.
     *
     * @param runningSince the running timer's start, or null when no timer runs
     * @return whether it reminded now
     */
    public boolean check(Instant runningSince) {
        if (runningSince == null || limit.isZero() || runningSince.equals(remindedFor)) {
            return false;
        }
        Duration elapsed = TimerDisplay.elapsed(runningSince, clock);
        if (elapsed.compareTo(limit) < 0) {
            return false;
        }
        remindedFor = runningSince;
        onReminder.accept(elapsed);
        return true;
    }
}
