package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Json;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.TenantDatabase;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saved list views. The definition is a small JSON object the screen writes and reads back (for the
 * customer list see {@link CustomerQuery#toDefinition()}); the database keeps other people's private views
 * out of sight and lets only the owner change or delete a view (policies on app.saved_views).
 */
public final class SavedViewService {
    public static final List<String> KINDS = List.of("customers", "deals");
    private final TenantDatabase db;

    public SavedViewService(TenantDatabase db) {
        this.db = db;
    }

    /** My views and the shared ones of a list kind, mine first, then by name. */
    public List<SavedView> views(String kind) {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT id, name, shared, owner_id = sec.current_user_id(), definition::text FROM app.saved_views
                         WHERE organization_id = sec.current_tenant() AND list_kind = :kind
                         ORDER BY owner_id = sec.current_user_id() DESC, lower(name), id""", Object[].class)
                .setParameter("kind", kind)
                .getResultList().stream()
                .map(r -> new SavedView((UUID) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3], Json.parseObject((String) r[4])))
                .toList());
    }

    /**
     * Saves a view under a name: a view of mine with that name is replaced, otherwise a new one is created.
     * Returns its id.
     */
    public UUID save(String kind, String name, boolean shared, Map<String, Object> definition) {
        new ValidationException.Collector()
                .check(KINDS.contains(kind), "kind", Text.of("crm.savedView.kindUnknown"))
                .check(name != null && !name.isBlank(), "name", Text.of("crm.savedView.nameRequired"))
                .check(name == null || name.strip().length() <= 100, "name", Text.of("field.text.tooLong", 100))
                .throwIfAny();
        String json = Json.write(definition);
        return db.inTenant(session -> session.createNativeQuery("""
                        INSERT INTO app.saved_views (organization_id, owner_id, list_kind, name, shared, definition)
                        VALUES (sec.current_tenant(), sec.current_user_id(), :kind, :name, :shared, CAST(:definition AS jsonb))
                        ON CONFLICT (organization_id, owner_id, list_kind, name)
                        DO UPDATE SET shared = EXCLUDED.shared, definition = EXCLUDED.definition,
                                      version = app.saved_views.version + 1
                        RETURNING id""", UUID.class)
                .setParameter("kind", kind).setParameter("name", name.strip()).setParameter("shared", shared)
                .setParameter("definition", json).getSingleResult());
    }

    /** Deletes one of my views; returns false if it is not mine (or already gone). */
    public boolean delete(UUID viewId) {
        return db.inTenant(session -> session.createNativeQuery("""
                        DELETE FROM app.saved_views WHERE organization_id = sec.current_tenant() AND id = :id""")
                .setParameter("id", viewId).executeUpdate()) == 1;
    }

}
