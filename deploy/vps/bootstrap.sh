#!/usr/bin/env bash
# Prepares a VPS for OpenClaw HQ. Idempotent: run it again any time (every `./hq vps deploy` does);
# a second run changes nothing that is already right. Run as root in the checkout.
#
#   deploy/vps/bootstrap.sh                         everything below
#   deploy/vps/bootstrap.sh --tailscale-authkey-stdin
#                                                   reads a Tailscale auth key on stdin (first
#                                                   bootstrap only), keeps it 0600 in the host-only
#                                                   directory and logs in with it (never in argv)
#
#   1. packages: Docker with Compose, Tailscale, UFW, git, curl, rsync (apt-get, only when missing)
#   2. Tailscale up (with the stored auth key when not logged in yet)
#   3. firewall, ONLY when Tailscale is up with a 100.64.0.0/10 address: UFW denies all incoming
#      except the tailscale0 interface and WireGuard's UDP port 41641, allows outgoing. With
#      Tailscale down nothing that could lock the operator out is touched (exit 3 at the end).
#   4. secrets: deploy/vps/init-secrets.sh (directory 0700, files 0600, owner 1001:1001: the
#      containers' uid) and the host-only directory (root, 0700; files 0600); the checkout's .env
#      (COMPOSE_PROJECT_NAME, COMPOSE_FILE with the JVM images) when there is none
#   5. systemd: deploy/systemd/openclaw-hq* installed with this checkout's path; the stack unit enabled, the
#      self-update timer (every 15 min) and the smoke timer (06:00 UTC) enabled and started;
#      daemon-reload only when a unit changed
#   6. the host guard: deploy/vps/guard_install.sh runs deploy/host's installer
#      (OPENCLAW_GUARD_INSTALLER, default deploy/host/install_guard.sh) when present, else says it
#      skipped it (--skip-guard: the deploy runs that as a step of its own)
#
# Exit 0 done; 1 refused/failed; 3 done except the firewall, because Tailscale is down.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

authkey_stdin=0 skip_guard=0
while [ $# -gt 0 ]; do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --tailscale-authkey-stdin) authkey_stdin=1; shift ;;
        --skip-guard) skip_guard=1; shift ;;
        *) die "unknown argument '$1' (--tailscale-authkey-stdin, --skip-guard, --help)" 2 ;;
    esac
done
require_root

# ------------------------------------------------------------------------- 1. packages
missing=()
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then missing+=(docker-compose); fi
command -v ufw >/dev/null 2>&1 || missing+=(ufw)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v tailscale >/dev/null 2>&1 || missing+=(tailscale)
if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    apt-get update -qq || warn "apt-get update failed; installing from the lists there are"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" ||
        die "apt-get could not install ${missing[*]} (tailscale needs its own package repository, see its install docs)"
else
    say "packages: docker, compose, ufw, git, curl, rsync and tailscale present"
fi
systemctl is-enabled --quiet docker.service 2>/dev/null || systemctl enable --now docker.service

# ------------------------------------------------------------------------- 2. Tailscale
mkdir -p "$HOST_ONLY_DIR"
chown root:root "$HOST_ONLY_DIR"
chmod 0700 "$HOST_ONLY_DIR"
authkey=$HOST_ONLY_DIR/tailscale_authkey
if [ "$authkey_stdin" = 1 ]; then
    (umask 077 && head -c 4096 | tr -d '\r\n' >"$authkey.tmp") && mv "$authkey.tmp" "$authkey"
    [ -s "$authkey" ] || die "no auth key on stdin"
fi
[ -f "$authkey" ] && chmod 0600 "$authkey"
ts_ip=$(tailnet_ip)
if [ -z "$ts_ip" ] && [ -s "$authkey" ]; then
    say "logging in to the tailnet with the stored auth key"
    tailscale up --auth-key="file:$authkey" || warn "tailscale up failed"
    ts_ip=$(tailnet_ip)
fi

# ------------------------------------------------------------------------- 3. firewall
firewall=applied
if [ -z "$ts_ip" ]; then
    firewall=skipped
    warn "Tailscale is down: the firewall (and sshd) left untouched, so this session cannot be locked out."
    warn "bring Tailscale up (tailscale up, or --tailscale-authkey-stdin) and run bootstrap again"
else
    say "Tailscale up as $ts_ip; applying the firewall"
    # Allow rules first, enable last: enabling never happens without the tailnet rules in place.
    ufw allow in on tailscale0 >/dev/null
    ufw allow "$WIREGUARD_PORT/udp" >/dev/null
    ufw default deny incoming >/dev/null
    ufw default allow outgoing >/dev/null
    # read whole before matching: grep -q leaving early would break ufw's pipe (and pipefail)
    ufw_status=$(ufw status 2>&1 || true)
    if grep -q '^Status: active' <<<"$ufw_status"; then
        say "UFW already active"
    else
        ufw --force enable >/dev/null
        say "UFW enabled: reconnect over the tailnet (ssh root@$ts_ip)"
    fi
fi

# ------------------------------------------------------------------------- 4. secrets
OPENCLAW_HOST_SECRETS_DIR=$SECRETS_DIR "$REPO_DIR/deploy/vps/init-secrets.sh" >/dev/null
say "secrets: $SECRETS_DIR (0700, files 0600, owner 1001:1001); host-only: $HOST_ONLY_DIR (root, 0700)"
# Compose's .env beside docker-compose.yml: project name and the JVM images (docs/DEPLOY.md).
# Created once; the operator's later edits are kept (release.sh manages only OPENCLAW_IMAGE_TAG).
if [ ! -f "$REPO_DIR/.env" ]; then
    printf 'COMPOSE_PROJECT_NAME=%s\nCOMPOSE_FILE=docker-compose.yml:deploy/docker/compose.jvm.yml\n' "$PROJECT" >"$REPO_DIR/.env"
    say "created .env: project $PROJECT, JVM images"
fi
mkdir -p "$STATE_DIR"
chmod 0700 "$STATE_DIR"

# ------------------------------------------------------------------------- 5. systemd units
mkdir -p "$SYSTEMD_DIR"
changed=0
# only the stack's own units: the guard's (openclaw-guard.*) are its installer's
for unit in "$REPO_DIR"/deploy/systemd/openclaw-hq*.service "$REPO_DIR"/deploy/systemd/openclaw-hq*.timer; do
    name=$(basename "$unit")
    rendered=$(sed "s|@REPO_DIR@|$REPO_DIR|g" "$unit")
    if [ ! -f "$SYSTEMD_DIR/$name" ] || [ "$(cat "$SYSTEMD_DIR/$name")" != "$rendered" ]; then
        printf '%s\n' "$rendered" >"$SYSTEMD_DIR/$name.tmp"
        chmod 0644 "$SYSTEMD_DIR/$name.tmp"
        mv "$SYSTEMD_DIR/$name.tmp" "$SYSTEMD_DIR/$name"
        say "unit $name installed"
        changed=1
    fi
done
[ "$changed" = 0 ] || systemctl daemon-reload
systemctl is-enabled --quiet openclaw-hq.service 2>/dev/null || systemctl enable openclaw-hq.service
for timer in openclaw-hq-update.timer openclaw-hq-smoke.timer; do
    if systemctl is-enabled --quiet "$timer" 2>/dev/null && systemctl is-active --quiet "$timer" 2>/dev/null; then
        continue
    fi
    systemctl enable --now "$timer"
    say "timer $timer enabled"
done

# ------------------------------------------------------------------------- 6. the host guard
if [ "$skip_guard" = 0 ]; then "$VPS_HERE/guard_install.sh"; fi

if [ "$firewall" = skipped ]; then
    warn "bootstrap done EXCEPT the firewall (Tailscale down)"
    exit 3
fi
say "bootstrap done"
