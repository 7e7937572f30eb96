package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.admin.AdminOnly;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Custom field definitions (owners and admins define them) and the validation of values against them. */
public final class CustomFieldService {
    private final TenantDatabase db;

    public CustomFieldService(TenantDatabase db) {
        this.db = db;
    }

    public List<CustomFieldDefinition> definitions(String entityKind) {
        return db.inTenant(session -> definitions(session, entityKind));
    }

    static List<CustomFieldDefinition> definitions(Session session, String entityKind) {
        return session.createNativeQuery("""
                        SELECT id, entity_kind, field_key, label, field_type, options, required, position, version
                          FROM app.custom_field_definitions
                         WHERE organization_id = sec.current_tenant() AND entity_kind = :kind AND deleted_at IS NULL
                         ORDER BY position, label""", Object[].class)
                .setParameter("kind", entityKind)
                .getResultList().stream()
                .map(r -> new CustomFieldDefinition((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        CustomFieldType.fromDatabase((String) r[4]), List.of((String[]) r[5]), (Boolean) r[6],
                        ((Number) r[7]).intValue(), ((Number) r[8]).intValue()))
                .toList();
    }

    /** Defines a new field; returns its id. */
    public UUID define(String entityKind, String key, String label, CustomFieldType type, List<String> options, boolean required) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(key != null && key.matches("[a-z][a-z0-9_]{0,39}"), "key",
                        Text.of("crm.customField.keyInvalid"))
                .check(label != null && !label.isBlank(), "label", Text.of("crm.customField.labelRequired"))
                .check(type != null, "type", Text.of("crm.customField.typeRequired"))
                .check(type != CustomFieldType.SELECT && type != CustomFieldType.MULTISELECT
                        || options != null && !options.isEmpty(), "options", Text.of("crm.customField.optionsRequired"))
                .throwIfAny();
        return db.inTenant(session -> session.createNativeQuery("""
                        INSERT INTO app.custom_field_definitions (organization_id, entity_kind, field_key, label, field_type,
                                                                  options, required, position)
                        VALUES (sec.current_tenant(), :kind, :key, :label, :type, :options, :required,
                                (SELECT coalesce(max(position), 0) + 1 FROM app.custom_field_definitions
                                  WHERE organization_id = sec.current_tenant() AND entity_kind = :kind))
                        RETURNING id""", UUID.class)
                .setParameter("kind", entityKind)
                .setParameter("key", key)
                .setParameter("label", label.strip())
                .setParameter("type", type.databaseValue())
                .setParameter("options", options == null ? new String[0] : options.toArray(String[]::new))
                .setParameter("required", required)
                .getSingleResult());
    }

    /**
     * Changes a field's label, options and whether it is required (its key and type stay: stored values
     * depend on them). Options already in use may be removed; records keep their value until next edited.
     * Refused with {@link ConcurrentEditException} if someone changed or removed the field since
     * {@code expectedVersion} was read.
     */
    public void update(UUID id, int expectedVersion, String label, List<String> options, boolean required) {
        db.inTenant(session -> {
            AdminOnly.require(session, Text.of("admin.subject.customFields"));
            String type = session.createNativeQuery("""
                            SELECT field_type FROM app.custom_field_definitions
                             WHERE organization_id = sec.current_tenant() AND id = :id AND deleted_at IS NULL""", String.class)
                    .setParameter("id", id).getResultStream().findFirst()
                    .orElseThrow(() -> new WorklineException(Problem.NOT_FOUND, Text.of("crm.customField.notFound")));
            boolean choice = type.equals("select") || type.equals("multiselect");
            new ValidationException.Collector()
                    .check(label != null && !label.isBlank(), "label", Text.of("crm.customField.labelRequired"))
                    .check(label == null || label.strip().length() <= 100, "label", Text.of("field.text.tooLong", 100))
                    .check(!choice || options != null && !options.isEmpty(), "options",
                            Text.of("crm.customField.optionsRequired"))
                    .throwIfAny();
            int changed = session.createNativeQuery("""
                            UPDATE app.custom_field_definitions
                               SET label = :label, options = :options, required = :required, version = version + 1
                             WHERE organization_id = sec.current_tenant() AND id = :id AND version = :version
                               AND deleted_at IS NULL""")
                    .setParameter("label", label.strip())
                    .setParameter("options", choice ? options.toArray(String[]::new) : new String[0])
                    .setParameter("required", required).setParameter("id", id)
                    .setParameter("version", expectedVersion).executeUpdate();
            if (changed == 0) {
                throw new ConcurrentEditException("record.customField");
            }
            return null;
        });
    }

    /**
     * Removes a field from forms and lists; values stay in the records' history. Refused with
     * {@link ConcurrentEditException} if someone changed or removed it since {@code expectedVersion} was read.
     */
    public void remove(UUID id, int expectedVersion) {
        db.inTenant(session -> {
            AdminOnly.require(session, Text.of("admin.subject.customFields"));
            int changed = session.createNativeQuery("""
                            UPDATE app.custom_field_definitions SET deleted_at = now(), version = version + 1
                             WHERE organization_id = sec.current_tenant() AND id = :id AND version = :version
                               AND deleted_at IS NULL""")
                    .setParameter("id", id).setParameter("version", expectedVersion).executeUpdate();
            if (changed == 0) {
                throw new ConcurrentEditException("record.customField");
            }
            return null;
        });
    }

    /**
     * Checks values against the definitions and returns them normalised (numbers as BigDecimal, dates as
     * ISO strings); unknown keys are refused. Errors are reported per field as {@code custom.<key>}.
     */
    static Map<String, Object> validate(List<CustomFieldDefinition> definitions, Map<String, Object> values,
                                        ValidationException.Collector errors) {
        Map<String, Object> input = values == null ? Map.of() : values;
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : input.keySet()) {
            errors.check(definitions.stream().anyMatch(d -> d.key().equals(key)), "custom." + key, Text.of("crm.customField.unknown"));
        }
        for (CustomFieldDefinition d : definitions) {
            String field = "custom." + d.key();
            Object value = input.get(d.key());
            boolean empty = value == null || value instanceof String s && s.isBlank()
                    || value instanceof Collection<?> c && c.isEmpty();
            if (empty) {
                errors.check(!d.required(), field, Text.of("crm.customField.required", d.label()));
                continue;
            }
            switch (d.type()) {
                case TEXT -> result.put(d.key(), value.toString().strip());
                case NUMBER -> {
                    try {
                        result.put(d.key(), new BigDecimal(value.toString().strip()));
                    } catch (NumberFormatException e) {
                        errors.check(false, field, Text.of("crm.customField.notNumber", d.label()));
                    }
                }
                case DATE -> {
                    try {
                        result.put(d.key(), LocalDate.parse(value.toString().strip()).toString());
                    } catch (DateTimeParseException e) {
                        errors.check(false, field, Text.of("crm.customField.notDate", d.label()));
                    }
                }
                case BOOLEAN -> {
                    if (value instanceof Boolean b) {
                        result.put(d.key(), b);
                    } else if (List.of("true", "yes", "false", "no").contains(value.toString().strip().toLowerCase())) {
                        result.put(d.key(), List.of("true", "yes").contains(value.toString().strip().toLowerCase()));
                    } else {
                        errors.check(false, field, Text.of("crm.customField.notBoolean", d.label()));
                    }
                }
                case SELECT -> {
                    errors.check(d.options().contains(value.toString()), field,
                            Text.of("crm.customField.notOption", d.label(), String.join(", ", d.options())));
                    result.put(d.key(), value.toString());
                }
                case MULTISELECT -> {
                    List<String> chosen = value instanceof Collection<?> c ? c.stream().map(Object::toString).toList()
                            : List.of(value.toString().split("\\s*;\\s*"));
                    errors.check(d.options().containsAll(chosen), field,
                            Text.of("crm.customField.notOptions", d.label(), String.join(", ", d.options())));
                    result.put(d.key(), chosen);
                }
            }
        }
        return result;
    }
}
