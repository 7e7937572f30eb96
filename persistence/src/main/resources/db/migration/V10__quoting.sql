-- Quoting: quotes, their lines and their history (events). Every table follows the tenant rules (composite keys,
-- RLS forced, audit trigger, version column); CatalogRulesTest and the hostile-client tests check them.
--
-- Lifecycle: draft -> sent -> accepted | rejected | expired | superseded (by a sent revision) ; draft/sent -> cancelled.
-- Who writes: owners, admins, managers and employees draft, send, accept, reject, cancel, revise and duplicate;
-- accepting a quote whose total (in the base currency) is above the organization's acceptance limit needs a manager
-- or above; viewers change nothing. Nothing is deleted (no DELETE grant).
--
-- What people may do with plain SQL: insert a draft (status draft, no number) and update a draft's header. Every
-- other change (status, number, sent/accepted/rejected dates, a non-draft's columns, any line) happens only inside
-- the SECURITY DEFINER functions below, which run as the owner role: the guard trigger lets a change through only
-- when current_user is the owner role, which no person can become. The number is taken by the trigger
-- app.assign_quote_number when a transition function moves a draft to sent (the model of V7's customer numbers).
-- Stored totals are checked against the lines at commit by a deferred constraint trigger (docs/money-rules.md).

ALTER TABLE app.organizations
  ADD COLUMN quote_acceptance_limit numeric(15,2) CHECK (quote_acceptance_limit >= 0);
-- Like the other organization settings: updated by owners and admins (policy settings_by_admins).
GRANT UPDATE (quote_acceptance_limit) ON app.organizations TO "${person_role}";
COMMENT ON COLUMN app.organizations.quote_acceptance_limit IS
  'Quotes with a total (base currency) above this need a manager or above to accept them; NULL: no limit.';

-- The number of minor-unit digits of a currency, as java.util.Currency.getDefaultFractionDigits() (2 where it has none).
CREATE FUNCTION app.currency_digits(p_currency text) RETURNS integer
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
           WHEN p_currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND',
                               'VUV', 'XAF', 'XOF', 'XPF') THEN 0
           WHEN p_currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
           WHEN p_currency = 'CLF' THEN 4
           ELSE 2 END
$$;
GRANT EXECUTE ON FUNCTION app.currency_digits(text) TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app.quotes (
  organization_id            uuid NOT NULL REFERENCES app.organizations (id),
  id                         uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Issued when the quote is sent: the first revision gets the series' next number (base_number = number),
  -- revision n >= 2 keeps its chain's base number with the suffix "-R<n>".
  number                     text,
  base_number                text,
  revision                   integer NOT NULL DEFAULT 1 CHECK (revision BETWEEN 1 AND 999),
  supersedes_id              uuid,
  copied_from_id             uuid,
  customer_id                uuid NOT NULL,
  contact_id                 uuid,
  deal_id                    uuid,
  title                      text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  status                     text NOT NULL DEFAULT 'draft'
                             CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled', 'superseded')),
  valid_until                date NOT NULL,
  currency                   text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  exchange_rate              numeric(19,8) CHECK (exchange_rate > 0),
  document_discount_percent  numeric(7,4) CHECK (document_discount_percent BETWEEN 0 AND 100),
  tax_rounding               text NOT NULL DEFAULT 'per_line' CHECK (tax_rounding IN ('per_line', 'per_document')),
  subtotal                   numeric(19,4) NOT NULL DEFAULT 0,
  discount_amount            numeric(19,4) NOT NULL DEFAULT 0,
  net                        numeric(19,4) NOT NULL DEFAULT 0,
  tax                        numeric(19,4) NOT NULL DEFAULT 0,
  total                      numeric(19,4) NOT NULL DEFAULT 0,
  terms                      text CHECK (length(terms) <= 8000),
  customer_notes             text CHECK (length(customer_notes) <= 8000),
  internal_notes             text CHECK (length(internal_notes) <= 8000),
  sent_at                    timestamptz,
  accepted_at                timestamptz,
  rejected_at                timestamptz,
  rejection_reason           text CHECK (length(rejection_reason) <= 1000),
  created_by                 uuid REFERENCES sec.users (id),
  sort_number                text GENERATED ALWAYS AS (lower(coalesce(number, ''))) STORED,
  search_text                text GENERATED ALWAYS AS (lower(coalesce(number, '') || ' ' || title)) STORED,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  version                    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, number),
  FOREIGN KEY (organization_id, customer_id) REFERENCES app.customers (organization_id, id),
  FOREIGN KEY (organization_id, contact_id) REFERENCES app.contacts (organization_id, id),
  FOREIGN KEY (organization_id, deal_id) REFERENCES app.deals (organization_id, id),
  FOREIGN KEY (organization_id, supersedes_id) REFERENCES app.quotes (organization_id, id),
  FOREIGN KEY (organization_id, copied_from_id) REFERENCES app.quotes (organization_id, id),
  CHECK (supersedes_id IS DISTINCT FROM id),
  CHECK ((number IS NULL) = (status IN ('draft', 'cancelled') AND sent_at IS NULL)),
  CHECK ((supersedes_id IS NULL) = (revision = 1)),
  CHECK (status <> 'rejected' OR length(btrim(rejection_reason)) > 0),
  CHECK (total = net + tax AND net = subtotal - discount_amount)
);
CREATE INDEX quotes_by_status ON app.quotes (organization_id, status, created_at DESC, id);
CREATE INDEX quotes_by_customer ON app.quotes (organization_id, customer_id);
CREATE INDEX quotes_by_deal ON app.quotes (organization_id, deal_id);
CREATE INDEX quotes_due ON app.quotes (organization_id, valid_until) WHERE status = 'sent';
-- One open revision (not cancelled) of a quote at a time.
CREATE UNIQUE INDEX quotes_one_revision ON app.quotes (organization_id, supersedes_id) WHERE status <> 'cancelled';

CREATE TABLE app.quote_lines (
  organization_id      uuid NOT NULL REFERENCES app.organizations (id),
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  quote_id             uuid NOT NULL,
  position             integer NOT NULL CHECK (position >= 0),
  kind                 text NOT NULL CHECK (kind IN ('product', 'service', 'text')),
  product_id           uuid,
  service_category_id  uuid,
  description          text CHECK (length(description) <= 4000),
  quantity             numeric(19,6),
  unit                 text CHECK (length(unit) <= 20),
  unit_price           numeric(19,6),
  discount_percent     numeric(7,4) CHECK (discount_percent BETWEEN 0 AND 100),
  tax_rate_percent     numeric(7,4) CHECK (tax_rate_percent BETWEEN 0 AND 100),
  optional             boolean NOT NULL DEFAULT false,
  net                  numeric(19,4),
  tax                  numeric(19,4),
  gross                numeric(19,4),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, quote_id, position),
  FOREIGN KEY (organization_id, quote_id) REFERENCES app.quotes (organization_id, id),
  FOREIGN KEY (organization_id, product_id) REFERENCES app.products (organization_id, id),
  FOREIGN KEY (organization_id, service_category_id) REFERENCES app.service_categories (organization_id, id),
  -- Text/section lines carry no amounts; priced lines carry all of them, gross = net + tax.
  CHECK (CASE WHEN kind = 'text'
              THEN num_nonnulls(quantity, unit_price, discount_percent, tax_rate_percent, net, tax, gross) = 0
              ELSE num_nulls(quantity, unit_price, tax_rate_percent, net, tax, gross) = 0 AND gross = net + tax END),
  CHECK (kind = 'product' OR product_id IS NULL),
  CHECK (kind = 'service' OR service_category_id IS NULL)
);

-- Every transition of a quote, for the history panel. Written only by the functions and triggers below.
CREATE TABLE app.quote_events (
  organization_id   uuid NOT NULL REFERENCES app.organizations (id),
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  quote_id          uuid NOT NULL,
  action            text NOT NULL CHECK (action IN ('created', 'revised', 'duplicated', 'sent', 'accepted', 'rejected',
                                                    'cancelled', 'expired', 'superseded')),
  from_status       text,
  to_status         text NOT NULL,
  note              text CHECK (length(note) <= 1000),
  related_quote_id  uuid,
  changed_by        uuid REFERENCES sec.users (id),
  changed_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, quote_id) REFERENCES app.quotes (organization_id, id),
  FOREIGN KEY (organization_id, related_quote_id) REFERENCES app.quotes (organization_id, id)
);
CREATE INDEX quote_events_by_quote ON app.quote_events (organization_id, quote_id, changed_at);

-- ---------------------------------------------------------------------------------------------
-- Guards
-- ---------------------------------------------------------------------------------------------

-- People insert drafts and change drafts' headers; everything else only the transition functions (owner role) do.
-- A person without a writer role in the row's organization is left to row-level security (its error, not ours).
CREATE FUNCTION app.quote_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_user = '${owner_role}' THEN
    RETURN NEW;
  END IF;
  IF NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' OR num_nonnulls(NEW.number, NEW.base_number, NEW.supersedes_id, NEW.sent_at, NEW.accepted_at,
                                             NEW.rejected_at, NEW.rejection_reason) > 0 OR NEW.revision <> 1 THEN
      RAISE EXCEPTION 'A new quote starts as a draft without a number.' USING ERRCODE = 'WL002';
    END IF;
    NEW.created_by := sec.current_user_id();
    RETURN NEW;
  END IF;
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'Only drafts can be changed; a sent quote can be revised or cancelled.' USING ERRCODE = 'WL002';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.base_number IS DISTINCT FROM OLD.base_number OR NEW.revision IS DISTINCT FROM OLD.revision
     OR NEW.supersedes_id IS DISTINCT FROM OLD.supersedes_id OR NEW.copied_from_id IS DISTINCT FROM OLD.copied_from_id
     OR NEW.sent_at IS DISTINCT FROM OLD.sent_at OR NEW.accepted_at IS DISTINCT FROM OLD.accepted_at
     OR NEW.rejected_at IS DISTINCT FROM OLD.rejected_at OR NEW.rejection_reason IS DISTINCT FROM OLD.rejection_reason
     OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION 'The status and number of a quote change only through its actions.' USING ERRCODE = 'WL002';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER quotes_a_guard BEFORE INSERT OR UPDATE ON app.quotes FOR EACH ROW EXECUTE FUNCTION app.quote_guard();

-- The number is issued when a draft becomes sent, which only app.send_quote does (the guard refuses the status
-- change to everyone else). Runs as the caller, which is then the owner role: sec.issue_number is owner-only.
-- The first revision takes the series' next number; a later revision keeps the chain's number with "-R<n>".
CREATE FUNCTION app.assign_quote_number() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.number IS DISTINCT FROM OLD.number OR NEW.base_number IS DISTINCT FROM OLD.base_number THEN
    RAISE EXCEPTION 'A quote keeps the number it was given.' USING ERRCODE = 'WL002';
  END IF;
  IF OLD.status = 'draft' AND NEW.status = 'sent' AND NEW.number IS NULL THEN
    IF NEW.supersedes_id IS NULL THEN
      NEW.number := sec.issue_number(NEW.organization_id, 'quote', NULL);
      NEW.base_number := NEW.number;
    ELSE
      SELECT q.base_number INTO NEW.base_number FROM app.quotes q
       WHERE q.organization_id = NEW.organization_id AND q.id = NEW.supersedes_id;
      NEW.number := NEW.base_number || '-R' || NEW.revision;
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER quotes_b_number BEFORE UPDATE ON app.quotes FOR EACH ROW EXECUTE FUNCTION app.assign_quote_number();

-- A new quote's first event: created, revised (a new revision of supersedes_id) or duplicated (from copied_from_id).
CREATE FUNCTION app.record_quote_created() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO app.quote_events (organization_id, quote_id, action, from_status, to_status, related_quote_id, changed_by)
  VALUES (NEW.organization_id, NEW.id,
          CASE WHEN NEW.supersedes_id IS NOT NULL THEN 'revised' WHEN NEW.copied_from_id IS NOT NULL THEN 'duplicated'
               ELSE 'created' END,
          NULL, NEW.status, coalesce(NEW.supersedes_id, NEW.copied_from_id), sec.current_user_id());
  RETURN NULL;
END
$$;
CREATE TRIGGER quotes_created AFTER INSERT ON app.quotes FOR EACH ROW EXECUTE FUNCTION app.record_quote_created();

-- Stored totals equal the sum of their parts (docs/money-rules.md, "Stored totals"), checked at commit for every
-- quote whose header or lines changed, whoever wrote them.
CREATE FUNCTION app.check_quote_totals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_row jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  v_org uuid := (v_row ->> 'organization_id')::uuid;
  v_id uuid := (v_row ->> CASE WHEN TG_TABLE_NAME = 'quotes' THEN 'id' ELSE 'quote_id' END)::uuid;
  q app.quotes;
  d integer;
  v_subtotal numeric;
  v_discount numeric;
  v_factor numeric;
  v_tax numeric;
  v_terms integer;
BEGIN
  SELECT * INTO q FROM app.quotes WHERE organization_id = v_org AND id = v_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  d := app.currency_digits(q.currency);
  IF EXISTS (SELECT 1 FROM app.quote_lines l
              WHERE l.organization_id = v_org AND l.quote_id = v_id AND l.kind <> 'text'
                AND (l.net <> round(l.quantity * l.unit_price * (100 - coalesce(l.discount_percent, 0)) / 100, d)
                     OR l.tax <> round(l.net * l.tax_rate_percent / 100, d))) THEN
    RAISE EXCEPTION 'The stored amounts of a quote line do not follow from its quantity, price, discount and tax rate.'
      USING ERRCODE = '23514';
  END IF;
  SELECT coalesce(sum(l.net), 0) INTO v_subtotal FROM app.quote_lines l
   WHERE l.organization_id = v_org AND l.quote_id = v_id AND l.kind <> 'text' AND NOT l.optional;
  v_discount := round(v_subtotal * coalesce(q.document_discount_percent, 0) / 100, d);
  v_factor := (100 - coalesce(q.document_discount_percent, 0)) / 100;
  IF coalesce(q.document_discount_percent, 0) = 0 THEN
    IF q.tax_rounding = 'per_line' THEN
      SELECT coalesce(sum(l.tax), 0) INTO v_tax FROM app.quote_lines l
       WHERE l.organization_id = v_org AND l.quote_id = v_id AND l.kind <> 'text' AND NOT l.optional;
    ELSE
      SELECT coalesce(sum(round(r.base * r.rate / 100, d)), 0) INTO v_tax
        FROM (SELECT l.tax_rate_percent AS rate, sum(l.net) AS base FROM app.quote_lines l
               WHERE l.organization_id = v_org AND l.quote_id = v_id AND l.kind <> 'text' AND NOT l.optional
               GROUP BY l.tax_rate_percent) r;
    END IF;
    v_terms := 0;
  ELSE
    -- With a document discount the split over the rates (rule 8) is the calculator's; the tax must lie within half
    -- a minor unit per rounded term (each included line, each rate's share, each rate's tax) of the exact tax.
    SELECT coalesce(sum(l.net * v_factor * l.tax_rate_percent / 100), 0),
           count(*) + 2 * count(DISTINCT l.tax_rate_percent)
      INTO v_tax, v_terms
      FROM app.quote_lines l
     WHERE l.organization_id = v_org AND l.quote_id = v_id AND l.kind <> 'text' AND NOT l.optional;
  END IF;
  IF q.subtotal <> v_subtotal OR q.discount_amount <> v_discount OR q.net <> v_subtotal - v_discount
     OR q.total <> q.net + q.tax
     OR abs(q.tax - v_tax) > v_terms * power(10::numeric, -d) / 2
     OR q.subtotal <> round(q.subtotal, d) OR q.discount_amount <> round(q.discount_amount, d)
     OR q.tax <> round(q.tax, d) OR q.total <> round(q.total, d) THEN
    RAISE EXCEPTION 'The stored totals of a quote do not add up to its lines.' USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER quotes_totals AFTER INSERT OR UPDATE ON app.quotes DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION app.check_quote_totals();
CREATE CONSTRAINT TRIGGER quote_lines_totals AFTER INSERT OR UPDATE OR DELETE ON app.quote_lines DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION app.check_quote_totals();

-- ---------------------------------------------------------------------------------------------
-- Transition functions (SECURITY DEFINER, owner role): each reads the selector once, checks the caller's role in
-- the quote's own organization, locks the quote and checks the version the caller saw.
-- ---------------------------------------------------------------------------------------------

-- The selected organization's quote, locked, after the role and version checks. Owner-only helper.
CREATE FUNCTION app.quote_for_action(p_quote_id uuid, p_expected_version integer) RETURNS app.quotes
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := sec.current_tenant();
  q app.quotes;
BEGIN
  IF v_tenant IS NULL THEN
    RAISE EXCEPTION 'No organization is selected, or you are not an active member of it.' USING ERRCODE = 'WL001';
  END IF;
  -- Refuse viewers before taking the row lock (the tenant is the row's organization: the WHERE below pins it).
  IF NOT sec.has_role_in(v_tenant, 'owner', 'admin', 'manager', 'employee') THEN
    RAISE EXCEPTION 'Viewers cannot change quotes.' USING ERRCODE = 'WL002';
  END IF;
  SELECT * INTO q FROM app.quotes WHERE organization_id = v_tenant AND id = p_quote_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'This quote does not exist (any more).' USING ERRCODE = 'WL003';
  END IF;
  IF NOT sec.has_role_in(q.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RAISE EXCEPTION 'Viewers cannot change quotes.' USING ERRCODE = 'WL002';
  END IF;
  IF p_expected_version IS NOT NULL AND q.version <> p_expected_version THEN
    RAISE EXCEPTION 'Someone else changed this quote in the meantime.' USING ERRCODE = '40001';
  END IF;
  RETURN q;
END
$$;

CREATE FUNCTION app.record_quote_event(q app.quotes, p_action text, p_to text, p_note text, p_related uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO app.quote_events (organization_id, quote_id, action, from_status, to_status, note, related_quote_id, changed_by)
  VALUES (q.organization_id, q.id, p_action, q.status, p_to, p_note, p_related, sec.current_user_id())
$$;

CREATE FUNCTION app.refuse_transition() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'This action is not possible in the quote''s current status.' USING ERRCODE = 'WL002';
END
$$;

-- Replaces a draft's lines (people have no INSERT, UPDATE or DELETE on lines). p_lines: a JSON array of objects with
-- the line columns (position, kind, product_id, service_category_id, description, quantity, unit, unit_price,
-- discount_percent, tax_rate_percent, optional, net, tax, gross). The header's totals are saved in the same
-- transaction; the deferred guard checks both at commit.
CREATE FUNCTION app.replace_quote_lines(p_quote_id uuid, p_expected_version integer, p_lines jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q app.quotes := app.quote_for_action(p_quote_id, p_expected_version);
BEGIN
  IF q.status <> 'draft' THEN
    RAISE EXCEPTION 'Only drafts can be changed; a sent quote can be revised or cancelled.' USING ERRCODE = 'WL002';
  END IF;
  DELETE FROM app.quote_lines WHERE organization_id = q.organization_id AND quote_id = q.id;
  INSERT INTO app.quote_lines (organization_id, quote_id, position, kind, product_id, service_category_id, description,
                               quantity, unit, unit_price, discount_percent, tax_rate_percent, optional, net, tax, gross)
  SELECT q.organization_id, q.id, l.position, l.kind, l.product_id, l.service_category_id, l.description, l.quantity,
         l.unit, l.unit_price, l.discount_percent, l.tax_rate_percent, coalesce(l.optional, false), l.net, l.tax, l.gross
    FROM jsonb_populate_recordset(NULL::app.quote_lines, coalesce(p_lines, '[]'::jsonb)) l;
END
$$;

CREATE FUNCTION app.send_quote(p_quote_id uuid, p_expected_version integer) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q app.quotes := app.quote_for_action(p_quote_id, p_expected_version);
  v_old app.quotes;
  v_number text;
BEGIN
  IF q.status <> 'draft' THEN
    PERFORM app.refuse_transition();
  END IF;
  IF q.supersedes_id IS NOT NULL THEN
    SELECT * INTO v_old FROM app.quotes WHERE organization_id = q.organization_id AND id = q.supersedes_id FOR UPDATE;
    IF v_old.status NOT IN ('sent', 'expired') THEN
      PERFORM app.refuse_transition();
    END IF;
    UPDATE app.quotes SET status = 'superseded', version = version + 1
     WHERE organization_id = v_old.organization_id AND id = v_old.id;
    PERFORM app.record_quote_event(v_old, 'superseded', 'superseded', NULL, q.id);
  END IF;
  UPDATE app.quotes SET status = 'sent', sent_at = now(), version = version + 1
   WHERE organization_id = q.organization_id AND id = q.id
  RETURNING number INTO v_number;
  PERFORM app.record_quote_event(q, 'sent', 'sent', v_number, NULL);
  RETURN v_number;
END
$$;

CREATE FUNCTION app.accept_quote(p_quote_id uuid, p_expected_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q app.quotes := app.quote_for_action(p_quote_id, p_expected_version);
  v_limit numeric;
  v_zone text;
BEGIN
  SELECT o.quote_acceptance_limit, o.timezone INTO v_limit, v_zone FROM app.organizations o WHERE o.id = q.organization_id;
  IF q.status <> 'sent' OR q.valid_until < (now() AT TIME ZONE v_zone)::date THEN
    PERFORM app.refuse_transition();
  END IF;
  IF v_limit IS NOT NULL AND q.total * coalesce(q.exchange_rate, 1) > v_limit
     AND NOT sec.has_role_in(q.organization_id, 'owner', 'admin', 'manager') THEN
    RAISE EXCEPTION 'Only managers, administrators and owners can accept quotes above the organization''s limit.'
      USING ERRCODE = 'WL002';
  END IF;
  UPDATE app.quotes SET status = 'accepted', accepted_at = now(), version = version + 1
   WHERE organization_id = q.organization_id AND id = q.id;
  PERFORM app.record_quote_event(q, 'accepted', 'accepted', NULL, NULL);
  IF q.deal_id IS NOT NULL THEN
    UPDATE app.deals SET status = 'won', actual_close_date = coalesce(actual_close_date, (now() AT TIME ZONE v_zone)::date),
                         version = version + 1
     WHERE organization_id = q.organization_id AND id = q.deal_id AND status = 'open';
  END IF;
END
$$;

CREATE FUNCTION app.reject_quote(p_quote_id uuid, p_expected_version integer, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q app.quotes := app.quote_for_action(p_quote_id, p_expected_version);
BEGIN
  IF q.status NOT IN ('sent', 'expired') THEN
    PERFORM app.refuse_transition();
  END IF;
  IF length(btrim(coalesce(p_reason, ''))) = 0 THEN
    RAISE EXCEPTION 'A rejection needs a reason.' USING ERRCODE = 'WL002';
  END IF;
  UPDATE app.quotes SET status = 'rejected', rejected_at = now(), rejection_reason = btrim(p_reason), version = version + 1
   WHERE organization_id = q.organization_id AND id = q.id;
  PERFORM app.record_quote_event(q, 'rejected', 'rejected', btrim(p_reason), NULL);
END
$$;

CREATE FUNCTION app.cancel_quote(p_quote_id uuid, p_expected_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q app.quotes := app.quote_for_action(p_quote_id, p_expected_version);
BEGIN
  IF q.status NOT IN ('draft', 'sent') THEN
    PERFORM app.refuse_transition();
  END IF;
  UPDATE app.quotes SET status = 'cancelled', version = version + 1 WHERE organization_id = q.organization_id AND id = q.id;
  PERFORM app.record_quote_event(q, 'cancelled', 'cancelled', NULL, NULL);
END
$$;

-- A copy of a quote and its lines as a new draft: a revision (supersedes the sent or expired quote once sent) or a
-- duplicate (any quote; a fresh quote of its own with today's validity).
CREATE FUNCTION app.copy_quote(q app.quotes, p_revision boolean) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id uuid := gen_random_uuid();
  v_days integer;
  v_zone text;
BEGIN
  SELECT o.quote_validity_days, o.timezone INTO v_days, v_zone FROM app.organizations o WHERE o.id = q.organization_id;
  INSERT INTO app.quotes (organization_id, id, revision, supersedes_id, copied_from_id, customer_id, contact_id, deal_id,
                          title, status, valid_until, currency, exchange_rate, document_discount_percent, tax_rounding,
                          subtotal, discount_amount, net, tax, total, terms, customer_notes, internal_notes, created_by)
  VALUES (q.organization_id, v_id, CASE WHEN p_revision THEN q.revision + 1 ELSE 1 END,
          CASE WHEN p_revision THEN q.id END, CASE WHEN NOT p_revision THEN q.id END,
          q.customer_id, q.contact_id, q.deal_id, q.title, 'draft',
          (now() AT TIME ZONE v_zone)::date + v_days,
          q.currency, q.exchange_rate, q.document_discount_percent, q.tax_rounding,
          q.subtotal, q.discount_amount, q.net, q.tax, q.total, q.terms, q.customer_notes, q.internal_notes,
          sec.current_user_id());
  INSERT INTO app.quote_lines (organization_id, quote_id, position, kind, product_id, service_category_id, description,
                               quantity, unit, unit_price, discount_percent, tax_rate_percent, optional, net, tax, gross)
  SELECT l.organization_id, v_id, l.position, l.kind, l.product_id, l.service_category_id, l.description, l.quantity,
         l.unit, l.unit_price, l.discount_percent, l.tax_rate_percent, l.optional, l.net, l.tax, l.gross
    FROM app.quote_lines l WHERE l.organization_id = q.organization_id AND l.quote_id = q.id;
  RETURN v_id;
END
$$;

CREATE FUNCTION app.revise_quote(p_quote_id uuid, p_expected_version integer) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q app.quotes := app.quote_for_action(p_quote_id, p_expected_version);
BEGIN
  IF q.status NOT IN ('sent', 'expired')
     OR EXISTS (SELECT 1 FROM app.quotes r WHERE r.organization_id = q.organization_id AND r.supersedes_id = q.id
                   AND r.status <> 'cancelled') THEN
    PERFORM app.refuse_transition();
  END IF;
  RETURN app.copy_quote(q, true);
END
$$;

CREATE FUNCTION app.duplicate_quote(p_quote_id uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RETURN app.copy_quote(app.quote_for_action(p_quote_id, NULL), false);
END
$$;

-- Sent quotes of the selected organization past their validity become expired. Anyone may run it (viewers too: it
-- only applies what the dates say); running it again changes nothing. Returns how many quotes expired.
CREATE FUNCTION app.expire_quotes() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := sec.current_tenant();
  v_today date;
  q app.quotes;
  v_count integer := 0;
BEGIN
  IF v_tenant IS NULL THEN
    RAISE EXCEPTION 'No organization is selected, or you are not an active member of it.' USING ERRCODE = 'WL001';
  END IF;
  SELECT (now() AT TIME ZONE o.timezone)::date INTO v_today FROM app.organizations o WHERE o.id = v_tenant;
  FOR q IN SELECT * FROM app.quotes WHERE organization_id = v_tenant AND status = 'sent' AND valid_until < v_today
           FOR UPDATE SKIP LOCKED LOOP
    UPDATE app.quotes SET status = 'expired', version = version + 1 WHERE organization_id = q.organization_id AND id = q.id;
    PERFORM app.record_quote_event(q, 'expired', 'expired', NULL, NULL);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END
$$;

GRANT EXECUTE ON FUNCTION app.replace_quote_lines(uuid, integer, jsonb), app.send_quote(uuid, integer),
  app.accept_quote(uuid, integer), app.reject_quote(uuid, integer, text), app.cancel_quote(uuid, integer),
  app.revise_quote(uuid, integer), app.duplicate_quote(uuid), app.expire_quotes() TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Policies, triggers, grants
-- ---------------------------------------------------------------------------------------------

SELECT sec.add_tenant_policies(t::regclass, ARRAY['owner', 'admin', 'manager', 'employee'])
  FROM unnest(ARRAY['app.quotes', 'app.quote_lines', 'app.quote_events']) t;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['app.quotes', 'app.quote_lines', 'app.quote_events'] LOOP
    EXECUTE format('CREATE TRIGGER touch BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at()', t);
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit.record_change()', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON app.quotes TO "${person_role}";
GRANT SELECT ON app.quote_lines, app.quote_events TO "${person_role}";
