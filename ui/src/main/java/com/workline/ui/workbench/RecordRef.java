package com.workline.ui.workbench;

import java.util.Objects;
import java.util.UUID;

/** A business record by kind and id, e.g. ("customer", id): what the navigator opens. */
public record RecordRef(String kind, UUID id) {
    public RecordRef {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
    }
}
