package com.workline.persistence.catalog;

import java.util.UUID;

/** A unit of measure ("h", "pc", "kg"). */
public record Unit(UUID id, String code, String name, boolean active, int version) {
    public static Unit newUnit(String code, String name) {
        return new Unit(null, code, name, true, 0);
    }
}
