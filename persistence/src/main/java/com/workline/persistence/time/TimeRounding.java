package com.workline.persistence.time;

import com.workline.persistence.money.DocumentCalculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * How the raw minutes of a time entry become billable minutes, and what billable minutes at an hourly rate cost
 * (docs/time-rounding.md). The database computes the same in its time-entry trigger; tests compare both.
 *
 * @param unitMinutes 1 to {@value #MAX_UNIT_MINUTES}; 1 leaves the minutes as they are
 * @param direction   towards which multiple of the unit the minutes go
 */
public record TimeRounding(int unitMinutes, Direction direction) {
    public static final int MAX_UNIT_MINUTES = 240;
    /** Minutes as recorded. */
    public static final TimeRounding NONE = new TimeRounding(1, Direction.NEAREST);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    public enum Direction {
        /** To the next multiple of the unit (7 min at 15 → 15). */
        UP,
        /** To the previous multiple (22 min at 15 → 15). */
        DOWN,
        /** To the closer multiple; exactly half way goes up (15 min at 30 → 30; 7 at 15 → 0, 8 at 15 → 15). */
        NEAREST;

        /** The value stored in the database: {@code up}, {@code down}, {@code nearest}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Direction ofCode(String code) {
            for (Direction direction : values()) {
                if (direction.code().equals(code)) {
                    return direction;
                }
            }
            throw new IllegalArgumentException("Unknown rounding direction: " + code);
        }
    }

    public TimeRounding {
        Objects.requireNonNull(direction, "direction");
        if (unitMinutes < 1 || unitMinutes > MAX_UNIT_MINUTES) {
            throw new IllegalArgumentException("Rounding unit out of 1.." + MAX_UNIT_MINUTES + ": " + unitMinutes);
        }
    }

    /** The rule stored as unit and direction code, e.g. {@code (15, "up")}. */
    public static TimeRounding of(int unitMinutes, String directionCode) {
        return new TimeRounding(unitMinutes, Direction.ofCode(directionCode));
    }

    /**
     * The billable minutes of {@code rawMinutes} (0 or more): a multiple of the unit. In integer arithmetic, as the
     * database does it: UP {@code ceil(raw / unit) * unit}, DOWN {@code floor(raw / unit) * unit}, NEAREST
     * {@code floor((2 * raw + unit) / (2 * unit)) * unit}.
     */
    public int billableMinutes(int rawMinutes) {
        if (rawMinutes < 0) {
            throw new IllegalArgumentException("Negative minutes: " + rawMinutes);
        }
        long raw = rawMinutes;
        long unit = unitMinutes;
        long multiples = switch (direction) {
            case UP -> (raw + unit - 1) / unit;
            case DOWN -> raw / unit;
            case NEAREST -> (2 * raw + unit) / (2 * unit);
        };
        return Math.toIntExact(multiples * unit);
    }

    /**
     * What {@code billableMinutes} at {@code hourlyRate} (0 or more, in {@code currency}) cost: minutes × rate / 60,
     * computed exactly and rounded once, {@link RoundingMode#HALF_UP} to the currency's minor unit
     * ({@link DocumentCalculator#scale}). An entry's amount is frozen with it; an invoice bills the sum of its entries'
     * amounts and never multiplies summed hours again (docs/time-rounding.md).
     */
    public static BigDecimal amount(int billableMinutes, BigDecimal hourlyRate, Currency currency) {
        Objects.requireNonNull(hourlyRate, "hourlyRate");
        if (billableMinutes < 0 || hourlyRate.signum() < 0) {
            throw new IllegalArgumentException("Negative minutes or rate: " + billableMinutes + ", " + hourlyRate);
        }
        int scale = DocumentCalculator.scale(currency);
        // dividing by 60 does not terminate in decimals: round the exact quotient directly to the currency's scale
        return BigDecimal.valueOf(billableMinutes).multiply(hourlyRate).divide(SIXTY, scale, DocumentCalculator.ROUNDING);
    }

    /** The amount of an entry: {@link #amount(int, BigDecimal, Currency)} when billable, zero when not (never revenue). */
    public static BigDecimal amount(boolean billable, int billableMinutes, BigDecimal hourlyRate, Currency currency) {
        return billable ? amount(billableMinutes, hourlyRate, currency)
                : BigDecimal.ZERO.setScale(DocumentCalculator.scale(currency));
    }

    /**
     * The net of an invoice line that bills entries of one hourly rate: the sum of each entry's
     * {@link #amount(int, BigDecimal, Currency)}, so an invoice bills exactly what its entries carry however it groups
     * them into lines (not the line's summed minutes × rate, which would round a second time).
     */
    public static BigDecimal lineAmount(Collection<Integer> billableMinutes, BigDecimal hourlyRate, Currency currency) {
        BigDecimal net = BigDecimal.ZERO.setScale(DocumentCalculator.scale(currency));
        for (int minutes : billableMinutes) {
            net = net.add(amount(minutes, hourlyRate, currency));
        }
        return net;
    }

    /** Minutes as hours with two decimals (half up), for showing: 90 → 1.50, 20 → 0.33. Never multiplied by a rate. */
    public static BigDecimal hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }
}
