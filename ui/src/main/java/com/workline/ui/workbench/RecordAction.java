package com.workline.ui.workbench;

import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A command an area adds to a record screen of another area ("New quote" on a deal), shown as a button there.
 *
 * @param id        the button's node id (for tests and keyboard users' accessibility tools)
 * @param visibleTo who is offered the command (the database decides again)
 * @param run       runs the command for one record, on the FX thread (start background work from it)
 */
public record RecordAction(String recordKind, String id, String labelKey, Predicate<Permissions> visibleTo,
                           BiConsumer<ScreenContext, UUID> run) {
}
