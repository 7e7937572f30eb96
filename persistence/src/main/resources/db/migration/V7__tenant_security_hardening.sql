-- Tenant security hardening (issue: "close the breaches a hostile person with psql can use today").
-- Every class of attack below is listed in docs/security-model.md with the test that tries it.
--
--  1-3  Organization admins act only inside their organization: attaching an existing account to another
--       organization is IT's act (workline admin create-user); password resets need every membership.
--  4    Role checks are about the row's own organization, never a second read of the tenant selector.
--  5    DELETE is granted only where the app deletes, to the roles that may.
--  6    History never shows more than the rows: the audit log is read under the source table's own policies.
--  7    Gapless numbers are taken only inside the function or trigger that issues the numbered record.
--  and  limits for people's logins (connections, timeouts), no cross-organization lock in people-facing functions.

-- ---------------------------------------------------------------------------------------------
-- 4. Roles in the row's own organization
-- ---------------------------------------------------------------------------------------------

-- The organizations in which the signed-in person (session_user) holds one of the roles, through an active
-- membership of an active account. It never reads the tenant selector, so a statement that changes the
-- selector while it runs cannot make a role of one organization count for another. Policies compare the
-- row's organization_id with this set: `organization_id = ANY ((SELECT sec.orgs_with_role(...)))`, one
-- evaluation per statement.
CREATE FUNCTION sec.orgs_with_role(VARIADIC p_roles text[]) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(m.organization_id), '{}')
    FROM sec.memberships m
    JOIN sec.users u ON u.id = m.user_id
   WHERE u.login = session_user::text AND u.status = 'active' AND m.active AND m.role = ANY (p_roles)
$$;

-- The signed-in person's role in one given organization (NULL if not an active member): for triggers and
-- definer functions, which pass the organization of the row they act on.
CREATE FUNCTION sec.role_in(p_organization_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT m.role
    FROM sec.memberships m
    JOIN sec.users u ON u.id = m.user_id
   WHERE m.organization_id = p_organization_id AND u.login = session_user::text AND u.status = 'active' AND m.active
$$;

CREATE FUNCTION sec.has_role_in(p_organization_id uuid, VARIADIC p_roles text[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(sec.role_in(p_organization_id) = ANY (p_roles), false)
$$;
GRANT EXECUTE ON FUNCTION sec.orgs_with_role(text[]), sec.role_in(uuid), sec.has_role_in(uuid, text[]) TO "${person_role}";

-- What the client asks to decide what to show (never used by a policy, trigger or definer function):
-- one read of the selector each.
CREATE OR REPLACE FUNCTION sec.current_member_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT sec.role_in(sec.current_tenant())
$$;
CREATE OR REPLACE FUNCTION sec.has_role(VARIADIC p_roles text[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT sec.has_role_in(sec.current_tenant(), VARIADIC p_roles)
$$;

-- The standard policies of a tenant table, for this and later migrations (owner only): tenant isolation,
-- and RESTRICTIVE insert/update policies for the roles that write; DELETE gets a policy only where the
-- table grants DELETE (see 5.). Finer rules (own rows, sensitive rows) are further RESTRICTIVE policies.
CREATE FUNCTION sec.add_tenant_policies(p_table regclass, p_writers text[]) RETURNS void
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
END
$$;
REVOKE ALL ON FUNCTION sec.add_tenant_policies(regclass, text[]) FROM PUBLIC;

-- Restrictive DELETE policy for the roles that may delete rows of a table for good.
CREATE FUNCTION sec.add_delete_policy(p_table regclass, p_deleters text[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  EXECUTE format('DROP POLICY IF EXISTS writers_delete ON %s', p_table);
  EXECUTE format('CREATE POLICY writers_delete ON %s AS RESTRICTIVE FOR DELETE '
                 'USING (organization_id = ANY ((SELECT sec.orgs_with_role(VARIADIC %L::text[]))::uuid[]))', p_table, p_deleters);
END
$$;
REVOKE ALL ON FUNCTION sec.add_delete_policy(regclass, text[]) FROM PUBLIC;

SELECT sec.add_tenant_policies(t::regclass, ARRAY['owner', 'admin', 'manager', 'employee'])
  FROM unnest(ARRAY['app.customers', 'app.contacts', 'app.addresses', 'app.deals', 'app.deal_stage_changes',
                    'app.activities', 'app.saved_views']) t;
SELECT sec.add_tenant_policies(t::regclass, ARRAY['owner', 'admin'])
  FROM unnest(ARRAY['app.custom_field_definitions', 'app.pipelines', 'app.pipeline_stages']) t;

DROP POLICY settings_by_admins ON app.organizations;
CREATE POLICY settings_by_admins ON app.organizations AS RESTRICTIVE FOR UPDATE
  USING (id = ANY ((SELECT sec.orgs_with_role('owner', 'admin'))::uuid[]))
  WITH CHECK (id = ANY ((SELECT sec.orgs_with_role('owner', 'admin'))::uuid[]));

CREATE OR REPLACE FUNCTION app.soft_delete_by_managers() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.deleted_at IS DISTINCT FROM OLD.deleted_at
     AND NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager') THEN
    RAISE EXCEPTION 'Only managers, administrators and owners can delete or restore records.' USING ERRCODE = 'WL002';
  END IF;
  RETURN NEW;
END
$$;

DROP FUNCTION sec.can_write();
DROP FUNCTION sec.add_crm_policies(regclass, boolean);

-- ---------------------------------------------------------------------------------------------
-- 5. Hard deletes: only saved views are deleted by the app (by their owner, see V2's own_views_delete)
-- ---------------------------------------------------------------------------------------------

REVOKE DELETE ON app.contacts, app.addresses, app.activities FROM "${person_role}";
SELECT sec.add_delete_policy('app.saved_views', ARRAY['owner', 'admin', 'manager', 'employee']);

-- ---------------------------------------------------------------------------------------------
-- 1-3. People administration stays inside the organization
-- ---------------------------------------------------------------------------------------------

-- The caller's verified organization and role for people administration: one read of the selector.
DROP FUNCTION sec.require_admin();
CREATE FUNCTION sec.require_admin(OUT organization_id uuid, OUT role text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  organization_id := sec.current_tenant();
  IF organization_id IS NULL THEN
    RAISE EXCEPTION 'No organization is selected, or you are not an active member of it.' USING ERRCODE = 'WL001';
  END IF;
  role := sec.role_in(organization_id);
  IF role IS NULL OR role NOT IN ('owner', 'admin') THEN
    RAISE EXCEPTION 'Only owners and administrators can manage people.' USING ERRCODE = 'WL002';
  END IF;
END
$$;

-- An organization admin creates accounts only for e-mails that have none. An existing account (of any
-- organization, active or not) is never attached, and the refusal says nothing about it: attaching an
-- account to a further organization is IT's decision (workline admin create-user --attach-existing).
CREATE OR REPLACE FUNCTION sec.create_user(p_email text, p_first_name text, p_last_name text, p_role text,
                                           p_password_verifier text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_caller record := sec.require_admin();
BEGIN
  IF p_role = 'owner' AND v_caller.role <> 'owner' THEN
    RAISE EXCEPTION 'Only owners can make someone an owner.' USING ERRCODE = 'WL002';
  END IF;
  IF EXISTS (SELECT 1 FROM sec.memberships m JOIN sec.users u ON u.id = m.user_id
              WHERE m.organization_id = v_caller.organization_id AND lower(u.email) = lower(btrim(p_email))) THEN
    RAISE EXCEPTION 'This person is already a member of the organization.' USING ERRCODE = 'WL004';
  END IF;
  IF EXISTS (SELECT 1 FROM sec.users WHERE lower(email) = lower(btrim(p_email)))
     OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = sec.login_for_email(p_email)) THEN
    RAISE EXCEPTION 'This e-mail address already has a Workline account. Ask your IT department to add it to your organization.'
      USING ERRCODE = 'WL009';
  END IF;
  IF p_password_verifier IS NULL THEN
    RAISE EXCEPTION 'This person has no Workline account yet: enter an initial password.' USING ERRCODE = 'WL006';
  END IF;
  RETURN sec.add_member(v_caller.organization_id, p_email, p_first_name, p_last_name, p_role,
                        p_password_verifier, sec.current_user_id());
END
$$;

-- Locks the target membership in the caller's organization, checking that the caller may act on it.
CREATE OR REPLACE FUNCTION sec.member_for_change(p_user_id uuid) RETURNS sec.memberships
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_caller record := sec.require_admin();
  v_member sec.memberships;
BEGIN
  SELECT * INTO v_member FROM sec.memberships m
   WHERE m.organization_id = v_caller.organization_id AND m.user_id = p_user_id
   FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'This person is not a member of the organization.' USING ERRCODE = 'WL003';
  END IF;
  IF v_member.role = 'owner' AND v_caller.role <> 'owner' THEN
    RAISE EXCEPTION 'Only owners can change an owner.' USING ERRCODE = 'WL002';
  END IF;
  RETURN v_member;
END
$$;

CREATE OR REPLACE FUNCTION sec.set_member_role(p_user_id uuid, p_role text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_member sec.memberships := sec.member_for_change(p_user_id);
BEGIN
  IF p_role IS NULL OR p_role NOT IN ('owner', 'admin', 'manager', 'employee', 'viewer') THEN
    RAISE EXCEPTION 'Unknown role "%".', p_role USING ERRCODE = 'WL007';
  END IF;
  IF p_role = 'owner' AND NOT sec.has_role_in(v_member.organization_id, 'owner') THEN
    RAISE EXCEPTION 'Only owners can make someone an owner.' USING ERRCODE = 'WL002';
  END IF;
  IF p_role <> 'owner' THEN
    PERFORM sec.require_another_owner(v_member);
  END IF;
  UPDATE sec.memberships SET role = p_role, version = version + 1
   WHERE organization_id = v_member.organization_id AND id = v_member.id AND role <> p_role;
END
$$;

-- A password reset needs the caller to administer every organization in which the person has any
-- membership, active or not: a deactivated membership elsewhere is still someone else's person.
CREATE OR REPLACE FUNCTION sec.reset_password(p_user_id uuid, p_password_verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_member sec.memberships := sec.member_for_change(p_user_id);
  v_caller uuid := sec.current_user_id();
BEGIN
  PERFORM sec.require_scram(p_password_verifier);
  IF EXISTS (
      SELECT 1 FROM sec.memberships theirs
       WHERE theirs.user_id = p_user_id
         AND NOT EXISTS (SELECT 1 FROM sec.memberships mine
                          WHERE mine.user_id = v_caller AND mine.active
                            AND mine.organization_id = theirs.organization_id
                            AND mine.role IN ('owner', 'admin'))) THEN
    RAISE EXCEPTION 'This person also belongs to another organization; they must reset their password themselves or ask IT.'
      USING ERRCODE = 'WL002';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', (SELECT login FROM sec.users WHERE id = v_member.user_id), p_password_verifier);
  UPDATE sec.users SET version = version + 1 WHERE id = p_user_id;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Limits for people's logins, and no cross-organization lock in people-facing functions
-- ---------------------------------------------------------------------------------------------

-- Set by `workline admin init-server` (and changeable there); applied to every person login.
ALTER TABLE meta.installation
  ADD COLUMN IF NOT EXISTS person_connection_limit integer NOT NULL DEFAULT 20 CHECK (person_connection_limit BETWEEN 1 AND 1000),
  ADD COLUMN IF NOT EXISTS person_statement_timeout text NOT NULL DEFAULT '5min',
  ADD COLUMN IF NOT EXISTS person_lock_timeout text NOT NULL DEFAULT '1min',
  ADD COLUMN IF NOT EXISTS person_idle_in_transaction_timeout text NOT NULL DEFAULT '10min';

-- Applies the installation's limits to one login: connection limit and server-side defaults of the
-- timeouts (a person can still SET them within a session; see docs/security-model.md).
CREATE FUNCTION sec.apply_login_limits(p_login text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v meta.installation;
BEGIN
  SELECT * INTO v FROM meta.installation;
  EXECUTE format('ALTER ROLE %I CONNECTION LIMIT %s', p_login, v.person_connection_limit);
  EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', p_login, v.person_statement_timeout);
  EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', p_login, v.person_lock_timeout);
  EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_login, v.person_idle_in_transaction_timeout);
END
$$;

-- Every person login, after IT changed the limits.
CREATE FUNCTION sec.apply_login_limits_to_all() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_login text;
  v_count integer := 0;
BEGIN
  FOR v_login IN SELECT u.login FROM sec.users u JOIN pg_roles r ON r.rolname = u.login LOOP
    PERFORM sec.apply_login_limits(v_login);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END
$$;

-- Changes the login only when its state really changes: a no-op ALTER ROLE would lock the person's row of
-- pg_authid until commit, and an admin of one organization could so block another's people administration.
CREATE OR REPLACE FUNCTION sec.sync_login(p_user_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_login text;
  v_active boolean;
  v_status text;
BEGIN
  SELECT u.login, u.status, EXISTS (SELECT 1 FROM sec.memberships m WHERE m.user_id = u.id AND m.active)
    INTO v_login, v_status, v_active
    FROM sec.users u WHERE u.id = p_user_id;
  IF v_login IS NULL THEN
    RETURN;
  END IF;
  IF (SELECT rolcanlogin FROM pg_roles WHERE rolname = v_login) IS DISTINCT FROM v_active THEN
    EXECUTE format('ALTER ROLE %I %s', v_login, CASE WHEN v_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  END IF;
  IF v_status IS DISTINCT FROM (CASE WHEN v_active THEN 'active' ELSE 'inactive' END) THEN
    UPDATE sec.users SET status = CASE WHEN v_active THEN 'active' ELSE 'inactive' END WHERE id = p_user_id;
  END IF;
END
$$;

-- Adds a person to an organization, creating their login when the e-mail is new. Owner role only (the
-- admin command line and first-run set-up), which may attach an existing account; people reach it only
-- through sec.create_user, which refuses existing accounts.
CREATE OR REPLACE FUNCTION sec.add_member(p_organization_id uuid, p_email text, p_first_name text, p_last_name text,
                                          p_role text, p_password_verifier text, p_invited_by uuid)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user_id uuid;
  v_login text;
BEGIN
  IF p_role IS NULL OR p_role NOT IN ('owner', 'admin', 'manager', 'employee', 'viewer') THEN
    RAISE EXCEPTION 'Unknown role "%".', p_role USING ERRCODE = 'WL007';
  END IF;
  SELECT id INTO v_user_id FROM sec.users WHERE lower(email) = lower(btrim(p_email));
  IF v_user_id IS NULL THEN
    IF p_password_verifier IS NULL THEN
      RAISE EXCEPTION 'This person has no Workline account yet: enter an initial password.' USING ERRCODE = 'WL006';
    END IF;
    PERFORM sec.require_scram(p_password_verifier);
    v_login := sec.login_for_email(p_email);
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', v_login, p_password_verifier, '${person_role}');
    PERFORM sec.apply_login_limits(v_login);
    INSERT INTO sec.users (login, email, first_name, last_name, display_name)
    VALUES (v_login, btrim(p_email), btrim(p_first_name), btrim(p_last_name),
            btrim(p_first_name) || ' ' || btrim(p_last_name))
    RETURNING id INTO v_user_id;
  ELSIF EXISTS (SELECT 1 FROM sec.memberships WHERE organization_id = p_organization_id AND user_id = v_user_id) THEN
    RAISE EXCEPTION 'This person is already a member of the organization.' USING ERRCODE = 'WL004';
  END IF;
  INSERT INTO sec.memberships (organization_id, user_id, role, invited_by, invited_at)
  VALUES (p_organization_id, v_user_id, p_role, p_invited_by, now());
  PERFORM sec.sync_login(v_user_id);
  RETURN v_user_id;
END
$$;

SELECT sec.apply_login_limits_to_all();

-- ---------------------------------------------------------------------------------------------
-- 7. Gapless numbers only inside the function that issues the numbered record
-- ---------------------------------------------------------------------------------------------

-- The internal counter: owner role only (no person may call it). Row lock until commit: consecutive
-- numbers; a rollback gives the number back.
DROP FUNCTION sec.take_next_number(text, integer);
CREATE FUNCTION sec.take_next_number(p_organization_id uuid, p_kind text, p_year integer) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_value bigint;
BEGIN
  INSERT INTO app.number_series (organization_id, kind, year) VALUES (p_organization_id, p_kind, p_year)
  ON CONFLICT (organization_id, kind, year) DO NOTHING;
  UPDATE app.number_series SET next_value = next_value + 1, version = version + 1
   WHERE organization_id = p_organization_id AND kind = p_kind AND year = p_year
  RETURNING next_value - 1 INTO v_value;
  RETURN v_value;
END
$$;
REVOKE ALL ON FUNCTION sec.take_next_number(uuid, text, integer) FROM PUBLIC;

-- A number in the organization's format (same rules as NumberFormatPattern in Java): {yyyy}, {yy}, {seq},
-- {seq:N} (zero-padded to N digits).
CREATE FUNCTION sec.format_document_number(p_format text, p_year integer, p_sequence bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_result text := replace(replace(p_format, '{yyyy}', lpad(p_year::text, 4, '0')), '{yy}', lpad((p_year % 100)::text, 2, '0'));
  v_width integer;
BEGIN
  FOR v_width IN SELECT DISTINCT (m)[1]::integer FROM regexp_matches(v_result, '\{seq:([1-9])\}', 'g') m LOOP
    v_result := replace(v_result, '{seq:' || v_width || '}',
                        CASE WHEN length(p_sequence::text) >= v_width THEN p_sequence::text
                             ELSE lpad(p_sequence::text, v_width, '0') END);
  END LOOP;
  RETURN replace(v_result, '{seq}', p_sequence::text);
END
$$;
GRANT EXECUTE ON FUNCTION sec.format_document_number(text, integer, bigint) TO "${person_role}";

-- Issues the next number of a kind for a record of an organization, dated p_date (NULL: today in the
-- organization's time zone). Owner role only: called by the definer function or trigger that issues the
-- record, which has checked the caller's role in that organization.
CREATE FUNCTION sec.issue_number(p_organization_id uuid, p_kind text, p_date date) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_format text;
  v_zone text;
  v_date date;
  v_year integer;
BEGIN
  EXECUTE format('SELECT %I, timezone FROM app.organizations WHERE id = $1', p_kind || '_number_format')
     INTO v_format, v_zone USING p_organization_id;
  IF v_format IS NULL THEN
    RAISE EXCEPTION 'No organization is selected, or you are not an active member of it.' USING ERRCODE = 'WL001';
  END IF;
  v_date := coalesce(p_date, (now() AT TIME ZONE v_zone)::date);
  v_year := CASE WHEN v_format LIKE '%{yy%' THEN extract(year FROM v_date)::integer ELSE 0 END;
  RETURN sec.format_document_number(v_format, extract(year FROM v_date)::integer,
                                    sec.take_next_number(p_organization_id, p_kind, v_year));
END
$$;
REVOKE ALL ON FUNCTION sec.issue_number(uuid, text, date) FROM PUBLIC;

-- Customers get their number from the series when they are inserted, and keep it.
CREATE FUNCTION app.assign_customer_number() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.number IS DISTINCT FROM OLD.number THEN
      RAISE EXCEPTION 'A customer keeps the number it was given.' USING ERRCODE = 'WL002';
    END IF;
    RETURN NEW;
  END IF;
  -- IT's bulk loads (admin command line, as the owner role) may bring their own numbers.
  IF pg_has_role(session_user, '${owner_role}', 'MEMBER') THEN
    IF NEW.number IS NULL THEN
      NEW.number := sec.issue_number(NEW.organization_id, 'customer', NULL);
    END IF;
    RETURN NEW;
  END IF;
  -- BEFORE triggers run before row-level security checks the new row: verify the role here, in the row's
  -- own organization, so that no one else can make the counter of an organization move (or wait on it).
  IF NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "customers"' USING ERRCODE = '42501';
  END IF;
  NEW.number := sec.issue_number(NEW.organization_id, 'customer', NULL);
  RETURN NEW;
END
$$;
CREATE TRIGGER customers_number BEFORE INSERT OR UPDATE OF number ON app.customers
  FOR EACH ROW EXECUTE FUNCTION app.assign_customer_number();

-- ---------------------------------------------------------------------------------------------
-- 6. History never shows more than the rows
-- ---------------------------------------------------------------------------------------------

-- Whether the caller may read the history of a row: if the row is visible to the caller under its own
-- table's policies now (this function runs as the caller, so every finer rule of that table applies:
-- private views, own notifications, later own time entries and cost rates), or, for a row removed for good,
-- if the caller is a manager or above in the row's organization and the table has no finer rule.
CREATE FUNCTION audit.row_visible(p_table text, p_organization_id uuid, p_row_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_table regclass := to_regclass(p_table);
  v_found boolean;
BEGIN
  IF v_table IS NULL OR p_row_id IS NULL THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = v_table AND attname = 'organization_id' AND NOT attisdropped) THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE organization_id = $1 AND id = $2)', v_table)
       INTO v_found USING p_organization_id, p_row_id;
  ELSE
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE id = $1)', v_table) INTO v_found USING p_row_id;
  END IF;
  RETURN v_found OR audit.removed_row_readable(v_table, p_organization_id, p_row_id);
END
$$;
GRANT EXECUTE ON FUNCTION audit.row_visible(text, uuid, uuid) TO "${person_role}";

CREATE FUNCTION audit.removed_row_readable(p_table regclass, p_organization_id uuid, p_row_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_gone boolean;
BEGIN
  -- Only tenant tables of Workline's schemas, only the caller's own organization, only without finer rules.
  IF NOT sec.has_role_in(p_organization_id, 'owner', 'admin', 'manager')
     OR NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                     WHERE c.oid = p_table AND c.relnamespace IN ('app'::regnamespace, 'sec'::regnamespace)
                       AND a.attname = 'organization_id' AND NOT a.attisdropped)
     OR EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = p_table AND NOT polpermissive AND polcmd IN ('r', '*')) THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %s WHERE organization_id = $1 AND id = $2)', p_table)
     INTO v_gone USING p_organization_id, p_row_id;
  RETURN v_gone;
END
$$;
GRANT EXECUTE ON FUNCTION audit.removed_row_readable(regclass, uuid, uuid) TO "${person_role}";

DROP POLICY history_by_role ON audit.audit_log;
CREATE POLICY history_follows_rows ON audit.audit_log AS RESTRICTIVE FOR SELECT
  USING ((table_name NOT LIKE 'sec.%' OR organization_id = ANY ((SELECT sec.orgs_with_role('owner', 'admin', 'manager'))::uuid[]))
         AND audit.row_visible(table_name, organization_id, row_id));

-- The audit trigger: a person's own profile (sec.users has no organization) is recorded in every
-- organization the person belongs to, whether or not one is selected: colleagues there see the profile.
CREATE OR REPLACE FUNCTION audit.record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_orgs uuid[];
  v_changed text[];
  v_excluded text[] := coalesce(TG_ARGV::text[], '{}');
BEGIN
  IF TG_OP <> 'INSERT' THEN v_old := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN v_new := to_jsonb(NEW); END IF;
  v_row := coalesce(v_new, v_old);
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(n.key ORDER BY n.key) INTO v_changed
      FROM jsonb_each(v_new) n
     WHERE n.value IS DISTINCT FROM v_old -> n.key
       AND n.key NOT IN ('updated_at', 'version', 'last_sign_in_at');
    IF v_changed IS NULL THEN
      RETURN NULL;  -- nothing but bookkeeping changed
    END IF;
  END IF;
  IF v_row ? 'organization_id' THEN
    v_orgs := ARRAY[(v_row ->> 'organization_id')::uuid];
  ELSIF TG_TABLE_SCHEMA = 'app' AND TG_TABLE_NAME = 'organizations' THEN
    v_orgs := ARRAY[(v_row ->> 'id')::uuid];
  ELSIF TG_TABLE_SCHEMA = 'sec' AND TG_TABLE_NAME = 'users' THEN
    SELECT array_agg(m.organization_id) INTO v_orgs FROM sec.memberships m WHERE m.user_id = (v_row ->> 'id')::uuid;
  END IF;
  IF v_orgs IS NULL THEN
    RETURN NULL;  -- an account that belongs to no organization yet: its membership insert is recorded
  END IF;
  INSERT INTO audit.audit_log (organization_id, table_name, row_id, action, old_data, new_data,
                               changed_fields, db_user, app_user_id, transaction_id)
  SELECT o, TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, (v_row ->> 'id')::uuid, TG_OP,
         v_old - v_excluded, v_new - v_excluded, v_changed, session_user::text,
         sec.current_user_id(), txid_current()
    FROM unnest(v_orgs) o;
  RETURN NULL;
END
$$;

-- Search as you type (V2): the selector is read once, like in every definer function.
CREATE OR REPLACE FUNCTION sec.customer_search(p_pattern text) RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  WITH tenant AS MATERIALIZED (SELECT sec.current_tenant() AS org)
  SELECT s.id FROM app.customers s, tenant WHERE s.organization_id = tenant.org AND s.search_text LIKE p_pattern
  UNION
  SELECT t.customer_id FROM app.contacts t, tenant WHERE t.organization_id = tenant.org AND t.search_text LIKE p_pattern
$$;
