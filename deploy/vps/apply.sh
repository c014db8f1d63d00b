#!/usr/bin/env bash
# Apply and verify on the VPS, what `./hq vps apply-remote` runs over SSH: the review-gated
# self-update now (deploy/vps/self_update.sh: fetch origin/main, refuse unless reviewed, release,
# roll back when not ready), then heal (deploy/vps/heal.sh), then the doctor with the port proof.
#
#   deploy/vps/apply.sh [--retry]
#
# Exit non-zero when the update was refused or failed, or when the doctor fails.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; --retry | "") ;; *) die "unknown argument '$1' (--retry)" 2 ;; esac
require_root
"$VPS_HERE/self_update.sh" "$@" || die "self-update did not release origin/main (above); heal and doctor not run"
"$VPS_HERE/heal.sh" || die "heal failed (above)"
echo "== listeners (port proof)"
ss -H -ltn | awk '{print $4}' | sort -u
"$VPS_HERE/doctor.sh"
