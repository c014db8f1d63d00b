#!/usr/bin/env bash
# Sends one alert from the VPS host through the stack's notify-service (POST /alerts, the same
# path the doctor and the guard use: rate limits, maintenance windows, Pushover/SMS routing), or,
# when notify-service does not answer, straight to Pushover with the operator's keys.
#
#   deploy/vps/alert.sh CHECK_ID STATUS SEVERITY TITLE MESSAGE
#       STATUS FAIL|WARN|OK, SEVERITY info|warning|critical|emergency
#
# Secrets stay in files: curl reads the internal token as a header file (-H @file) and the
# Pushover keys with --data-urlencode name@file, so no secret is ever in a process's argv.
# Every alert is also appended to $OPENCLAW_STATE_DIR/alerts.log (no secret in it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; esac
[ $# -eq 5 ] || die "usage: alert.sh CHECK_ID STATUS SEVERITY TITLE MESSAGE" 2
check_id=$1 status=$2 severity=$3 title=$4 message=$5
case $status in FAIL | WARN | OK) ;; *) die "STATUS must be FAIL, WARN or OK, not '$status'" 2 ;; esac
case $severity in info | warning | critical | emergency) ;; *) die "SEVERITY must be info, warning, critical or emergency" 2 ;; esac
# notify-service takes titles up to 200 and messages up to 8000 characters; say so when cut
if [ "${#title}" -gt 200 ]; then title="${title:0:180} [cut at 180 chars]"; fi
if [ "${#message}" -gt 8000 ]; then message="${message:0:7900} [cut at 7900 of ${#message} chars]"; fi

json_string() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}
    s=${s//$'\r'/}
    s=${s//$'\t'/ }
    printf '"%s"' "$s"
}

mkdir -p "$STATE_DIR"
printf '%s %s %s %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$check_id" "$status" "$title" "$message" >>"$STATE_DIR/alerts.log"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '{"checkId":%s,"status":%s,"severity":%s,"title":%s,"message":%s,"source":"vps-host"}' \
    "$(json_string "$check_id")" "$(json_string "$status")" "$(json_string "$severity")" \
    "$(json_string "$title")" "$(json_string "$message")" >"$work/body.json"

via_notify() {
    local container ip token=$SECRETS_DIR/hq_internal_token
    [ -s "$token" ] || return 1
    container=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" \
        --filter "label=com.docker.compose.service=notify-service" 2>/dev/null | sed -n 1p)
    [ -n "$container" ] || return 1
    # the egress network is an ordinary bridge the host can reach (backend is internal)
    ip=$(docker inspect -f "{{with index .NetworkSettings.Networks \"${PROJECT}_egress\"}}{{.IPAddress}}{{end}}" "$container" 2>/dev/null)
    [ -n "$ip" ] || return 1
    { printf 'X-HQ-Internal-Token: '; tr -d '\n' <"$token"; printf '\n'; } >"$work/headers"
    curl -fsS --max-time 10 -o /dev/null -H @"$work/headers" -H 'Content-Type: application/json' \
        --data-binary @"$work/body.json" "http://$ip:8080/alerts"
}

via_pushover() {
    [ -s "$SECRETS_DIR/pushover_token" ] && [ -s "$SECRETS_DIR/pushover_user" ] || return 1
    curl -fsS --max-time 10 -o /dev/null \
        --data-urlencode "token@$SECRETS_DIR/pushover_token" --data-urlencode "user@$SECRETS_DIR/pushover_user" \
        --data-urlencode "title=OpenClaw $status: $title" --data-urlencode "message=$message" \
        https://api.pushover.net/1/messages.json
}

if via_notify; then
    say "alert $check_id $status sent through notify-service"
elif via_pushover; then
    say "alert $check_id $status sent to Pushover directly (notify-service did not answer)"
else
    warn "alert $check_id $status NOT delivered: notify-service did not answer and no Pushover keys in $SECRETS_DIR"
    exit 1
fi
