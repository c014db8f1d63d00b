#!/usr/bin/env bash
# The daily smoke test at 06:00 UTC (openclaw-hq-smoke.timer): the VPS doctor (deploy/vps/doctor.sh)
# with an alert on the result: FAIL → a critical alert naming the failed checks; PASS → OK, which
# clears an earlier smoke alert in notify-service.
#
#   deploy/vps/smoke.sh
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; "") ;; *) die "no arguments expected" 2 ;; esac

report=$("$VPS_HERE/doctor.sh")
outcome=$?
printf '%s\n' "$report"
if [ "$outcome" = 0 ]; then
    alert vps-smoke OK info "VPS daily smoke passed" "$(tail -n 1 <<<"$report")"
    exit 0
fi
alert vps-smoke FAIL critical "VPS daily smoke failed" "$(grep '^FAIL' <<<"$report" | head -n 5)"
exit 1
