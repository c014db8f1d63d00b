#!/usr/bin/env bash
# The entrypoint of the PostgreSQL stand-in image (deploy/test/standins/postgres), used only by
# the compose smoke test, where the official postgres image cannot be pulled. It keeps the
# official image's documented contract, the parts docker-compose.yml relies on:
#
#   - the command "postgres ..." (or one starting with "-") starts the server; anything else is
#     exec'ed as it is
#   - POSTGRES_PASSWORD, POSTGRES_USER (default postgres), POSTGRES_DB (default the user) and
#     POSTGRES_INITDB_ARGS, each also as <NAME>_FILE naming a file that holds the value; the value
#     ends up exported in the environment, as the official script does, so a leak the official
#     image would have shows here too (deploy/db/entrypoint.sh removes it)
#   - on an empty PGDATA only: initdb with the superuser password, "host all all all <method>" in
#     pg_hba.conf (the method of password_encryption), then a temporary server on the Unix socket
#     only, the database POSTGRES_DB created, /docker-entrypoint-initdb.d/* processed in order
#     (*.sh executed when executable, sourced otherwise; *.sql run with psql), the server stopped
#   - any uid: when the uid has no passwd entry, initdb runs under nss_wrapper
#   - as root: PGDATA handed to the postgres user, then the script runs again as that user
#
# Written for this project from the image's documentation; not a copy of the official script.
set -Eeo pipefail

die() { printf 'postgres stand-in: %s\n' "$*" >&2; exit 1; }

# NAME [DEFAULT]: NAME's value, or the contents of the file NAME_FILE names; exported.
from_env_or_file() {
    local name=$1 default=${2:-} file_name="$1_FILE" value
    value=${!name:-}
    if [ -n "${!file_name:-}" ]; then
        [ -z "$value" ] || die "both $name and $file_name are set; use one"
        [ -r "${!file_name}" ] || die "$file_name names ${!file_name}, which cannot be read"
        value=$(<"${!file_name}")
    fi
    export "$name=${value:-$default}"
    unset "$file_name"
}

# The statement runner init scripts get as "${psql[@]}", as in the official image.
run_sql() {
    local args=(-v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
    [ -z "$POSTGRES_DB" ] || args+=(--dbname "$POSTGRES_DB")
    PGHOST= PGHOSTADDR= psql "${args[@]}" "$@"
}

initialise() {
    # the server's own options from the command line (without "postgres"), for -C and pg_ctl
    local server_args=("$@")
    if [ -z "$POSTGRES_PASSWORD" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
        die "the database is not initialised and no superuser password is set (POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE)"
    fi
    ls /docker-entrypoint-initdb.d/ >/dev/null

    local nss_passwd='' nss_group='' wrapper
    if ! getent passwd "$(id -u)" >/dev/null 2>&1; then
        for wrapper in /usr/lib/*/libnss_wrapper.so /usr/lib/libnss_wrapper.so; do
            [ -s "$wrapper" ] || continue
            nss_passwd=$(mktemp) nss_group=$(mktemp)
            printf 'postgres:x:%s:%s:PostgreSQL:%s:/bin/false\n' "$(id -u)" "$(id -g)" "$PGDATA" >"$nss_passwd"
            printf 'postgres:x:%s:\n' "$(id -g)" >"$nss_group"
            break
        done
    fi
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, split on purpose
    if [ -n "$nss_passwd" ]; then
        LD_PRELOAD=$wrapper NSS_WRAPPER_PASSWD=$nss_passwd NSS_WRAPPER_GROUP=$nss_group \
            initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
        rm -f "$nss_passwd" "$nss_group"
    else
        initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
    fi

    local method=${POSTGRES_HOST_AUTH_METHOD:-}
    [ -n "$method" ] || method=$(postgres -C password_encryption "${server_args[@]}")
    printf '\nhost all all all %s\n' "$method" >>"$PGDATA/pg_hba.conf"

    export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
    PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -w start \
        -o "$(printf '%q ' "${server_args[@]}" -c listen_addresses= -p "${PGPORT:-5432}")"

    if [ -z "$(POSTGRES_DB='' run_sql --dbname postgres --tuples-only --set db="$POSTGRES_DB" \
            <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")" ]; then
        POSTGRES_DB='' run_sql --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi

    # init scripts written for the official image may call "${psql[@]}"
    local psql=(run_sql) f
    for f in /docker-entrypoint-initdb.d/*; do
        case "$f" in
            *.sh)
                if [ -x "$f" ]; then
                    printf '%s: running %s\n' "$0" "$f"; "$f"
                else
                    printf '%s: sourcing %s\n' "$0" "$f"
                    # shellcheck disable=SC1090
                    . "$f"
                fi ;;
            *.sql) printf '%s: running %s\n' "$0" "$f"; run_sql -f "$f" ;;
            *.sql.gz) printf '%s: running %s\n' "$0" "$f"; gunzip -c "$f" | run_sql ;;
            *) [ ! -e "$f" ] || printf '%s: ignoring %s\n' "$0" "$f" ;;
        esac
    done

    PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -m fast -w stop
    unset PGPASSWORD
    printf '\nPostgreSQL init process complete; ready for start up.\n\n'
}

main() {
    if [ "${1:0:1}" = - ]; then
        set -- postgres "$@"
    fi
    if [ "$1" != postgres ]; then
        exec "$@"
    fi
    local arg
    for arg; do
        case "$arg" in -'?'|--help|--describe-config|-V|--version) exec "$@" ;; esac
    done

    from_env_or_file POSTGRES_PASSWORD
    from_env_or_file POSTGRES_USER postgres
    from_env_or_file POSTGRES_DB "$POSTGRES_USER"
    from_env_or_file POSTGRES_INITDB_ARGS

    mkdir -p "$PGDATA"
    chmod 0700 "$PGDATA" 2>/dev/null || :
    mkdir -p /var/run/postgresql 2>/dev/null || :
    if [ "$(id -u)" = 0 ]; then
        find "$PGDATA" /var/run/postgresql \! -user postgres -exec chown postgres: '{}' + 2>/dev/null || :
        exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
    fi

    if [ -s "$PGDATA/PG_VERSION" ]; then
        printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
    else
        initialise "${@:2}"
    fi
    exec "$@"
}

main "$@"
