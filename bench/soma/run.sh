#!/usr/bin/env bash
# The three figures of soma-sync-service (issue 13), everything on 127.0.0.1:
#   mirror diff of two 20,000-lesson libraries (matcher alone, and read + compare + report);
#   snapshot of 2 x 500 lessons over WireMock playing Kajabi at 50 per page: time, requests made
#   and the fewest requests that paging allows;
#   harvest of a 5,000-message GreenMail mailbox, then again after 10 new messages.
# BENCH_RUNS (default 30) timed runs after warm-ups. Result: soma-sync-service/target/bench-soma.json
# and "BENCH soma" lines on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${BENCH_RUNS:-30}"
./mvnw -q verify -pl soma-sync-service -DskipITs \
    -Dtest=SomaBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dexcluded.test.groups=none -Dgroups=bench -Dbench.runs="$RUNS" \
    | grep -E '^BENCH ' || true
cat soma-sync-service/target/bench-soma.json
