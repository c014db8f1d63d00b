-- One OpenClaw HQ service's database role and schema. Run by deploy/db/initdb.d/10-openclaw-roles.sh
-- once per role, with psql variables role (the role and schema name), db (the database) and
-- pwfile (the secrets file holding the role's password). Safe to run again: that is how a changed
-- password file is applied (see docs/DEPLOY.md, "Rotating a database password").

-- The password must never reach the server log: an error in this session would otherwise log the
-- failing statement, password literal included.
SET log_statement = 'none';
SET log_min_error_statement = 'panic';

-- Read by psql from the mounted secrets file: never in argv, never in the environment.
\set pw `cat :'pwfile'`

-- The role, created on first run. A DO block cannot see psql variables, so the name travels in a
-- session setting.
SET openclaw.role = :'role';
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_setting('openclaw.role')) THEN
        EXECUTE format('CREATE ROLE %I', current_setting('openclaw.role'));
    END IF;
END
$$;

-- A login and nothing more: no superuser, no role or database creation, no replication, no RLS bypass,
-- no inherited rights. The connection limit covers the pool (8) plus Flyway with room to spare.
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS
    CONNECTION LIMIT 20 PASSWORD :'pw';
\unset pw

-- Its own schema, owned by it, usable by nobody else.
CREATE SCHEMA IF NOT EXISTS :"role" AUTHORIZATION :"role";
ALTER SCHEMA :"role" OWNER TO :"role";
REVOKE ALL ON SCHEMA :"role" FROM PUBLIC;
ALTER ROLE :"role" IN DATABASE :"db" SET search_path = :"role";

-- The database: only the service roles may connect, and nobody may create anything outside their
-- own schema (no temporary tables, nothing in public).
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"role";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
-- The maintenance database is the superuser's alone.
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
