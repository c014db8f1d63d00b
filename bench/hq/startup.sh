#!/usr/bin/env bash
# Measures `./hq up` from built to all-ready, and each service's resident memory once ready,
# for the JVM's default flags and for ./hq's tuned flags, interleaved in the same run so both
# see the same machine load. Prints a table and the tuned/default ratios.
#
#   bench/hq/startup.sh [RUNS]          RUNS per variant (default 3), after one discarded warm-up
#   BENCH_VARIANTS='name=flags;...'     extra variants to compare (flags as in HQ_JVM_FLAGS)
#
# Needs built jars (./hq up builds them) and nothing of ./hq running. Everything it starts it
# stops again with ./hq down, also when interrupted.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
HQ=./hq
RUNS=${1:-3}
SERVICES=(hq-gateway llm-router-service doctor-service notify-service soma-sync-service runner-service)
WORK=$(mktemp -d)

cleanup() {
  "$HQ" down >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# name|flags, with "<tuned>" meaning ./hq's own choice (HQ_JVM_FLAGS unset). The JVM sizes its
# default heap from the machine's memory, so "default" on this machine is not what a small VPS
# would get; "default-2g" shows the defaults as a 2 GB VPS would see them.
VARIANTS=("default|" "default-2g|-XX:MaxRAM=2g" "tuned|<tuned>")
if [[ -n ${BENCH_VARIANTS:-} ]]; then
  IFS=';' read -r -a extra <<<"$BENCH_VARIANTS"
  for v in "${extra[@]}"; do VARIANTS+=("${v%%=*}|${v#*=}"); done
fi

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# Proportional set size: shared pages (the JDK's class data archive, libjvm) split between the
# processes that map them, so the sum over processes is what they take together.
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

# PostgreSQL: the server and its backends, as PSS: their RSS would count the shared buffers once
# per backend and overstate the server several times over.
pg_server_pss_kb() {
  local master total=0 pid
  master=$(head -n 1 .hq/pg/postmaster.pid)
  for pid in "$master" $(pgrep -P "$master" || true); do
    total=$((total + $(pss_kb "$pid")))
  done
  echo "$total"
}

run_up() {
  local flags=$1
  if [[ $flags == "<tuned>" ]]; then
    "$HQ" up
  else
    HQ_JVM_FLAGS=$flags "$HQ" up
  fi
}

# One measurement: wall time of `./hq up`, then every RSS, then down. Appends a line to $WORK/<name>.
measure() {
  local name=$1 flags=$2 start end s line
  "$HQ" down >/dev/null
  local attempt
  # A failed start is retried twice (a jar rebuilt under a running service can fail one); a third
  # failure stops the benchmark. Retries are reported, never silently averaged in.
  for attempt in 1 2 3; do
    start=$EPOCHREALTIME
    if run_up "$flags" >"$WORK/up.log" 2>&1; then
      end=$EPOCHREALTIME
      break
    fi
    cat "$WORK/up.log" >&2
    "$HQ" down >/dev/null
    if ((attempt == 3)); then
      echo "bench: ./hq up failed three times for variant $name" >&2
      exit 1
    fi
    echo "bench: ./hq up failed for variant $name (attempt $attempt); retrying in 20 s" >&2
    sleep 20
  done
  line=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
  local pss=0 pid
  for s in "${SERVICES[@]}"; do
    pid=$(cat ".hq/run/$s.pid")
    line+=" $(rss_kb "$pid")"
    pss=$((pss + $(pss_kb "$pid")))
  done
  line+=" $(rss_kb "$(cat .hq/run/postgres.pid)") $(pg_server_pss_kb) $pss"
  echo "$line" >>"$WORK/$name"
  "$HQ" down >/dev/null
}

if "$HQ" status >/dev/null 2>&1 || [[ -n $(ls .hq/run/*.pid 2>/dev/null) ]]; then
  echo "bench: ./hq is running; stop it first (./hq down)" >&2
  trap - EXIT
  exit 1
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: warm-up (builds what is missing, creates .hq/pg; not counted)"
run_up "<tuned>" >/dev/null
"$HQ" down >/dev/null

for ((r = 1; r <= RUNS; r++)); do
  for v in "${VARIANTS[@]}"; do
    echo "bench: run $r/$RUNS ${v%%|*}"
    measure "${v%%|*}" "${v#*|}"
  done
done

# Medians per column; times in s, memory in MB.
summarise() {
  awk -v n="$RUNS" '
    { for (i = 1; i <= NF; i++) col[i, NR] = $i; nf = NF }
    function median(i,   k, j, t, a) {
      for (k = 1; k <= n; k++) a[k] = col[i, k]
      for (k = 1; k <= n; k++) for (j = k + 1; j <= n; j++) if (a[j] < a[k]) { t = a[k]; a[k] = a[j]; a[j] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
      mn = col[1, 1]; mx = col[1, 1]
      for (k = 1; k <= n; k++) { if (col[1, k] < mn) mn = col[1, k]; if (col[1, k] > mx) mx = col[1, k] }
      printf "%.2f %.2f %.2f", median(1), mn, mx
      total = 0
      for (i = 2; i <= 7; i++) { m = median(i) / 1024; total += m; printf " %.0f", m }
      printf " %.0f %.0f %.0f %.0f %.0f\n", total, median(10) / 1024, median(8) / 1024, median(9) / 1024, \
        total + median(8) / 1024 + median(9) / 1024
    }' "$WORK/$1"
}

header="variant      up_s(med) min    max    gateway llm  doctor notify soma runner | six_RSS six_PSS | pg_launcher pg_server_PSS | suite"
echo
echo "./hq up, $RUNS runs per variant, $(nproc) cores, load average before: $LOAD_BEFORE"
echo "medians; up_s = wall time of ./hq up from built to all ready (PostgreSQL start included); memory in MB once ready"
echo "(services and launcher: VmRSS; PostgreSQL server with its backends: PSS; suite = six_RSS + launcher + server)"
echo "$header"
declare -A result
for v in "${VARIANTS[@]}"; do
  name=${v%%|*}
  result[$name]=$(summarise "$name")
  read -r t tmin tmax g l d no so ru six pss pgl pgs suite <<<"${result[$name]}"
  printf '%-12s %-9s %-6s %-6s %-7s %-4s %-6s %-6s %-4s %-6s | %-7s %-7s | %-11s %-13s | %s\n' \
    "$name" "$t" "$tmin" "$tmax" "$g" "$l" "$d" "$no" "$so" "$ru" "$six" "$pss" "$pgl" "$pgs" "$suite"
done
read -r dt _ _ _ _ _ _ _ _ dsix _ _ _ _ <<<"${result[default]}"
echo
for v in "${VARIANTS[@]}"; do
  name=${v%%|*}
  [[ $name == default ]] && continue
  read -r t _ _ _ _ _ _ _ _ six _ _ _ _ <<<"${result[$name]}"
  awk -v n="$name" -v t="$t" -v dt="$dt" -v s="$six" -v ds="$dsix" \
    'BEGIN {printf "%s / default: up time x%.2f, six services RSS x%.2f\n", n, t / dt, s / ds}'
done
echo
echo "tuned flags: $(sed -n 's/^TUNED_JVM_FLAGS="\(.*\)"$/\1/p' "$HQ")"
for v in "${VARIANTS[@]}"; do
  case ${v%%|*} in default | tuned) ;; *) echo "${v%%|*} flags: ${v#*|}" ;; esac
done
