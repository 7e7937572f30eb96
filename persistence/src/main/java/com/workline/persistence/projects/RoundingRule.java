package com.workline.persistence.projects;

/**
 * How a project's, customer's or organization's raw minutes become billable minutes: multiples of {@code unitMinutes}
 * (1 to 240) in {@code direction}. The database applies the same rule ({@code app.billable_minutes}, V13); it is
 * frozen on each time entry when the entry is rated.
 */
public record RoundingRule(int unitMinutes, RoundingDirection direction) {
    /** No rounding: every minute counts. */
    public static final RoundingRule NONE = new RoundingRule(1, RoundingDirection.NEAREST);

    public RoundingRule {
        if (unitMinutes < 1 || unitMinutes > 240 || direction == null) {
            throw new IllegalArgumentException("unit 1..240 and a direction");
        }
    }

    static RoundingRule of(Integer unit, String direction) {
        return unit == null || direction == null ? null : new RoundingRule(unit, RoundingDirection.of(direction));
    }
}
