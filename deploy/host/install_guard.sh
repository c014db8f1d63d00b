#!/usr/bin/env bash
# install_guard.sh — installs the host guard: the scripts in /usr/local/lib/openclaw, the systemd
# units, the guard log directory, then enables the 10-minute timer. Idempotent: run it again after
# every deploy; files already identical are left alone and the second run changes nothing.
#
#   sudo deploy/host/install_guard.sh               # the host
#   deploy/host/install_guard.sh --root /tmp/root   # a test root (or OPENCLAW_GUARD_INSTALL_ROOT);
#                                                   # systemctl is still called: stub it on PATH
#
# Layout (under the root):
#   usr/local/lib/openclaw/openclaw_guard.sh, openclaw_fix_ssh_tailscale_only.sh, openclaw_probe_gate.sh   0755
#   etc/systemd/system/openclaw-guard.service, openclaw-guard.timer                                          0644
#   var/log/openclaw-guard/ (0750 root:1001) with openclaw_guard.log (0640 root:1001): doctor-service
#     (uid/gid 1001) mounts the directory read-only
#   var/log/openclaw_guard.log → openclaw-guard/openclaw_guard.log (the reference's path; an existing
#     file there is appended to the new log first, then replaced by the link)
#   var/lib/openclaw-guard/ (0700): the guard's state (Pushover rate limits)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
root="${OPENCLAW_GUARD_INSTALL_ROOT:-}"
while [ $# -gt 0 ]; do
    case "$1" in
        --root) [ $# -ge 2 ] || { echo "install_guard: --root needs a directory" >&2; exit 2; }; root="$2"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install_guard: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
if [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
    echo "install_guard: run as root (sudo), or give a test root with --root" >&2
    exit 1
fi
case "$root" in ""|/*) ;; *) echo "install_guard: --root must be an absolute path" >&2; exit 2 ;; esac
log_group="${OPENCLAW_GUARD_LOG_GROUP:-1001}"
changed=0

# copy when missing or different; always (re)assert the mode
put() {
    local src="$1" dest="$2" mode="$3"
    mkdir -p "$(dirname "$dest")"
    if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
        echo "unchanged $dest"
    else
        cp "$src" "$dest.new.$$" && mv -f "$dest.new.$$" "$dest"
        echo "installed $dest"
        changed=1
    fi
    chmod "$mode" "$dest"
}

lib="$root/usr/local/lib/openclaw"
units="$root/etc/systemd/system"
put "$repo/deploy/host/openclaw_guard.sh" "$lib/openclaw_guard.sh" 0755
put "$repo/deploy/host/openclaw_fix_ssh_tailscale_only.sh" "$lib/openclaw_fix_ssh_tailscale_only.sh" 0755
put "$repo/deploy/host/openclaw_probe_gate.sh" "$lib/openclaw_probe_gate.sh" 0755
put "$repo/deploy/systemd/openclaw-guard.service" "$units/openclaw-guard.service" 0644
put "$repo/deploy/systemd/openclaw-guard.timer" "$units/openclaw-guard.timer" 0644

log_dir="$root/var/log/openclaw-guard"
log="$log_dir/openclaw_guard.log"
legacy="$root/var/log/openclaw_guard.log"
mkdir -p "$log_dir" "$root/var/lib/openclaw-guard"
chmod 0750 "$log_dir"; chmod 0700 "$root/var/lib/openclaw-guard"
[ -e "$log" ] || : > "$log"
chmod 0640 "$log"
chgrp "$log_group" "$log_dir" "$log" 2>/dev/null || echo "install_guard: warning: could not give the log to group $log_group (doctor-service will not read it)" >&2
if [ -f "$legacy" ] && [ ! -L "$legacy" ]; then
    # the reference's log, written before this install: kept, at the start of the new one
    cat "$legacy" "$log" > "$log.merge.$$" && cat "$log.merge.$$" > "$log" && rm -f "$log.merge.$$" "$legacy"
    echo "moved $legacy into $log"
    changed=1
fi
if [ "$(readlink "$legacy" 2>/dev/null || true)" != "openclaw-guard/openclaw_guard.log" ]; then
    ln -sfn "openclaw-guard/openclaw_guard.log" "$legacy"
    echo "linked $legacy"
    changed=1
fi

[ "$changed" = 1 ] && systemctl daemon-reload
systemctl enable --now openclaw-guard.timer
echo "install_guard: openclaw-guard.timer enabled ($([ "$changed" = 1 ] && echo changed || echo nothing changed)); first cycle: systemctl start openclaw-guard.service"
