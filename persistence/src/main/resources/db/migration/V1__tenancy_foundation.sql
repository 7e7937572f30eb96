-- Workline foundation: organizations, people, memberships, the verifying tenant function,
-- gapless number series and the insert-only audit log.
-- Runs as the owner role (Flyway's initSql does SET ROLE). Placeholders: owner_role, person_role, role_prefix.
-- Rules for every tenant table (ARCHITECTURE §3): organization_id first in the primary key and in every
-- unique constraint and composite index, composite foreign keys, RLS enabled and forced, audit trigger,
-- version column for optimistic locking.

ALTER DEFAULT PRIVILEGES FOR ROLE "${owner_role}" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

CREATE SCHEMA app AUTHORIZATION "${owner_role}";    -- business data
CREATE SCHEMA sec AUTHORIZATION "${owner_role}";    -- people, memberships, tenant verification, privileged actions
CREATE SCHEMA audit AUTHORIZATION "${owner_role}";  -- insert-only change history
REVOKE ALL ON SCHEMA app, sec, audit FROM PUBLIC;
GRANT USAGE ON SCHEMA app, sec, audit TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION app.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
GRANT EXECUTE ON FUNCTION app.touch_updated_at() TO "${person_role}";

-- The tenant the client asked for with set_config('app.tenant_id', ?, true). Only a selector:
-- sec.current_tenant() decides whether the person may use it. Malformed values select nothing.
CREATE FUNCTION sec.requested_tenant() RETURNS uuid
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  raw text := current_setting('app.tenant_id', true);
BEGIN
  IF raw IS NULL OR raw !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    RETURN NULL;
  END IF;
  RETURN raw::uuid;
END
$$;
GRANT EXECUTE ON FUNCTION sec.requested_tenant() TO "${person_role}";

-- The opaque login role name of an email address. Java computes the same (RoleNames.loginFor).
CREATE FUNCTION sec.login_for_email(p_email text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT '${role_prefix}_u_' || substr(encode(sha256(convert_to(
           'workline-login:${role_prefix}:' || lower(btrim(p_email)), 'UTF8')), 'hex'), 1, 24)
$$;

-- ---------------------------------------------------------------------------------------------
-- Organizations (the tenants themselves; their id is the tenant id)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.organizations (
  id                                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                              text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  legal_name                        text CHECK (length(legal_name) <= 300),
  tax_id                            text CHECK (length(tax_id) <= 50),
  base_currency                     text NOT NULL DEFAULT 'EUR' CHECK (base_currency ~ '^[A-Z]{3}$'),
  timezone                          text NOT NULL DEFAULT 'UTC' CHECK (length(timezone) BETWEEN 1 AND 64),
  locale                            text NOT NULL DEFAULT 'en-US' CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  address_line1                     text,
  address_line2                     text,
  city                              text,
  region                            text,
  postal_code                       text,
  country                           text CHECK (country ~ '^[A-Z]{2}$'),
  email                             text,
  phone                             text,
  website                           text,
  logo                              bytea CHECK (octet_length(logo) <= 1048576),
  logo_content_type                 text CHECK (logo_content_type IN ('image/png', 'image/jpeg', 'image/gif')),
  quote_number_format               text NOT NULL DEFAULT 'Q-{yyyy}-{seq:5}'   CHECK (quote_number_format ~ '\{seq(:[1-9])?\}'),
  invoice_number_format             text NOT NULL DEFAULT 'INV-{yyyy}-{seq:5}' CHECK (invoice_number_format ~ '\{seq(:[1-9])?\}'),
  credit_note_number_format         text NOT NULL DEFAULT 'CN-{yyyy}-{seq:5}'  CHECK (credit_note_number_format ~ '\{seq(:[1-9])?\}'),
  production_order_number_format    text NOT NULL DEFAULT 'PO-{yyyy}-{seq:5}'  CHECK (production_order_number_format ~ '\{seq(:[1-9])?\}'),
  project_number_format             text NOT NULL DEFAULT 'PRJ-{yyyy}-{seq:4}' CHECK (project_number_format ~ '\{seq(:[1-9])?\}'),
  customer_number_format            text NOT NULL DEFAULT 'C-{seq:6}'          CHECK (customer_number_format ~ '\{seq(:[1-9])?\}'),
  default_payment_terms_days        integer NOT NULL DEFAULT 30 CHECK (default_payment_terms_days BETWEEN 0 AND 365),
  tax_rounding_mode                 text NOT NULL DEFAULT 'per_line' CHECK (tax_rounding_mode IN ('per_line', 'per_document')),
  default_tax_rate                  numeric(7,4) NOT NULL DEFAULT 0 CHECK (default_tax_rate BETWEEN 0 AND 100),
  quote_validity_days               integer NOT NULL DEFAULT 30 CHECK (quote_validity_days BETWEEN 1 AND 365),
  invoice_footer                    text CHECK (length(invoice_footer) <= 2000),
  created_at                        timestamptz NOT NULL DEFAULT now(),
  updated_at                        timestamptz NOT NULL DEFAULT now(),
  version                           integer NOT NULL DEFAULT 0
);

-- ---------------------------------------------------------------------------------------------
-- People and memberships
-- ---------------------------------------------------------------------------------------------

CREATE TABLE sec.users (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login            text NOT NULL UNIQUE,  -- the PostgreSQL login role; opaque, derived from the email
  email            text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(email) <= 254),
  first_name       text NOT NULL CHECK (length(btrim(first_name)) BETWEEN 1 AND 100),
  last_name        text NOT NULL CHECK (length(btrim(last_name)) BETWEEN 1 AND 100),
  display_name     text CHECK (length(display_name) <= 200),
  phone            text CHECK (length(phone) <= 50),
  locale           text CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'suspended')),
  last_sign_in_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email_key ON sec.users (lower(email));

CREATE TABLE sec.memberships (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES sec.users (id),
  role             text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'employee', 'viewer')),
  active           boolean NOT NULL DEFAULT true,
  invited_by       uuid REFERENCES sec.users (id),
  invited_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, user_id)
);
CREATE INDEX memberships_user_idx ON sec.memberships (user_id);

-- ---------------------------------------------------------------------------------------------
-- The verifying tenant function and role checks
-- ---------------------------------------------------------------------------------------------

-- The requested tenant if the signed-in person (session_user: SET ROLE cannot change it) is an
-- active member of it, else NULL. Every policy compares against this.
CREATE FUNCTION sec.current_tenant() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT m.organization_id
    FROM sec.memberships m
    JOIN sec.users u ON u.id = m.user_id
   WHERE m.organization_id = sec.requested_tenant()
     AND u.login = session_user::text
     AND u.status = 'active'
     AND m.active
$$;

CREATE FUNCTION sec.current_user_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT id FROM sec.users WHERE login = session_user::text AND status = 'active'
$$;

-- The signed-in person's role in the current tenant (NULL without a verified tenant).
CREATE FUNCTION sec.current_member_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT m.role
    FROM sec.memberships m
    JOIN sec.users u ON u.id = m.user_id
   WHERE m.organization_id = sec.requested_tenant()
     AND u.login = session_user::text
     AND u.status = 'active'
     AND m.active
$$;

CREATE FUNCTION sec.has_role(VARIADIC p_roles text[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(sec.current_member_role() = ANY (p_roles), false)
$$;

GRANT EXECUTE ON FUNCTION sec.current_tenant(), sec.current_user_id(), sec.current_member_role(),
  sec.has_role(text[]) TO "${person_role}";

-- Organizations the signed-in person may choose at sign-in.
CREATE FUNCTION sec.my_organizations()
RETURNS TABLE (organization_id uuid, organization_name text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT o.id, o.name, m.role
    FROM sec.memberships m
    JOIN sec.users u ON u.id = m.user_id
    JOIN app.organizations o ON o.id = m.organization_id
   WHERE u.login = session_user::text AND u.status = 'active' AND m.active
   ORDER BY o.name, o.id
$$;
GRANT EXECUTE ON FUNCTION sec.my_organizations() TO "${person_role}";

-- The schema version the server is at, for the client's compatibility check at sign-in.
CREATE FUNCTION sec.schema_version() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT max(version::integer) FROM flyway.flyway_schema_history WHERE success AND version IS NOT NULL
$$;
GRANT EXECUTE ON FUNCTION sec.schema_version() TO "${person_role}";

CREATE FUNCTION sec.record_sign_in() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  UPDATE sec.users SET last_sign_in_at = now() WHERE login = session_user::text AND status = 'active'
$$;
GRANT EXECUTE ON FUNCTION sec.record_sign_in() TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Privileged actions. Error codes (SQLSTATE) the client maps to messages:
--   WL001 no organization selected / not a member   WL002 not allowed for your role
--   WL003 person not found in this organization      WL004 already a member
--   WL005 the last owner must stay                   WL006 password must be a SCRAM verifier
--   WL007 invalid role                                WL008 you cannot do this to yourself
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION sec.require_admin() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_role text := sec.current_member_role();
BEGIN
  IF v_role IS NULL THEN
    RAISE EXCEPTION 'No organization is selected, or you are not an active member of it.' USING ERRCODE = 'WL001';
  END IF;
  IF v_role NOT IN ('owner', 'admin') THEN
    RAISE EXCEPTION 'Only owners and administrators can manage people.' USING ERRCODE = 'WL002';
  END IF;
  RETURN v_role;
END
$$;

CREATE FUNCTION sec.require_scram(p_verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
    RAISE EXCEPTION 'Passwords must be sent as SCRAM-SHA-256 verifiers computed by the client.' USING ERRCODE = 'WL006';
  END IF;
END
$$;

-- Enables or disables the login of a person: enabled while they have at least one active membership.
CREATE FUNCTION sec.sync_login(p_user_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_login text;
  v_active boolean;
BEGIN
  SELECT u.login, EXISTS (SELECT 1 FROM sec.memberships m WHERE m.user_id = u.id AND m.active)
    INTO v_login, v_active
    FROM sec.users u WHERE u.id = p_user_id;
  IF v_login IS NULL THEN
    RETURN;
  END IF;
  EXECUTE format('ALTER ROLE %I %s', v_login, CASE WHEN v_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  UPDATE sec.users SET status = CASE WHEN v_active THEN 'active' ELSE 'inactive' END
   WHERE id = p_user_id AND status IS DISTINCT FROM CASE WHEN v_active THEN 'active' ELSE 'inactive' END;
END
$$;

-- Adds a person to an organization, creating their login when the email is new. No permission
-- checks: only the owner role (admin command line) calls it directly; people go through create_user.
CREATE FUNCTION sec.add_member(p_organization_id uuid, p_email text, p_first_name text, p_last_name text,
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

-- Creates an organization. Owner role only (admin command line, first-run set-up through it).
CREATE FUNCTION sec.create_organization(p_name text, p_base_currency text, p_country text,
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
  RETURN v_id;
END
$$;

-- People-facing: an owner or admin adds a person (new, or existing in another organization).
CREATE FUNCTION sec.create_user(p_email text, p_first_name text, p_last_name text, p_role text,
                                p_password_verifier text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_caller_role text := sec.require_admin();
BEGIN
  IF p_role = 'owner' AND v_caller_role <> 'owner' THEN
    RAISE EXCEPTION 'Only owners can make someone an owner.' USING ERRCODE = 'WL002';
  END IF;
  RETURN sec.add_member(sec.current_tenant(), p_email, p_first_name, p_last_name, p_role,
                        p_password_verifier, sec.current_user_id());
END
$$;

-- Locks the target membership in the current tenant, checking that the caller may act on it.
CREATE FUNCTION sec.member_for_change(p_user_id uuid) RETURNS sec.memberships
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_caller_role text := sec.require_admin();
  v_member sec.memberships;
BEGIN
  SELECT * INTO v_member FROM sec.memberships
   WHERE organization_id = sec.current_tenant() AND user_id = p_user_id
   FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'This person is not a member of the organization.' USING ERRCODE = 'WL003';
  END IF;
  IF v_member.role = 'owner' AND v_caller_role <> 'owner' THEN
    RAISE EXCEPTION 'Only owners can change an owner.' USING ERRCODE = 'WL002';
  END IF;
  RETURN v_member;
END
$$;

CREATE FUNCTION sec.require_another_owner(p_member sec.memberships) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_member.role = 'owner' AND p_member.active AND NOT EXISTS (
       SELECT 1 FROM sec.memberships
        WHERE organization_id = p_member.organization_id AND role = 'owner' AND active AND id <> p_member.id) THEN
    RAISE EXCEPTION 'An organization needs at least one active owner.' USING ERRCODE = 'WL005';
  END IF;
END
$$;

CREATE FUNCTION sec.set_member_role(p_user_id uuid, p_role text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_member sec.memberships := sec.member_for_change(p_user_id);
BEGIN
  IF p_role IS NULL OR p_role NOT IN ('owner', 'admin', 'manager', 'employee', 'viewer') THEN
    RAISE EXCEPTION 'Unknown role "%".', p_role USING ERRCODE = 'WL007';
  END IF;
  IF p_role = 'owner' AND sec.current_member_role() <> 'owner' THEN
    RAISE EXCEPTION 'Only owners can make someone an owner.' USING ERRCODE = 'WL002';
  END IF;
  IF p_role <> 'owner' THEN
    PERFORM sec.require_another_owner(v_member);
  END IF;
  UPDATE sec.memberships SET role = p_role, version = version + 1
   WHERE organization_id = v_member.organization_id AND id = v_member.id AND role <> p_role;
END
$$;

-- Deactivating the last active membership of a person also disables their login (NOLOGIN);
-- memberships elsewhere keep the login enabled, so one organization cannot lock a person out of another.
CREATE FUNCTION sec.set_member_active(p_user_id uuid, p_active boolean) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_member sec.memberships := sec.member_for_change(p_user_id);
BEGIN
  IF NOT p_active THEN
    IF p_user_id = sec.current_user_id() THEN
      RAISE EXCEPTION 'You cannot deactivate your own account.' USING ERRCODE = 'WL008';
    END IF;
    PERFORM sec.require_another_owner(v_member);
  END IF;
  UPDATE sec.memberships SET active = p_active, version = version + 1
   WHERE organization_id = v_member.organization_id AND id = v_member.id AND active <> p_active;
  PERFORM sec.sync_login(p_user_id);
END
$$;

-- An admin may reset the password only of people whose every active membership is in an organization
-- where the admin is an owner or admin too: a shared person's password is not one organization's to take.
CREATE FUNCTION sec.reset_password(p_user_id uuid, p_password_verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_member sec.memberships := sec.member_for_change(p_user_id);
  v_caller uuid := sec.current_user_id();
BEGIN
  PERFORM sec.require_scram(p_password_verifier);
  IF EXISTS (
      SELECT 1 FROM sec.memberships theirs
       WHERE theirs.user_id = p_user_id AND theirs.active
         AND NOT EXISTS (SELECT 1 FROM sec.memberships mine
                          WHERE mine.user_id = v_caller AND mine.active
                            AND mine.organization_id = theirs.organization_id
                            AND mine.role IN ('owner', 'admin'))) THEN
    RAISE EXCEPTION 'This person also works for another organization; they must reset their password themselves or ask an administrator of every organization they belong to.'
      USING ERRCODE = 'WL002';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', (SELECT login FROM sec.users WHERE id = v_member.user_id), p_password_verifier);
  UPDATE sec.users SET version = version + 1 WHERE id = p_user_id;
END
$$;

CREATE FUNCTION sec.change_own_password(p_password_verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_login text;
BEGIN
  PERFORM sec.require_scram(p_password_verifier);
  SELECT login INTO v_login FROM sec.users WHERE login = session_user::text AND status = 'active';
  IF v_login IS NULL THEN
    RAISE EXCEPTION 'Your account is not active.' USING ERRCODE = 'WL001';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', v_login, p_password_verifier);
END
$$;

GRANT EXECUTE ON FUNCTION sec.create_user(text, text, text, text, text), sec.set_member_role(uuid, text),
  sec.set_member_active(uuid, boolean), sec.reset_password(uuid, text), sec.change_own_password(text)
  TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Gapless document numbers
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.number_series (
  organization_id  uuid NOT NULL REFERENCES app.organizations (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  kind             text NOT NULL CHECK (kind IN ('quote', 'invoice', 'credit_note', 'production_order', 'project', 'customer')),
  year             integer NOT NULL CHECK (year BETWEEN 0 AND 9999),  -- 0: a series that never restarts
  next_value       bigint NOT NULL DEFAULT 1 CHECK (next_value >= 1),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, kind, year)
);

-- Takes the next number of a series in the caller's transaction: the row stays locked until commit,
-- so numbers are consecutive, and a rollback gives the number back. Viewers issue nothing.
CREATE FUNCTION sec.take_next_number(p_kind text, p_year integer) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_org uuid := sec.current_tenant();
  v_value bigint;
BEGIN
  IF v_org IS NULL THEN
    RAISE EXCEPTION 'No organization is selected, or you are not an active member of it.' USING ERRCODE = 'WL001';
  END IF;
  IF NOT sec.has_role('owner', 'admin', 'manager', 'employee') THEN
    RAISE EXCEPTION 'Viewers cannot issue documents.' USING ERRCODE = 'WL002';
  END IF;
  INSERT INTO app.number_series (organization_id, kind, year) VALUES (v_org, p_kind, p_year)
  ON CONFLICT (organization_id, kind, year) DO NOTHING;
  UPDATE app.number_series SET next_value = next_value + 1, version = version + 1
   WHERE organization_id = v_org AND kind = p_kind AND year = p_year
  RETURNING next_value - 1 INTO v_value;
  RETURN v_value;
END
$$;
GRANT EXECUTE ON FUNCTION sec.take_next_number(text, integer) TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Audit log: written only by the trigger, never by clients; readable per tenant and role
-- ---------------------------------------------------------------------------------------------

CREATE TABLE audit.audit_log (
  organization_id  uuid NOT NULL,  -- no foreign key: history outlives what it describes
  id               bigint GENERATED ALWAYS AS IDENTITY,
  table_name       text NOT NULL,
  row_id           uuid,
  action           text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
  old_data         jsonb,
  new_data         jsonb,
  changed_fields   text[],
  db_user          text NOT NULL,
  app_user_id      uuid,
  transaction_id   bigint NOT NULL,
  at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id)
);
CREATE INDEX audit_log_row_idx ON audit.audit_log (organization_id, table_name, row_id, at);

-- Generic AFTER ROW trigger. Trigger arguments name columns kept out of the log (large or secret);
-- their change is still listed in changed_fields.
CREATE FUNCTION audit.record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_org uuid;
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
  v_org := coalesce((v_row ->> 'organization_id')::uuid,
                    CASE WHEN TG_TABLE_SCHEMA = 'app' AND TG_TABLE_NAME = 'organizations' THEN (v_row ->> 'id')::uuid END,
                    sec.current_tenant());
  IF v_org IS NULL THEN
    RETURN NULL;  -- a change outside any organization (e.g. the admin command line editing a person)
  END IF;
  INSERT INTO audit.audit_log (organization_id, table_name, row_id, action, old_data, new_data,
                               changed_fields, db_user, app_user_id, transaction_id)
  VALUES (v_org, TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, (v_row ->> 'id')::uuid, TG_OP,
          v_old - v_excluded, v_new - v_excluded, v_changed, session_user::text,
          sec.current_user_id(), txid_current());
  RETURN NULL;
END
$$;

CREATE FUNCTION audit.refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is insert-only.' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_insert_only BEFORE UPDATE OR DELETE ON audit.audit_log
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- ---------------------------------------------------------------------------------------------
-- Triggers, row-level security and grants
-- ---------------------------------------------------------------------------------------------

CREATE TRIGGER organizations_touch BEFORE UPDATE ON app.organizations FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER users_touch BEFORE UPDATE ON sec.users FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER memberships_touch BEFORE UPDATE ON sec.memberships FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER number_series_touch BEFORE UPDATE ON app.number_series FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TRIGGER organizations_audit AFTER INSERT OR UPDATE OR DELETE ON app.organizations
  FOR EACH ROW EXECUTE FUNCTION audit.record_change('logo');
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON sec.users
  FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER memberships_audit AFTER INSERT OR UPDATE OR DELETE ON sec.memberships
  FOR EACH ROW EXECUTE FUNCTION audit.record_change();
CREATE TRIGGER number_series_audit AFTER INSERT OR UPDATE OR DELETE ON app.number_series
  FOR EACH ROW EXECUTE FUNCTION audit.record_change();

ALTER TABLE app.organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.organizations
  USING (id = (SELECT sec.current_tenant())) WITH CHECK (id = (SELECT sec.current_tenant()));
CREATE POLICY settings_by_admins ON app.organizations AS RESTRICTIVE FOR UPDATE
  USING ((SELECT sec.has_role('owner', 'admin'))) WITH CHECK ((SELECT sec.has_role('owner', 'admin')));
GRANT SELECT ON app.organizations TO "${person_role}";
GRANT UPDATE (name, legal_name, tax_id, base_currency, timezone, locale, address_line1, address_line2, city,
              region, postal_code, country, email, phone, website, logo, logo_content_type,
              quote_number_format, invoice_number_format, credit_note_number_format,
              production_order_number_format, project_number_format, customer_number_format,
              default_payment_terms_days, tax_rounding_mode, default_tax_rate, quote_validity_days,
              invoice_footer, version)
  ON app.organizations TO "${person_role}";

-- People: you see yourself and the people of the organization you are working in; you edit only
-- your own profile fields. Everything else goes through the functions above.
ALTER TABLE sec.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE sec.users FORCE ROW LEVEL SECURITY;
CREATE POLICY self_and_colleagues ON sec.users FOR SELECT
  USING (login = session_user::text
         OR id IN (SELECT m.user_id FROM sec.memberships m WHERE m.organization_id = (SELECT sec.current_tenant())));
CREATE POLICY own_profile ON sec.users FOR UPDATE
  USING (login = session_user::text) WITH CHECK (login = session_user::text);
GRANT SELECT ON sec.users TO "${person_role}";
GRANT UPDATE (first_name, last_name, display_name, phone, locale, version) ON sec.users TO "${person_role}";

ALTER TABLE sec.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE sec.memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sec.memberships
  USING (organization_id = (SELECT sec.current_tenant())) WITH CHECK (organization_id = (SELECT sec.current_tenant()));
GRANT SELECT ON sec.memberships TO "${person_role}";

ALTER TABLE app.number_series ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.number_series FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app.number_series
  USING (organization_id = (SELECT sec.current_tenant())) WITH CHECK (organization_id = (SELECT sec.current_tenant()));
GRANT SELECT ON app.number_series TO "${person_role}";

-- Owners, admins and managers read the whole history of their organization; others read the
-- history of business records but not of people and memberships.
ALTER TABLE audit.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit.audit_log
  USING (organization_id = (SELECT sec.current_tenant())) WITH CHECK (organization_id = (SELECT sec.current_tenant()));
CREATE POLICY history_by_role ON audit.audit_log AS RESTRICTIVE FOR SELECT
  USING ((SELECT sec.has_role('owner', 'admin', 'manager')) OR table_name NOT LIKE 'sec.%');
GRANT SELECT ON audit.audit_log TO "${person_role}";

-- The people list of the administration screen. security_invoker: the caller's policies apply.
CREATE VIEW sec.organization_members WITH (security_invoker = true) AS
  SELECT m.organization_id, m.user_id, u.email, u.first_name, u.last_name, u.display_name,
         m.role, m.active, u.status, u.last_sign_in_at, m.invited_at, m.version
    FROM sec.memberships m
    JOIN sec.users u ON u.id = m.user_id;
GRANT SELECT ON sec.organization_members TO "${person_role}";
