#!/bin/sh
# Creates the OpenClaw HQ secrets directory on the VPS and generates the secrets the suite makes
# for itself. Run as root, once before the first `docker compose up`, and again any time: it never
# overwrites an existing secret, and it puts owner and modes right on every file it finds.
#
#   sudo deploy/vps/init-secrets.sh            # default directory /etc/ai-ops-runner/secrets
#   sudo OPENCLAW_HOST_SECRETS_DIR=/srv/openclaw/secrets deploy/vps/init-secrets.sh
#
# Generated (random, 256 bits, hex): hq_internal_token, openclaw_console_token,
# db_password_postgres and db_password_<role> for the six service roles.
# Not generated (you bring them, see docs/DEPLOY.md): openai_api_key, mistral_api_key,
# pushover_*, twilio_*, kajabi_*, gmail_* ... put each in its own file with
#   sudo install -m 0600 -o 1001 -g 1001 /dev/stdin "$DIR/openai_api_key"   (paste, then Ctrl-D)
#
# Values are never printed, never passed as a command argument and never held in a variable that
# a child process could see: each is piped from /dev/urandom straight into its file.
set -eu

dir="${OPENCLAW_HOST_SECRETS_DIR:-/etc/ai-ops-runner/secrets}"
# Every container runs as 1001:1001 (docker-compose.yml); the files must be theirs to read.
owner_uid=1001
owner_gid=1001
generated="hq_internal_token openclaw_console_token db_password_postgres db_password_gateway
db_password_llm_router db_password_doctor db_password_notify db_password_soma_sync db_password_runner"

if [ "$(id -u)" != 0 ]; then
    echo "init-secrets: run as root (sudo): the directory belongs to uid $owner_uid" >&2
    exit 1
fi
case "$dir" in
    /*) ;;
    *) echo "init-secrets: OPENCLAW_HOST_SECRETS_DIR must be an absolute path" >&2; exit 1 ;;
esac
if getent passwd "$owner_uid" >/dev/null 2>&1; then
    login_user=$(getent passwd "$owner_uid" | cut -d: -f1)
    echo "init-secrets: warning: uid $owner_uid is the host user '$login_user', who can read every secret here." >&2
    echo "              Give that user another uid, or keep it a locked system account." >&2
fi

umask 077
mkdir -p "$dir"
chown "$owner_uid:$owner_gid" "$dir"
chmod 0700 "$dir"

for name in $generated; do
    file="$dir/$name"
    if [ -s "$file" ]; then
        echo "kept      $name"
    else
        # 32 random bytes as 64 hex characters, no newline; written to a temporary file first so
        # a crash never leaves a half-written secret behind.
        tmp="$file.tmp.$$"
        head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n' > "$tmp"
        mv "$tmp" "$file"
        echo "generated $name"
    fi
done

# Owner and mode for every secret, generated or brought.
find "$dir" -mindepth 1 -maxdepth 1 -type f -exec chown "$owner_uid:$owner_gid" {} + -exec chmod 0600 {} +
bad=$(find "$dir" -mindepth 1 -maxdepth 1 ! -type f -print | head -n 5)
if [ -n "$bad" ]; then
    echo "init-secrets: warning: not plain files (ignored by the services): $bad" >&2
fi

echo "secrets in $dir: owner $owner_uid:$owner_gid, directory 0700, files 0600"
echo "next: add the provider keys you use (docs/DEPLOY.md, step 2), then deploy: ./hq vps deploy --target <tailnet-ip>"
