-- Run once per database by `workline admin init-server`, connected as a superuser.
-- Placeholders ${...} are replaced by the Java bootstrap (identifiers are validated there).
-- Idempotent: running it again changes nothing.

-- The owner role owns every Workline object; migrations and the admin command line act as it.
-- CREATEROLE: its SECURITY DEFINER functions create and disable person logins.
-- BYPASSRLS: those functions verify the caller themselves; benchmarks use it to price isolation.
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner_role}') THEN
    CREATE ROLE "${owner_role}" NOLOGIN CREATEROLE BYPASSRLS;
  END IF;
END
$do$;

-- The person group role, created by the owner so that the owner may grant it (PostgreSQL 16+ rules).
SET ROLE "${owner_role}";
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${person_role}') THEN
    CREATE ROLE "${person_role}" NOLOGIN;
  END IF;
END
$do$;
RESET ROLE;

ALTER DATABASE "${database}" OWNER TO "${owner_role}";
REVOKE ALL ON DATABASE "${database}" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "${database}" TO "${person_role}";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO "${owner_role}";

-- Installation facts read by later migrations and by `workline admin migrate`.
CREATE SCHEMA IF NOT EXISTS meta AUTHORIZATION "${owner_role}";
REVOKE ALL ON SCHEMA meta FROM PUBLIC;
CREATE TABLE IF NOT EXISTS meta.installation (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  role_prefix text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE meta.installation OWNER TO "${owner_role}";
INSERT INTO meta.installation (role_prefix) VALUES ('${role_prefix}') ON CONFLICT (singleton) DO NOTHING;

-- Extensions, created as the owner (both are trusted extensions). pg_trgm serves search-as-you-type.
SET ROLE "${owner_role}";
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
RESET ROLE;
