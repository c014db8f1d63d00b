#!/usr/bin/env bash
# openclaw_fix_ssh_tailscale_only.sh — bind sshd to the Tailscale IPv4 only, fail-closed.
#
# Run as root on the VPS (the guard and POST /heal run it through the SSH probe gate):
#   sudo /usr/local/lib/openclaw/openclaw_fix_ssh_tailscale_only.sh
#
# Steps: refuse unless Tailscale has a 100.64.0.0/10 IPv4 (never risk a lockout); disable, stop
# and mask ssh.socket, sshd.socket and ssh@*.socket, then daemon-reload (socket activation binds
# :22 on every interface and ignores ListenAddress); ensure sshd_config includes
# sshd_config.d/*.conf; comment out conflicting ListenAddress/AddressFamily lines (with backups);
# write 99-tailscale-only.conf; validate with sshd -t and the effective config with sshd -T;
# restart the daemon unit that is in use (ssh.service or sshd.service); verify with ss that
# nothing listens publicly on the ssh port and that sshd listens on the Tailscale IP.
# Any failure rolls everything back (configs, drop-in, socket units) and exits non-zero.
#
# Hermetic tests: OPENCLAW_TEST_ROOT prefixes every file path and stub binaries on PATH stand in
# for tailscale, systemctl, sshd and ss (doctor-service RemediationScriptTest).
set -uo pipefail

ROOT="${OPENCLAW_TEST_ROOT:-}"
SSHD_CONFIG="$ROOT/etc/ssh/sshd_config"
DROPIN_DIR="$ROOT/etc/ssh/sshd_config.d"
DROPIN="$DROPIN_DIR/99-tailscale-only.conf"
INCLUDE_LINE="Include /etc/ssh/sshd_config.d/*.conf"
SETTLE_SECONDS="${OPENCLAW_SETTLE_SECONDS:-2}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
BACKUP_SUFFIX=".bak.openclaw.$STAMP"

BACKED_UP=()          # files we copied before changing them
DROPIN_EXISTED=0      # whether 99-tailscale-only.conf was there before (then it is backed up too)
SOCKETS_CHANGED=()    # socket units we disabled and masked
SERVICE=""

log() { printf '%s\n' "openclaw-fix-ssh: $*"; }

die_untouched() {
    log "ERROR: $*"
    log "nothing was changed"
    exit "${2:-1}"
}

backup() {
    local file="$1" f
    for f in "${BACKED_UP[@]+"${BACKED_UP[@]}"}"; do
        # the first backup of a run is the original; a later step must never overwrite it
        [ "$f" = "$file" ] && return 0
    done
    cp -p "$file" "$file$BACKUP_SUFFIX" || return 1
    BACKED_UP+=("$file")
    log "backup: $file$BACKUP_SUFFIX"
}

rollback() {
    log "ROLLBACK: $*"
    local f
    for f in "${BACKED_UP[@]+"${BACKED_UP[@]}"}"; do
        cp -p "$f$BACKUP_SUFFIX" "$f" && log "restored $f"
    done
    if [ "$DROPIN_EXISTED" -eq 0 ] && [ -e "$DROPIN" ]; then
        rm -f "$DROPIN" && log "removed $DROPIN"
    fi
    for f in "${SOCKETS_CHANGED[@]+"${SOCKETS_CHANGED[@]}"}"; do
        systemctl unmask "$f" >/dev/null 2>&1
        systemctl enable "$f" >/dev/null 2>&1
        log "re-enabled $f"
    done
    systemctl daemon-reload >/dev/null 2>&1
    if [ -n "$SERVICE" ]; then
        systemctl restart "$SERVICE.service" >/dev/null 2>&1 && log "restarted $SERVICE.service with the original config"
    fi
    log "FAILED: sshd left as it was before this run"
    exit 1
}

debug_dump() {
    log "--- sshd -T (listen) ---"
    sshd -T 2>&1 | grep -Ei '^(port|listenaddress|addressfamily)' || true
    log "--- systemctl status $SERVICE.service ---"
    systemctl status "$SERVICE.service" --no-pager 2>&1 | head -n 20 || true
    log "--- config lines ---"
    grep -HniE '^\s*#?\s*(ListenAddress|AddressFamily|Include)' "$SSHD_CONFIG" "$DROPIN_DIR"/*.conf 2>/dev/null || true
}

in_tailnet() {
    # 100.64.0.0/10: first octet 100, second 64..127
    local ip="$1" a b c d
    [[ "$ip" =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || return 1
    a="${BASH_REMATCH[1]}"; b="${BASH_REMATCH[2]}"; c="${BASH_REMATCH[3]}"; d="${BASH_REMATCH[4]}"
    [ "$a" -eq 100 ] && [ "$b" -ge 64 ] && [ "$b" -le 127 ] && [ "$c" -le 255 ] && [ "$d" -le 255 ]
}

# --- 0. preconditions: root, Tailscale up with a tailnet IPv4 ------------------------------------
if [ -z "$ROOT" ] && [ "$(id -u)" -ne 0 ]; then
    die_untouched "must run as root" 4
fi
[ -f "$SSHD_CONFIG" ] || die_untouched "$SSHD_CONFIG not found" 4

TS_IP="$(tailscale ip -4 2>/dev/null | head -n 1 | tr -d '[:space:]')"
if [ -z "$TS_IP" ]; then
    die_untouched "Tailscale has no IPv4 (down?): refusing to touch sshd (lockout prevention)" 2
fi
if ! in_tailnet "$TS_IP"; then
    die_untouched "tailscale ip -4 gave '$TS_IP', which is outside 100.64.0.0/10: refusing" 3
fi
log "Tailscale IPv4: $TS_IP"

# --- 1. which daemon unit is in use ------------------------------------------------------------
if systemctl is-active --quiet ssh.service; then
    SERVICE="ssh"
elif systemctl is-active --quiet sshd.service; then
    SERVICE="sshd"
elif systemctl list-unit-files ssh.service 2>/dev/null | grep -q '^ssh\.service'; then
    SERVICE="ssh"
elif systemctl list-unit-files sshd.service 2>/dev/null | grep -q '^sshd\.service'; then
    SERVICE="sshd"
else
    die_untouched "neither ssh.service nor sshd.service exists" 4
fi
log "daemon unit: $SERVICE.service"

# --- 2. socket activation off: disable, stop, mask; then daemon-reload -------------------------
SOCKETS=(ssh.socket sshd.socket)
while read -r unit _; do
    [ -n "$unit" ] && SOCKETS+=("$unit")
done < <(systemctl list-units --all --plain --no-legend 'ssh@*.socket' 'sshd@*.socket' 2>/dev/null)
for unit in "${SOCKETS[@]}"; do
    if systemctl is-enabled --quiet "$unit" 2>/dev/null || systemctl is-active --quiet "$unit" 2>/dev/null; then
        systemctl disable --now "$unit" >/dev/null 2>&1 || rollback "could not disable $unit"
        SOCKETS_CHANGED+=("$unit")
        systemctl mask "$unit" >/dev/null 2>&1 || rollback "could not mask $unit"
        log "disabled and masked $unit"
    fi
done
if [ "${#SOCKETS_CHANGED[@]}" -gt 0 ]; then
    # without the reload systemd keeps its cached view and the mask does not take effect before the restart
    systemctl daemon-reload || rollback "daemon-reload failed"
    for unit in "${SOCKETS_CHANGED[@]}"; do
        if systemctl is-active --quiet "$unit"; then
            systemctl kill "$unit" >/dev/null 2>&1
            systemctl stop "$unit" >/dev/null 2>&1
            systemctl is-active --quiet "$unit" && rollback "$unit is still active after stop and kill"
        fi
    done
fi

# --- 3. the Include directive, or the drop-in is ignored ---------------------------------------
if ! grep -Eq '^[[:space:]]*Include[[:space:]]+/etc/ssh/sshd_config\.d/\*\.conf' "$SSHD_CONFIG"; then
    backup "$SSHD_CONFIG" || rollback "could not back up $SSHD_CONFIG"
    { printf '%s\n' "$INCLUDE_LINE"; cat "$SSHD_CONFIG$BACKUP_SUFFIX"; } > "$SSHD_CONFIG" || rollback "could not add Include"
    log "added '$INCLUDE_LINE' to $SSHD_CONFIG"
fi

# --- 4. comment out conflicting ListenAddress / AddressFamily ----------------------------------
mkdir -p "$DROPIN_DIR" || rollback "could not create $DROPIN_DIR"
for file in "$SSHD_CONFIG" "$DROPIN_DIR"/*.conf; do
    [ -f "$file" ] || continue
    [ "$file" = "$DROPIN" ] && continue
    if grep -Eiq '^[[:space:]]*(ListenAddress|AddressFamily)[[:space:]]' "$file"; then
        backup "$file" || rollback "could not back up $file"
        sed -i -E 's/^([[:space:]]*)((ListenAddress|AddressFamily)[[:space:]].*)$/\1# disabled by openclaw: \2/I' "$file" \
            || rollback "could not edit $file"
        log "commented out ListenAddress/AddressFamily in $file"
    fi
done

# --- 5. the drop-in ----------------------------------------------------------------------------
if [ -e "$DROPIN" ]; then
    DROPIN_EXISTED=1
    backup "$DROPIN" || rollback "could not back up $DROPIN"
fi
cat > "$DROPIN" <<CONF || rollback "could not write $DROPIN"
# Managed by openclaw_fix_ssh_tailscale_only.sh: sshd reachable on the tailnet only.
AddressFamily inet
ListenAddress $TS_IP
CONF
log "wrote $DROPIN (ListenAddress $TS_IP)"

# --- 6. validate: syntax, then the effective config --------------------------------------------
sshd -t >/dev/null 2>&1 || rollback "sshd -t rejected the configuration"
EFFECTIVE="$(sshd -T 2>/dev/null)" || rollback "sshd -T failed"
PORT="$(printf '%s\n' "$EFFECTIVE" | awk 'tolower($1)=="port"{print $2; exit}')"
PORT="${PORT:-22}"
LISTEN="$(printf '%s\n' "$EFFECTIVE" | awk 'tolower($1)=="listenaddress"{print $2}')"
FAMILY="$(printf '%s\n' "$EFFECTIVE" | awk 'tolower($1)=="addressfamily"{print $2}')"
if [ "$LISTEN" != "$TS_IP:$PORT" ] && [ "$LISTEN" != "$TS_IP" ]; then
    rollback "effective listenaddress is '$(printf '%s' "$LISTEN" | tr '\n' ' ')', expected only $TS_IP:$PORT"
fi
[ "$FAMILY" = "inet" ] || rollback "effective addressfamily is '$FAMILY', expected inet"
log "sshd -t and sshd -T agree: listenaddress $TS_IP:$PORT, addressfamily inet"

# --- 7. restart and verify ---------------------------------------------------------------------
systemctl restart "$SERVICE.service" || rollback "systemctl restart $SERVICE.service failed"
sleep "$SETTLE_SECONDS"
LISTENERS="$(ss -lntp 2>/dev/null)" || rollback "ss -lntp failed"
PUBLIC="$(printf '%s\n' "$LISTENERS" | awk -v port="$PORT" '$1=="LISTEN" && ($4=="0.0.0.0:"port || $4=="[::]:"port || $4=="*:"port || $4==":::"port)')"
if [ -n "$PUBLIC" ]; then
    debug_dump
    rollback "port $PORT is still public after the restart: $PUBLIC"
fi
if ! printf '%s\n' "$LISTENERS" | awk -v want="$TS_IP:$PORT" '$1=="LISTEN" && $4==want {found=1} END {exit !found}'; then
    debug_dump
    rollback "sshd does not listen on $TS_IP:$PORT after the restart"
fi
log "OK: sshd listens on $TS_IP:$PORT only"
exit 0
