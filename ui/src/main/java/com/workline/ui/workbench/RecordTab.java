package com.workline.ui.workbench;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A tab an area adds to a record screen of another area (the quotes of a customer on the customer record), so that
 * neither names the other: the record screen asks the {@link Workbench} for the tabs of its kind.
 *
 * @param recordKind the kind of record whose screen gets the tab (e.g. {@code "customer"})
 * @param titleKey   the tab's title in the message bundle
 * @param order      tabs are placed by this, after the record's own
 * @param content    the tab's screen for one record; called on the FX thread when the record screen is made
 */
public record RecordTab(String recordKind, String titleKey, int order, BiFunction<ScreenContext, UUID, Screen> content) {
}
