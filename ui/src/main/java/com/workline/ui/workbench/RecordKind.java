package com.workline.ui.workbench;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A kind of record an area can open anywhere: in which section it opens, how its screen is made, and how
 * the Ctrl+K search finds records of the kind (null: not searchable). The search runs in the background.
 *
 * @param search given the session's context, a term and a limit, the best matches first
 */
public record RecordKind(String kind, String sectionId, BiFunction<ScreenContext, RecordRef, Screen> opener,
                         Search search) {
    /** Finds records of one kind for the Ctrl+K search; called off the FX thread. */
    @FunctionalInterface
    public interface Search {
        List<SearchHit> find(ScreenContext context, String term, int limit);
    }
}
