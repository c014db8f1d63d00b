#!/usr/bin/env bash
# notify-service bench: 10,000 alerts over 100 checkIds through POST /alerts against the packaged
# service, real embedded PostgreSQL, Pushover and Twilio faked by WireMock; all on 127.0.0.1.
# Usage: bench/notify/run.sh [client-threads]   (from the repository root; default 16 threads)
set -euo pipefail
cd "$(dirname "$0")/../.."
threads="${1:-16}"
./mvnw -q -o package -pl notify-service -DskipTests
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# the test classpath brings embedded PostgreSQL and WireMock, the same peers the tests use
./mvnw -q -o dependency:build-classpath -pl notify-service -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(cat "$cp_file")" bench/notify/NotifyBench.java notify-service/target/quarkus-app/quarkus-run.jar "$threads"
