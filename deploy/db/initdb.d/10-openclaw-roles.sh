#!/bin/sh
# Creates the database role and schema of every OpenClaw HQ service (deploy/db/role.sql), each
# role's password read from the mounted secrets file db_password_<role>.
#
# The official postgres image runs this once, on an empty data directory, against its temporary
# socket-only server. Run it again to apply changed password files:
#   docker compose exec postgres /docker-entrypoint-initdb.d/10-openclaw-roles.sh
#
# The entrypoint sources *.sh files that lack the execute bit, so everything runs in a subshell:
# "set -eu" and the variables here never leak into the entrypoint.
openclaw_init_roles() (
    set -eu
    secrets_dir="${OPENCLAW_SECRETS_DIR:-/run/openclaw_secrets}"
    role_sql="${OPENCLAW_ROLE_SQL:-/opt/openclaw/db/role.sql}"
    database="${POSTGRES_DB:-openclaw}"
    superuser="${POSTGRES_USER:-postgres}"

    roles="gateway llm_router doctor notify soma_sync runner"

    [ -r "$role_sql" ] || { echo "openclaw: $role_sql is not readable" >&2; exit 1; }
    # Every password file first: fail closed before touching the database, so a missing file
    # never leaves half the roles created (or one created with an empty password by a hasty fix).
    for role in $roles; do
        password_file="$secrets_dir/db_password_$role"
        if [ ! -s "$password_file" ] || [ ! -r "$password_file" ]; then
            echo "openclaw: $password_file is missing, empty or unreadable; run deploy/vps/init-secrets.sh" >&2
            exit 1
        fi
    done
    for role in $roles; do
        psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --quiet \
            --username "$superuser" --dbname "$database" \
            --set role="$role" --set db="$database" --set pwfile="$secrets_dir/db_password_$role" \
            --file "$role_sql"
        echo "openclaw: role and schema $role ready"
    done
)
openclaw_init_roles
