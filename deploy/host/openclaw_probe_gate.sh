#!/usr/bin/env bash
# openclaw_probe_gate.sh — the SSH forced command for doctor-service's key.
#
# authorized_keys on the host (one line):
#   command="/usr/local/lib/openclaw/openclaw_probe_gate.sh",restrict ssh-ed25519 AAAA... doctor-service
#
# doctor-service sends one of a fixed set of command texts (io.openclaw.hq.doctor.host.Probe);
# this gate runs exactly those and refuses anything else with exit 127. No shell ever sees the
# client's text: it is compared as a whole string, then a fixed argv is exec'd.
set -uo pipefail

FIX_SCRIPT="/usr/local/lib/openclaw/openclaw_fix_ssh_tailscale_only.sh"
GUARD_LOG="/var/log/openclaw_guard.log"
requested="${SSH_ORIGINAL_COMMAND:-}"

logger -t openclaw-probe-gate -- "request: ${requested:0:120}" >/dev/null 2>&1 || true

case "$requested" in
    "ss -tlnp")                       exec ss -tlnp ;;
    "sshd -T")                        exec sshd -T ;;
    "tailscale status --json")        exec tailscale status --json ;;
    "docker ps --format '{{json .}}'") exec docker ps --format '{{json .}}' ;;
    "df -P -k -x tmpfs -x devtmpfs -x overlay -x squashfs")
                                      exec df -P -k -x tmpfs -x devtmpfs -x overlay -x squashfs ;;
    "du -sk /var/log")                exec du -sk /var/log ;;
    "tail -n 20 /var/log/openclaw_guard.log")
        [ -f "$GUARD_LOG" ] || { echo "# $GUARD_LOG does not exist on this host"; exit 0; }
        exec tail -n 20 "$GUARD_LOG" ;;
    "openclaw-guard-log-append")
        # the guard's one line arrives on stdin; written only where the reference's log exists
        [ -f "$GUARD_LOG" ] || { echo "absent"; exit 0; }
        head -c 4096 | tr -cd '[:print:]\t\n' >> "$GUARD_LOG"
        exit $? ;;
    "$FIX_SCRIPT")
        # the host guard (openclaw_guard.sh) takes the same lock: never two fixes at once
        command -v flock >/dev/null 2>&1 || exec "$FIX_SCRIPT"
        exec flock -w 200 /run/lock/openclaw-sshd-fix.lock "$FIX_SCRIPT" ;;
    *)
        echo "openclaw-probe-gate: command not allowlisted" >&2
        exit 127 ;;
esac
