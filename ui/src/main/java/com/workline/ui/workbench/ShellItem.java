package com.workline.ui.workbench;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Something an area keeps in the shell's top bar for the whole session, whatever screen is shown (the running timer).
 * The shell makes its {@link Screen} once per session and treats it like a screen that is always shown: the node sits
 * in the top bar, its {@linkplain Screen#shortcut shortcuts} work app-wide (choose keys no screen uses), its timers
 * and {@linkplain Screen#whileShown listeners} (e.g. an event filter on the window's scene) are attached while the
 * shell is shown, and it is disposed with the shell. Items appear in the order the areas are registered.
 *
 * @param id        the item's node id in the top bar is {@code shell-<id>}
 * @param visibleTo who gets the item
 * @param create    makes the item for a session (once)
 */
public record ShellItem(String id, Predicate<Permissions> visibleTo, Function<ScreenContext, Screen> create) {
    public ShellItem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(visibleTo);
        Objects.requireNonNull(create);
    }
}
