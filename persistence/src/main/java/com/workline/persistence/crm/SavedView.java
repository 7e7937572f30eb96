package com.workline.persistence.crm;

import java.util.Map;
import java.util.UUID;

/**
 * A named list view (filters, columns, sort) of a list kind ("customers" or "deals"). Private views are
 * their owner's; shared ones are read by everyone in the organization, changed only by their owner.
 */
public record SavedView(UUID id, String name, boolean shared, boolean mine, Map<String, Object> definition) {
}
