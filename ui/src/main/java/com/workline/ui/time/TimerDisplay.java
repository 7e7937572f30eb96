package com.workline.ui.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The running timer's elapsed time as the shell shows it: {@code 1:05:09} (hours without limit, minutes and seconds
 * with two digits). The start comes from the database, the clock is the client's: a start slightly in the client's
 * future (clocks apart) shows as {@code 0:00:00}, never negative.
 */
public final class TimerDisplay {
    private TimerDisplay() {
    }

    /** The time from {@code start} to the clock's now, at least zero. */
    public static Duration elapsed(Instant start, Clock clock) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** {@link #elapsed} formatted. */
    public static String format(Instant start, Clock clock) {
        return format(elapsed(start, clock));
    }

    /** {@code 1:05:09}; whole seconds (cut, not rounded); a negative duration as {@code 0:00:00}. */
    public static String format(Duration elapsed) {
        long seconds = elapsed.isNegative() ? 0 : elapsed.getSeconds();
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return seconds / 3600 + ":" + (minutes < 10 ? "0" : "") + minutes + ":" + (secs < 10 ? "0" : "") + secs;
    }
}
