#!/usr/bin/env bash
# Installs the host guard (its scripts, units and timer belong to deploy/host): runs the guard's
# installer, OPENCLAW_GUARD_INSTALLER (default deploy/host/install_guard.sh), when it is present,
# with --root under a test root. A missing installer is a failure: a VPS without its host guard
# would lose the one watcher that works while the stack is down (bootstrap --skip-guard skips it
# on purpose).
#
#   deploy/vps/guard_install.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; "") ;; *) die "no arguments expected" 2 ;; esac
require_root
installer=${OPENCLAW_GUARD_INSTALLER:-$REPO_DIR/deploy/host/install_guard.sh}
root_args=()
[ -z "$VPS_ROOT" ] || root_args=(--root "$VPS_ROOT")
if [ -x "$installer" ]; then
    "$installer" "${root_args[@]}" || die "the guard installer ${installer#"$REPO_DIR"/} failed"
    say "host guard installed by ${installer#"$REPO_DIR"/}"
else
    die "the host guard's installer ${installer#"$REPO_DIR"/} is missing or not executable: the guard was not installed"
fi
