package com.workline.ui.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Notices when the person was away: fed with the moments of their input (key presses, mouse moves and clicks, from
 * the window's event filter), it reports a gap without input longer than the threshold as an {@link IdlePeriod} from
 * the last input before it to the input that ended it. The screen then asks whether to keep, discard or book the idle
 * time elsewhere. A computer that slept shows the same way: the first input after waking reports the gap. Counting
 * starts at construction (or {@link #reset}), as if there had been input then. Use from one thread (the FX thread).
 */
public final class IdleDetector {
    private final Clock clock;
    private Duration threshold;
    private Instant lastInput;

    /** A time without input: from the last input before it to the input that ended it. */
    public record IdlePeriod(Instant start, Instant end) {
        public IdlePeriod {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("Ends before it starts: " + start + " .. " + end);
            }
        }

        public Duration duration() {
            return Duration.between(start, end);
        }

        /**
         * The part of this period from {@code notBefore} on (a timer started while the person was already away is idle
         * only from its start), empty when it ended before.
         */
        public Optional<IdlePeriod> from(Instant notBefore) {
            if (!end.isAfter(notBefore)) {
                return Optional.empty();
            }
            return Optional.of(start.isBefore(notBefore) ? new IdlePeriod(notBefore, end) : this);
        }
    }

    /** @param threshold how long without input counts as away; more than zero */
    public IdleDetector(Duration threshold, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        setThreshold(threshold);
        this.lastInput = clock.instant();
    }

    public Duration threshold() {
        return threshold;
    }

    /** Changes the threshold (the person's setting); the current gap is measured against the new one. */
    public void setThreshold(Duration threshold) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("The idle threshold must be positive: " + threshold);
        }
        this.threshold = threshold;
    }

    /** Input now (the clock's time). */
    public Optional<IdlePeriod> input() {
        return input(clock.instant());
    }

    /**
     * Input at {@code at}. Returns the idle period this input ends when the gap since the last input is longer than the
     * threshold (exactly the threshold is not idle). An input older than the last one (events out of order) changes
     * nothing.
     */
    public Optional<IdlePeriod> input(Instant at) {
        if (!at.isAfter(lastInput)) {
            return Optional.empty();
        }
        Instant previous = lastInput;
        lastInput = at;
        return Duration.between(previous, at).compareTo(threshold) > 0
                ? Optional.of(new IdlePeriod(previous, at)) : Optional.empty();
    }

    /** Since when the person has been away, if the gap up to now is already longer than the threshold (for a hint). */
    public Optional<Instant> idleSince() {
        return Duration.between(lastInput, clock.instant()).compareTo(threshold) > 0
                ? Optional.of(lastInput) : Optional.empty();
    }

    /** The last input's moment. */
    public Instant lastInput() {
        return lastInput;
    }

    /** Starts counting afresh now, as if there had been input (e.g. when a timer starts or the idle dialog closes). */
    public void reset() {
        lastInput = clock.instant();
    }
}
