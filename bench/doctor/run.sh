#!/usr/bin/env bash
# Full doctor run (9 checks, one SSH connection, parallel channels) against the in-process
# Apache MINA SSHD host, interleaved with the same run using local execution.
# Everything stays on 127.0.0.1; bounded to BENCH_RUNS runs of each (default 30) after 5 warm-ups.
# Result: doctor-service/target/bench-doctor.json and a "BENCH doctor" line on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${BENCH_RUNS:-30}"
./mvnw -q verify -pl doctor-service -DskipITs \
    -Dtest=DoctorBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dexcluded.test.groups=none -Dgroups=bench -Dbench.runs="$RUNS" \
    | grep -E '^BENCH ' || true
cat doctor-service/target/bench-doctor.json
