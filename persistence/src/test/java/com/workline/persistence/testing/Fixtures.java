package com.workline.persistence.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Rows that attack tests aim at: one in every business table of an organization, written as the owner role. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * A row of the organization in every CRM table (a customer with contact, address, deal, task, custom field,
     * a shared and a private saved view of {@code user}, and a notification for {@code user}), and the catalog rows of
     * {@link #catalogDataOf}.
     */
    public static void crmDataOf(TestDatabase db, UUID org, UUID user) throws SQLException {
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            UUID customer = (UUID) Sql.value(su, "INSERT INTO app.customers (organization_id, name, email, owner_id) "
                    + "VALUES (?, 'Alpha Secret Customer', 'buyer@alpha-secret.test', ?) RETURNING id", org, user);
            UUID contact = (UUID) Sql.value(su, "INSERT INTO app.contacts (organization_id, customer_id, first_name, last_name, "
                    + "email, is_primary) VALUES (?, ?, 'Ada', 'Alphason', 'ada@alpha-secret.test', true) RETURNING id", org, customer);
            Sql.update(su, "INSERT INTO app.addresses (organization_id, customer_id, line1, city, country, is_default_billing) "
                    + "VALUES (?, ?, 'Secret Street 1', 'Hidden City', 'DE', true)", org, customer);
            UUID pipeline = (UUID) Sql.value(su, "SELECT id FROM app.pipelines WHERE organization_id = ? AND is_default", org);
            UUID stage = (UUID) Sql.value(su, "SELECT id FROM app.pipeline_stages WHERE organization_id = ? AND position = 1", org);
            UUID deal = (UUID) Sql.value(su, "INSERT INTO app.deals (organization_id, title, customer_id, contact_id, pipeline_id, "
                    + "stage_id, value, currency, probability) VALUES (?, 'Alpha secret deal', ?, ?, ?, ?, 99000, 'EUR', 10) "
                    + "RETURNING id", org, customer, contact, pipeline, stage);
            Sql.update(su, "INSERT INTO app.activities (organization_id, activity_type, subject, due_at, assigned_to, customer_id, "
                    + "deal_id) VALUES (?, 'task', 'Call Alpha about the secret', now() - interval '1 hour', ?, ?, ?)",
                    org, user, customer, deal);
            Sql.update(su, "INSERT INTO app.custom_field_definitions (organization_id, entity_kind, field_key, label, field_type) "
                    + "VALUES (?, 'customer', 'secret_code', 'Secret code', 'text')", org);
            Sql.update(su, "INSERT INTO app.saved_views (organization_id, owner_id, list_kind, name, shared, definition) "
                    + "VALUES (?, ?, 'customers', 'Alpha secret view', true, '{}')", org, user);
            Sql.update(su, "INSERT INTO app.saved_views (organization_id, owner_id, list_kind, name, shared, definition) "
                    + "VALUES (?, ?, 'customers', 'Alpha private view', false, '{\"search\": \"private plans\"}')", org, user);
            Sql.update(su, "INSERT INTO app.notifications (organization_id, recipient_id, kind, title) "
                    + "VALUES (?, ?, 'task_due', 'Alpha secret task')", org, user);
            Sql.execute(su, "RESET ROLE");
        }
        catalogDataOf(db, org);
        quotingDataOf(db, org);
        projectsDataOf(db, org);
    }

    /**
     * A draft quote of the organization's customer, contact and deal with one optional product line (optional, so the
     * quote's totals stay zero and {@link ValidRow} can copy the quote or the line without breaking the totals guard),
     * and its creation event (written by the trigger); a sent quote without lines (a number of its own, not taken from
     * the series, so the organization's first issued quote still gets the first number) and one e-mail send of it.
     */
    public static void quotingDataOf(TestDatabase db, UUID org) throws SQLException {
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            UUID quote = (UUID) Sql.value(su, "INSERT INTO app.quotes (organization_id, customer_id, contact_id, deal_id, title, "
                    + "valid_until, currency, terms, internal_notes) "
                    + "SELECT d.organization_id, d.customer_id, d.contact_id, d.id, 'Alpha secret quote', DATE '2099-12-31', 'EUR', "
                    + "'Alpha secret terms', 'Alpha secret margin' FROM app.deals d WHERE d.organization_id = ? LIMIT 1 RETURNING id", org);
            UUID product = (UUID) Sql.value(su, "SELECT id FROM app.products WHERE organization_id = ? LIMIT 1", org);
            Sql.update(su, "INSERT INTO app.quote_lines (organization_id, quote_id, position, kind, product_id, description, "
                    + "quantity, unit, unit_price, tax_rate_percent, optional, net, tax, gross) "
                    + "VALUES (?, ?, 1, 'product', ?, 'Alpha secret option', 1, 'pc', 120, 19, true, 120.00, 22.80, 142.80)",
                    org, quote, product);
            UUID sent = (UUID) Sql.value(su, "INSERT INTO app.quotes (organization_id, customer_id, contact_id, title, status, "
                    + "number, base_number, sent_at, valid_until, currency) SELECT organization_id, customer_id, contact_id, "
                    + "'Alpha secret sent quote', 'sent', 'A-SECRET-Q1', 'A-SECRET-Q1', now(), DATE '2099-12-31', 'EUR' "
                    + "FROM app.quotes WHERE id = ? RETURNING id", quote);
            UUID sender = (UUID) Sql.value(su, "SELECT user_id FROM sec.memberships WHERE organization_id = ? LIMIT 1", org);
            Sql.update(su, "INSERT INTO app.quote_sends (organization_id, quote_id, channel, sent_by, from_address, recipients, "
                    + "sent_at, message_id, subject, attachment_names) VALUES (?, ?, 'smtp', ?, 'sales@alpha-secret.test', "
                    + "ARRAY['buyer@alpha-secret.test'], now(), '<1.workline@alpha-secret.test>', 'Alpha secret offer', "
                    + "ARRAY['A-SECRET-Q1.pdf'])", org, sent, sender);
            Sql.execute(su, "RESET ROLE");
        }
    }

    /**
     * One row in every catalog table (exactly one each, so that {@link ValidRow} copies a row whose unique keys it
     * can vary): a default tax rate, a unit, a top-level category, a product with its cost, a service category, the
     * default rate card with an item for everyone and that item's cost rate.
     */
    public static void catalogDataOf(TestDatabase db, UUID org) throws SQLException {
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            UUID tax = (UUID) Sql.value(su, "INSERT INTO app.tax_rates (organization_id, name, percent, is_default) "
                    + "VALUES (?, 'Alpha secret VAT', 19, true) RETURNING id", org);
            UUID unit = (UUID) Sql.value(su, "INSERT INTO app.units (organization_id, code, name) "
                    + "VALUES (?, 'h', 'Alpha secret hour') RETURNING id", org);
            UUID category = (UUID) Sql.value(su, "INSERT INTO app.product_categories (organization_id, name) "
                    + "VALUES (?, 'Alpha secret category') RETURNING id", org);
            UUID product = (UUID) Sql.value(su, "INSERT INTO app.products (organization_id, code, name, product_type, unit_id, "
                    + "sale_price, tax_rate_id, category_id) VALUES (?, 'A-SECRET-1', 'Alpha secret product', 'material', ?, "
                    + "120, ?, ?) RETURNING id", org, unit, tax, category);
            Sql.update(su, "INSERT INTO app.product_costs (organization_id, product_id, valid_from, cost) "
                    + "VALUES (?, ?, DATE '2026-01-01', 77.5)", org, product);
            UUID service = (UUID) Sql.value(su, "INSERT INTO app.service_categories (organization_id, name) "
                    + "VALUES (?, 'Alpha secret consulting') RETURNING id", org);
            UUID card = (UUID) Sql.value(su, "INSERT INTO app.rate_cards (organization_id, name, is_default) "
                    + "VALUES (?, 'Alpha secret rates', true) RETURNING id", org);
            UUID item = (UUID) Sql.value(su, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, "
                    + "valid_from, billing_rate) VALUES (?, ?, ?, DATE '2026-01-01', 150) RETURNING id", org, card, service);
            Sql.update(su, "INSERT INTO app.rate_card_item_costs (organization_id, rate_card_item_id, cost_rate) "
                    + "VALUES (?, ?, 61.25)", org, item);
            Sql.execute(su, "RESET ROLE");
        }
    }

    /**
     * An active project of the organization's customer (a number of its own, not taken from the series) with a budget
     * line, a member and a task, and two finished time entries of a member (a draft and an approved one; their costs
     * and the project's totals are written by the triggers) with the approval event of the week. No running timer, so
     * that {@link ValidRow} can copy any entry.
     */
    public static void projectsDataOf(TestDatabase db, UUID org) throws SQLException {
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            UUID person = (UUID) Sql.value(su, "SELECT user_id FROM sec.memberships WHERE organization_id = ? "
                    + "ORDER BY created_at LIMIT 1", org);
            UUID service = (UUID) Sql.value(su, "SELECT id FROM app.service_categories WHERE organization_id = ? LIMIT 1", org);
            UUID project = (UUID) Sql.value(su, "INSERT INTO app.projects (organization_id, number, name, description, customer_id, "
                    + "status, budget_minutes, budget_amount, manager_id) SELECT c.organization_id, 'A-SECRET-P1', "
                    + "'Alpha secret project', 'Alpha secret plans', c.id, 'active', 6000, 15000, ? FROM app.customers c "
                    + "WHERE c.organization_id = ? LIMIT 1 RETURNING id", person, org);
            Sql.update(su, "INSERT INTO app.project_budget_lines (organization_id, project_id, service_category_id, minutes, amount) "
                    + "VALUES (?, ?, ?, 6000, 15000)", org, project, service);
            Sql.update(su, "INSERT INTO app.project_members (organization_id, project_id, user_id, role_in_project) "
                    + "VALUES (?, ?, ?, 'Alpha secret lead')", org, project, person);
            UUID task = (UUID) Sql.value(su, "INSERT INTO app.project_tasks (organization_id, project_id, name, service_category_id) "
                    + "VALUES (?, ?, 'Alpha secret task', ?) RETURNING id", org, project, service);
            Sql.update(su, "INSERT INTO app.time_entries (organization_id, user_id, entry_date, raw_minutes, project_id, task_id, "
                    + "description) VALUES (?, ?, DATE '2026-03-02', 95, ?, ?, 'Alpha secret work')", org, person, project, task);
            Sql.update(su, "INSERT INTO app.time_entries (organization_id, user_id, entry_date, raw_minutes, project_id, task_id, "
                    + "description, status, submitted_at, approved_by, approved_at) VALUES (?, ?, DATE '2026-02-23', 30, ?, ?, "
                    + "'Alpha secret meeting', 'approved', now(), ?, now())", org, person, project, task, person);
            Sql.update(su, "INSERT INTO app.time_approval_events (organization_id, user_id, week_start, action, entries, minutes, "
                    + "changed_by) VALUES (?, ?, DATE '2026-02-23', 'approved', 1, 30, ?)", org, person, person);
            Sql.execute(su, "RESET ROLE");
        }
    }

    /** A fingerprint of all rows of an organization in a table (any change, even of updated_at, changes it). */
    public static String fingerprint(TestDatabase db, String table, UUID org) throws SQLException {
        String column = table.equals("app.organizations") ? "id" : "organization_id";
        return String.valueOf(Sql.value(db.superuser(), "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                + table + " t WHERE " + column + " = ?", org));
    }
}
