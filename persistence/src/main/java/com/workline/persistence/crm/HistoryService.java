package com.workline.persistence.crm;

import com.workline.persistence.common.Json;
import com.workline.persistence.db.TenantDatabase;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A record's history from the audit log (which the database writes for every change; RLS decides who reads it). */
public final class HistoryService {
    /** Bookkeeping columns that say nothing to a user. */
    private static final List<String> HIDDEN = List.of("search_text", "sort_name", "version", "updated_at");

    private final TenantDatabase db;

    public HistoryService(TenantDatabase db) {
        this.db = db;
    }

    /** The newest {@code limit} changes of a customer, newest first. */
    public List<Change> customer(UUID customerId, int limit) {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT a.at, coalesce(u.display_name, u.first_name || ' ' || u.last_name, a.db_user), a.action,
                               a.changed_fields, a.old_data::text, a.new_data::text
                          FROM audit.audit_log a LEFT JOIN sec.users u ON u.id = a.app_user_id
                         WHERE a.organization_id = sec.current_tenant() AND a.table_name = 'app.customers'
                           AND a.row_id = :row
                         ORDER BY a.at DESC, a.id DESC LIMIT :limit""", Object[].class)
                .setParameter("row", customerId).setParameter("limit", limit)
                .getResultList().stream().map(r -> {
                    Map<String, Object> before = Json.parseObject((String) r[4]);
                    Map<String, Object> after = Json.parseObject((String) r[5]);
                    List<String> changed = r[3] == null ? List.of() : List.of((String[]) r[3]);
                    return new Change(com.workline.persistence.common.Values.toOffsetDateTime(r[0]), (String) r[1], (String) r[2],
                            Change.diff(changed.stream().filter(f -> !HIDDEN.contains(f)).toList(), before, after));
                }).toList());
    }
}
