# Shared by the VPS scripts in deploy/vps (sourced, never run). Bash.
#
# Every host path is under OPENCLAW_ROOT (empty on a real VPS), so the hermetic tests
# (host-tests/) can run each script against a directory of their own with stub commands on PATH.
#
#   OPENCLAW_ROOT              prefix of every host path (default: none)
#   OPENCLAW_REPO_DIR          the checkout the stack runs from (default: this repository)
#   OPENCLAW_HOST_SECRETS_DIR  the containers' secrets (default /etc/ai-ops-runner/secrets)
#   OPENCLAW_HOST_ONLY_DIR     secrets only the host uses, e.g. the Tailscale auth key
#                              (default /etc/ai-ops-runner/host; root only, never mounted)
#   OPENCLAW_STATE_DIR         deployed commit, image tag, self-update state (default /var/lib/openclaw-hq)
#   COMPOSE_PROJECT_NAME       default openclaw-hq (as in .env, docs/DEPLOY.md)

VPS_ROOT=${OPENCLAW_ROOT:-}
VPS_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=${OPENCLAW_REPO_DIR:-$(cd "$VPS_HERE/../.." && pwd)}
# Compose may take the secrets directory from .env (docs/DEPLOY.md); the host scripts follow it.
if [ -z "${OPENCLAW_HOST_SECRETS_DIR:-}" ] && [ -f "$REPO_DIR/.env" ]; then
    OPENCLAW_HOST_SECRETS_DIR=$(sed -n 's/^OPENCLAW_HOST_SECRETS_DIR=//p' "$REPO_DIR/.env" | tail -n 1)
fi
SECRETS_DIR=${OPENCLAW_HOST_SECRETS_DIR:-$VPS_ROOT/etc/ai-ops-runner/secrets}
HOST_ONLY_DIR=${OPENCLAW_HOST_ONLY_DIR:-$VPS_ROOT/etc/ai-ops-runner/host}
STATE_DIR=${OPENCLAW_STATE_DIR:-$VPS_ROOT/var/lib/openclaw-hq}
SYSTEMD_DIR=$VPS_ROOT/etc/systemd/system
PROJECT=${COMPOSE_PROJECT_NAME:-openclaw-hq}
GATEWAY_BIND=127.0.0.1:8787
READY_URL=http://$GATEWAY_BIND/q/health/ready
WIREGUARD_PORT=41641

vps_name=$(basename "${BASH_SOURCE[1]:-vps}" .sh)
say() { printf '%s: %s\n' "$vps_name" "$*"; }
warn() { printf '%s: %s\n' "$vps_name" "$*" >&2; }
die() { printf '%s: refused: %s\n' "$vps_name" "$*" >&2; exit "${2:-1}"; }

require_root() {
    # The tests run as root too (the secrets are chowned to 1001); OPENCLAW_ROOT only moves paths.
    [ "$(id -u)" = 0 ] || die "run as root (sudo): it manages Docker, the firewall and /etc"
}

# True for an IPv4 address in Tailscale's CGNAT range 100.64.0.0/10 (100.64.0.0-100.127.255.255).
is_tailnet_ipv4() {
    local ip=$1 a b c d
    [[ $ip =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || return 1
    a=${BASH_REMATCH[1]} b=${BASH_REMATCH[2]} c=${BASH_REMATCH[3]} d=${BASH_REMATCH[4]}
    for octet in "$a" "$b" "$c" "$d"; do
        [[ $octet =~ ^(0|[1-9][0-9]*)$ ]] && ((octet <= 255)) || return 1
    done
    ((a == 100 && b >= 64 && b <= 127))
}

# This host's Tailscale IPv4 when Tailscale is up, else nothing. Everything that could lock the
# operator out (the firewall, sshd) is touched only when this answers.
tailnet_ip() {
    local ip
    ip=$(tailscale ip -4 2>/dev/null | head -n 1) || true
    if is_tailnet_ipv4 "$ip"; then printf '%s\n' "$ip"; fi
}

# docker compose (v2 plugin) or docker-compose (v1, Debian 12), run in the repository so that
# its .env (COMPOSE_PROJECT_NAME, COMPOSE_FILE) applies.
compose() {
    if docker compose version >/dev/null 2>&1; then
        (cd "$REPO_DIR" && docker compose "$@")
    elif command -v docker-compose >/dev/null 2>&1; then
        (cd "$REPO_DIR" && docker-compose "$@")
    else
        warn "neither 'docker compose' nor 'docker-compose' is installed (deploy/vps/bootstrap.sh installs it)"
        return 127
    fi
}

# The image tag of a commit: images are built once per commit, so a rollback needs no rebuild.
image_tag_of() { printf '%s\n' "${1:0:12}"; }

# The tag the stack runs (written after every healthy release; read by the systemd stack unit).
current_image_tag() {
    local file=$STATE_DIR/image.env
    [ -f "$file" ] && sed -n 's/^OPENCLAW_IMAGE_TAG=\([0-9a-f]\{1,40\}\)$/\1/p' "$file" | head -n 1
}

# Ready = the gateway answers its readiness probe on the loopback port and every container of
# the project reports "(healthy)". Tries OPENCLAW_HEALTH_ATTEMPTS times (default 84, every
# OPENCLAW_HEALTH_INTERVAL=5 seconds: 7 minutes, the compose smoke test's bound for JVM images).
stack_ready_once() {
    local statuses
    curl -fsS --max-time 5 -o /dev/null "$READY_URL" 2>/dev/null || return 1
    statuses=$(docker ps --all --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}} {{.Status}}' 2>/dev/null) || return 1
    [ -n "$statuses" ] || return 1
    [ -z "$(grep -v '(healthy)' <<<"$statuses")" ]
}
wait_stack_ready() {
    local attempts=${OPENCLAW_HEALTH_ATTEMPTS:-84} interval=${OPENCLAW_HEALTH_INTERVAL:-5} i
    for ((i = 1; i <= attempts; i++)); do
        stack_ready_once && return 0
        ((i < attempts)) && sleep "$interval"
    done
    return 1
}

alert() { "$VPS_HERE/alert.sh" "$@" || warn "alert not delivered (see above); continuing"; }

# --help: the script's header comment (every line after the shebang up to the first non-comment).
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
