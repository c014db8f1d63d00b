#!/usr/bin/env bash
# sleeps MILLIS milliseconds and reports its start and end
set -euo pipefail
echo "start ${JOB_ID}"
sleep "$(awk -v m="${MILLIS:-100}" 'BEGIN { printf "%.3f", m / 1000 }')"
echo "end ${JOB_ID}"
