#!/usr/bin/env bash
# runner-service bench: the packaged service against a real embedded PostgreSQL (notify-service
# faked by WireMock), local git repositories made by the bench, all on this machine.
#   1. worktree + orb_review_bundle on a generated 10,000-file repository (target <= 2 s per job)
#   2. 500 no-op jobs through the queue: throughput, queue wait p50/p99, none lost or run twice
# Usage: bench/runner/run.sh [all|review|queue]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o package -pl runner-service -DskipTests
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -o dependency:build-classpath -pl runner-service -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), git $(git --version | cut -d' ' -f3), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$(cat "$cp_file")" bench/runner/RunnerBench.java runner-service/target/quarkus-app/quarkus-run.jar config/job_allowlist.json "${1:-all}"
