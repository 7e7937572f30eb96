package com.workline.ui.workbench;

import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A command an area adds to a record screen of another area ("New quote" on a deal), shown as a button there.
 *
 * @param id           the button's node id (for tests and keyboard users' accessibility tools)
 * @param visibleTo    who is offered the command (the database decides again)
 * @param run          runs the command for one record, on the FX thread (start background work from it)
 * @param availability whether the command applies to the record as it is now, and under which caption
 */
public record RecordAction(String recordKind, String id, String labelKey, Predicate<Permissions> visibleTo,
                           BiConsumer<ScreenContext, UUID> run, Availability availability) {
    /** A command that applies to every record of its kind. */
    public RecordAction(String recordKind, String id, String labelKey, Predicate<Permissions> visibleTo,
                        BiConsumer<ScreenContext, UUID> run) {
        this(recordKind, id, labelKey, visibleTo, run, (context, recordId) -> State.AVAILABLE);
    }

    /**
     * Asked off the FX thread whenever a record screen that honours it shows a new state of the record ("Create
     * project" only for an accepted quote, "Open project" once it has one).
     */
    @FunctionalInterface
    public interface Availability {
        State of(ScreenContext context, UUID id);
    }

    /** @param labelKey the caption for this record (null: the action's own) */
    public record State(boolean enabled, String labelKey) {
        public static final State AVAILABLE = new State(true, null);
        public static final State UNAVAILABLE = new State(false, null);
    }
}
