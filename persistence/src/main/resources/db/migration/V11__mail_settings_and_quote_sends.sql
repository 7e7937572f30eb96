-- Sending quotes by e-mail (docs/mail.md): each person's own SMTP settings, and the record of every send on the quote.

-- ---------------------------------------------------------------------------------------------
-- A person's own outgoing mail server
-- ---------------------------------------------------------------------------------------------

-- One row per person, not per organization: the settings follow the person into every organization they work in
-- (one person, one mail account). Only the person reads or writes their row: no policy for owners or admins, who
-- cannot even see whether a colleague has settings. The password is stored only as sealed by the client
-- (common.SecretBox: AES-256-GCM, "v1." and base64url, the key in the person's local data folder, the user id as
-- associated data), so neither this table nor a dump of it holds the password.
-- Left out of the audit trigger on purpose: the audit log is readable by owners, admins and managers and would
-- keep every old server, user name and sealed password (CatalogRulesTest lists it as the one exception).
CREATE TABLE app.smtp_settings (
  user_id          uuid PRIMARY KEY DEFAULT sec.current_user_id() REFERENCES sec.users (id),
  host             text NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
  port             integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  security         text NOT NULL CHECK (security IN ('none', 'starttls', 'ssl_tls')),
  username         text CHECK (length(username) BETWEEN 1 AND 320),
  -- A sealed value is at least 53 characters ("v1." + base64url of key id, nonce, one byte and the tag): a plain
  -- password written by mistake (or by a client that skips sealing) is refused.
  password_sealed  text CHECK (password_sealed ~ '^v1\.[A-Za-z0-9_-]{50,}$' AND length(password_sealed) <= 4000),
  from_address     text NOT NULL CHECK (from_address ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(from_address) <= 320),
  from_name        text CHECK (length(from_name) <= 200),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0,
  -- Signing in needs a password; without a user name (an internal relay) none is kept.
  CHECK ((username IS NULL) = (password_sealed IS NULL))
);
COMMENT ON TABLE app.smtp_settings IS
  'Each person''s own SMTP server; only the person sees the row; password_sealed opens only with the key on their computer.';

ALTER TABLE app.smtp_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.smtp_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY own_row ON app.smtp_settings
  USING (user_id = (SELECT sec.current_user_id())) WITH CHECK (user_id = (SELECT sec.current_user_id()));
-- Every table people delete from has a restrictive DELETE policy (CatalogRulesTest); here it repeats own_row.
CREATE POLICY own_row_delete ON app.smtp_settings AS RESTRICTIVE FOR DELETE
  USING (user_id = (SELECT sec.current_user_id()));
CREATE TRIGGER touch BEFORE UPDATE ON app.smtp_settings FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
GRANT SELECT, INSERT, UPDATE, DELETE ON app.smtp_settings TO "${person_role}";

-- ---------------------------------------------------------------------------------------------
-- Sends of a quote
-- ---------------------------------------------------------------------------------------------

-- Every time a quote left Workline by e-mail (mail.SendRecord): a draft handed to the person's mail program
-- (channel draft: prepared, not known to be sent) or a message the person's SMTP server accepted (channel smtp).
-- Insert-only, by owners, admins, managers and employees of the quote's organization; read by its members.
-- What the database can vouch for: who recorded it (sent_by, set here) and when (created_at, set here); the rest
-- (recipients, Message-ID, sent_at) is what the person's client reports, since the database cannot see SMTP.
CREATE TABLE app.quote_sends (
  organization_id   uuid NOT NULL REFERENCES app.organizations (id),
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  quote_id          uuid NOT NULL,
  channel           text NOT NULL CHECK (channel IN ('draft', 'smtp')),
  sent_by           uuid NOT NULL REFERENCES sec.users (id),
  from_address      text CHECK (length(from_address) <= 320),
  recipients        text[] NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 500
                                           AND array_position(recipients, NULL) IS NULL
                                           AND length(array_to_string(recipients, ',')) <= 160000),
  sent_at           timestamptz NOT NULL,
  message_id        text CHECK (length(message_id) <= 998),
  subject           text NOT NULL CHECK (length(subject) <= 500),
  attachment_names  text[] NOT NULL DEFAULT '{}' CHECK (cardinality(attachment_names) <= 100
                                                         AND length(array_to_string(attachment_names, ',')) <= 30000),
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, quote_id) REFERENCES app.quotes (organization_id, id),
  -- SMTP sending knows its Message-ID; a draft gets one from the mail program only when it is sent.
  CHECK ((channel = 'smtp') = (message_id IS NOT NULL))
);
CREATE INDEX quote_sends_by_quote ON app.quote_sends (organization_id, quote_id, sent_at);

-- A send names the quote by its number, so a draft (no number) is never recorded: the client sends (issues) it
-- first. The person's own id and the time are set here, whatever the client wrote. A person without a writer role
-- in the row's organization is left to row-level security (its error, not ours). The migrations' owner (fixtures)
-- writes rows as they are.
CREATE FUNCTION app.quote_send_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_user <> '${owner_role}' THEN
    IF NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
      RETURN NEW;
    END IF;
    NEW.sent_by := sec.current_user_id();
    NEW.created_at := now();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM app.quotes q
                  WHERE q.organization_id = NEW.organization_id AND q.id = NEW.quote_id AND q.number IS NOT NULL) THEN
    RAISE EXCEPTION 'A quote can be e-mailed once it has a number: send the draft first.' USING ERRCODE = 'WL002';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER quote_sends_guard BEFORE INSERT ON app.quote_sends FOR EACH ROW EXECUTE FUNCTION app.quote_send_guard();

SELECT sec.add_tenant_policies('app.quote_sends', ARRAY['owner', 'admin', 'manager', 'employee']);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON app.quote_sends
  FOR EACH ROW EXECUTE FUNCTION audit.record_change();
GRANT SELECT, INSERT ON app.quote_sends TO "${person_role}";
