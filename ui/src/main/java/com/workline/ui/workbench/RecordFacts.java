package com.workline.ui.workbench;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A short line an area adds to the cards of another area's records ("Quote Q-2026-00012 · €12,300 · sent" on a
 * deal card), for many records in one go.
 */
public record RecordFacts(String recordKind, Facts facts) {
    /** Called off the FX thread with the records on screen; records without a fact are left out of the answer. */
    @FunctionalInterface
    public interface Facts {
        Map<UUID, String> of(ScreenContext context, Collection<UUID> ids);
    }
}
