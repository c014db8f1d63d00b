#!/usr/bin/env bash
# hq-gateway benchmark: the overview page and /api/runs under 50 concurrent clients, first with
# every backend up, then with doctor-service hanging (answers after 10 s; the gateway gives up
# after ~1 s and its breaker opens). Everything runs on 127.0.0.1 and stops by itself.
#
# Needs: wrk (apt-get install wrk), python3, the module's dependencies in ~/.m2.
# Usage: bench/gateway/run.sh            (DURATION=15s CONNS=50 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-15s}
CONNS=${CONNS:-50}
GW_PORT=${GW_PORT:-18787}
PG_PORT=${PG_PORT:-18788}
WM_PORT=${WM_PORT:-18790}
WORK=$(mktemp -d /tmp/hq-gateway-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
./mvnw -q -o package -DskipTests -pl hq-gateway
./mvnw -q -o dependency:build-classpath -pl hq-gateway -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt"
CP=$(cat "$WORK/cp.txt")

mkdir -p "$WORK/secrets" "$WORK/artifacts" "$WORK/pg" "$WORK/wm"
umask 077
head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$WORK/secrets/openclaw_console_token"
head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$WORK/secrets/hq_internal_token"
python3 bench/gateway/stubs.py "$WORK/wm" >/dev/null

java -cp "$CP" io.openclaw.hq.testing.LocalPostgres "$PG_PORT" "$WORK/pg" "$WORK/secrets" gateway > "$WORK/pg.log" 2>&1 &
PIDS+=($!)
java -Xmx256m -cp "$CP" wiremock.Run --port "$WM_PORT" --bind-address 127.0.0.1 --root-dir "$WORK/wm" \
  --no-request-journal --async-response-enabled true --container-threads 100 --disable-banner > "$WORK/wm.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q "local PostgreSQL ready" "$WORK/pg.log" 2>/dev/null && break; sleep 0.5; done

BASE_WM="http://127.0.0.1:$WM_PORT"
QUARKUS_PROFILE=prod HTTP_PORT=$GW_PORT OPENCLAW_SECRETS_DIR="$WORK/secrets" OPENCLAW_CONFIG_DIR="$ROOT/config" \
  OPENCLAW_ARTIFACTS_ROOT="$WORK/artifacts" DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/openclaw" DB_USER=gateway \
  DOCTOR_URL="$BASE_WM/doctor-service" LLM_ROUTER_URL="$BASE_WM/llm-router-service" NOTIFY_URL="$BASE_WM/notify-service" \
  SOMA_URL="$BASE_WM/soma-sync-service" RUNNER_URL="$BASE_WM/runner-service" \
  java -Xmx256m -jar hq-gateway/target/quarkus-app/quarkus-run.jar > "$WORK/gw.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$GW_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5
done
curl -fs "http://127.0.0.1:$GW_PORT/q/health/ready" >/dev/null || { echo "gateway did not become ready" >&2; tail -50 "$WORK/gw.log" >&2; exit 1; }

export HQ_TOKEN
HQ_TOKEN=$(cat "$WORK/secrets/openclaw_console_token")
measure() { # label path
  HQ_TOKEN=$HQ_TOKEN wrk -t2 -c"$CONNS" -d"${WARMUP:-10s}" -s bench/gateway/token.lua "http://127.0.0.1:$GW_PORT$2" >/dev/null # warm-up
  local out
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s bench/gateway/token.lua "http://127.0.0.1:$GW_PORT$2")
  local p50 p99 rps errors
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/{print $5}')
  printf "| %-22s | %-12s | %8s | %8s | %9s | %s |\n" "$1" "$2" "$p50" "$p99" "$rps" "${errors:-0}"
}

echo "hq-gateway bench: $CONNS connections, $DURATION per row, wrk -t2, $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d" " -f1-3 /proc/loadavg)"
echo "| backends               | path         |      p50 |      p99 |     req/s | non-2xx |"
echo "|------------------------|--------------|----------|----------|-----------|---------|"
measure "all up" "/"
measure "all up" "/api/runs"
# doctor-service now hangs on every call (10 s), ahead of every other stub
HANG_ID=$(curl -fs -X POST "$BASE_WM/__admin/mappings" -H 'Content-Type: application/json' -d '{
  "priority": 1, "request": {"method": "ANY", "urlPathPattern": "/doctor-service/.*"},
  "response": {"status": 200, "fixedDelayMilliseconds": 10000, "body": "[]"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
measure "doctor-service hanging" "/"
measure "doctor-service hanging" "/api/runs"
# and back: the breaker closes again after its delay, and the numbers return to the first rows'
curl -fs -X DELETE "$BASE_WM/__admin/mappings/$HANG_ID" >/dev/null
sleep 6
measure "all up again" "/"
measure "all up again" "/api/runs"
