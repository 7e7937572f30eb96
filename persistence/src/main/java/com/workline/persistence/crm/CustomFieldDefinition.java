package com.workline.persistence.crm;

import java.util.List;
import java.util.UUID;

/**
 * A field an administrator added to customers, contacts or deals. Values live in the entity's
 * {@code custom_fields} JSON under {@code key}: text and dates (ISO yyyy-mm-dd) as strings, numbers as
 * numbers, yes/no as booleans, choices as a string or a list of strings. {@code version} is what a change
 * must name (someone else's change in between is refused).
 */
public record CustomFieldDefinition(UUID id, String entityKind, String key, String label, CustomFieldType type,
                                    List<String> options, boolean required, int position,
                                    int version) {
}
