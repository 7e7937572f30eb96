-- Catalog: tax rates, units of measure, product categories (a tree), products, service categories, rate cards
-- with dated items, and the sensitive cost data (product costs, cost rates) in tables of their own that only
-- managers, administrators and owners read. Every table follows the tenant rules (composite keys, RLS forced,
-- audit trigger, version column); CatalogRulesTest and the hostile-client tests check them.
--
-- Who writes: owners, admins and managers change the catalog and the rate cards; employees and viewers read
-- it (cost tables excepted). Nothing is deleted for good (no DELETE grant): products are deactivated or
-- soft-deleted (deleted_at, managers and above), the rest is changed.

-- ---------------------------------------------------------------------------------------------
-- Tax rates and units
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.tax_rates (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  percent          numeric(7,4) NOT NULL CHECK (percent BETWEEN 0 AND 100),
  is_default       boolean NOT NULL DEFAULT false,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, name)
);
-- Exactly one default per organization (at most one here; the service moves it in one transaction).
CREATE UNIQUE INDEX tax_rates_one_default ON app.tax_rates (organization_id) WHERE is_default;

CREATE TABLE app.units (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  code             text NOT NULL CHECK (length(btrim(code)) BETWEEN 1 AND 20),
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, code)
);

-- ---------------------------------------------------------------------------------------------
-- Product categories: a tree without cycles
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.product_categories (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id        uuid,
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  position         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  -- Siblings have different names (also at the top level: NULLS NOT DISTINCT).
  UNIQUE NULLS NOT DISTINCT (organization_id, parent_id, name),
  FOREIGN KEY (organization_id, parent_id) REFERENCES app.product_categories (organization_id, id),
  CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX product_categories_by_parent ON app.product_categories (organization_id, parent_id);

-- A category's parent must not be the category itself or one of its descendants. Runs as the caller: the walk
-- sees the rows row-level security lets the caller see, which are all of the row's organization (a row of
-- another organization is refused by the tenant policy anyway). The walk is bounded by the tree's depth.
CREATE FUNCTION app.product_category_no_cycle() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.parent_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (WITH RECURSIVE up (id, parent_id, depth) AS (
               SELECT c.id, c.parent_id, 1 FROM app.product_categories c
                WHERE c.organization_id = NEW.organization_id AND c.id = NEW.parent_id
               UNION ALL
               SELECT c.id, c.parent_id, up.depth + 1 FROM app.product_categories c JOIN up ON c.id = up.parent_id
                WHERE c.organization_id = NEW.organization_id AND up.depth < 1000)
             SELECT 1 FROM up WHERE up.id = NEW.id) THEN
    RAISE EXCEPTION 'A category cannot be moved below itself or one of its subcategories.' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER product_categories_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON app.product_categories
  FOR EACH ROW EXECUTE FUNCTION app.product_category_no_cycle();

-- ---------------------------------------------------------------------------------------------
-- Products
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.products (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  code             text NOT NULL CHECK (length(btrim(code)) BETWEEN 1 AND 40),
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  description      text CHECK (length(description) <= 4000),
  product_type     text NOT NULL DEFAULT 'material'
                   CHECK (product_type IN ('service', 'material', 'stock', 'manufactured')),
  unit_id          uuid,
  sale_price       numeric(14,4) NOT NULL DEFAULT 0 CHECK (sale_price >= 0),
  tax_rate_id      uuid,
  category_id      uuid,
  active           boolean NOT NULL DEFAULT true,
  -- The list's sort keys and what search-as-you-type matches (see customers in V2: stored, because lower()
  -- and LIKE are not leakproof and could not reach an index under row-level security).
  sort_name        text GENERATED ALWAYS AS (lower(name)) STORED,
  sort_code        text GENERATED ALWAYS AS (lower(code)) STORED,
  search_text      text GENERATED ALWAYS AS (lower(code || ' ' || name)) STORED,
  deleted_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, code),
  FOREIGN KEY (organization_id, unit_id) REFERENCES app.units (organization_id, id),
  FOREIGN KEY (organization_id, tax_rate_id) REFERENCES app.tax_rates (organization_id, id),
  FOREIGN KEY (organization_id, category_id) REFERENCES app.product_categories (organization_id, id)
);
CREATE INDEX products_by_name ON app.products (organization_id, sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX products_by_code ON app.products (organization_id, sort_code, id) WHERE deleted_at IS NULL;
CREATE INDEX products_by_category ON app.products (organization_id, category_id);
CREATE INDEX products_search ON app.products USING gin (search_text public.gin_trgm_ops);

-- Search as you type: the ids of the selected organization's products whose code or name contain the pattern.
-- A definer function because LIKE is not leakproof (the trigram index could not be used under RLS); it reads
-- the selector once (sec.current_tenant() verifies the membership) and returns only that organization's ids.
CREATE FUNCTION sec.product_search(p_pattern text) RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  WITH tenant AS MATERIALIZED (SELECT sec.current_tenant() AS org)
  SELECT p.id FROM app.products p, tenant WHERE p.organization_id = tenant.org AND p.search_text LIKE p_pattern
$$;
GRANT EXECUTE ON FUNCTION sec.product_search(text) TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Service categories, rate cards, rate card items
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.service_categories (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  description      text CHECK (length(description) <= 2000),
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, name)
);

CREATE TABLE app.rate_cards (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  is_default       boolean NOT NULL DEFAULT false,
  customer_id      uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, name),
  FOREIGN KEY (organization_id, customer_id) REFERENCES app.customers (organization_id, id),
  -- The default card is everyone's; a customer's own card is not the default.
  CHECK (NOT (is_default AND customer_id IS NOT NULL))
);
CREATE UNIQUE INDEX rate_cards_one_default ON app.rate_cards (organization_id) WHERE is_default;
CREATE UNIQUE INDEX rate_cards_one_per_customer ON app.rate_cards (organization_id, customer_id) WHERE customer_id IS NOT NULL;

-- A billing rate of a service category on a card, for everyone, for one membership role or for one person,
-- valid from a day until a day (inclusive; open-ended when NULL).
CREATE TABLE app.rate_card_items (
  organization_id      uuid NOT NULL REFERENCES app.organizations (id),
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  rate_card_id         uuid NOT NULL,
  service_category_id  uuid NOT NULL,
  role                 text CHECK (role IN ('owner', 'admin', 'manager', 'employee', 'viewer')),
  user_id              uuid REFERENCES sec.users (id),
  valid_from           date NOT NULL,
  valid_until          date,
  billing_rate         numeric(14,4) NOT NULL CHECK (billing_rate >= 0),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, rate_card_id) REFERENCES app.rate_cards (organization_id, id),
  FOREIGN KEY (organization_id, service_category_id) REFERENCES app.service_categories (organization_id, id),
  CHECK (role IS NULL OR user_id IS NULL),
  CHECK (valid_until IS NULL OR valid_until >= valid_from),
  -- Also the look-up index of applicable rates. (btree_gist is not among the installation's extensions, so the
  -- overlap of validity periods is refused by the trigger below rather than an exclusion constraint.)
  UNIQUE NULLS NOT DISTINCT (organization_id, rate_card_id, service_category_id, role, user_id, valid_from)
);

-- No two items of a card for the same category and the same role/person (or both for everyone) are valid on
-- the same day. The card row is locked first, so two concurrent writers of one card are serialised. Runs as the
-- caller: it sees (and locks) only rows of the selected organization, and a row of another organization is
-- refused by the tenant policy.
CREATE FUNCTION app.rate_card_item_no_overlap() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM 1 FROM app.rate_cards c WHERE c.organization_id = NEW.organization_id AND c.id = NEW.rate_card_id
     FOR NO KEY UPDATE;
  IF EXISTS (SELECT 1 FROM app.rate_card_items i
              WHERE i.organization_id = NEW.organization_id AND i.rate_card_id = NEW.rate_card_id
                AND i.service_category_id = NEW.service_category_id
                AND i.role IS NOT DISTINCT FROM NEW.role AND i.user_id IS NOT DISTINCT FROM NEW.user_id
                AND i.id <> NEW.id
                AND daterange(i.valid_from, i.valid_until, '[]') && daterange(NEW.valid_from, NEW.valid_until, '[]')) THEN
    RAISE EXCEPTION 'Another rate of this card for the same service category and person or role is valid on some of these days.'
      USING ERRCODE = '23P01';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER rate_card_items_no_overlap BEFORE INSERT OR UPDATE ON app.rate_card_items
  FOR EACH ROW EXECUTE FUNCTION app.rate_card_item_no_overlap();

-- ---------------------------------------------------------------------------------------------
-- Sensitive: costs. Separate tables whose rows only managers, administrators and owners read (a RESTRICTIVE
-- SELECT policy on the row's own organization), so their history follows (audit.row_visible runs as the reader).
-- ---------------------------------------------------------------------------------------------

-- A product's cost from a day on: the cost on a date is the row with the latest valid_from up to that date.
CREATE TABLE app.product_costs (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  product_id       uuid NOT NULL,
  valid_from       date NOT NULL DEFAULT current_date,
  cost             numeric(14,4) NOT NULL CHECK (cost >= 0),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, product_id) REFERENCES app.products (organization_id, id)
);
CREATE INDEX product_costs_by_product ON app.product_costs (organization_id, product_id, valid_from);

-- The cost rate of a rate card item (one per item; the service keeps it so).
CREATE TABLE app.rate_card_item_costs (
  organization_id    uuid NOT NULL REFERENCES app.organizations (id),
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  rate_card_item_id  uuid NOT NULL,
  cost_rate          numeric(14,4) NOT NULL CHECK (cost_rate >= 0),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, rate_card_item_id) REFERENCES app.rate_card_items (organization_id, id)
);
CREATE INDEX rate_card_item_costs_by_item ON app.rate_card_item_costs (organization_id, rate_card_item_id);

-- ---------------------------------------------------------------------------------------------
-- Policies, triggers, grants
-- ---------------------------------------------------------------------------------------------

SELECT sec.add_tenant_policies(t::regclass, ARRAY['owner', 'admin', 'manager'])
  FROM unnest(ARRAY['app.tax_rates', 'app.units', 'app.product_categories', 'app.products', 'app.service_categories',
                    'app.rate_cards', 'app.rate_card_items', 'app.product_costs', 'app.rate_card_item_costs']) t;

CREATE POLICY costs_for_managers ON app.product_costs AS RESTRICTIVE FOR SELECT
  USING (organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]));
CREATE POLICY costs_for_managers ON app.rate_card_item_costs AS RESTRICTIVE FOR SELECT
  USING (organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['app.tax_rates', 'app.units', 'app.product_categories', 'app.products', 'app.service_categories',
                           'app.rate_cards', 'app.rate_card_items', 'app.product_costs', 'app.rate_card_item_costs'] LOOP
    EXECUTE format('CREATE TRIGGER touch BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at()', t);
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit.record_change()', t);
  END LOOP;
END
$$;

CREATE TRIGGER products_soft_delete BEFORE UPDATE ON app.products FOR EACH ROW EXECUTE FUNCTION app.soft_delete_by_managers();

GRANT SELECT, INSERT, UPDATE ON app.tax_rates, app.units, app.product_categories, app.products, app.service_categories,
  app.rate_cards, app.rate_card_items, app.product_costs, app.rate_card_item_costs TO "${person_role}";
