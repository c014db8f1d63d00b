#!/usr/bin/env bash
# The VPS's own health, as the deploy, the daily smoke test and `./hq vps doctor` read it. Read
# only: it changes nothing. Run as root on the VPS.
#
#   deploy/vps/doctor.sh                 one line per check: "PASS name: detail" / "FAIL name: why"
#   deploy/vps/doctor.sh --only binds    the bind check alone (the deploy's step after up)
#   deploy/vps/doctor.sh --json FILE     also writes the results as JSON to FILE (no secret in it)
#
# Checks: tailscale (a 100.64.0.0/10 address), firewall (UFW active, deny incoming, allow only
# tailscale0 and WireGuard's UDP port), stack (every container healthy), ready (the gateway's
# readiness on 127.0.0.1:8787), binds (every TCP listener on loopback or the tailnet, 127.0.0.1:8787
# among them; the only published container port 127.0.0.1:8787), serve (tailscale serve points at
# 127.0.0.1:8787), timers (self-update and smoke timers active), secrets (directory 0700 owned
# by 1001), self-update (no refused or failed origin/main). Exit 0 only when every check passes.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

only="" json=""
while [ $# -gt 0 ]; do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --only) only=${2:?--only needs a check name}; shift 2 ;;
        --json) json=${2:?--json needs a file}; shift 2 ;;
        *) die "unknown argument '$1' (--only NAME, --json FILE)" 2 ;;
    esac
done

NAMES=() STATUSES=() DETAILS=()
record() {
    NAMES+=("$1") STATUSES+=("$2") DETAILS+=("$3")
    printf '%s %s: %s\n' "$2" "$1" "$3"
}

# loopback, ::1, the tailnet's 100.64.0.0/10 and its IPv6 fd7a:115c:a1e0::/48
allowed_listen_address() {
    local address=$1
    address=${address#[}
    address=${address%]}
    address=${address%%%*}
    case $address in
        127.*|::1|fd7a:115c:a1e0:*) return 0 ;;
    esac
    is_tailnet_ipv4 "$address"
}

check_tailscale() {
    local ip
    ip=$(tailnet_ip)
    if [ -n "$ip" ]; then record tailscale PASS "up as $ip"; else record tailscale FAIL "no 100.64.0.0/10 address: Tailscale is down or logged out"; fi
}

check_firewall() {
    local status
    status=$(ufw status verbose 2>&1)
    if ! grep -q '^Status: active' <<<"$status"; then record firewall FAIL "UFW is not active"; return; fi
    if ! grep -q 'deny (incoming)' <<<"$status"; then record firewall FAIL "incoming is not denied by default"; return; fi
    local extra
    extra=$(grep -E 'ALLOW IN' <<<"$status" | grep -v -E "on tailscale0|^$WIREGUARD_PORT/udp" || true)
    if [ -n "$extra" ]; then record firewall FAIL "allows more than tailscale0 and $WIREGUARD_PORT/udp: $(head -n 1 <<<"$extra")"; return; fi
    grep -q 'on tailscale0' <<<"$status" || { record firewall FAIL "no rule allowing tailscale0"; return; }
    record firewall PASS "active, deny incoming, allow tailscale0 and $WIREGUARD_PORT/udp"
}

check_stack() {
    local statuses bad
    statuses=$(docker ps --all --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}} {{.Status}}' 2>&1) ||
        { record stack FAIL "docker ps failed: $(head -n 1 <<<"$statuses")"; return; }
    [ -n "$statuses" ] || { record stack FAIL "no container of project $PROJECT"; return; }
    bad=$(grep -v '(healthy)' <<<"$statuses" || true)
    if [ -n "$bad" ]; then record stack FAIL "not healthy: $(tr '\n' ';' <<<"$bad")"; else record stack PASS "$(wc -l <<<"$statuses") containers healthy"; fi
}

check_ready() {
    if curl -fsS --max-time 5 -o /dev/null "$READY_URL" 2>/dev/null; then record ready PASS "$READY_URL answers"; else record ready FAIL "$READY_URL does not answer 200"; fi
}

check_binds() {
    local listeners address public=() gateway=0 ports
    listeners=$(ss -H -ltn 2>&1) || { record binds FAIL "ss failed"; return; }
    while read -r _ _ _ address _; do
        [ -n "$address" ] || continue
        [ "$address" = "$GATEWAY_BIND" ] && gateway=1
        allowed_listen_address "${address%:*}" || public+=("$address")
    done <<<"$listeners"
    ports=$(docker ps --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Ports}}' 2>/dev/null | tr ',' '\n' | sed 's/^ *//' | grep -- '->' | sort -u)
    if ((${#public[@]})); then record binds FAIL "listening beyond loopback and the tailnet: ${public[*]}"; return; fi
    if [ "$gateway" = 0 ]; then record binds FAIL "nothing listens on $GATEWAY_BIND"; return; fi
    if [ -n "$(grep -v "^$GATEWAY_BIND->8080/tcp\$" <<<"$ports")" ]; then record binds FAIL "published container ports other than $GATEWAY_BIND: $(tr '\n' ' ' <<<"$ports")"; return; fi
    record binds PASS "only loopback and tailnet listeners; $GATEWAY_BIND is the one published port"
}

check_serve() {
    local status
    status=$(tailscale serve status 2>&1) || { record serve FAIL "tailscale serve status failed"; return; }
    if grep -q "$GATEWAY_BIND" <<<"$status"; then record serve PASS "HTTPS on the tailnet proxies to $GATEWAY_BIND"; else record serve FAIL "tailscale serve does not point at $GATEWAY_BIND"; fi
}

check_timers() {
    local timer down=()
    for timer in openclaw-hq-update.timer openclaw-hq-smoke.timer; do
        systemctl is-active --quiet "$timer" || down+=("$timer")
    done
    if ((${#down[@]})); then record timers FAIL "not active: ${down[*]}"; else record timers PASS "self-update and smoke timers active"; fi
}

check_secrets() {
    local mode
    mode=$(stat -c '%a %u' "$SECRETS_DIR" 2>/dev/null) || { record secrets FAIL "$SECRETS_DIR does not exist"; return; }
    if [ "$mode" = "700 1001" ]; then record secrets PASS "$SECRETS_DIR 0700 owned by 1001"; else record secrets FAIL "$SECRETS_DIR is mode/owner $mode, expected 700 1001"; fi
}

check_self_update() {
    local state=$STATE_DIR/self-update.state deployed=none
    [ -f "$STATE_DIR/deployed" ] && deployed=$(head -c 12 "$STATE_DIR/deployed")
    if [ -f "$state" ]; then record self-update FAIL "running $deployed; origin/main $(cut -c1-12 "$state" | head -n 1) $(cut -d' ' -f2 "$state")"; else record self-update PASS "running $deployed"; fi
}

ALL=(tailscale firewall stack ready binds serve timers secrets self-update)
if [ -n "$only" ]; then
    grep -qx -- "$only" <<<"$(printf '%s\n' "${ALL[@]}")" || die "no check '$only' (${ALL[*]})" 2
    ALL=("$only")
fi
for name in "${ALL[@]}"; do "check_${name//-/_}"; done

failed=0
for status in "${STATUSES[@]}"; do [ "$status" = PASS ] || failed=$((failed + 1)); done
printf 'doctor: %d passed, %d failed\n' $((${#STATUSES[@]} - failed)) "$failed"

if [ -n "$json" ]; then
    {
        printf '{"passed":%d,"failed":%d,"checks":[' $((${#STATUSES[@]} - failed)) "$failed"
        for i in "${!NAMES[@]}"; do
            detail=${DETAILS[$i]//\\/\\\\}
            detail=${detail//\"/\\\"}
            printf '%s{"name":"%s","status":"%s","detail":"%s"}' "$([ "$i" = 0 ] || echo ,)" "${NAMES[$i]}" "${STATUSES[$i]}" "$detail"
        done
        printf ']}\n'
    } >"$json"
fi
[ "$failed" = 0 ]
