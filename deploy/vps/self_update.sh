#!/usr/bin/env bash
# The review-gated self-update, run every 15 minutes by openclaw-hq-update.timer (as root):
#
#   deploy/vps/self_update.sh            fetch origin/main; release it if the review covers it
#   deploy/vps/self_update.sh --retry    the same, also for a commit an earlier run gave up on
#
#   1. git fetch origin main (the VPS's read-only access to origin)
#   2. origin/main already running → nothing to do
#   3. refused, fail closed, unless deploy/vps/review_gate.sh says its baseline covers it exactly
#      and it descends from the running commit (a rewritten main is never followed)
#   4. deploy/vps/release.sh: build its images tagged by commit, up, wait for ready; not ready →
#      back to the previous commit's images (no rebuild)
#
# Alerts (deploy/vps/alert.sh, check id vps-self-update): a refusal or failure alerts ONCE per
# origin/main commit: the state file $OPENCLAW_STATE_DIR/self-update.state remembers the commit
# and the outcome, so the timer does not alert every 15 minutes; a commit that failed is not
# tried again until origin/main moves (or --retry). A release alerts OK, which clears the alert.
# Exit 0 released or nothing to do; 1 refused or failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

retry=0
case ${1:-} in
    -h | --help) usage; exit 0 ;;
    --retry) retry=1 ;;
    "") ;;
    *) die "unknown argument '$1' (--retry, --help)" 2 ;;
esac
require_root
mkdir -p "$STATE_DIR"
STATE=$STATE_DIR/self-update.state
CHECK=vps-self-update

# One run at a time: a slow build must not overlap the next timer tick or a manual apply.
exec 9>"$STATE_DIR/self-update.lock"
flock -n 9 || die "another self-update is running"

git_repo() { git -C "$REPO_DIR" "$@"; }

# Records COMMIT OUTCOME; answers whether this is news (alert) or a repeat (stay quiet).
record_once() {
    local line="$1 $2"
    if [ -f "$STATE" ] && [ "$(cat "$STATE")" = "$line" ]; then
        return 1
    fi
    printf '%s\n' "$line" >"$STATE"
}

refuse() {
    local commit=$1 reason=$2
    warn "refused ${commit:0:12}: $reason"
    if record_once "$commit" refused; then
        alert "$CHECK" FAIL critical "VPS self-update refused" "origin/main ${commit:0:12} was not deployed: $reason"
    else
        say "already alerted for ${commit:0:12}"
    fi
    exit 1
}

git_repo fetch --quiet origin main || {
    warn "git fetch origin main failed"
    if record_once fetch failed; then
        alert "$CHECK" WARN warning "VPS self-update cannot fetch" "git fetch origin main failed on the VPS; the running release is unchanged"
    fi
    exit 1
}
target=$(git_repo rev-parse --verify --quiet 'refs/remotes/origin/main^{commit}') || die "no origin/main after fetch"
running=$(git_repo rev-parse --verify --quiet 'HEAD^{commit}') || running=""

if [ "$target" = "$running" ] && [ -f "$STATE_DIR/deployed" ] && [ "$(cat "$STATE_DIR/deployed")" = "$target" ]; then
    say "origin/main ${target:0:12} is running; nothing to do"
    rm -f "$STATE"
    exit 0
fi

if [ "$retry" = 0 ] && [ -f "$STATE" ] && [ "$(cat "$STATE")" = "$target failed" ]; then
    say "origin/main ${target:0:12} failed before; not trying again until origin/main moves (--retry forces it)"
    exit 1
fi

gate_out=$("$VPS_HERE/review_gate.sh" --repo "$REPO_DIR" "$target" 2>&1) || refuse "$target" "${gate_out#review_gate: refused: }"
say "$gate_out"
if [ -n "$running" ] && ! git_repo merge-base --is-ancestor "$running" "$target"; then
    refuse "$target" "it does not descend from the running ${running:0:12} (history rewritten?)"
fi

set +e
"$VPS_HERE/release.sh" "$target"
outcome=$?
set -e
case $outcome in
    0)
        rm -f "$STATE"
        alert "$CHECK" OK info "VPS updated" "now running ${target:0:12}"
        ;;
    1)
        record_once "$target" failed || true
        alert "$CHECK" FAIL critical "VPS self-update build failed" "${target:0:12} did not build; still running ${running:0:12}"
        ;;
    2)
        record_once "$target" failed || true
        alert "$CHECK" FAIL critical "VPS self-update rolled back" "${target:0:12} did not become ready; rolled back to ${running:0:12}, ready again"
        ;;
    *)
        record_once "$target" failed || true
        alert "$CHECK" FAIL emergency "VPS stack down after update" "${target:0:12} did not become ready and the rollback to ${running:0:12} is not ready either"
        ;;
esac
[ "$outcome" = 0 ]
