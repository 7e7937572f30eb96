package com.workline.persistence.catalog;

import java.util.UUID;

/** A category of services (consulting, installation, support) that rate cards price. */
public record ServiceCategory(UUID id, String name, String description, boolean active, int version) {
    public static ServiceCategory newCategory(String name) {
        return new ServiceCategory(null, name, null, true, 0);
    }
}
