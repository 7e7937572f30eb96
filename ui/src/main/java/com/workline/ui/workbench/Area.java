package com.workline.ui.workbench;

import java.util.List;

/**
 * A business area's contribution to the desktop client: its sidebar sections and the kinds of records it
 * opens and finds. The composition root registers every area in one list; the shell, the navigator and the
 * Ctrl+K search loop over them and never name a screen.
 */
public interface Area {
    List<Section> sections();

    default List<RecordKind> recordKinds() {
        return List.of();
    }

    /** Tabs this area adds to other areas' record screens. */
    default List<RecordTab> recordTabs() {
        return List.of();
    }

    /** Commands this area adds to other areas' record screens. */
    default List<RecordAction> recordActions() {
        return List.of();
    }

    /** Facts this area adds to other areas' record cards. */
    default List<RecordFacts> recordFacts() {
        return List.of();
    }

    /** What this area keeps in the shell's top bar for the whole session, with app-wide shortcuts (the timer). */
    default List<ShellItem> shellItems() {
        return List.of();
    }
}
