-- Security review of projects and time (V15), as a hostile person with psql and a valid login. The holes it found,
-- each closed here and tried by TimeHostileReviewTest (docs/security-model.md, "Projects and time: the review"):
--
--   1. A plain UPDATE that ended a running timer skipped the lock date and the budget whatever else it changed (day,
--      project, minutes): an employee turned an open entry into a timer and "stopped" it on a locked day, or with ten
--      hours on a project that refuses them. The exemptions now hold only for exactly what app.stop_timer does.
--   2. A person could start a timer in the past (insert it, or set started_at), so that stopping it booked hours nobody
--      timed past a refused budget: a timer a person writes starts now.
--   3. One statement with many rows took a project over a refused budget: each row's check saw the totals as they were
--      before the statement (they are kept by an AFTER trigger). The totals trigger checks again once the row counts.
--   4. Two people in REPEATABLE READ transactions each booked the budget's rest: after waiting for the other's booking
--      the check still read the old snapshot. Budget-checked bookings need READ COMMITTED (the client's level).
--   5. A manager could hand someone's approved time to themselves (a self-approval): submitted and approved time keeps
--      its person.
--   6. Moving a task to another project left other people's (also invoiced) entries on a task of another project, and
--      their weeks could no longer be submitted: a task stays in its project.
--   7. A viewer made a project's manager read everybody's time on the project: project managers read time only as
--      employees and up (a viewer reads no one's time).
--   8. A person with a writing role in two organizations moved rows of one into the other by flipping the tenant
--      selector inside the UPDATE (row-level security read it once for the old row, once more for the new one): A's
--      projects, tasks and customers left A (a delete people may not do) for B. No row changes its organization: a
--      trigger on every tenant table, and on the tables sec.add_tenant_policies sets up from now on.

-- ---------------------------------------------------------------------------------------------
-- 1. Stopping a timer: exactly what app.stop_timer does
-- ---------------------------------------------------------------------------------------------

-- Whether a change of an entry is the stop of its running timer and nothing else: the end is now (at most 24 hours after
-- the start), the raw minutes are the timed ones, no other column of the person's changes. Only such a change may touch
-- a locked day and is never refused for the budget (the time was spent).
CREATE FUNCTION app.is_timer_stop(o app.time_entries, n app.time_entries) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(o.started_at IS NOT NULL AND o.ended_at IS NULL
                  AND n.ended_at = least(greatest(now(), o.started_at), o.started_at + interval '24 hours')
                  AND n.raw_minutes = round(extract(epoch FROM n.ended_at - o.started_at) / 60)::integer
                  AND to_jsonb(n) - ARRAY['ended_at', 'raw_minutes', 'billable_minutes', 'amount', 'version', 'updated_at']
                      = to_jsonb(o) - ARRAY['ended_at', 'raw_minutes', 'billable_minutes', 'amount', 'version', 'updated_at'],
                  false)
$$;

-- ---------------------------------------------------------------------------------------------
-- 2. and 5. The guard: timers start now; submitted and approved time keeps its person
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION app.time_entry_guard() RETURNS trigger
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
  -- A running timer a person writes starts now (app.start_timer does): one started in the past would, once stopped, book
  -- time nobody timed, and a stop is never refused for the budget. Time already spent is an entry with start and end.
  IF NEW.started_at IS NOT NULL AND NEW.ended_at IS NULL AND NEW.started_at < now()
     AND (TG_OP = 'INSERT' OR OLD.started_at IS NULL OR OLD.ended_at IS NOT NULL OR NEW.started_at <> OLD.started_at) THEN
    RAISE EXCEPTION 'A timer starts now; record time already spent with its start and end.' USING ERRCODE = 'WL002';
  END IF;
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
  -- Managers correct others' submitted and approved time, but do not make it someone else's: handed to themselves it
  -- would be their own time approved without anyone else.
  IF OLD.status IN ('submitted', 'approved') AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    RAISE EXCEPTION 'Submitted and approved time keeps its person; reject the week to change whose time it is.'
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

-- ---------------------------------------------------------------------------------------------
-- 1. and 4. The rules: the timer stop exemption only for the stop; budget checks in READ COMMITTED
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION app.time_entry_rules() RETURNS trigger
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
  -- Exactly the stop of a running timer (a plain UPDATE that also moves or changes the entry is an ordinary change).
  v_timer_stop := TG_OP = 'UPDATE' AND app.is_timer_stop(OLD, NEW);

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
  -- started once it is used up). Concurrent bookings of such a project wait for each other on the project's row and
  -- then read the totals anew, which only READ COMMITTED does (a REPEATABLE READ snapshot would not show the booking
  -- waited for). Stopping a timer is never refused: the time was spent. app.time_entry_totals checks again after the row
  -- (for statements of many rows).
  IF p.refuse_over_budget AND p.budget_minutes IS NOT NULL AND NOT v_timer_stop
     AND (TG_OP = 'INSERT' OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.raw_minutes > OLD.raw_minutes) THEN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
      RAISE EXCEPTION 'Bookings on a project that refuses time over budget need the READ COMMITTED isolation level.'
        USING ERRCODE = 'WL002';
    END IF;
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

-- ---------------------------------------------------------------------------------------------
-- 3. The budget once more after each row, for statements of many rows
-- ---------------------------------------------------------------------------------------------

-- Keeps app.project_time_totals in step with the entries (only when an entry's share changes: a status change alone
-- writes nothing). AFTER ROW triggers run at the end of the statement, one row after the other, each seeing the totals
-- with the rows before it: so a row that added minutes to a project refusing time over budget is checked here against
-- the totals including every earlier row of the same statement (the rules trigger, BEFORE, saw the totals as they were
-- before the statement). The project's row is locked by the rules trigger already.
CREATE OR REPLACE FUNCTION app.time_entry_totals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p app.projects;
  v_total bigint;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.project_id = OLD.project_id AND NEW.user_id = OLD.user_id
     AND NEW.raw_minutes = OLD.raw_minutes AND NEW.billable_minutes = OLD.billable_minutes
     AND NEW.billable = OLD.billable AND NEW.amount = OLD.amount THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM app.add_to_project_totals(OLD, -1);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  PERFORM app.add_to_project_totals(NEW, 1);
  IF TG_OP = 'INSERT' OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.raw_minutes > OLD.raw_minutes THEN
    SELECT * INTO p FROM app.projects WHERE organization_id = NEW.organization_id AND id = NEW.project_id;
    IF p.refuse_over_budget AND p.budget_minutes IS NOT NULL AND NOT (TG_OP = 'UPDATE' AND app.is_timer_stop(OLD, NEW)) THEN
      v_total := app.project_raw_minutes(p.organization_id, p.id);
      IF v_total > p.budget_minutes OR NEW.started_at IS NOT NULL AND NEW.ended_at IS NULL AND v_total >= p.budget_minutes THEN
        RAISE EXCEPTION 'This booking would take the project over its budget.' USING ERRCODE = 'WL002';
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- 6. A task stays in its project
-- ---------------------------------------------------------------------------------------------

-- As V15, and a task never moves to another project: its time entries (other people's, approved and invoiced ones too)
-- name the task and its project, and would keep a task of another project (their weeks could not be submitted any
-- more). The client never moves a task between projects.
CREATE OR REPLACE FUNCTION app.project_task_rules() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT pg_has_role(session_user, '${owner_role}', 'MEMBER')
     AND NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id THEN
    RAISE EXCEPTION 'A task stays in its project.' USING ERRCODE = 'WL002';
  END IF;
  IF NEW.parent_task_id IS NULL
     OR TG_OP = 'UPDATE' AND NEW.parent_task_id IS NOT DISTINCT FROM OLD.parent_task_id THEN
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

-- ---------------------------------------------------------------------------------------------
-- 7. Project managers read time as employees and up
-- ---------------------------------------------------------------------------------------------

-- As V15, for the person's memberships with a writing role: a viewer (also one demoted from employee while managing
-- projects) reads no one's time, whatever project names them as manager.
CREATE OR REPLACE FUNCTION sec.projects_managed_by_me() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(p.organization_id::text || '/' || p.id::text), '{}')
    FROM app.projects p
    JOIN sec.users u ON u.id = p.manager_id
    JOIN sec.memberships m ON m.organization_id = p.organization_id AND m.user_id = u.id
   WHERE u.login = session_user::text AND u.status = 'active' AND m.active
     AND m.role IN ('owner', 'admin', 'manager', 'employee')
$$;

-- ---------------------------------------------------------------------------------------------
-- 8. No row changes its organization
-- ---------------------------------------------------------------------------------------------

-- The tenant policy's USING (old row) and WITH CHECK (new row) each read the selector once, at different moments of the
-- statement, so a statement that flips it in between (set_config in the WHERE clause) could give a row of A, which the
-- person may change there, the organization B, where the person writes too. Moving a row between organizations is
-- never meant (not even for IT): refused before any other trigger runs, for everyone.
CREATE FUNCTION sec.organization_stays() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.organization_id IS DISTINCT FROM OLD.organization_id THEN
    RAISE EXCEPTION 'A row stays in its organization.' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION sec.add_organization_stays(p_table regclass) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS organization_stays ON %s', p_table);
  EXECUTE format('CREATE TRIGGER organization_stays BEFORE UPDATE OF organization_id ON %s '
                 'FOR EACH ROW EXECUTE FUNCTION sec.organization_stays()', p_table);
END
$$;
REVOKE ALL ON FUNCTION sec.add_organization_stays(regclass) FROM PUBLIC;

SELECT sec.add_organization_stays(c.oid::regclass)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('app', 'sec') AND c.relkind IN ('r', 'p')
   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped);

-- As V7, and the new table gets the trigger above.
CREATE OR REPLACE FUNCTION sec.add_tenant_policies(p_table regclass, p_writers text[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_check text := format('(organization_id = ANY ((SELECT sec.orgs_with_role(VARIADIC %L::text[]))::uuid[]))', p_writers);
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', p_table);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (organization_id = (SELECT sec.current_tenant())) '
                 'WITH CHECK (organization_id = (SELECT sec.current_tenant()))', p_table);
  EXECUTE format('DROP POLICY IF EXISTS writers_insert ON %s', p_table);
  EXECUTE format('DROP POLICY IF EXISTS writers_update ON %s', p_table);
  EXECUTE format('DROP POLICY IF EXISTS writers_delete ON %s', p_table);
  EXECUTE format('CREATE POLICY writers_insert ON %s AS RESTRICTIVE FOR INSERT WITH CHECK %s', p_table, v_check);
  EXECUTE format('CREATE POLICY writers_update ON %s AS RESTRICTIVE FOR UPDATE USING %s WITH CHECK %s', p_table, v_check, v_check);
  PERFORM sec.add_organization_stays(p_table);
END
$$;
