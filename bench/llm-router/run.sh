#!/usr/bin/env bash
# Overhead of llm-router-service vs the Portkey gateway on /v1/chat/completions, side by side in one
# run: the same fake upstream (fake-upstream.mjs), the same open-loop load (load.mjs) at 100, 500
# and 1000 requests/s, everything on 127.0.0.1. Overhead = p50/p99 through a gateway minus p50/p99
# straight to the upstream at the same rate.
# Usage: bench/llm-router/run.sh [seconds-per-point] [warmup-seconds]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=$ROOT/bench/llm-router
SECONDS_PER_POINT=${1:-10}
WARMUP=${2:-5}
RATES=${RATES:-"100 500 1000"}
# before any point is measured, each target gets the same warm-up at 500 requests/s, so that the JVM's
# JIT and V8's have compiled their hot paths: the first measured point is not a cold start
JIT_WARMUP=${JIT_WARMUP:-20}
UPSTREAM_PORT=8796 ROUTER_PORT=8791 PORTKEY_PORT=8799 PG_PORT=8798
# the flags the router's container ships with (Dockerfile.jvm), C1 only; ROUTER_JVM_FLAGS overrides
# PIN=1 (default): the gateway under test (router or Portkey) runs on CPU 1, the load generator and the
# fake upstream on CPU 0, so the systems under test are not queued behind their load; the router's
# PostgreSQL is on CPU 1 with it, so the ledger's cost counts against the router (PIN=0: nothing pinned)
PIN=${PIN:-1}
if [ "$PIN" = 1 ]; then ON_GATEWAY_CPU="taskset -c 1"; ON_LOAD_CPU="taskset -c 0"; else ON_GATEWAY_CPU=""; ON_LOAD_CPU=""; fi
ROUTER_JVM_FLAGS=${ROUTER_JVM_FLAGS:-"-XX:+UseSerialGC -Xms96m -Xmx96m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -Xss512k"}
WORK=$(mktemp -d /tmp/llm-router-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -d "$BENCH/node_modules/@portkey-ai/gateway" ] || (cd "$BENCH" && npm install --no-audit --no-fund --ignore-scripts)
[ -f llm-router-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -o package -pl llm-router-service -DskipTests
./mvnw -q -o dependency:build-classpath -pl llm-router-service -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null

# secrets for this run only: a fresh internal token and a fake OpenAI key, in files, never in argv
mkdir -p "$WORK/secrets" "$WORK/config" "$WORK/artifacts"
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$WORK/secrets/hq_internal_token"
echo "sk-bench-fake-key-not-real-0000" > "$WORK/secrets/openai_api_key"
chmod 600 "$WORK/secrets/"*
cp config/llm.json "$WORK/config/llm.json"
TOKEN=$(cat "$WORK/secrets/hq_internal_token")

wait_for() { # url
  for _ in $(seq 1 240); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "not up: $1" >&2; return 1
}

$ON_LOAD_CPU node "$BENCH/fake-upstream.mjs" $UPSTREAM_PORT > "$WORK/upstream.log" 2>&1 & PIDS+=($!)
$ON_GATEWAY_CPU java -cp "$(cat "$WORK/cp.txt")" io.openclaw.hq.testing.LocalPostgres $PG_PORT "$WORK/pg" "$WORK/secrets" llm_router \
  > "$WORK/pg.log" 2>&1 & PIDS+=($!)
for _ in $(seq 1 120); do grep -q "ready on" "$WORK/pg.log" && break; sleep 0.5; done
HTTP_PORT=$ROUTER_PORT DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/openclaw DB_USER=llm_router \
  OPENCLAW_SECRETS_DIR="$WORK/secrets" OPENCLAW_CONFIG_DIR="$WORK/config" OPENCLAW_ARTIFACTS_ROOT="$WORK/artifacts" \
  $ON_GATEWAY_CPU java $ROUTER_JVM_FLAGS -Xlog:gc:file="$WORK/gc.log":uptime,timenanos -Dopenclaw.llm.api-base-override.openai=http://127.0.0.1:$UPSTREAM_PORT/v1 \
  -jar llm-router-service/target/quarkus-app/quarkus-run.jar > "$WORK/router.log" 2>&1 & PIDS+=($!)
(cd "$BENCH" && NODE_ENV=production exec $ON_GATEWAY_CPU node --require ./loopback-only.cjs \
  node_modules/@portkey-ai/gateway/build/start-server.js --port=$PORTKEY_PORT --headless) > "$WORK/portkey.log" 2>&1 & PIDS+=($!)
wait_for http://127.0.0.1:$ROUTER_PORT/q/health/ready
wait_for http://127.0.0.1:$PORTKEY_PORT/
echo "listening sockets of this bench (all must be 127.0.0.1):"
ss -ltn | awk 'NR>1 {print $4}' | grep -E ":($UPSTREAM_PORT|$ROUTER_PORT|$PORTKEY_PORT|$PG_PORT)$" | sort -u

ROUTER_HEADERS="{\"X-HQ-Internal-Token\":\"$TOKEN\",\"X-OpenClaw-Purpose\":\"general\"}"
PORTKEY_HEADERS="{\"x-portkey-provider\":\"openai\",\"x-portkey-custom-host\":\"http://127.0.0.1:$UPSTREAM_PORT/v1\",\"authorization\":\"Bearer sk-bench-fake-key-not-real-0000\"}"
RESULTS=$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl
mkdir -p "$BENCH/results"
echo "router JVM flags: $ROUTER_JVM_FLAGS"
echo "CPU placement: $([ "$PIN" = 1 ] && echo "gateway and PostgreSQL on CPU 1; load and upstream on CPU 0" || echo "not pinned")"
$ON_LOAD_CPU node "$BENCH/load.mjs" direct http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions 500 0 "$JIT_WARMUP" > /dev/null
BENCH_HEADERS=$ROUTER_HEADERS $ON_LOAD_CPU node "$BENCH/load.mjs" llm-router http://127.0.0.1:$ROUTER_PORT/v1/chat/completions 500 0 "$JIT_WARMUP" > /dev/null
BENCH_HEADERS=$PORTKEY_HEADERS $ON_LOAD_CPU node "$BENCH/load.mjs" portkey http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions 500 0 "$JIT_WARMUP" > /dev/null
for rate in $RATES; do
  $ON_LOAD_CPU node "$BENCH/load.mjs" direct http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions "$rate" "$SECONDS_PER_POINT" "$WARMUP" | tee -a "$RESULTS"
  BENCH_HEADERS=$ROUTER_HEADERS $ON_LOAD_CPU node "$BENCH/load.mjs" llm-router http://127.0.0.1:$ROUTER_PORT/v1/chat/completions "$rate" "$SECONDS_PER_POINT" "$WARMUP" | tee -a "$RESULTS"
  BENCH_HEADERS=$PORTKEY_HEADERS $ON_LOAD_CPU node "$BENCH/load.mjs" portkey http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions "$rate" "$SECONDS_PER_POINT" "$WARMUP" | tee -a "$RESULTS"
done
node "$BENCH/report.mjs" "$RESULTS"
cp "$WORK/gc.log" "${RESULTS%.jsonl}-router-gc.log"
echo "router GC during the run: $(grep -c 'Pause' "$WORK/gc.log") pauses, longest $(grep -o '[0-9.]*ms$' "$WORK/gc.log" | sort -n | tail -1) (log: ${RESULTS%.jsonl}-router-gc.log)"
