#!/usr/bin/env bash
# HQ against the real suite: Overview under 50 clients beside the gateway's liveness page in the
# same run, and the time from pressing an action to the run being recorded by its owner.
#   bench/hq-suite/run.sh [seconds-per-load-point] [clients]
# Needs the services built (./mvnw -DskipTests install). Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
clients=${2:-50}
./mvnw -B -ntp -q -o test -pl e2e -Dtest=SuiteBench -De2e.bench.exclude=none \
  -Dbench.seconds="$seconds" -Dbench.clients="$clients" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E '^(overview|liveness|ratio|action)' 
