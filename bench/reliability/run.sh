#!/usr/bin/env bash
# The router at a fixed request rate inside the real suite, ledger on, a doctor run every minute
# (reliability/src/test/java/io/openclaw/hq/e2e/RouterLoadBench.java). Loopback only; stops by itself.
#
#   bench/reliability/run.sh [rate-per-second] [seconds]     (defaults: 1000 60)
#
# Needs the services built (./mvnw -DskipTests install). The figures are printed as [bench] lines;
# docs/BENCHMARKS.md ("Reliability") holds the last run's.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
rate="${1:-1000}"
seconds="${2:-60}"
case "$rate$seconds" in
  *[!0-9]*) echo "rate and seconds must be whole numbers" >&2; exit 2 ;;
esac
export MAVEN_ARGS="${MAVEN_ARGS:-} -B -ntp"
./mvnw -q -DskipTests install -pl e2e
./mvnw verify -pl reliability -Dtest=RouterLoadBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rate="$rate" -Dbench.seconds="$seconds" | grep -E '^\[bench\]|Tests run|ERROR|FAIL'
