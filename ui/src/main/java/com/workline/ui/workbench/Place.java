package com.workline.ui.workbench;

import java.util.Objects;

/** Where the person is: a section, and the record open in it (null: the section's start screen). */
public record Place(String sectionId, RecordRef record) {
    public Place {
        Objects.requireNonNull(sectionId);
    }

    public static Place section(String sectionId) {
        return new Place(sectionId, null);
    }
}
