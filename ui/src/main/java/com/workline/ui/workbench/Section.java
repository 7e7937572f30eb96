package com.workline.ui.workbench;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A sidebar entry an area contributes: its id (also the button id {@code nav-<id>}), caption, the group it is
 * listed under (null: none), its place in the sidebar ({@code order}, lower first), who may see it, and how its
 * start screen is made.
 */
public record Section(String id, String messageKey, String groupKey, int order, Predicate<Permissions> visibleTo,
                      Function<ScreenContext, Screen> startScreen) {
    public static final String ADMINISTRATION = "nav.administration";

    public Section {
        Objects.requireNonNull(id);
        Objects.requireNonNull(messageKey);
        Objects.requireNonNull(visibleTo);
        Objects.requireNonNull(startScreen);
    }
}
