#!/usr/bin/env bash
# .ci/hq-up-fresh.sh: `./hq up` where the PostgreSQL binaries were never unpacked, as on a new
# machine, then `./hq down`. Points ./hq at an empty binaries directory (HQ_PG_BIN_DIR) so the first
# start must unpack them (the step that died with OutOfMemoryError in org.tukaani.xz under -Xmx48m),
# checks that all six services and PostgreSQL are ready and HQ answers, stops everything and checks
# that nothing is left listening. Prints "N passed, N failed"; exits non-zero on any failure.
#
# Needs the HQ ports (8781-8788) free: it refuses to run beside another HQ rather than test that one.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

PORTS=(8781 8782 8783 8784 8785 8787 8788)
SERVICES=(hq-gateway llm-router-service doctor-service notify-service soma-sync-service runner-service)
passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'PASS %s\n' "$*"; }
ko() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }

listening() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true; }

busy=()
for p in "${PORTS[@]}"; do listening "$p" && busy+=("$p"); done
if ((${#busy[@]} > 0)); then
  echo "ports ${busy[*]} are in use: another HQ (or something else) runs here; stop it first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

FRESH=$(mktemp -d "${TMPDIR:-/tmp}/hq-fresh.XXXXXX")
export HQ_PG_BIN_DIR=$FRESH/pg-bin
cleanup() { ./hq down >/dev/null 2>&1 || true; rm -rf "$FRESH"; }
trap cleanup EXIT

unpacked() { compgen -G "$HQ_PG_BIN_DIR/PG-*/bin/postgres" >/dev/null; }
not_unpacked() { ! unpacked; }
check "no PostgreSQL binaries unpacked in $HQ_PG_BIN_DIR before ./hq up" not_unpacked

up_log=$FRESH/up.log
./hq up >"$up_log" 2>&1
up_rc=$?
sed 's/^/  | /' "$up_log"
check "./hq up exits 0" test "$up_rc" -eq 0
check "./hq up unpacked the binaries itself" grep -q 'unpacking the PostgreSQL binaries' "$up_log"
check "the binaries are unpacked in $HQ_PG_BIN_DIR" unpacked
oom() { ! grep -rqs 'OutOfMemoryError' "$up_log" .hq/logs/postgres.log; }
check "no OutOfMemoryError in ./hq up or the PostgreSQL log" oom

status=$(./hq status 2>&1)
sed 's/^/  | /' <<<"$status"
for s in "${SERVICES[@]}"; do
  ready() { grep -E "^$1 " <<<"$status" | grep -q ' ready'; }
  check "$s ready (./hq status)" ready "$s"
done
pg_ready() { grep -E '^postgresql ' <<<"$status" | grep -q ' ready'; }
check "postgresql ready (./hq status)" pg_ready
for port in 8781 8782 8783 8784 8785 8787; do
  check "GET :$port/q/health/ready answers 200" test "$(http_code "http://127.0.0.1:$port/q/health/ready")" = 200
done
hq_answers() { [[ $(http_code http://127.0.0.1:8787/) =~ ^(200|302|303|401)$ ]]; }
check "HQ answers on http://127.0.0.1:8787/" hq_answers

# Logging in: ./hq token no longer prints the console token; a one-time link works once.
token_refused() { ! ./hq token >/dev/null 2>&1; }
check "./hq token refuses to print the console token" token_refused
link=$(./hq login-link 2>/dev/null | head -n 1)
check "./hq login-link prints a link to this HQ" grep -q '^http://127.0.0.1:8787/login/link?code=' <<<"$link"
# the code goes to curl on stdin, like every credential in these scripts
exchange_code() { printf 'code=%s' "${link##*code=}" | curl -s -o /dev/null -m 5 -w '%{http_code}' -H 'Origin: http://127.0.0.1:8787' --data-binary @- http://127.0.0.1:8787/login/link || true; }
check "the link logs in (303)" test "$(exchange_code)" = 303
check "the same link a second time is refused (401)" test "$(exchange_code)" = 401

./hq down >"$FRESH/down.log" 2>&1
down_rc=$?
sed 's/^/  | /' "$FRESH/down.log"
check "./hq down exits 0" test "$down_rc" -eq 0
for p in "${PORTS[@]}"; do
  free() { ! listening "$1"; }
  check "nothing listens on :$p after ./hq down" free "$p"
done
no_server() { ! pgrep -f -- "$HQ_PG_BIN_DIR" >/dev/null; }
check "no process runs from the unpacked binaries after ./hq down" no_server

echo "$passed passed, $failed failed"
((failed == 0))
