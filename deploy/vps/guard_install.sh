#!/usr/bin/env bash
# Installs the host guard (its scripts, units and timer belong to deploy/host): runs the guard's
# installer, OPENCLAW_GUARD_INSTALLER (default deploy/host/install_guard.sh), when it is present,
# with --root under a test root. Without it this is a hook that says so and succeeds, so bootstrap
# and deploy stay usable.
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
    say "HOOK guard-install: ${installer#"$REPO_DIR"/} not present; the host guard was not installed"
fi
