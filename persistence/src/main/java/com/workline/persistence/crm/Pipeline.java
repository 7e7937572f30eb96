package com.workline.persistence.crm;

import java.util.UUID;

/** A sales pipeline of the organization (the default one receives new deals). */
public record Pipeline(UUID id, String name, boolean isDefault, int version) {
}
