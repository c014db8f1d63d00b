#!/bin/sh
# PostgreSQL's entrypoint in docker-compose.yml: the image's own docker-entrypoint.sh, with one
# change. That script reads POSTGRES_PASSWORD_FILE into an exported POSTGRES_PASSWORD and ends
# with `exec postgres ...`, so the superuser password would stay in the server's environment
# (/proc/1/environ of the container, and of every backend it forks) for as long as it runs.
# With bin/ first on PATH, that last exec runs bin/postgres, which drops the password from the
# environment before it becomes the server. initdb and pg_ctl start the server binary found next
# to themselves, not on PATH, so initialisation is unchanged. Checked by deploy/test/compose-smoke.sh.
set -eu
PATH="$(dirname "$0")/bin:$PATH"
export PATH
exec docker-entrypoint.sh "$@"
