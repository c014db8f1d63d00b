#!/usr/bin/env bash
# Installs the host guard (its timer and units belong to deploy/host): runs the guard's installer,
# OPENCLAW_GUARD_INSTALLER (default deploy/host/install.sh), when it is present. Until it exists
# this is a hook that says so and succeeds, so bootstrap and deploy stay usable.
#
#   deploy/vps/guard_install.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; "") ;; *) die "no arguments expected" 2 ;; esac
require_root
installer=${OPENCLAW_GUARD_INSTALLER:-$REPO_DIR/deploy/host/install.sh}
if [ -x "$installer" ]; then
    "$installer" || die "the guard installer ${installer#"$REPO_DIR"/} failed"
    say "host guard installed by ${installer#"$REPO_DIR"/}"
else
    say "HOOK guard-install: ${installer#"$REPO_DIR"/} not present; the host guard was not installed"
fi
