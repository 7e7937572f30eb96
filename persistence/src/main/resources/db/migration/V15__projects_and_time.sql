-- Projects and time (docs/time-rules.md): projects (numbered), their budget lines, members and tasks, time entries
-- with frozen rates and rounding, their costs (managers and above only), per-person running totals of each project,
-- and the approval history of weeks. Every table follows the tenant rules (composite keys, RLS forced, audit trigger,
-- version column); CatalogRulesTest and the hostile-client tests check them.
--
-- Who writes: owners, admins, managers and employees write projects, members and tasks (budget, billing terms,
-- rounding and the manager of an existing project: managers and above, or the project's own manager); owners, admins
-- and managers write budget lines. Time entries: everybody but viewers records their own time; managers and above
-- see and change everybody's; a project's manager reads (and approves) the time of their projects. Nothing is
-- deleted for good with plain SQL (no DELETE grant): time entries are removed by app.delete_time_entry.
--
-- What people may do to a time entry with plain SQL, whatever the client (guard app.time_entry_guard, rules
-- app.time_entry_rules):
--   * insert a draft and change its own columns (date, start/end, raw minutes, project, task, service category,
--     description, billable); never status, rates, amounts, rounded minutes, approval or invoice columns;
--   * an invoiced entry changes for nobody (only definer functions, i.e. invoicing later, run as the owner role);
--   * a submitted or approved entry does not change for its owner (managers and above may change others');
--   * nothing dated on or before the organization's time_lock_date is inserted, changed or deleted;
--   * a project that refuses bookings over budget refuses one that takes it over budget_minutes.
-- Status changes happen only in the SECURITY DEFINER functions (submit, withdraw, approve, reject, timer, re-rate,
-- delete), which run as the owner role; the guard lets a change through only when current_user is the owner role.

-- ---------------------------------------------------------------------------------------------
-- Settings: organization and customer
-- ---------------------------------------------------------------------------------------------

ALTER TABLE app.organizations
  ADD COLUMN time_lock_date date,
  ADD COLUMN weekly_working_minutes integer NOT NULL DEFAULT 2400 CHECK (weekly_working_minutes BETWEEN 0 AND 10080),
  ADD COLUMN holiday_country text CHECK (holiday_country ~ '^[A-Z]{2}$'),
  ADD COLUMN holiday_subdivision text CHECK (holiday_subdivision ~ '^[A-Za-z0-9-]{1,10}$'),
  ADD COLUMN time_rounding_unit integer NOT NULL DEFAULT 1 CHECK (time_rounding_unit BETWEEN 1 AND 240),
  ADD COLUMN time_rounding_direction text NOT NULL DEFAULT 'nearest'
             CHECK (time_rounding_direction IN ('up', 'down', 'nearest')),
  ADD COLUMN timer_reminder_minutes integer NOT NULL DEFAULT 600 CHECK (timer_reminder_minutes BETWEEN 1 AND 1440);
UPDATE app.organizations SET holiday_country = coalesce(country, 'DE');

-- A new organization's holidays are those of its address country, else Germany's.
CREATE FUNCTION app.default_holiday_country() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.holiday_country := coalesce(NEW.holiday_country, NEW.country, 'DE');
  RETURN NEW;
END
$$;
CREATE TRIGGER organizations_holiday_country BEFORE INSERT ON app.organizations
  FOR EACH ROW EXECUTE FUNCTION app.default_holiday_country();
ALTER TABLE app.organizations ALTER COLUMN holiday_country SET NOT NULL;

-- Like the other organization settings: updated by owners and admins (policy settings_by_admins).
GRANT UPDATE (time_lock_date, weekly_working_minutes, holiday_country, holiday_subdivision, time_rounding_unit,
              time_rounding_direction, timer_reminder_minutes) ON app.organizations TO "${person_role}";
COMMENT ON COLUMN app.organizations.time_lock_date IS
  'No time entry dated on or before this day is inserted, changed or deleted (NULL: no lock).';

-- A customer's own rounding of billable time (both NULL: the organization's).
ALTER TABLE app.customers
  ADD COLUMN time_rounding_unit integer CHECK (time_rounding_unit BETWEEN 1 AND 240),
  ADD COLUMN time_rounding_direction text CHECK (time_rounding_direction IN ('up', 'down', 'nearest')),
  ADD CONSTRAINT customers_time_rounding_pair CHECK ((time_rounding_unit IS NULL) = (time_rounding_direction IS NULL));

-- A billing term: changed by managers and above only. A person without a writer role in the row's organization is
-- left to row-level security.
CREATE FUNCTION app.customer_rounding_by_managers() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.time_rounding_unit IS NOT NULL
      OR TG_OP = 'UPDATE' AND (NEW.time_rounding_unit IS DISTINCT FROM OLD.time_rounding_unit
                               OR NEW.time_rounding_direction IS DISTINCT FROM OLD.time_rounding_direction))
     AND sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee')
     AND NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager') THEN
    RAISE EXCEPTION 'Only managers, administrators and owners change how time is billed.' USING ERRCODE = 'WL002';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER customers_time_rounding BEFORE INSERT OR UPDATE ON app.customers
  FOR EACH ROW EXECUTE FUNCTION app.customer_rounding_by_managers();

-- ---------------------------------------------------------------------------------------------
-- Rounding and amounts: the one rule (the same as persistence.time.TimeRounding; tests compare them)
-- ---------------------------------------------------------------------------------------------

-- Billable minutes from raw minutes: multiples of the unit, up, down or to the nearest (a half unit goes up).
CREATE FUNCTION app.billable_minutes(p_raw integer, p_unit integer, p_direction text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
           WHEN p_unit <= 1 THEN p_raw
           WHEN p_direction = 'up' THEN (p_raw + p_unit - 1) / p_unit * p_unit
           WHEN p_direction = 'down' THEN p_raw / p_unit * p_unit
           ELSE (2 * p_raw + p_unit) / (2 * p_unit) * p_unit END
$$;

-- The amount of billable minutes at an hourly rate: minutes x rate / 60, rounded half up once to the currency's digits.
CREATE FUNCTION app.time_amount(p_minutes integer, p_rate numeric, p_currency text) RETURNS numeric
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN p_rate IS NULL OR p_minutes IS NULL THEN 0
              ELSE round(p_minutes * p_rate / 60, app.currency_digits(p_currency)) END
$$;
GRANT EXECUTE ON FUNCTION app.billable_minutes(integer, integer, text), app.time_amount(integer, numeric, text)
  TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.projects (
  organization_id          uuid NOT NULL REFERENCES app.organizations (id),
  id                       uuid NOT NULL DEFAULT gen_random_uuid(),
  -- From the series "project" when inserted (trigger app.assign_project_number), kept for good.
  number                   text NOT NULL,
  name                     text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  description              text CHECK (length(description) <= 4000),
  -- NULL: an internal project (its time is not billed to anyone).
  customer_id              uuid,
  quote_id                 uuid,
  status                   text NOT NULL DEFAULT 'planning'
                           CHECK (status IN ('planning', 'active', 'on_hold', 'completed', 'cancelled')),
  start_date               date,
  end_date                 date,
  billing_type             text NOT NULL DEFAULT 'time_and_materials'
                           CHECK (billing_type IN ('time_and_materials', 'fixed_price')),
  budget_minutes           integer CHECK (budget_minutes >= 0),
  -- In the organization's base currency.
  budget_amount            numeric(19,4) CHECK (budget_amount >= 0),
  manager_id               uuid REFERENCES sec.users (id),
  default_billable         boolean NOT NULL DEFAULT true,
  refuse_over_budget       boolean NOT NULL DEFAULT false,
  -- Both NULL: the customer's rounding, else the organization's.
  time_rounding_unit       integer CHECK (time_rounding_unit BETWEEN 1 AND 240),
  time_rounding_direction  text CHECK (time_rounding_direction IN ('up', 'down', 'nearest')),
  created_by               uuid REFERENCES sec.users (id),
  sort_name                text GENERATED ALWAYS AS (lower(name)) STORED,
  search_text              text GENERATED ALWAYS AS (lower(number || ' ' || name)) STORED,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  version                  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, number),
  FOREIGN KEY (organization_id, customer_id) REFERENCES app.customers (organization_id, id),
  FOREIGN KEY (organization_id, quote_id) REFERENCES app.quotes (organization_id, id),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CHECK ((time_rounding_unit IS NULL) = (time_rounding_direction IS NULL))
);
CREATE INDEX projects_by_name ON app.projects (organization_id, sort_name, id);
CREATE INDEX projects_by_customer ON app.projects (organization_id, customer_id);
CREATE INDEX projects_by_manager ON app.projects (organization_id, manager_id);
CREATE INDEX projects_search ON app.projects USING gin (search_text public.gin_trgm_ops);
-- One project per accepted quote.
CREATE UNIQUE INDEX projects_one_per_quote ON app.projects (organization_id, quote_id) WHERE quote_id IS NOT NULL;

-- The budget of a project per service category (from the accepted quote's service lines). One line per category,
-- kept so by app.create_project_from_quote; the project's own budget_minutes and budget_amount are its total.
CREATE TABLE app.project_budget_lines (
  organization_id      uuid NOT NULL REFERENCES app.organizations (id),
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id           uuid NOT NULL,
  service_category_id  uuid,
  minutes              integer NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  amount               numeric(19,4) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, project_id) REFERENCES app.projects (organization_id, id),
  FOREIGN KEY (organization_id, service_category_id) REFERENCES app.service_categories (organization_id, id)
);
CREATE INDEX project_budget_lines_by_project ON app.project_budget_lines (organization_id, project_id);

CREATE TABLE app.project_members (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id       uuid NOT NULL,
  user_id          uuid NOT NULL REFERENCES sec.users (id),
  role_in_project  text CHECK (length(role_in_project) <= 100),
  -- Members leave a project by becoming inactive (nothing is deleted).
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, project_id, user_id),
  FOREIGN KEY (organization_id, project_id) REFERENCES app.projects (organization_id, id)
);

CREATE TABLE app.project_tasks (
  organization_id      uuid NOT NULL REFERENCES app.organizations (id),
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id           uuid NOT NULL,
  -- A task of the same project (trigger app.project_task_rules), never the task itself or one below it.
  parent_task_id       uuid,
  name                 text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  description          text CHECK (length(description) <= 4000),
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  position             integer NOT NULL DEFAULT 0 CHECK (position >= 0),
  estimate_minutes     integer CHECK (estimate_minutes >= 0),
  assignee_id          uuid REFERENCES sec.users (id),
  due_date             date,
  service_category_id  uuid,
  -- NULL: the project's default.
  billable             boolean,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, project_id) REFERENCES app.projects (organization_id, id),
  FOREIGN KEY (organization_id, parent_task_id) REFERENCES app.project_tasks (organization_id, id),
  FOREIGN KEY (organization_id, service_category_id) REFERENCES app.service_categories (organization_id, id),
  CHECK (parent_task_id IS DISTINCT FROM id)
);
CREATE INDEX project_tasks_by_project ON app.project_tasks (organization_id, project_id, parent_task_id, position);
CREATE INDEX project_tasks_by_assignee ON app.project_tasks (organization_id, assignee_id) WHERE status IN ('open', 'in_progress');

CREATE TABLE app.time_entries (
  organization_id      uuid NOT NULL REFERENCES app.organizations (id),
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id              uuid NOT NULL DEFAULT sec.current_user_id() REFERENCES sec.users (id),
  entry_date           date NOT NULL,
  -- A running timer: started_at set, ended_at NULL (at most one per person and organization).
  started_at           timestamptz,
  ended_at             timestamptz,
  raw_minutes          integer NOT NULL DEFAULT 0 CHECK (raw_minutes BETWEEN 0 AND 1440),
  project_id           uuid NOT NULL,
  task_id              uuid,
  -- Labour on a production order (the production issue adds the foreign key).
  production_order_id  uuid,
  service_category_id  uuid,
  description          text CHECK (length(description) <= 2000),
  -- Set from the task, else the project, when inserted without one.
  billable             boolean NOT NULL,
  -- Frozen when rated (rated_at): the rounding rule and the billing rate in force then. Written by the rules trigger.
  rounding_unit        integer NOT NULL CHECK (rounding_unit BETWEEN 1 AND 240),
  rounding_direction   text NOT NULL CHECK (rounding_direction IN ('up', 'down', 'nearest')),
  billable_minutes     integer NOT NULL DEFAULT 0 CHECK (billable_minutes >= 0),
  rate_card_item_id    uuid,
  billing_rate         numeric(14,4) CHECK (billing_rate >= 0),
  amount               numeric(19,4) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rated_at             timestamptz,
  status               text NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'invoiced')),
  submitted_at         timestamptz,
  approved_by          uuid REFERENCES sec.users (id),
  approved_at          timestamptz,
  rejection_reason     text CHECK (length(rejection_reason) <= 1000),
  -- The invoice line that bills the entry (the invoicing issue adds the foreign key).
  invoice_line_id      uuid,
  created_by           uuid REFERENCES sec.users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, project_id) REFERENCES app.projects (organization_id, id),
  FOREIGN KEY (organization_id, task_id) REFERENCES app.project_tasks (organization_id, id),
  FOREIGN KEY (organization_id, service_category_id) REFERENCES app.service_categories (organization_id, id),
  FOREIGN KEY (organization_id, rate_card_item_id) REFERENCES app.rate_card_items (organization_id, id),
  CHECK (ended_at IS NULL OR started_at IS NOT NULL AND ended_at >= started_at),
  -- Non-billable time never carries revenue.
  CHECK (billable OR amount = 0),
  -- A running timer is a draft without minutes.
  CHECK (started_at IS NULL OR ended_at IS NOT NULL OR status = 'draft' AND raw_minutes = 0),
  CHECK ((status = 'invoiced') = (invoice_line_id IS NOT NULL)),
  CHECK ((status = 'approved' OR status = 'invoiced') OR approved_at IS NULL),
  CHECK (status <> 'rejected' OR length(btrim(rejection_reason)) > 0)
);
-- A person's week; a project's time; the period reports; the approval queue; the one running timer.
CREATE INDEX time_entries_by_person ON app.time_entries (organization_id, user_id, entry_date);
CREATE INDEX time_entries_by_project ON app.time_entries (organization_id, project_id, entry_date);
CREATE INDEX time_entries_by_date ON app.time_entries (organization_id, entry_date);
CREATE INDEX time_entries_by_task ON app.time_entries (organization_id, task_id) WHERE task_id IS NOT NULL;
CREATE INDEX time_entries_submitted ON app.time_entries (organization_id, entry_date, user_id) WHERE status = 'submitted';
CREATE UNIQUE INDEX time_entries_one_timer ON app.time_entries (organization_id, user_id)
  WHERE started_at IS NOT NULL AND ended_at IS NULL;

-- Sensitive: the cost of an entry (cost rate frozen with the billing rate, cost amount = raw minutes x cost rate / 60).
-- Only owners, admins and managers read it (RESTRICTIVE SELECT policy, so its history is theirs too); nobody writes it:
-- the definer trigger app.time_entry_cost keeps one row per entry.
CREATE TABLE app.time_entry_costs (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  time_entry_id    uuid NOT NULL,
  cost_rate        numeric(14,4) CHECK (cost_rate >= 0),
  cost_amount      numeric(19,4) NOT NULL DEFAULT 0 CHECK (cost_amount >= 0),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, time_entry_id) REFERENCES app.time_entries (organization_id, id)
);
CREATE INDEX time_entry_costs_by_entry ON app.time_entry_costs (organization_id, time_entry_id);

-- Running totals of a project per person, kept by the definer trigger app.time_entry_totals on every change of an
-- entry, so that budget figures cost a few rows whatever the number of entries. Read like the entries (a person
-- their own rows; managers and above all; a project's manager those of the project); project figures for everyone
-- through app.project_budget_figures. raw_minutes: all time spent; billable_minutes: the rounded minutes of billable
-- entries; non_billable_minutes: the raw minutes of the others; amount: the billable amount.
CREATE TABLE app.project_time_totals (
  organization_id       uuid NOT NULL REFERENCES app.organizations (id),
  id                    uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id            uuid NOT NULL,
  user_id               uuid NOT NULL REFERENCES sec.users (id),
  entries               integer NOT NULL DEFAULT 0,
  raw_minutes           bigint NOT NULL DEFAULT 0,
  billable_minutes      bigint NOT NULL DEFAULT 0,
  non_billable_minutes  bigint NOT NULL DEFAULT 0,
  amount                numeric(19,4) NOT NULL DEFAULT 0,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, project_id, user_id),
  FOREIGN KEY (organization_id, project_id) REFERENCES app.projects (organization_id, id)
);

-- What happened to a person's week: submitted, withdrawn, approved, rejected (with the reason). Written only by the
-- approval functions; read by the person, by who acted, and by managers and above.
CREATE TABLE app.time_approval_events (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES sec.users (id),
  week_start       date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
  action           text NOT NULL CHECK (action IN ('submitted', 'withdrawn', 'approved', 'rejected')),
  reason           text CHECK (length(reason) <= 1000),
  entries          integer NOT NULL,
  minutes          bigint NOT NULL,
  changed_by       uuid REFERENCES sec.users (id),
  changed_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id)
);
CREATE INDEX time_approval_events_by_week ON app.time_approval_events (organization_id, user_id, week_start, changed_at);

-- ---------------------------------------------------------------------------------------------
-- Projects: numbers and the budget terms
-- ---------------------------------------------------------------------------------------------

-- What people may do to a project with plain SQL. Runs as the caller, so current_user tells a person from the definer
-- functions (the owner role): the quote link is made only by app.create_project_from_quote; the budget, billing
-- terms, customer and manager of an existing project are changed by managers and above or the project's own manager.
-- A person without a writer role in the row's organization is left to row-level security.
CREATE FUNCTION app.project_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_user = '${owner_role}' OR NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.quote_id IS NOT NULL THEN
      RAISE EXCEPTION 'A project is linked to its quote only when it is created from it.' USING ERRCODE = 'WL002';
    END IF;
    NEW.created_by := sec.current_user_id();
    RETURN NEW;
  END IF;
  IF NEW.quote_id IS DISTINCT FROM OLD.quote_id OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION 'A project is linked to its quote only when it is created from it.' USING ERRCODE = 'WL002';
  END IF;
  IF (NEW.budget_minutes IS DISTINCT FROM OLD.budget_minutes OR NEW.budget_amount IS DISTINCT FROM OLD.budget_amount
      OR NEW.billing_type IS DISTINCT FROM OLD.billing_type OR NEW.refuse_over_budget IS DISTINCT FROM OLD.refuse_over_budget
      OR NEW.time_rounding_unit IS DISTINCT FROM OLD.time_rounding_unit
      OR NEW.time_rounding_direction IS DISTINCT FROM OLD.time_rounding_direction
      OR NEW.manager_id IS DISTINCT FROM OLD.manager_id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id)
     AND NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager')
     AND OLD.manager_id IS DISTINCT FROM sec.current_user_id() THEN
    RAISE EXCEPTION 'Only managers and the project''s manager change its budget, billing and customer.' USING ERRCODE = 'WL002';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER projects_a_guard BEFORE INSERT OR UPDATE ON app.projects FOR EACH ROW EXECUTE FUNCTION app.project_guard();

-- Projects get their number from the series when inserted, and keep it (the model of V7's customer numbers).
CREATE FUNCTION app.assign_project_number() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.number IS DISTINCT FROM OLD.number THEN
      RAISE EXCEPTION 'A project keeps the number it was given.' USING ERRCODE = 'WL002';
    END IF;
    RETURN NEW;
  END IF;
  -- IT's bulk loads (admin command line, as the owner role) may bring their own numbers.
  IF pg_has_role(session_user, '${owner_role}', 'MEMBER') THEN
    IF NEW.number IS NULL THEN
      NEW.number := sec.issue_number(NEW.organization_id, 'project', NULL);
    END IF;
    RETURN NEW;
  END IF;
  -- BEFORE triggers run before row-level security checks the new row: verify the role here, in the row's own
  -- organization, so that no one else can make the counter of an organization move (or wait on it).
  IF NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "projects"' USING ERRCODE = '42501';
  END IF;
  NEW.number := sec.issue_number(NEW.organization_id, 'project', NULL);
  RETURN NEW;
END
$$;
CREATE TRIGGER projects_b_number BEFORE INSERT OR UPDATE OF number ON app.projects
  FOR EACH ROW EXECUTE FUNCTION app.assign_project_number();

-- A member is a member of the organization. Definer functions and IT act as they are.
CREATE FUNCTION app.project_member_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pg_has_role(session_user, '${owner_role}', 'MEMBER')
     OR NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM sec.memberships m WHERE m.organization_id = NEW.organization_id AND m.user_id = NEW.user_id) THEN
    RAISE EXCEPTION 'This person is not a member of the organization.' USING ERRCODE = 'WL003';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER project_members_rules BEFORE INSERT OR UPDATE ON app.project_members
  FOR EACH ROW EXECUTE FUNCTION app.project_member_rules();

-- A task's parent is a task of the same project, and not the task itself or one of its subtasks. Runs as the caller:
-- the walk sees the rows row-level security lets the caller see (a row of another organization is refused by the
-- tenant policy anyway); bounded by the tree's depth.
CREATE FUNCTION app.project_task_rules() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT pg_has_role(session_user, '${owner_role}', 'MEMBER')
     AND NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  IF NEW.parent_task_id IS NULL
     OR TG_OP = 'UPDATE' AND NEW.parent_task_id IS NOT DISTINCT FROM OLD.parent_task_id AND NEW.project_id = OLD.project_id THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM app.project_tasks t
                  WHERE t.organization_id = NEW.organization_id AND t.id = NEW.parent_task_id AND t.project_id = NEW.project_id) THEN
    RAISE EXCEPTION 'A task can only be placed below a task of the same project.' USING ERRCODE = '23514';
  END IF;
  IF EXISTS (WITH RECURSIVE up (id, parent_task_id, depth) AS (
               SELECT t.id, t.parent_task_id, 1 FROM app.project_tasks t
                WHERE t.organization_id = NEW.organization_id AND t.id = NEW.parent_task_id
               UNION ALL
               SELECT t.id, t.parent_task_id, up.depth + 1 FROM app.project_tasks t JOIN up ON t.id = up.parent_task_id
                WHERE t.organization_id = NEW.organization_id AND up.depth < 1000)
             SELECT 1 FROM up WHERE up.id = NEW.id) THEN
    RAISE EXCEPTION 'A task cannot be moved below itself or one of its subtasks.' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER project_tasks_rules BEFORE INSERT OR UPDATE OF parent_task_id, project_id ON app.project_tasks
  FOR EACH ROW EXECUTE FUNCTION app.project_task_rules();

-- ---------------------------------------------------------------------------------------------
-- Time entries: the guard (what people may change), the rules (for everyone), costs and totals
-- ---------------------------------------------------------------------------------------------

-- What people may do with plain SQL (see the head of this file). Runs as the caller, so current_user tells a person
-- from the definer functions (the owner role, which no person can become). Reads no table: whatever depends on data
-- (lock date, project, budget) is checked by app.time_entry_rules, which reads as the owner. A person without a
-- writer role in the row's organization is left to row-level security.
CREATE FUNCTION app.time_entry_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_me uuid;
BEGIN
  IF current_user = '${owner_role}' THEN
    RETURN NEW;
  END IF;
  IF NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  v_me := sec.current_user_id();
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' OR num_nonnulls(NEW.submitted_at, NEW.approved_by, NEW.approved_at, NEW.rejection_reason,
                                             NEW.invoice_line_id, NEW.rate_card_item_id, NEW.billing_rate) > 0
       OR NEW.amount <> 0 OR NEW.billable_minutes <> 0 THEN
      RAISE EXCEPTION 'Time is recorded as a draft; rates, amounts and status are set by Workline.' USING ERRCODE = 'WL002';
    END IF;
    NEW.created_by := v_me;
    NEW.rated_at := NULL;  -- rated now, by the rules trigger
    RETURN NEW;
  END IF;
  IF OLD.status = 'invoiced' THEN
    RAISE EXCEPTION 'Invoiced time cannot be changed.' USING ERRCODE = 'WL002';
  END IF;
  IF OLD.status IN ('submitted', 'approved') AND OLD.user_id = v_me THEN
    RAISE EXCEPTION 'Submitted and approved time is locked for you; ask a manager to reject the week to change it.'
      USING ERRCODE = 'WL002';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
     OR NEW.approved_by IS DISTINCT FROM OLD.approved_by OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
     OR NEW.rejection_reason IS DISTINCT FROM OLD.rejection_reason OR NEW.invoice_line_id IS DISTINCT FROM OLD.invoice_line_id
     OR NEW.rate_card_item_id IS DISTINCT FROM OLD.rate_card_item_id OR NEW.billing_rate IS DISTINCT FROM OLD.billing_rate
     OR NEW.amount IS DISTINCT FROM OLD.amount OR NEW.billable_minutes IS DISTINCT FROM OLD.billable_minutes
     OR NEW.rounding_unit IS DISTINCT FROM OLD.rounding_unit OR NEW.rounding_direction IS DISTINCT FROM OLD.rounding_direction
     OR NEW.rated_at IS DISTINCT FROM OLD.rated_at OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION 'Time is recorded as a draft; rates, amounts and status are set by Workline.' USING ERRCODE = 'WL002';
  END IF;
  -- Rates and rounding are resolved again when what they depend on changes while the entry is still open.
  IF OLD.status IN ('draft', 'rejected')
     AND (NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.service_category_id IS DISTINCT FROM OLD.service_category_id
          OR NEW.task_id IS DISTINCT FROM OLD.task_id
          OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.entry_date IS DISTINCT FROM OLD.entry_date) THEN
    NEW.rated_at := NULL;
  END IF;
  RETURN NEW;
END
$$;

-- The rounding rule and billing rate of an entry, resolved from the project (else its customer, else the organization)
-- and the rate cards as catalog.RateCardService.applicableRate does: the customer's own card, else the default card;
-- on a card the person's item, else the role's, else the category's for everyone; valid on the entry's date.
CREATE FUNCTION app.resolve_time_rate(p_organization_id uuid, p_customer_id uuid, p_service_category_id uuid,
                                      p_user_id uuid, p_date date)
RETURNS app.rate_card_items
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT i.*
    FROM app.rate_cards r
    JOIN app.rate_card_items i ON i.organization_id = r.organization_id AND i.rate_card_id = r.id
   WHERE r.organization_id = p_organization_id AND (r.customer_id = p_customer_id OR r.is_default)
     AND i.service_category_id = p_service_category_id
     AND i.valid_from <= p_date AND (i.valid_until IS NULL OR i.valid_until >= p_date)
     AND (i.user_id = p_user_id
          OR i.user_id IS NULL AND (i.role IS NULL
                                    OR i.role = (SELECT m.role FROM sec.memberships m
                                                  WHERE m.organization_id = p_organization_id AND m.user_id = p_user_id)))
   ORDER BY (r.customer_id IS NOT NULL) DESC,
            CASE WHEN i.user_id IS NOT NULL THEN 0 WHEN i.role IS NOT NULL THEN 1 ELSE 2 END,
            i.valid_from DESC
   LIMIT 1
$$;

-- The project's raw minutes booked so far (all people), for the budget check.
CREATE FUNCTION app.project_raw_minutes(p_organization_id uuid, p_project_id uuid) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(sum(t.raw_minutes), 0)::bigint FROM app.project_time_totals t
   WHERE t.organization_id = p_organization_id AND t.project_id = p_project_id
$$;

-- The rules every change of an entry follows, whoever makes it (people and the definer functions): the person is a
-- member, the project takes bookings, the task is the project's, the lock date, the budget; then the frozen rate and
-- rounding (resolved when rated_at is NULL) and the rounded minutes and amount. Reads as the owner, so a statement
-- that changes the tenant selector while it runs cannot hide the lock date or the budget. A person without a writer
-- role in the row's organization is left to row-level security.
CREATE FUNCTION app.time_entry_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  o app.organizations;
  p app.projects;
  c_unit integer;
  c_direction text;
  t app.project_tasks;
  r app.rate_card_items;
  v_lock date;
  v_before bigint;
  v_timer_stop boolean;
BEGIN
  IF NOT pg_has_role(session_user, '${owner_role}', 'MEMBER')
     AND NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  SELECT * INTO o FROM app.organizations WHERE id = NEW.organization_id;
  v_lock := o.time_lock_date;
  v_timer_stop := TG_OP = 'UPDATE' AND OLD.started_at IS NOT NULL AND OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL;

  -- The lock date. Invoicing (status to or from invoiced, nothing else) and stopping a timer that ran when the lock
  -- was set may still touch locked days.
  IF v_lock IS NOT NULL AND NOT v_timer_stop
     AND (NEW.entry_date <= v_lock OR TG_OP = 'UPDATE' AND OLD.entry_date <= v_lock)
     AND NOT (TG_OP = 'UPDATE' AND (OLD.status = 'invoiced' OR NEW.status = 'invoiced')
              AND (to_jsonb(NEW) - ARRAY['status', 'invoice_line_id', 'version', 'updated_at'])
                  = (to_jsonb(OLD) - ARRAY['status', 'invoice_line_id', 'version', 'updated_at'])) THEN
    RAISE EXCEPTION 'Time on or before the organization''s lock date cannot be changed.' USING ERRCODE = 'WL002';
  END IF;

  SELECT * INTO p FROM app.projects WHERE organization_id = NEW.organization_id AND id = NEW.project_id;
  IF TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    IF NOT EXISTS (SELECT 1 FROM sec.memberships m WHERE m.organization_id = NEW.organization_id AND m.user_id = NEW.user_id) THEN
      RAISE EXCEPTION 'This person is not a member of the organization.' USING ERRCODE = 'WL003';
    END IF;
  END IF;
  IF (TG_OP = 'INSERT' OR NEW.project_id IS DISTINCT FROM OLD.project_id) AND p.status NOT IN ('planning', 'active') THEN
    RAISE EXCEPTION 'This project takes no time: it is on hold, completed or cancelled.' USING ERRCODE = 'WL002';
  END IF;
  IF NEW.task_id IS NOT NULL THEN
    SELECT * INTO t FROM app.project_tasks WHERE organization_id = NEW.organization_id AND id = NEW.task_id;
    IF t.project_id IS DISTINCT FROM NEW.project_id THEN
      RAISE EXCEPTION 'The task belongs to another project.' USING ERRCODE = '23514';
    END IF;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.service_category_id := coalesce(NEW.service_category_id, t.service_category_id);
    NEW.billable := coalesce(NEW.billable, t.billable, p.default_billable);
  END IF;

  -- Rate and rounding, frozen until re-rated.
  IF NEW.rated_at IS NULL THEN
    IF p.time_rounding_unit IS NOT NULL THEN
      NEW.rounding_unit := p.time_rounding_unit;
      NEW.rounding_direction := p.time_rounding_direction;
    ELSE
      SELECT cu.time_rounding_unit, cu.time_rounding_direction INTO c_unit, c_direction
        FROM app.customers cu WHERE cu.organization_id = NEW.organization_id AND cu.id = p.customer_id;
      NEW.rounding_unit := coalesce(c_unit, o.time_rounding_unit);
      NEW.rounding_direction := CASE WHEN c_unit IS NOT NULL THEN c_direction ELSE o.time_rounding_direction END;
    END IF;
    r := app.resolve_time_rate(NEW.organization_id, p.customer_id, NEW.service_category_id, NEW.user_id, NEW.entry_date);
    NEW.rate_card_item_id := r.id;
    NEW.billing_rate := r.billing_rate;
    NEW.rated_at := clock_timestamp();
  END IF;
  NEW.billable_minutes := app.billable_minutes(NEW.raw_minutes, NEW.rounding_unit, NEW.rounding_direction);
  NEW.amount := CASE WHEN NEW.billable THEN app.time_amount(NEW.billable_minutes, NEW.billing_rate, o.base_currency) ELSE 0 END;

  -- The budget: a project that refuses bookings over budget refuses one that adds minutes beyond it (and a timer
  -- started once it is used up). Concurrent bookings of such a project wait for each other on the project's row.
  -- Stopping a timer is never refused: the time was spent.
  IF p.refuse_over_budget AND p.budget_minutes IS NOT NULL AND NOT v_timer_stop
     AND (TG_OP = 'INSERT' OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.raw_minutes > OLD.raw_minutes) THEN
    PERFORM 1 FROM app.projects WHERE organization_id = p.organization_id AND id = p.id FOR NO KEY UPDATE;
    v_before := app.project_raw_minutes(p.organization_id, p.id)
                - CASE WHEN TG_OP = 'UPDATE' AND OLD.project_id = NEW.project_id THEN OLD.raw_minutes ELSE 0 END;
    IF v_before + NEW.raw_minutes > p.budget_minutes
       OR NEW.started_at IS NOT NULL AND NEW.ended_at IS NULL AND v_before >= p.budget_minutes THEN
      RAISE EXCEPTION 'This booking would take the project over its budget.' USING ERRCODE = 'WL002';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

-- Deletes follow the lock date and the invoice lock too (only app.delete_time_entry deletes, as the owner role).
CREATE FUNCTION app.time_entry_delete_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF OLD.status = 'invoiced' THEN
    RAISE EXCEPTION 'Invoiced time cannot be changed.' USING ERRCODE = 'WL002';
  END IF;
  IF OLD.entry_date <= (SELECT o.time_lock_date FROM app.organizations o WHERE o.id = OLD.organization_id) THEN
    RAISE EXCEPTION 'Time on or before the organization''s lock date cannot be changed.' USING ERRCODE = 'WL002';
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER time_entries_a_guard BEFORE INSERT OR UPDATE ON app.time_entries
  FOR EACH ROW EXECUTE FUNCTION app.time_entry_guard();
CREATE TRIGGER time_entries_b_rules BEFORE INSERT OR UPDATE ON app.time_entries
  FOR EACH ROW EXECUTE FUNCTION app.time_entry_rules();
CREATE TRIGGER time_entries_delete_rules BEFORE DELETE ON app.time_entries
  FOR EACH ROW EXECUTE FUNCTION app.time_entry_delete_rules();

-- The entry's cost: the cost rate of the rate card item the billing rate came from, frozen with it (read again only
-- when the entry is rated again), and cost amount = raw minutes x cost rate / 60 in the base currency's digits.
CREATE FUNCTION app.time_entry_cost() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_rate numeric;
  v_digits integer;
  v_cost app.time_entry_costs;
BEGIN
  SELECT * INTO v_cost FROM app.time_entry_costs WHERE organization_id = NEW.organization_id AND time_entry_id = NEW.id;
  IF FOUND AND NEW.rated_at IS NOT DISTINCT FROM OLD.rated_at AND NEW.raw_minutes = OLD.raw_minutes THEN
    RETURN NULL;
  END IF;
  IF FOUND AND NEW.rated_at IS NOT DISTINCT FROM OLD.rated_at THEN
    v_rate := v_cost.cost_rate;
  ELSE
    SELECT k.cost_rate INTO v_rate FROM app.rate_card_item_costs k
     WHERE k.organization_id = NEW.organization_id AND k.rate_card_item_id = NEW.rate_card_item_id
     ORDER BY k.created_at DESC LIMIT 1;
  END IF;
  SELECT app.currency_digits(o.base_currency) INTO v_digits FROM app.organizations o WHERE o.id = NEW.organization_id;
  IF v_cost.id IS NULL THEN
    INSERT INTO app.time_entry_costs (organization_id, time_entry_id, cost_rate, cost_amount)
    VALUES (NEW.organization_id, NEW.id, v_rate, coalesce(round(NEW.raw_minutes * v_rate / 60, v_digits), 0));
  ELSE
    UPDATE app.time_entry_costs SET cost_rate = v_rate, cost_amount = coalesce(round(NEW.raw_minutes * v_rate / 60, v_digits), 0),
                                    version = version + 1
     WHERE organization_id = v_cost.organization_id AND id = v_cost.id
       AND (cost_rate IS DISTINCT FROM v_rate OR cost_amount <> coalesce(round(NEW.raw_minutes * v_rate / 60, v_digits), 0));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER time_entries_cost AFTER INSERT OR UPDATE ON app.time_entries
  FOR EACH ROW EXECUTE FUNCTION app.time_entry_cost();

-- Adds an entry's share to (or, with p_sign -1, takes it from) its project's totals for its person.
CREATE FUNCTION app.add_to_project_totals(e app.time_entries, p_sign integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO app.project_time_totals AS t (organization_id, project_id, user_id, entries, raw_minutes, billable_minutes,
                                            non_billable_minutes, amount)
  VALUES (e.organization_id, e.project_id, e.user_id, p_sign, p_sign * e.raw_minutes,
          CASE WHEN e.billable THEN p_sign * e.billable_minutes ELSE 0 END,
          CASE WHEN e.billable THEN 0 ELSE p_sign * e.raw_minutes END, p_sign * e.amount)
  ON CONFLICT (organization_id, project_id, user_id) DO UPDATE
     SET entries = t.entries + excluded.entries, raw_minutes = t.raw_minutes + excluded.raw_minutes,
         billable_minutes = t.billable_minutes + excluded.billable_minutes,
         non_billable_minutes = t.non_billable_minutes + excluded.non_billable_minutes,
         amount = t.amount + excluded.amount, version = t.version + 1
$$;

-- Keeps app.project_time_totals in step with the entries (only when an entry's share changes: a status change alone
-- writes nothing).
CREATE FUNCTION app.time_entry_totals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.project_id = OLD.project_id AND NEW.user_id = OLD.user_id
     AND NEW.raw_minutes = OLD.raw_minutes AND NEW.billable_minutes = OLD.billable_minutes
     AND NEW.billable = OLD.billable AND NEW.amount = OLD.amount THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM app.add_to_project_totals(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM app.add_to_project_totals(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER time_entries_totals AFTER INSERT OR UPDATE OR DELETE ON app.time_entries
  FOR EACH ROW EXECUTE FUNCTION app.time_entry_totals();

-- Recomputes an organization's project totals from its entries: for IT after a bulk load that skipped the triggers
-- (BulkLoad as a superuser). Owner role only.
CREATE FUNCTION app.refresh_project_time_totals(p_organization_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE app.project_time_totals SET entries = 0, raw_minutes = 0, billable_minutes = 0, non_billable_minutes = 0, amount = 0
   WHERE organization_id = p_organization_id;
  INSERT INTO app.project_time_totals AS t (organization_id, project_id, user_id, entries, raw_minutes, billable_minutes,
                                            non_billable_minutes, amount)
  SELECT e.organization_id, e.project_id, e.user_id, count(*), sum(e.raw_minutes),
         sum(CASE WHEN e.billable THEN e.billable_minutes ELSE 0 END),
         sum(CASE WHEN e.billable THEN 0 ELSE e.raw_minutes END), sum(e.amount)
    FROM app.time_entries e WHERE e.organization_id = p_organization_id
   GROUP BY e.organization_id, e.project_id, e.user_id
  ON CONFLICT (organization_id, project_id, user_id) DO UPDATE
     SET entries = excluded.entries, raw_minutes = excluded.raw_minutes, billable_minutes = excluded.billable_minutes,
         non_billable_minutes = excluded.non_billable_minutes, amount = excluded.amount, version = t.version + 1;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Functions people call (SECURITY DEFINER, owner role): each reads the selector once and checks the caller's role in
-- that organization; what they change passes the rules trigger like any other change.
-- ---------------------------------------------------------------------------------------------

-- The selected organization for time work (employee and up), or an error. Owner-only helper.
CREATE FUNCTION app.time_tenant(p_roles text[]) RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := sec.current_tenant();
BEGIN
  IF v_tenant IS NULL THEN
    RAISE EXCEPTION 'No organization is selected, or you are not an active member of it.' USING ERRCODE = 'WL001';
  END IF;
  IF NOT sec.has_role_in(v_tenant, VARIADIC p_roles) THEN
    RAISE EXCEPTION 'Your role does not allow this with time.' USING ERRCODE = 'WL002';
  END IF;
  RETURN v_tenant;
END
$$;

-- The days of an ISO week (Monday to Sunday) containing p_day.
CREATE FUNCTION app.week_of(p_day date) RETURNS daterange
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
  SELECT daterange(date_trunc('week', p_day)::date, date_trunc('week', p_day)::date + 7, '[)')
$$;
GRANT EXECUTE ON FUNCTION app.week_of(date) TO "${person_role}";

-- Stops the person's running timer of an organization, if any: the end is now (at most 24 hours after the start).
CREATE FUNCTION app.stop_running_timer(p_organization_id uuid, p_user_id uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  e app.time_entries;
  v_end timestamptz;
BEGIN
  SELECT * INTO e FROM app.time_entries
   WHERE organization_id = p_organization_id AND user_id = p_user_id AND started_at IS NOT NULL AND ended_at IS NULL
   FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  v_end := least(greatest(now(), e.started_at), e.started_at + interval '24 hours');
  UPDATE app.time_entries
     SET ended_at = v_end, raw_minutes = round(extract(epoch FROM v_end - e.started_at) / 60)::integer, version = version + 1
   WHERE organization_id = e.organization_id AND id = e.id;
  RETURN e.id;
END
$$;

-- Starts a timer on a project (and task) now: the person's running timer stops first. The start is stored, so the
-- timer survives a restart of the client. Returns the new entry.
CREATE FUNCTION app.start_timer(p_project_id uuid, p_task_id uuid, p_description text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
  v_me uuid := sec.current_user_id();
  v_id uuid;
BEGIN
  PERFORM app.stop_running_timer(v_tenant, v_me);
  INSERT INTO app.time_entries (organization_id, user_id, entry_date, started_at, project_id, task_id, description, created_by)
  SELECT v_tenant, v_me, (now() AT TIME ZONE o.timezone)::date, now(), p_project_id, p_task_id, nullif(btrim(p_description), ''),
         v_me
    FROM app.organizations o WHERE o.id = v_tenant
  RETURNING id INTO v_id;
  RETURN v_id;
END
$$;

-- Stops the person's running timer; returns its entry (NULL if none was running).
CREATE FUNCTION app.stop_timer() RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
BEGIN
  RETURN app.stop_running_timer(v_tenant, sec.current_user_id());
END
$$;

-- Deletes an entry (people have no DELETE): one's own open entry, or, for managers and above, anybody's not yet
-- invoiced; never on or before the lock date (trigger). p_expected_version: the version the caller saw.
CREATE FUNCTION app.delete_time_entry(p_entry_id uuid, p_expected_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
  v_me uuid := sec.current_user_id();
  e app.time_entries;
BEGIN
  SELECT * INTO e FROM app.time_entries WHERE organization_id = v_tenant AND id = p_entry_id FOR UPDATE;
  IF NOT FOUND OR e.user_id <> v_me AND NOT sec.has_role_in(e.organization_id, 'owner', 'admin', 'manager') THEN
    RAISE EXCEPTION 'This time entry does not exist (any more).' USING ERRCODE = 'WL003';
  END IF;
  IF p_expected_version IS NOT NULL AND e.version <> p_expected_version THEN
    RAISE EXCEPTION 'Someone else changed this time entry in the meantime.' USING ERRCODE = '40001';
  END IF;
  IF e.status IN ('submitted', 'approved') AND e.user_id = v_me THEN
    RAISE EXCEPTION 'Submitted and approved time is locked for you; ask a manager to reject the week to change it.'
      USING ERRCODE = 'WL002';
  END IF;
  DELETE FROM app.time_entry_costs WHERE organization_id = e.organization_id AND time_entry_id = e.id;
  DELETE FROM app.time_entries WHERE organization_id = e.organization_id AND id = e.id;
END
$$;

CREATE FUNCTION app.record_week_event(p_organization_id uuid, p_user_id uuid, p_week date, p_action text, p_reason text,
                                      p_entries integer, p_minutes bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO app.time_approval_events (organization_id, user_id, week_start, action, reason, entries, minutes, changed_by)
  VALUES (p_organization_id, p_user_id, lower(app.week_of(p_week)), p_action, p_reason, p_entries, p_minutes,
          sec.current_user_id())
$$;

-- Submits the person's own draft and rejected entries of the ISO week of p_week (running timers and locked days stay
-- as they are). Returns how many entries were submitted.
CREATE FUNCTION app.submit_week(p_week date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
  v_me uuid := sec.current_user_id();
  v_lock date;
  v_count integer;
  v_minutes bigint;
BEGIN
  SELECT o.time_lock_date INTO v_lock FROM app.organizations o WHERE o.id = v_tenant;
  WITH changed AS (
    UPDATE app.time_entries e SET status = 'submitted', submitted_at = now(), rejection_reason = NULL, version = version + 1
     WHERE e.organization_id = v_tenant AND e.user_id = v_me AND e.entry_date <@ app.week_of(p_week)
       AND e.status IN ('draft', 'rejected') AND NOT (e.started_at IS NOT NULL AND e.ended_at IS NULL)
       AND (v_lock IS NULL OR e.entry_date > v_lock)
    RETURNING e.raw_minutes)
  SELECT count(*), coalesce(sum(raw_minutes), 0) INTO v_count, v_minutes FROM changed;
  IF v_count > 0 THEN
    PERFORM app.record_week_event(v_tenant, v_me, p_week, 'submitted', NULL, v_count, v_minutes);
  END IF;
  RETURN v_count;
END
$$;

-- Takes the person's own submitted (not yet approved) entries of a week back to draft.
CREATE FUNCTION app.withdraw_week(p_week date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
  v_me uuid := sec.current_user_id();
  v_lock date;
  v_count integer;
  v_minutes bigint;
BEGIN
  SELECT o.time_lock_date INTO v_lock FROM app.organizations o WHERE o.id = v_tenant;
  WITH changed AS (
    UPDATE app.time_entries e SET status = 'draft', submitted_at = NULL, version = version + 1
     WHERE e.organization_id = v_tenant AND e.user_id = v_me AND e.entry_date <@ app.week_of(p_week)
       AND e.status = 'submitted' AND (v_lock IS NULL OR e.entry_date > v_lock)
    RETURNING e.raw_minutes)
  SELECT count(*), coalesce(sum(raw_minutes), 0) INTO v_count, v_minutes FROM changed;
  IF v_count > 0 THEN
    PERFORM app.record_week_event(v_tenant, v_me, p_week, 'withdrawn', NULL, v_count, v_minutes);
  END IF;
  RETURN v_count;
END
$$;

-- Who approves or rejects a person's week: managers and above all of it; a project's manager the entries of their
-- projects. One's own time only owners and administrators (nobody is above them). Returns whether the caller may
-- act on every project (true) or only on their own projects (false).
CREATE FUNCTION app.approver_scope(p_organization_id uuid, p_user_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_me uuid := sec.current_user_id();
BEGIN
  IF p_user_id = v_me AND NOT sec.has_role_in(p_organization_id, 'owner', 'admin') THEN
    RAISE EXCEPTION 'Your own time is approved by someone else.' USING ERRCODE = 'WL002';
  END IF;
  IF sec.has_role_in(p_organization_id, 'owner', 'admin', 'manager') THEN
    RETURN true;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM app.projects p WHERE p.organization_id = p_organization_id AND p.manager_id = v_me) THEN
    RAISE EXCEPTION 'Only managers and project managers approve time.' USING ERRCODE = 'WL002';
  END IF;
  RETURN false;
END
$$;

-- Approves a person's submitted entries of a week (those the caller may approve). Returns how many.
CREATE FUNCTION app.approve_week(p_user uuid, p_week date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
  v_all boolean := app.approver_scope(v_tenant, p_user);
  v_me uuid := sec.current_user_id();
  v_lock date;
  v_count integer;
  v_minutes bigint;
BEGIN
  SELECT o.time_lock_date INTO v_lock FROM app.organizations o WHERE o.id = v_tenant;
  WITH changed AS (
    UPDATE app.time_entries e SET status = 'approved', approved_by = v_me, approved_at = now(), version = version + 1
     WHERE e.organization_id = v_tenant AND e.user_id = p_user AND e.entry_date <@ app.week_of(p_week)
       AND e.status = 'submitted' AND (v_lock IS NULL OR e.entry_date > v_lock)
       AND (v_all OR EXISTS (SELECT 1 FROM app.projects p WHERE p.organization_id = e.organization_id
                                AND p.id = e.project_id AND p.manager_id = v_me))
    RETURNING e.raw_minutes)
  SELECT count(*), coalesce(sum(raw_minutes), 0) INTO v_count, v_minutes FROM changed;
  IF v_count > 0 THEN
    PERFORM app.record_week_event(v_tenant, p_user, p_week, 'approved', NULL, v_count, v_minutes);
  END IF;
  RETURN v_count;
END
$$;

-- Rejects a person's submitted or approved (not invoiced) entries of a week with a reason: they become editable for
-- the person again and are submitted anew.
CREATE FUNCTION app.reject_week(p_user uuid, p_week date, p_reason text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
  v_all boolean := app.approver_scope(v_tenant, p_user);
  v_me uuid := sec.current_user_id();
  v_lock date;
  v_count integer;
  v_minutes bigint;
BEGIN
  IF length(btrim(coalesce(p_reason, ''))) = 0 THEN
    RAISE EXCEPTION 'A rejection needs a reason.' USING ERRCODE = 'WL002';
  END IF;
  SELECT o.time_lock_date INTO v_lock FROM app.organizations o WHERE o.id = v_tenant;
  WITH changed AS (
    UPDATE app.time_entries e SET status = 'rejected', rejection_reason = btrim(p_reason), approved_by = NULL,
                                  approved_at = NULL, version = version + 1
     WHERE e.organization_id = v_tenant AND e.user_id = p_user AND e.entry_date <@ app.week_of(p_week)
       AND e.status IN ('submitted', 'approved') AND (v_lock IS NULL OR e.entry_date > v_lock)
       AND (v_all OR EXISTS (SELECT 1 FROM app.projects p WHERE p.organization_id = e.organization_id
                                AND p.id = e.project_id AND p.manager_id = v_me))
    RETURNING e.raw_minutes)
  SELECT count(*), coalesce(sum(raw_minutes), 0) INTO v_count, v_minutes FROM changed;
  IF v_count > 0 THEN
    PERFORM app.record_week_event(v_tenant, p_user, p_week, 'rejected', btrim(p_reason), v_count, v_minutes);
  END IF;
  RETURN v_count;
END
$$;

-- Rates a project's unbilled entries of a period again with today's rate cards and rounding rules (managers and
-- above; locked days stay as they are). Returns how many entries were re-rated.
CREATE FUNCTION app.rerate_time_entries(p_project_id uuid, p_from date, p_to date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager']);
  v_lock date;
  v_count integer;
BEGIN
  SELECT o.time_lock_date INTO v_lock FROM app.organizations o WHERE o.id = v_tenant;
  UPDATE app.time_entries e SET rated_at = NULL, version = version + 1
   WHERE e.organization_id = v_tenant AND e.project_id = p_project_id AND e.entry_date BETWEEN p_from AND p_to
     AND e.status <> 'invoiced' AND (v_lock IS NULL OR e.entry_date > v_lock);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END
$$;

-- A project from an accepted quote (employee and up; one project per quote): the quote's customer and title, its
-- service lines as the budget per service category (quantity in hours; the net amount after the document discount,
-- in the base currency), their sums as the project's budget. Returns the project.
CREATE FUNCTION app.create_project_from_quote(p_quote_id uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := app.time_tenant(ARRAY['owner', 'admin', 'manager', 'employee']);
  v_me uuid := sec.current_user_id();
  q app.quotes;
  v_digits integer;
  v_id uuid := gen_random_uuid();
BEGIN
  SELECT * INTO q FROM app.quotes WHERE organization_id = v_tenant AND id = p_quote_id FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'This quote does not exist (any more).' USING ERRCODE = 'WL003';
  END IF;
  IF q.status <> 'accepted' THEN
    RAISE EXCEPTION 'A project is made from an accepted quote.' USING ERRCODE = 'WL002';
  END IF;
  IF EXISTS (SELECT 1 FROM app.projects p WHERE p.organization_id = q.organization_id AND p.quote_id = q.id) THEN
    RAISE EXCEPTION 'This quote already has its project.' USING ERRCODE = 'WL004';
  END IF;
  SELECT app.currency_digits(o.base_currency) INTO v_digits FROM app.organizations o WHERE o.id = q.organization_id;
  INSERT INTO app.projects (organization_id, id, name, customer_id, quote_id, status, billing_type, manager_id, created_by)
  VALUES (q.organization_id, v_id, q.title, q.customer_id, q.id, 'planning', 'time_and_materials', v_me, v_me);
  INSERT INTO app.project_budget_lines (organization_id, project_id, service_category_id, minutes, amount)
  SELECT q.organization_id, v_id, l.service_category_id, round(sum(l.quantity) * 60)::integer,
         round(sum(l.net) * (1 - coalesce(q.document_discount_percent, 0) / 100) * coalesce(q.exchange_rate, 1), v_digits)
    FROM app.quote_lines l
   WHERE l.organization_id = q.organization_id AND l.quote_id = q.id AND l.kind = 'service' AND NOT l.optional
   GROUP BY l.service_category_id
   ORDER BY min(l.position);
  UPDATE app.projects p SET budget_minutes = b.minutes, budget_amount = b.amount
    FROM (SELECT sum(minutes)::integer AS minutes, sum(amount) AS amount FROM app.project_budget_lines
           WHERE organization_id = q.organization_id AND project_id = v_id) b
   WHERE p.organization_id = q.organization_id AND p.id = v_id AND b.minutes IS NOT NULL;
  INSERT INTO app.project_members (organization_id, project_id, user_id, role_in_project)
  VALUES (q.organization_id, v_id, v_me, NULL);
  RETURN v_id;
END
$$;

-- Budget against actual of projects of the selected organization (all of them for NULL), for every member: the
-- project's totals over all people (the rows per person stay the person's and managers'). No costs.
CREATE FUNCTION app.project_budget_figures(p_project_ids uuid[])
RETURNS TABLE (project_id uuid, entries bigint, raw_minutes bigint, billable_minutes bigint, non_billable_minutes bigint,
               amount numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH tenant AS MATERIALIZED (SELECT sec.current_tenant() AS org)
  SELECT t.project_id, sum(t.entries)::bigint, sum(t.raw_minutes)::bigint, sum(t.billable_minutes)::bigint,
         sum(t.non_billable_minutes)::bigint, sum(t.amount)
    FROM app.project_time_totals t, tenant
   WHERE t.organization_id = tenant.org AND (p_project_ids IS NULL OR t.project_id = ANY (p_project_ids))
   GROUP BY t.project_id
$$;

-- The projects (of every organization of the signed-in person) whose manager the person is, as organization and
-- project: the policies let a project's manager read the time of the project.
CREATE FUNCTION sec.projects_managed_by_me() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(p.organization_id::text || '/' || p.id::text), '{}')
    FROM app.projects p
    JOIN sec.users u ON u.id = p.manager_id
    JOIN sec.memberships m ON m.organization_id = p.organization_id AND m.user_id = u.id
   WHERE u.login = session_user::text AND u.status = 'active' AND m.active
$$;

GRANT EXECUTE ON FUNCTION app.start_timer(uuid, uuid, text), app.stop_timer(), app.delete_time_entry(uuid, integer),
  app.submit_week(date), app.withdraw_week(date), app.approve_week(uuid, date), app.reject_week(uuid, date, text),
  app.rerate_time_entries(uuid, date, date), app.create_project_from_quote(uuid), app.project_budget_figures(uuid[]),
  sec.projects_managed_by_me() TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Policies, triggers, grants
-- ---------------------------------------------------------------------------------------------

SELECT sec.add_tenant_policies(t::regclass, ARRAY['owner', 'admin', 'manager', 'employee'])
  FROM unnest(ARRAY['app.projects', 'app.project_members', 'app.project_tasks', 'app.time_entries',
                    'app.project_time_totals', 'app.time_approval_events']) t;
SELECT sec.add_tenant_policies(t::regclass, ARRAY['owner', 'admin', 'manager'])
  FROM unnest(ARRAY['app.project_budget_lines', 'app.time_entry_costs']) t;

-- Time: a person reads their own entries and totals; managers and above the organization's; a project's manager
-- those of the project. Writing: one's own, or anybody's for managers and above.
CREATE POLICY own_or_managed ON app.time_entries AS RESTRICTIVE FOR SELECT
  USING (user_id = (SELECT sec.current_user_id())
         OR organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[])
         OR (organization_id::text || '/' || project_id::text) = ANY ((SELECT sec.projects_managed_by_me())::text[]));
CREATE POLICY own_or_managers_insert ON app.time_entries AS RESTRICTIVE FOR INSERT
  WITH CHECK (user_id = (SELECT sec.current_user_id())
              OR organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]));
CREATE POLICY own_or_managers_update ON app.time_entries AS RESTRICTIVE FOR UPDATE
  USING (user_id = (SELECT sec.current_user_id())
         OR organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]))
  WITH CHECK (user_id = (SELECT sec.current_user_id())
              OR organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]));
CREATE POLICY own_or_managed ON app.project_time_totals AS RESTRICTIVE FOR SELECT
  USING (user_id = (SELECT sec.current_user_id())
         OR organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[])
         OR (organization_id::text || '/' || project_id::text) = ANY ((SELECT sec.projects_managed_by_me())::text[]));
CREATE POLICY own_or_managed ON app.time_approval_events AS RESTRICTIVE FOR SELECT
  USING (user_id = (SELECT sec.current_user_id()) OR changed_by = (SELECT sec.current_user_id())
         OR organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]));
CREATE POLICY costs_for_managers ON app.time_entry_costs AS RESTRICTIVE FOR SELECT
  USING (organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['app.projects', 'app.project_budget_lines', 'app.project_members', 'app.project_tasks',
                           'app.time_entries', 'app.time_entry_costs', 'app.project_time_totals',
                           'app.time_approval_events'] LOOP
    EXECUTE format('CREATE TRIGGER touch BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at()', t);
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit.record_change()', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON app.projects, app.project_budget_lines, app.project_members, app.project_tasks,
  app.time_entries TO "${person_role}";
GRANT SELECT ON app.time_entry_costs, app.project_time_totals, app.time_approval_events TO "${person_role}";
