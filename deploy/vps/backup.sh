#!/bin/sh
# Backs up what OpenClaw HQ cannot recreate: the database (runs, audit chain, ledgers, alert
# state) and the artifacts volume (run.json, output.log, evidence bundles). Secrets are NOT
# included: back up the secrets directory separately, encrypted, and never beside these files.
#
#   deploy/vps/backup.sh [DEST_DIR]        default /var/backups/openclaw-hq
#
# Run from the repository directory (where docker-compose.yml is) while the stack is up.
# A daily cron line:  15 3 * * * cd /opt/openclaw-hq && deploy/vps/backup.sh >/dev/null
set -eu

dest="${1:-/var/backups/openclaw-hq}"
keep_days="${OPENCLAW_BACKUP_KEEP_DAYS:-14}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
project="${COMPOSE_PROJECT_NAME:-openclaw-hq}"
postgres_image=$(docker compose config --images 2>/dev/null | grep '^postgres:' | head -n 1)
postgres_image="${postgres_image:-postgres:17.6-bookworm}"

umask 077
mkdir -p "$dest"

# A consistent logical dump of the one database, in pg_dump's custom format (pg_restore reads it).
# Roles are not dumped: they hold password verifiers, and restore recreates them from the secrets
# files with deploy/db/initdb.d/10-openclaw-roles.sh.
docker compose exec -T postgres pg_dump --username postgres --dbname openclaw --format custom \
    > "$dest/openclaw-db-$stamp.dump.partial"
mv "$dest/openclaw-db-$stamp.dump.partial" "$dest/openclaw-db-$stamp.dump"

# The artifacts volume, read-only, through the postgres image already on the host (it has tar).
docker run --rm --network none --read-only --cap-drop ALL --security-opt no-new-privileges:true \
    --user 1001:1001 -v "${project}_artifacts:/artifacts:ro" --entrypoint tar "$postgres_image" \
    -C /artifacts -czf - . > "$dest/openclaw-artifacts-$stamp.tar.gz.partial"
mv "$dest/openclaw-artifacts-$stamp.tar.gz.partial" "$dest/openclaw-artifacts-$stamp.tar.gz"

find "$dest" -maxdepth 1 -type f -name 'openclaw-*' -mtime "+$keep_days" -delete
echo "backup written: $dest/openclaw-db-$stamp.dump, $dest/openclaw-artifacts-$stamp.tar.gz"
