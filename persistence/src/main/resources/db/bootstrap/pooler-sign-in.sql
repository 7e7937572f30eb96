-- Run by `workline admin init-server --pooler-login NAME`, connected as a superuser: PgBouncer's auth_query
-- (docs/scale-out.md). Placeholders ${...} are replaced by the Java bootstrap (identifiers are validated there).
-- Idempotent. PostgreSQL keeps password verifiers in pg_authid, which only superusers read; so:
--   * the lookup role (NOLOGIN, owns nothing else) may read five columns of pg_authid, in this database only
--     (the grant is kept in this database's own pg_class row of the shared catalog);
--   * its SECURITY DEFINER function returns the verifier of Workline's person logins only: direct members of the
--     person group, named like one (<prefix>_u_...), never a superuser, the owner role, the pooler or IT's logins;
--   * only the pooler's login may use the schema and call the function; it has no other privilege.
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${lookup_role}') THEN
    CREATE ROLE "${lookup_role}" NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${pooler_login}') THEN
    CREATE ROLE "${pooler_login}" LOGIN NOINHERIT;
  END IF;
END
$do$;
ALTER ROLE "${lookup_role}" NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE "${pooler_login}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS
  CONNECTION LIMIT 10 PASSWORD '${pooler_verifier}';
GRANT CONNECT ON DATABASE "${database}" TO "${pooler_login}";
GRANT SELECT (oid, rolname, rolpassword, rolvaliduntil, rolsuper) ON pg_catalog.pg_authid TO "${lookup_role}";

CREATE SCHEMA IF NOT EXISTS pgbouncer AUTHORIZATION "${lookup_role}";
REVOKE ALL ON SCHEMA pgbouncer FROM PUBLIC;
GRANT USAGE ON SCHEMA pgbouncer TO "${pooler_login}";

-- A deactivated person (NOLOGIN) is returned too: PgBouncer then passes on the server's "not permitted to log in",
-- and the client says "your account has been deactivated" as it does without PgBouncer.
-- No row for anyone else (a set-returning function: a plain record would be one row of NULLs).
DROP FUNCTION IF EXISTS pgbouncer.user_lookup(text);
CREATE FUNCTION pgbouncer.user_lookup(p_login text)
  RETURNS TABLE (login text, verifier text) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
  SELECT a.rolname::text, CASE WHEN a.rolvaliduntil < now() THEN NULL ELSE a.rolpassword END
    FROM pg_catalog.pg_authid a
   WHERE a.rolname = p_login
     AND a.rolname LIKE '${role_prefix}\_u\_%'
     AND NOT a.rolsuper
     AND EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                  WHERE m.member = a.oid AND m.roleid = '${person_role}'::regrole)
$fn$;
ALTER FUNCTION pgbouncer.user_lookup(text) OWNER TO "${lookup_role}";
REVOKE ALL ON FUNCTION pgbouncer.user_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pgbouncer.user_lookup(text) TO "${pooler_login}";
