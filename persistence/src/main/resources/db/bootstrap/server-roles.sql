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

-- What people may not do in this database, whatever organization they belong to (docs/security-model.md,
-- "Availability" and "Shared views"). Function and view privileges are per database: other databases of
-- the cluster keep PostgreSQL's defaults.
-- Large objects live outside every table and its row-level security: people could fill the disk with them.
REVOKE EXECUTE ON FUNCTION pg_catalog.lo_creat(integer), pg_catalog.lo_create(oid),
  pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid),
  pg_catalog.lo_put(oid, bigint, bytea), pg_catalog.lowrite(integer, bytea), pg_catalog.lo_open(oid, integer),
  pg_catalog.lo_truncate(integer, integer), pg_catalog.lo_truncate64(integer, bigint) FROM PUBLIC;
-- Activity counters and sizes of shared tables tell how busy other organizations are. pg_stat_activity
-- stays readable (other sessions show only an opaque login and "<insufficient privilege>"), as do pg_stats
-- and pg_stats_ext, which PostgreSQL already limits to tables the reader may select from.
DO $do$
DECLARE
  v_object text;
BEGIN
  FOR v_object IN
    SELECT p.oid::regprocedure::text FROM pg_proc p
     WHERE p.pronamespace = 'pg_catalog'::regnamespace
       AND ((p.proname LIKE 'pg\_stat\_get\_%' AND p.proname <> 'pg_stat_get_activity')
            OR p.proname LIKE 'pg\_stat\_have\_%'
            OR p.proname IN ('pg_lock_status', 'pg_relation_size', 'pg_total_relation_size', 'pg_table_size',
                             'pg_indexes_size', 'pg_database_size', 'pg_tablespace_size', 'pg_blocking_pids',
                             'pg_safe_snapshot_blocking_pids', 'pg_stat_get_snapshot_timestamp'))
  LOOP
    EXECUTE 'REVOKE EXECUTE ON FUNCTION ' || v_object || ' FROM PUBLIC';
  END LOOP;
  FOR v_object IN
    SELECT 'pg_catalog.' || quote_ident(c.relname) FROM pg_class c
     WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
       AND (c.relname LIKE 'pg\_stat%' OR c.relname = 'pg_locks')
       AND c.relname NOT IN ('pg_stat_activity', 'pg_stats', 'pg_stats_ext', 'pg_stats_ext_exprs')
  LOOP
    EXECUTE 'REVOKE SELECT ON ' || v_object || ' FROM PUBLIC';
  END LOOP;
END
$do$;
