-- CRM: custom fields, customers, contacts, addresses, pipelines and stages, deals with their stage history,
-- activities, saved list views, notifications. Every table follows the tenant rules of V1 (composite keys,
-- RLS forced, audit trigger, version column); the catalog tests check them.

-- ---------------------------------------------------------------------------------------------
-- Role helpers for policies
-- ---------------------------------------------------------------------------------------------

-- Writers: everyone but viewers. Managers and above may soft-delete and see everything of the CRM.
CREATE FUNCTION sec.can_write() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT sec.has_role('owner', 'admin', 'manager', 'employee')
$$;
GRANT EXECUTE ON FUNCTION sec.can_write() TO "${person_role}";

-- Adds the standard policies of a CRM table: tenant isolation, and RESTRICTIVE write policies that keep
-- viewers read-only (or, with p_admin_only, everyone but owners and admins).
CREATE FUNCTION sec.add_crm_policies(p_table regclass, p_admin_only boolean) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_check text := CASE WHEN p_admin_only THEN '(SELECT sec.has_role(''owner'', ''admin''))' ELSE '(SELECT sec.can_write())' END;
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (organization_id = (SELECT sec.current_tenant())) '
                 'WITH CHECK (organization_id = (SELECT sec.current_tenant()))', p_table);
  EXECUTE format('CREATE POLICY writers_insert ON %s AS RESTRICTIVE FOR INSERT WITH CHECK (%s)', p_table, v_check);
  EXECUTE format('CREATE POLICY writers_update ON %s AS RESTRICTIVE FOR UPDATE USING (%s) WITH CHECK (%s)', p_table, v_check, v_check);
  EXECUTE format('CREATE POLICY writers_delete ON %s AS RESTRICTIVE FOR DELETE USING (%s)', p_table, v_check);
  EXECUTE format('CREATE TRIGGER touch BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at()', p_table);
  EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit.record_change()', p_table);
END
$$;

-- Soft deletion (deleted_at) of master data needs a manager or above.
CREATE FUNCTION app.soft_delete_by_managers() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.deleted_at IS DISTINCT FROM OLD.deleted_at AND NOT sec.has_role('owner', 'admin', 'manager') THEN
    RAISE EXCEPTION 'Only managers, administrators and owners can delete or restore records.' USING ERRCODE = 'WL002';
  END IF;
  RETURN NEW;
END
$$;
GRANT EXECUTE ON FUNCTION app.soft_delete_by_managers() TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Custom fields
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.custom_field_definitions (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  entity_kind      text NOT NULL CHECK (entity_kind IN ('customer', 'contact', 'deal')),
  field_key        text NOT NULL CHECK (field_key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label            text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 100),
  field_type       text NOT NULL CHECK (field_type IN ('text', 'number', 'date', 'boolean', 'select', 'multiselect')),
  options          text[] NOT NULL DEFAULT '{}',
  required         boolean NOT NULL DEFAULT false,
  position         integer NOT NULL DEFAULT 0,
  deleted_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, entity_kind, field_key),
  CHECK (field_type NOT IN ('select', 'multiselect') OR cardinality(options) > 0)
);
SELECT sec.add_crm_policies('app.custom_field_definitions', true);
GRANT SELECT, INSERT, UPDATE ON app.custom_field_definitions TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Customers, contacts, addresses
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.customers (
  organization_id     uuid NOT NULL REFERENCES app.organizations (id),
  id                  uuid NOT NULL DEFAULT gen_random_uuid(),
  number              text NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
  name                text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  customer_type       text NOT NULL DEFAULT 'company' CHECK (customer_type IN ('company', 'individual')),
  status              text NOT NULL DEFAULT 'lead' CHECK (status IN ('lead', 'prospect', 'active', 'inactive', 'churned')),
  industry            text CHECK (length(industry) <= 100),
  website             text CHECK (length(website) <= 300),
  email               text CHECK (length(email) <= 254),
  phone               text CHECK (length(phone) <= 50),
  tax_id              text CHECK (length(tax_id) <= 50),
  currency            text CHECK (currency ~ '^[A-Z]{3}$'),
  payment_terms_days  integer CHECK (payment_terms_days BETWEEN 0 AND 365),
  credit_limit        numeric(15,2) CHECK (credit_limit >= 0),
  owner_id            uuid REFERENCES sec.users (id),
  tags                text[] NOT NULL DEFAULT '{}',
  rating              smallint CHECK (rating BETWEEN 0 AND 5),
  notes               text,
  custom_fields       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom_fields) = 'object'),
  -- The list's sort key. A stored column, not an expression in the query: row-level security lets only
  -- leakproof operators reach an index, and lower() is not leakproof, so keyset paging compares this column.
  sort_name           text GENERATED ALWAYS AS (lower(name)) STORED,
  -- What search-as-you-type matches besides contact names: kept by PostgreSQL, indexed with trigrams.
  search_text         text GENERATED ALWAYS AS (lower(name || ' ' || number || ' ' || coalesce(email, '') || ' '
                                                      || coalesce(phone, ''))) STORED,
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, number)
);
-- Keyset paging by name (and by number, by creation) within an organization.
CREATE INDEX customers_by_name ON app.customers (organization_id, sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_by_number ON app.customers (organization_id, number, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_by_created ON app.customers (organization_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_by_status ON app.customers (organization_id, status, sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_by_owner ON app.customers (organization_id, owner_id, sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_search ON app.customers USING gin (search_text public.gin_trgm_ops);
CREATE INDEX customers_tags ON app.customers USING gin (tags);
CREATE INDEX customers_tax_id ON app.customers (organization_id, lower(tax_id)) WHERE tax_id IS NOT NULL;
CREATE INDEX customers_email ON app.customers (organization_id, lower(email)) WHERE email IS NOT NULL;
SELECT sec.add_crm_policies('app.customers', false);
CREATE TRIGGER customers_soft_delete BEFORE UPDATE ON app.customers FOR EACH ROW EXECUTE FUNCTION app.soft_delete_by_managers();
GRANT SELECT, INSERT, UPDATE ON app.customers TO "${person_role}";

CREATE TABLE app.contacts (
  organization_id    uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id        uuid NOT NULL,
  first_name         text CHECK (length(first_name) <= 100),
  last_name          text NOT NULL CHECK (length(btrim(last_name)) BETWEEN 1 AND 100),
  title              text CHECK (length(title) <= 100),
  department         text CHECK (length(department) <= 100),
  email              text CHECK (length(email) <= 254),
  phone              text CHECK (length(phone) <= 50),
  mobile             text CHECK (length(mobile) <= 50),
  is_primary         boolean NOT NULL DEFAULT false,
  is_billing         boolean NOT NULL DEFAULT false,
  is_decision_maker  boolean NOT NULL DEFAULT false,
  notes              text,
  custom_fields      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom_fields) = 'object'),
  search_text        text GENERATED ALWAYS AS (lower(coalesce(first_name, '') || ' ' || last_name || ' '
                                                     || coalesce(email, ''))) STORED,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES app.customers (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX contacts_by_customer ON app.contacts (organization_id, customer_id);
CREATE INDEX contacts_search ON app.contacts USING gin (search_text public.gin_trgm_ops);
CREATE UNIQUE INDEX contacts_one_primary ON app.contacts (organization_id, customer_id) WHERE is_primary;
SELECT sec.add_crm_policies('app.contacts', false);
GRANT SELECT, INSERT, UPDATE, DELETE ON app.contacts TO "${person_role}";

CREATE TABLE app.addresses (
  organization_id     uuid NOT NULL,
  id                  uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id         uuid NOT NULL,
  address_type        text NOT NULL DEFAULT 'billing' CHECK (address_type IN ('billing', 'shipping', 'office')),
  line1               text NOT NULL CHECK (length(btrim(line1)) BETWEEN 1 AND 200),
  line2               text CHECK (length(line2) <= 200),
  city                text NOT NULL CHECK (length(btrim(city)) BETWEEN 1 AND 100),
  region              text CHECK (length(region) <= 100),
  postal_code         text CHECK (length(postal_code) <= 20),
  country             text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  is_default_billing  boolean NOT NULL DEFAULT false,
  is_default_shipping boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES app.customers (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX addresses_by_customer ON app.addresses (organization_id, customer_id);
CREATE UNIQUE INDEX addresses_one_default_billing ON app.addresses (organization_id, customer_id) WHERE is_default_billing;
CREATE UNIQUE INDEX addresses_one_default_shipping ON app.addresses (organization_id, customer_id) WHERE is_default_shipping;
SELECT sec.add_crm_policies('app.addresses', false);
GRANT SELECT, INSERT, UPDATE, DELETE ON app.addresses TO "${person_role}";

-- Search as you type: the customers whose name, number, email or phone, or one of whose contacts' names or
-- email, contain the term. A definer function because LIKE is not leakproof: under row-level security the
-- trigram indexes could not be used. It checks the tenant itself (sec.current_tenant() verifies membership).
CREATE FUNCTION sec.customer_search(p_pattern text) RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT s.id FROM app.customers s
   WHERE s.organization_id = (SELECT sec.current_tenant()) AND s.search_text LIKE p_pattern
  UNION
  SELECT t.customer_id FROM app.contacts t
   WHERE t.organization_id = (SELECT sec.current_tenant()) AND t.search_text LIKE p_pattern
$$;
GRANT EXECUTE ON FUNCTION sec.customer_search(text) TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Pipelines, stages, deals
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.pipelines (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  is_default       boolean NOT NULL DEFAULT false,
  position         integer NOT NULL DEFAULT 0,
  deleted_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id)
);
CREATE UNIQUE INDEX pipelines_one_default ON app.pipelines (organization_id) WHERE is_default AND deleted_at IS NULL;
SELECT sec.add_crm_policies('app.pipelines', true);
GRANT SELECT, INSERT, UPDATE ON app.pipelines TO "${person_role}";

CREATE TABLE app.pipeline_stages (
  organization_id  uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  pipeline_id      uuid NOT NULL,
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  position         integer NOT NULL,
  probability      numeric(7,4) NOT NULL CHECK (probability BETWEEN 0 AND 100),
  is_won           boolean NOT NULL DEFAULT false,
  is_lost          boolean NOT NULL DEFAULT false,
  deleted_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, pipeline_id) REFERENCES app.pipelines (organization_id, id),
  CHECK (NOT (is_won AND is_lost))
);
CREATE INDEX pipeline_stages_by_pipeline ON app.pipeline_stages (organization_id, pipeline_id, position);
SELECT sec.add_crm_policies('app.pipeline_stages', true);
GRANT SELECT, INSERT, UPDATE ON app.pipeline_stages TO "${person_role}";

CREATE TABLE app.deals (
  organization_id         uuid NOT NULL,
  id                      uuid NOT NULL DEFAULT gen_random_uuid(),
  title                   text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  customer_id             uuid NOT NULL,
  contact_id              uuid,
  pipeline_id             uuid NOT NULL,
  stage_id                uuid NOT NULL,
  value                   numeric(15,2) NOT NULL DEFAULT 0 CHECK (value >= 0),
  currency                text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  probability             numeric(7,4) NOT NULL CHECK (probability BETWEEN 0 AND 100),
  probability_overridden  boolean NOT NULL DEFAULT false,
  expected_close_date     date,
  actual_close_date       date,
  status                  text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  lost_reason             text CHECK (length(lost_reason) <= 500),
  owner_id                uuid REFERENCES sec.users (id),
  stage_entered_at        timestamptz NOT NULL DEFAULT now(),
  tags                    text[] NOT NULL DEFAULT '{}',
  custom_fields           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom_fields) = 'object'),
  deleted_at              timestamptz,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES app.customers (organization_id, id),
  FOREIGN KEY (organization_id, contact_id) REFERENCES app.contacts (organization_id, id) ON DELETE SET NULL (contact_id),
  FOREIGN KEY (organization_id, pipeline_id) REFERENCES app.pipelines (organization_id, id),
  FOREIGN KEY (organization_id, stage_id) REFERENCES app.pipeline_stages (organization_id, id),
  CHECK (status <> 'lost' OR length(btrim(lost_reason)) > 0)
);
CREATE INDEX deals_board ON app.deals (organization_id, pipeline_id, stage_id, value DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX deals_by_customer ON app.deals (organization_id, customer_id);
SELECT sec.add_crm_policies('app.deals', false);
CREATE TRIGGER deals_soft_delete BEFORE UPDATE ON app.deals FOR EACH ROW EXECUTE FUNCTION app.soft_delete_by_managers();
GRANT SELECT, INSERT, UPDATE ON app.deals TO "${person_role}";

-- When a deal enters a stage, and from which: for stage-duration reports. Written by a trigger only.
CREATE TABLE app.deal_stage_changes (
  organization_id  uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  deal_id          uuid NOT NULL,
  from_stage_id    uuid,
  to_stage_id      uuid NOT NULL,
  changed_at       timestamptz NOT NULL DEFAULT now(),
  changed_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, deal_id) REFERENCES app.deals (organization_id, id)
);
CREATE INDEX deal_stage_changes_by_deal ON app.deal_stage_changes (organization_id, deal_id, changed_at);
SELECT sec.add_crm_policies('app.deal_stage_changes', false);
GRANT SELECT ON app.deal_stage_changes TO "${person_role}";

CREATE FUNCTION app.record_stage_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.stage_id IS DISTINCT FROM OLD.stage_id THEN
    INSERT INTO app.deal_stage_changes (organization_id, deal_id, from_stage_id, to_stage_id, changed_by)
    VALUES (NEW.organization_id, NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.stage_id END, NEW.stage_id,
            sec.current_user_id());
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER deals_stage_history AFTER INSERT OR UPDATE OF stage_id ON app.deals
  FOR EACH ROW EXECUTE FUNCTION app.record_stage_change();

-- ---------------------------------------------------------------------------------------------
-- Activities
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.activities (
  organization_id   uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  activity_type     text NOT NULL CHECK (activity_type IN ('call', 'email', 'meeting', 'note', 'task')),
  subject           text NOT NULL CHECK (length(btrim(subject)) BETWEEN 1 AND 200),
  notes             text,
  due_at            timestamptz,
  done_at           timestamptz,
  outcome           text CHECK (length(outcome) <= 500),
  assigned_to       uuid REFERENCES sec.users (id),
  customer_id       uuid,
  contact_id        uuid,
  deal_id           uuid,
  notified_at       timestamptz,
  created_by        uuid REFERENCES sec.users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES app.customers (organization_id, id),
  FOREIGN KEY (organization_id, contact_id) REFERENCES app.contacts (organization_id, id) ON DELETE SET NULL (contact_id),
  FOREIGN KEY (organization_id, deal_id) REFERENCES app.deals (organization_id, id),
  CHECK (customer_id IS NOT NULL OR contact_id IS NOT NULL OR deal_id IS NOT NULL),
  CHECK (activity_type <> 'task' OR due_at IS NOT NULL)
);
CREATE INDEX activities_timeline ON app.activities (organization_id, customer_id, created_at DESC);
CREATE INDEX activities_by_deal ON app.activities (organization_id, deal_id, created_at DESC);
CREATE INDEX activities_my_day ON app.activities (organization_id, assigned_to, due_at) WHERE done_at IS NULL;
SELECT sec.add_crm_policies('app.activities', false);
GRANT SELECT, INSERT, UPDATE, DELETE ON app.activities TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Saved views and notifications (personal data inside a tenant)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.saved_views (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  owner_id         uuid NOT NULL REFERENCES sec.users (id),
  list_kind        text NOT NULL CHECK (list_kind IN ('customers', 'deals')),
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  shared           boolean NOT NULL DEFAULT false,
  definition       jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, owner_id, list_kind, name)
);
SELECT sec.add_crm_policies('app.saved_views', false);
-- Private views are their owner's; shared ones everyone reads. Only the owner changes a view.
CREATE POLICY own_or_shared ON app.saved_views AS RESTRICTIVE FOR SELECT
  USING (shared OR owner_id = (SELECT sec.current_user_id()));
CREATE POLICY own_views_insert ON app.saved_views AS RESTRICTIVE FOR INSERT
  WITH CHECK (owner_id = (SELECT sec.current_user_id()));
CREATE POLICY own_views_update ON app.saved_views AS RESTRICTIVE FOR UPDATE
  USING (owner_id = (SELECT sec.current_user_id())) WITH CHECK (owner_id = (SELECT sec.current_user_id()));
CREATE POLICY own_views_delete ON app.saved_views AS RESTRICTIVE FOR DELETE
  USING (owner_id = (SELECT sec.current_user_id()));
GRANT SELECT, INSERT, UPDATE, DELETE ON app.saved_views TO "${person_role}";

CREATE TABLE app.notifications (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  recipient_id     uuid NOT NULL REFERENCES sec.users (id),
  kind             text NOT NULL CHECK (kind IN ('task_due', 'quote_expiring', 'invoice_overdue', 'time_approval',
                                                 'production_late', 'stock_low')),
  title            text NOT NULL,
  message          text,
  related_table    text,
  related_id       uuid,
  read_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, recipient_id, kind, related_id)
);
CREATE INDEX notifications_unread ON app.notifications (organization_id, recipient_id, created_at DESC) WHERE read_at IS NULL;
ALTER TABLE app.notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.notifications
  USING (organization_id = (SELECT sec.current_tenant())) WITH CHECK (organization_id = (SELECT sec.current_tenant()));
CREATE POLICY own_notifications ON app.notifications AS RESTRICTIVE
  USING (recipient_id = (SELECT sec.current_user_id())) WITH CHECK (recipient_id = (SELECT sec.current_user_id()));
CREATE TRIGGER touch BEFORE UPDATE ON app.notifications FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON app.notifications FOR EACH ROW EXECUTE FUNCTION audit.record_change();
GRANT SELECT, UPDATE (read_at, version) ON app.notifications TO "${person_role}";

-- Creates a notification for every open task of the current organization that came due, once per task.
-- Called by the client from time to time; the unique key makes it idempotent.
CREATE FUNCTION sec.notify_due_tasks() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_org uuid := sec.current_tenant();
  v_count integer;
BEGIN
  IF v_org IS NULL THEN
    RETURN 0;
  END IF;
  INSERT INTO app.notifications (organization_id, recipient_id, kind, title, message, related_table, related_id)
  SELECT a.organization_id, a.assigned_to, 'task_due', a.subject, 'This task is due.', 'app.activities', a.id
    FROM app.activities a
   WHERE a.organization_id = v_org AND a.activity_type = 'task' AND a.done_at IS NULL
     AND a.assigned_to IS NOT NULL AND a.due_at <= now()
  ON CONFLICT (organization_id, recipient_id, kind, related_id) DO NOTHING;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END
$$;
GRANT EXECUTE ON FUNCTION sec.notify_due_tasks() TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- The default pipeline of every organization
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION app.create_default_pipeline(p_organization_id uuid) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_pipeline uuid;
BEGIN
  INSERT INTO app.pipelines (organization_id, name, is_default) VALUES (p_organization_id, 'Sales', true)
  RETURNING id INTO v_pipeline;
  INSERT INTO app.pipeline_stages (organization_id, pipeline_id, name, position, probability, is_won, is_lost)
  VALUES (p_organization_id, v_pipeline, 'Lead', 1, 10, false, false),
         (p_organization_id, v_pipeline, 'Qualified', 2, 25, false, false),
         (p_organization_id, v_pipeline, 'Proposal', 3, 50, false, false),
         (p_organization_id, v_pipeline, 'Negotiation', 4, 75, false, false),
         (p_organization_id, v_pipeline, 'Won', 5, 100, true, false),
         (p_organization_id, v_pipeline, 'Lost', 6, 0, false, true);
  RETURN v_pipeline;
END
$$;

CREATE OR REPLACE FUNCTION sec.create_organization(p_name text, p_base_currency text, p_country text,
                                                   p_timezone text, p_locale text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id uuid;
BEGIN
  INSERT INTO app.organizations (name, base_currency, country, timezone, locale)
  VALUES (btrim(p_name), coalesce(p_base_currency, 'EUR'), p_country,
          coalesce(p_timezone, 'UTC'), coalesce(p_locale, 'en-US'))
  RETURNING id INTO v_id;
  PERFORM app.create_default_pipeline(v_id);
  RETURN v_id;
END
$$;

SELECT app.create_default_pipeline(id) FROM app.organizations;

-- The helper that generated policies is for migrations only.
REVOKE ALL ON FUNCTION sec.add_crm_policies(regclass, boolean) FROM PUBLIC;
