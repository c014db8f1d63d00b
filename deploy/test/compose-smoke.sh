#!/usr/bin/env bash
# The compose smoke test: the production topology (docker-compose.yml + the JVM overlay), built
# from the project's own Dockerfiles and started the way docs/DEPLOY.md tells an operator to, on
# this machine, then checked from the outside. Run as root from anywhere, after the jars exist
# (`./mvnw verify` or `./mvnw package -DskipTests`: each service's target/quarkus-app).
#
#   deploy/test/compose-smoke.sh                       the whole test; last line "N passed, N failed"
#   deploy/test/compose-smoke.sh --break NAME          the same with one invariant broken on purpose
#                                                      (deploy/test/breaks/NAME.yml); must fail
#   deploy/test/compose-smoke.sh --keep                leave the stack (and dockerd) running at the end
#
# What it does, in order (docs/DEPLOY.md, "What the smoke test proves", says what each step shows):
#   1. the engine and local base images (deploy/test/engine.sh): apt-get, dockerd, debootstrap
#   2. throwaway secrets with deploy/vps/init-secrets.sh, the operator's own script
#   3. the six service images with deploy/docker/build-jvm-images.sh, the operator's script: each
#      service's Dockerfile.jvm with APP_SOURCE=prebuilt (the jars built on the host once), on the
#      stand-in bases
#   4. docker-compose up -d, then the checks: health and start order, published ports, login and
#      an API call, a doctor run and a guard run across gateway -> doctor -> notify, the hardening
#      of every container, a crash and a docker kill, down and a second up without down -v
#   5. down -v, secrets deleted, dockerd stopped if this script started it (also on failure or ^C)
#
# Secrets are never printed, logged, put in argv or in this script's environment: curl reads the
# console token from its file, and the leak checks compare with grep -F -f against a 0600 file.
#
# Environment: SMOKE_WORK (work directory, default /tmp/openclaw-compose-smoke),
# COMPOSE_PROJECT_NAME (default openclaw-hq), HEALTH_TIMEOUT (seconds, default 420).
set -euo pipefail
umask 077
# The whole script is one compound command, read before it runs: editing the file while a run is
# in progress cannot change what that run executes.
{

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$REPO/deploy/test"
export SMOKE_WORK=${SMOKE_WORK:-/tmp/openclaw-compose-smoke}
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-openclaw-hq}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-420}
NICE="nice -n 10"
SERVICES=(hq-gateway llm-router-service doctor-service notify-service soma-sync-service runner-service)
ALL=(postgres "${SERVICES[@]}")
GATEWAY=http://127.0.0.1:8787
SECRETS="$SMOKE_WORK/secrets"
HTTP="$SMOKE_WORK/http"

BREAK=""
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
        --break) BREAK=${2:?--break needs a name: $(cd "$HERE/breaks" && ls | sed 's/\.yml$//' | tr '\n' ' ')}; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,27p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "compose-smoke: unknown argument '$1' (--break NAME, --keep)" >&2; exit 2 ;;
    esac
done
if [ -n "$BREAK" ] && [ ! -f "$HERE/breaks/$BREAK.yml" ]; then
    echo "compose-smoke: no break '$BREAK'; known: $(cd "$HERE/breaks" && ls | sed 's/\.yml$//' | tr '\n' ' ')" >&2
    exit 2
fi

T0=$(date +%s)
step() { printf '== [%4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf 'compose-smoke: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# checks: each prints "ok   - name" or "FAIL - name: why"; the last line counts them

PASSED=0
FAILED=0
# check NAME COMMAND...: runs COMMAND in this shell (so it may set variables); the last line it
# prints is the reason shown when it fails. Progress meant for the terminal goes to fd 3.
exec 3>&1
check() {
    local name=$1 out="$SMOKE_WORK/check.out" reason
    shift
    if "$@" >"$out" 2>&1; then
        PASSED=$((PASSED + 1))
        printf 'ok   - %s\n' "$name"
    else
        FAILED=$((FAILED + 1))
        reason=$(tail -n 1 "$out" | cut -c1-300)
        printf 'FAIL - %s%s\n' "$name" "${reason:+: $reason}"
    fi
    rm -f "$out"
}
# within SECONDS COMMAND...: COMMAND until it succeeds, at most SECONDS; on time-out, its last
# reason. A COMMAND that exits 2 says waiting cannot help (HQ itself is down): no more tries.
within() {
    local seconds=$1 deadline last rc
    shift
    deadline=$(( $(date +%s) + seconds ))
    while true; do
        rc=0
        last=$("$@" 2>&1) || rc=$?
        [ "$rc" != 0 ] || return 0
        if [ "$rc" = 2 ]; then
            printf '%s\n' "$(printf '%s' "$last" | tail -n 1)"
            return 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            printf '%s (waited %ss)\n' "$(printf '%s' "$last" | tail -n 1)" "$seconds"
            return 1
        fi
        sleep 1
    done
}

# ---------------------------------------------------------------------------------------------
# compose

COMPOSE_FILES=(-f "$REPO/docker-compose.yml" -f "$REPO/deploy/docker/compose.jvm.yml" -f "$HERE/compose.smoke.yml")
[ -z "$BREAK" ] || COMPOSE_FILES+=(-f "$HERE/breaks/$BREAK.yml")
export OPENCLAW_HOST_SECRETS_DIR="$SECRETS"
export SMOKE_BREAK_ENV_FILE="$SMOKE_WORK/break.env"

compose() { $NICE docker-compose --ansi never -p "$COMPOSE_PROJECT_NAME" "${COMPOSE_FILES[@]}" "$@"; }
project_filter() { printf 'label=com.docker.compose.project=%s' "$COMPOSE_PROJECT_NAME"; }
container_of() {
    docker ps -aq --filter "$(project_filter)" --filter "label=com.docker.compose.service=$1" | head -n 1
}
# The resolved compose configuration as JSON (python3 and its yaml module come with docker-compose).
config_json() {
    compose config | python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)' >"$SMOKE_WORK/compose.json"
}
config_query() {   # python expression over c (the configuration); prints one value per line
    python3 -c 'import json, sys
c = json.load(open(sys.argv[1]))
r = eval(sys.argv[2])
print("\n".join(r) if isinstance(r, list) else r)' "$SMOKE_WORK/compose.json" "$1"
}
image_of() { config_query "c['services']['$1']['image']"; }
dependencies_of() { config_query "sorted(c['services']['$1'].get('depends_on', {}))"; }

# ---------------------------------------------------------------------------------------------
# clean-up: whatever happens, nothing of this run stays running or on disk (unless --keep)

STACK_STARTED=0
EVENTS_PID=""
cleanup() {
    local rc=$?
    set +e
    [ -z "$EVENTS_PID" ] || kill "$EVENTS_PID" 2>/dev/null
    [ -z "${STANDIN_POSTGRES_PID:-}" ] || wait "$STANDIN_POSTGRES_PID" 2>/dev/null
    if [ "$KEEP" = 1 ]; then
        echo "== --keep: the stack, its secrets ($SECRETS) and dockerd are left running"
        echo "   remove with: COMPOSE_PROJECT_NAME=$COMPOSE_PROJECT_NAME OPENCLAW_HOST_SECRETS_DIR=$SECRETS docker-compose ${COMPOSE_FILES[*]} down -v"
        exit "$rc"
    fi
    if [ "$STACK_STARTED" = 1 ]; then
        compose down -v --remove-orphans --timeout 20 >"$SMOKE_WORK/down-final.log" 2>&1 \
            || { echo "compose-smoke: final down -v failed:" >&2; tail -5 "$SMOKE_WORK/down-final.log" >&2; }
    fi
    rm -rf "$SECRETS" "$HTTP" "$SMOKE_WORK/secret-values" "$SMOKE_BREAK_ENV_FILE" "$SMOKE_WORK/compose.json" "$SMOKE_WORK/ctx"
    stop_engine
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# 1. engine, base images, preflight

[ "$(id -u)" = 0 ] || die "run as root: it installs packages, starts dockerd and writes secrets owned by uid 1001"
for service in "${SERVICES[@]}"; do
    [ -s "$REPO/$service/target/quarkus-app/quarkus-run.jar" ] \
        || die "$service/target/quarkus-app is missing: build the jars first (./mvnw package -DskipTests, or ./mvnw verify)"
done
mkdir -p "$SMOKE_WORK"
chmod 0700 "$SMOKE_WORK"
rm -rf "$HTTP" "$SMOKE_WORK"/*.log "$SMOKE_WORK/logs" "$SMOKE_WORK"/exec-*.json "$SMOKE_WORK"/run-*
mkdir -p "$HTTP"
step "compose smoke test${BREAK:+ with break '$BREAK'}: project $COMPOSE_PROJECT_NAME, work directory $SMOKE_WORK"

# shellcheck source=deploy/test/engine.sh
. "$HERE/engine.sh"
ensure_packages
ensure_dockerd
step "engine: $(docker version -f 'server {{.Server.Version}}' 2>/dev/null), $(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /')"
# The stand-in bases (engine.sh), the PostgreSQL one alongside the service image builds below,
# which need only the other two.
debian_base
standin_image "$STANDIN_POSTGRES" postgres &
STANDIN_POSTGRES_PID=$!
standin_image "$STANDIN_BUILDER" builder &
builder_pid=$!
standin_image "$STANDIN_JRE" jre || die "no JRE stand-in image"
wait "$builder_pid" || die "no builder stand-in image"
step "stand-in base images for the services ready"

if [ -n "$(docker ps -aq --filter "$(project_filter)")" ]; then
    step "removing the containers of an earlier run of project $COMPOSE_PROJECT_NAME"
    STACK_STARTED=1
    compose down -v --remove-orphans --timeout 10 >"$SMOKE_WORK/down-stale.log" 2>&1 || true
    STACK_STARTED=0
fi
if ss -Hltn 'sport = :8787' | grep -q .; then
    die "something already listens on port 8787 (ss -ltnp 'sport = :8787'): HQ's published port must be free"
fi

# ---------------------------------------------------------------------------------------------
# 2. secrets: the operator's script, into a throwaway directory

step "secrets: deploy/vps/init-secrets.sh into $SECRETS"
rm -rf "$SECRETS"
sh "$REPO/deploy/vps/init-secrets.sh" | sed 's/^/   /'
# every secret value, one per line, for grep -F -f (never printed)
for file in "$SECRETS"/*; do cat "$file"; printf '\n'; done >"$SMOKE_WORK/secret-values"
if [ "$BREAK" = secret-in-env ]; then
    { printf 'OPENCLAW_INTERNAL_TOKEN='; cat "$SECRETS/hq_internal_token"; printf '\n'; } >"$SMOKE_BREAK_ENV_FILE"
fi
config_json

# ---------------------------------------------------------------------------------------------
# 3. images

step "building the six service images: deploy/docker/build-jvm-images.sh on the stand-in bases"
# the operator's own script (docs/DEPLOY.md), with the classic builder as Debian's engine has it
DOCKER_BUILDKIT=0 DOCKER_BUILD_NICE="$NICE" BUILDER_IMAGE="$STANDIN_BUILDER" HEALTHCHECK_BUILDER_IMAGE="$STANDIN_BUILDER" \
    RUNTIME_IMAGE="$STANDIN_JRE" "$REPO/deploy/docker/build-jvm-images.sh" || die "image build failed"
for service in "${SERVICES[@]}"; do
    docker image inspect "$(image_of "$service")" >/dev/null 2>&1 \
        || die "no image $(image_of "$service"), which docker-compose.yml + compose.jvm.yml run for $service"
done
step "images built"
wait "$STANDIN_POSTGRES_PID" || die "no PostgreSQL stand-in image"
STANDIN_POSTGRES_PID=""

# ---------------------------------------------------------------------------------------------
# 4. up

# Container events (start, health) with nanosecond times, to check the start order afterwards.
docker events --filter type=container --filter "$(project_filter)" \
    --format '{{.TimeNano}} {{index .Actor.Attributes "com.docker.compose.service"}} {{.Action}}' \
    >"$SMOKE_WORK/events.log" 2>/dev/null &
EVENTS_PID=$!

health_of() {
    local id
    id=$(container_of "$1")
    [ -n "$id" ] || { echo missing; return; }
    docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null || echo missing
}
all_healthy() {
    local service
    for service in "${ALL[@]}"; do
        [ "$(health_of "$service")" = healthy ] || return 1
    done
}
still_starting() {
    local service
    for service in "${ALL[@]}"; do
        [ "$(health_of "$service")" != starting ] || return 0
    done
    return 1
}
crash_looping() {
    local service id
    for service in "${ALL[@]}"; do
        id=$(container_of "$service")
        [ -n "$id" ] || continue
        [ "$(docker inspect -f '{{.RestartCount}}' "$id" 2>/dev/null || echo 0)" -lt 3 ] || return 0
    done
    return 1
}
# up LABEL: docker-compose up -d, then waits for all seven to be healthy; sets UP_SECONDS.
UP_SECONDS=""
up() {
    local label=$1 start rc=0
    start=$(date +%s)
    STACK_STARTED=1
    compose up -d --no-build >"$SMOKE_WORK/up-$label.log" 2>&1 || rc=$?
    if [ "$rc" != 0 ]; then
        echo "   docker-compose up -d exited $rc:" >&3
        grep -v '^\(Creating\|Starting\) .* done$' "$SMOKE_WORK/up-$label.log" | tail -n 8 | sed 's/^/   | /' >&3
    fi
    local deadline=$(( start + HEALTH_TIMEOUT ))
    until all_healthy; do
        # compose gave up (a dependency unhealthy) and nothing is still starting, or a service
        # keeps crashing at start: no use waiting
        if [ "$(date +%s)" -ge "$deadline" ] || { [ "$rc" != 0 ] && ! still_starting; } || crash_looping; then
            UP_SECONDS=""
            local service
            for service in "${ALL[@]}"; do
                id=$(container_of "$service")
                printf '   %-20s %s%s\n' "$service" "$(health_of "$service")" \
                    "$( [ -z "$id" ] || docker inspect -f ', {{.RestartCount}} restarts' "$id" 2>/dev/null)" >&3
            done
            echo "not all healthy ($(( $(date +%s) - start ))s after up)"
            return 1
        fi
        sleep 2
    done
    UP_SECONDS=$(( $(date +%s) - start ))
    return "$rc"
}

step "docker-compose up -d"
check "docker-compose up -d, then all seven containers healthy within ${HEALTH_TIMEOUT}s" up first
FIRST_UP_SECONDS=$UP_SECONDS
step "up: ${FIRST_UP_SECONDS:-never} s to all healthy"

for service in "${ALL[@]}"; do
    check "$service healthy by its own healthcheck" test "$(health_of "$service")" = healthy
done
restarts=""
for service in "${ALL[@]}"; do
    id=$(container_of "$service")
    count=$( [ -z "$id" ] || docker inspect -f '{{.RestartCount}}' "$id" 2>/dev/null || true)
    [ "${count:-0}" = 0 ] || restarts="$restarts $service=$count"
done
[ -z "$restarts" ] || step "restarted during start-up (see $SMOKE_WORK/logs/ after the run):$restarts"

# start order: each service started only after every dependency had reported healthy
started_after_dependencies() {
    local service=$1 dependency started healthy
    started=$(awk -v s="$service" '$2 == s && $3 == "start" {print $1; exit}' "$SMOKE_WORK/events.log")
    [ -n "$started" ] || { echo "no start event for $service"; return 1; }
    for dependency in $(dependencies_of "$service"); do
        healthy=$(awk -v s="$dependency" '$2 == s && $0 ~ /health_status: healthy/ {print $1; exit}' "$SMOKE_WORK/events.log")
        [ -n "$healthy" ] || { echo "$dependency never reported healthy"; return 1; }
        [ "$started" -gt "$healthy" ] || { echo "started before $dependency was healthy"; return 1; }
    done
}
for service in "${SERVICES[@]}"; do
    check "$service started after $(dependencies_of "$service" | paste -sd, -) were healthy" started_after_dependencies "$service"
done

# ---------------------------------------------------------------------------------------------
# published ports: 127.0.0.1:8787 on the gateway, nothing else, by the engine's own account and on the host

port_bindings() {
    local service=$1 id
    id=$(container_of "$service")
    [ -n "$id" ] || { echo "no container"; return 1; }
    docker inspect -f '{{range $port, $bindings := .HostConfig.PortBindings}}{{range $bindings}}{{.HostIp}}:{{.HostPort}}->{{$port}} {{end}}{{end}}' "$id"
}
publishes() {
    local service=$1 expected=$2 actual
    actual=$(port_bindings "$service") || return 1
    actual=$(echo "$actual" | xargs)
    [ "$actual" = "$expected" ] || { echo "publishes '${actual:-nothing}'"; return 1; }
}
check "hq-gateway publishes exactly 127.0.0.1:8787 -> 8080" publishes hq-gateway "127.0.0.1:8787->8080/tcp"
for service in postgres llm-router-service doctor-service notify-service soma-sync-service runner-service; do
    check "$service publishes nothing" publishes "$service" ""
done
host_listeners_of_docker() {
    local listeners
    listeners=$(ss -Hltnp | awk '/docker-proxy/ {print $4}' | sort -u | xargs)
    [ "$listeners" = "127.0.0.1:8787" ] || { echo "docker-proxy listens on '${listeners:-nothing}'"; return 1; }
}
check "on the host, Docker listens on 127.0.0.1:8787 only" host_listeners_of_docker
nat_rules_of_docker() {
    local rules
    rules=$(iptables -t nat -S DOCKER 2>/dev/null | grep -- '-j DNAT' | sed 's/.*-d \([^ ]*\) .*--dport \([0-9]*\) .*/\1:\2/' | sort -u | xargs)
    [ "$rules" = "127.0.0.1/32:8787" ] || { echo "DNAT rules for '${rules:-nothing}'"; return 1; }
}
check "on the host, Docker forwards 127.0.0.1:8787 only (iptables DNAT)" nat_rules_of_docker
no_route_out() {
    local id
    id=$(container_of postgres)
    ! docker exec "$id" timeout 5 bash -c 'exec 3<>/dev/tcp/1.1.1.1/443' >/dev/null 2>&1 || { echo "postgres opened a connection out"; return 1; }
}
check "postgres (internal network only) has no route out" no_route_out

# ---------------------------------------------------------------------------------------------
# login through the gateway, then the API with the session

JAR="$HTTP/cookies"
CSRF_HEADER="$HTTP/csrf-header"
ORIGIN="Origin: $GATEWAY"
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@"; }
expect_code() {
    local expected=$1 code
    shift
    code=$(http_code "$@") || true
    [ "$code" = "$expected" ] || { echo "HTTP $code, expected $expected"; return 1; }
}
login() {
    local code
    rm -f "$JAR" "$CSRF_HEADER"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -c "$JAR" -H "$ORIGIN" \
        --data-urlencode "token@$SECRETS/openclaw_console_token" "$GATEWAY/login") || true
    [ "$code" = 303 ] || { echo "POST /login answered $code, expected 303"; return 1; }
    awk -F '\t' 'NF >= 7' "$JAR" | grep -q . || { echo "no session cookie set"; return 1; }
    # the session's CSRF token, as the pages hand it to htmx, kept in a header file (never in argv)
    curl -s --max-time 20 -b "$JAR" "$GATEWAY/" \
        | sed -n 's/.*"X-CSRF-Token": *"\([^"]*\)".*/X-CSRF-Token: \1/p' | head -n 1 >"$CSRF_HEADER"
    [ -s "$CSRF_HEADER" ] || { echo "no CSRF token on the overview page"; return 1; }
}
api() { curl -s --max-time 30 -b "$JAR" -H "$ORIGIN" -H "@$CSRF_HEADER" "$@"; }
json_field() { python3 -c 'import json, sys
d = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    d = d[int(k)] if isinstance(d, list) else d.get(k) if isinstance(d, dict) else None
print("" if d is None else d)' "$1"; }
projects_api() {
    local body
    body=$(api "$GATEWAY/api/projects") || { echo "GET /api/projects failed"; return 1; }
    printf '%s' "$body" | python3 -c 'import json, sys; assert isinstance(json.load(sys.stdin)["projects"], list)' \
        || { echo "GET /api/projects: not the projects document"; return 1; }
}

source_available() {   # service: true/false as HQ's merged run feed reports the source
    api "$GATEWAY/api/runs?size=1" | python3 -c 'import json, sys
for s in json.load(sys.stdin).get("sources", []):
    if s.get("service") == sys.argv[1]:
        print("true" if s.get("available") else "false"); break
else:
    print("absent")' "$1"
}
hq_shows_both() { hq_shows "$CRASHED" "$1" && hq_shows "$KILLED" "$1"; }
hq_shows() {
    local seen
    [ "$(health_of hq-gateway)" = healthy ] || { echo "hq-gateway is $(health_of hq-gateway)"; return 2; }
    seen=$(source_available "$1")
    [ "$seen" = "$2" ] || { echo "HQ's run feed shows $1 available: ${seen:-?}"; return 1; }
}

check "GET /q/health/ready through 127.0.0.1:8787 answers 200" expect_code 200 "$GATEWAY/q/health/ready"
check "the API refuses a request without credentials (401)" expect_code 401 -H "$ORIGIN" "$GATEWAY/api/projects"
check "POST /login with a wrong token is refused (401)" expect_code 401 -H "$ORIGIN" --data-urlencode "token=not-the-console-token" "$GATEWAY/login"
check "POST /login with the console token (read from its secret file) sets a session" login
check "GET /api/projects with the session answers the projects" projects_api

# ---------------------------------------------------------------------------------------------
# a doctor run and a guard run started from HQ: gateway -> doctor-service -> notify-service
#
# The button's path: POST /api/exec as the pages send it (session cookie, Origin, X-CSRF-Token).
# What the owning service recorded is read back through the gateway's merged run feed.

DOCTOR_RUN=""
GUARD_RUN=""
# exec_accepted ACTION: POST /api/exec answered 2xx naming a run of doctor-service
exec_accepted() {
    local body="$SMOKE_WORK/exec-$1.json" code service run
    rm -f "$body"
    code=$(api -o "$body" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data "{\"action\":\"$1\"}" "$GATEWAY/api/exec") || true
    service=$(json_field service <"$body" 2>/dev/null) || true
    run=$(json_field runId <"$body" 2>/dev/null) || true
    [ -s "$body" ] || { echo "HTTP $code, no answer"; return 1; }
    case "$code" in
        2??) [ "$service" = doctor-service ] && [ -n "$run" ] && return 0
             echo "HTTP $code but service '$service', run '$run'"; return 1 ;;
        *) echo "HTTP $code: $(json_field detail <"$body" 2>/dev/null | cut -c1-200)"; return 1 ;;
    esac
}
# recorded_by_doctor ACTION SINCE: the newest top-level ACTION run doctor-service started at or
# after SINCE (epoch seconds), finished; its id goes to $SMOKE_WORK/run-ACTION
recorded_by_doctor() {
    [ "$(health_of hq-gateway)" = healthy ] || { echo "hq-gateway is $(health_of hq-gateway)"; return 2; }
    api "$GATEWAY/api/runs?service=doctor-service&size=50" | python3 -c 'import json, sys
from datetime import datetime
action, since, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
feed = json.load(sys.stdin)
if not all(s.get("available") for s in feed.get("sources", [])):
    print("doctor-service feed unavailable: %s" % feed.get("sources")); sys.exit(1)
runs = [r for r in feed["runs"] if r.get("action") == action and not r.get("parentRunId")
        and datetime.fromisoformat(r["startedAt"].replace("Z", "+00:00")).timestamp() >= since]
if not runs:
    print("no %s run of doctor-service since the request" % action); sys.exit(1)
run = max(runs, key=lambda r: r["startedAt"])
if run.get("status") not in ("success", "failure"):
    print("run %s is %s" % (run["id"], run.get("status"))); sys.exit(1)
open(out, "w").write(run["id"])' "$1" "$2" "$SMOKE_WORK/run-$1"
}
run_log_lines() {   # run service: the run's output lines, one per line; fails if they cannot be read
    api "$GATEWAY/api/runs/$1/log?service=$2" | python3 -c 'import json, sys
d = json.load(sys.stdin)
if "lines" not in d:
    print("the log of run %s could not be read: %s" % (sys.argv[1], d.get("detail", d))); sys.exit(1)
print("\n".join(d["lines"]))' "$1"
}
# doctor runs (ids): one of them found all five services ready by their compose names. Just after
# start-up a JVM may answer slower than the doctor's probe timeout, so the guard's own doctor run
# (a few seconds later) counts too.
doctor_reached_every_service() {
    local run lines last=""
    for run in "$@"; do
        lines=$(run_log_lines "$run" doctor-service) || { last=$lines; continue; }
        if printf '%s\n' "$lines" | grep -q '^2\. Compose stack health: PASS'; then
            return 0
        fi
        last=$(printf '%s\n' "$lines" | grep '^2\. ' || true)
    done
    echo "${last:-no compose stack health line}"
    return 1
}
guard_doctor_run() {   # the doctor run the guard run started (its child)
    api "$GATEWAY/api/runs?service=doctor-service&size=50" | python3 -c 'import json, sys
print("\n".join(r["id"] for r in json.load(sys.stdin)["runs"] if r.get("parentRunId") == sys.argv[1]))' "$1"
}
guard_alerted_notify() {
    local lines alerts
    lines=$(run_log_lines "$GUARD_RUN" doctor-service) || { echo "$lines"; return 1; }
    alerts=$(printf '%s\n' "$lines" | grep '^alert ') || { echo "the guard sent no alert"; return 1; }
    # notify's own answer (delivered, suppressed, or not delivered because a channel has no
    # credentials here) proves the alert crossed; only "notify-service unreachable/answered NNN" does not
    ! printf '%s\n' "$alerts" | grep -q 'not delivered: notify-service' \
        || { printf '%s\n' "$alerts" | grep 'not delivered: notify-service' | head -n 1; return 1; }
}
notify_recorded_alerts() {   # SINCE: alert runs of notify-service started since
    api "$GATEWAY/api/runs?service=notify-service&size=50" | python3 -c 'import json, sys
from datetime import datetime
since = float(sys.argv[1])
runs = [r for r in json.load(sys.stdin)["runs"] if str(r.get("action", "")).startswith("alert")
        and datetime.fromisoformat(r["startedAt"].replace("Z", "+00:00")).timestamp() >= since]
if not runs:
    print("notify-service recorded no alert since the guard run started"); sys.exit(1)' "$1"
}
run_recorded() {   # run service: GET /api/runs/{id}?service= finds it, finished
    local status
    status=$(api "$GATEWAY/api/runs/$1?service=$2" | json_field status 2>/dev/null) || true
    case "$status" in success|failure) ;; *) echo "run $1 of $2: '${status:-?}'"; return 1 ;; esac
}

# The gateway's breaker for a service opens after a few slow answers (a JVM just started): ask
# once HQ shows doctor-service available, as an operator would press the button.
check "hq shows doctor-service available (before starting runs)" within 90 hq_shows doctor-service true
SINCE=$(( $(date +%s) - 2 ))
check "POST /api/exec doctor is accepted: 2xx naming doctor-service's run" exec_accepted doctor
check "doctor-service recorded the doctor run HQ started, finished (its feed, through the gateway)" \
    within 90 recorded_by_doctor doctor "$SINCE"
DOCTOR_RUN=$(cat "$SMOKE_WORK/run-doctor" 2>/dev/null || true)
check "hq shows doctor-service available (before the guard run)" within 90 hq_shows doctor-service true
SINCE=$(( $(date +%s) - 2 ))
check "POST /api/exec guard is accepted: 2xx naming doctor-service's run" exec_accepted guard
check "doctor-service recorded the guard run HQ started, finished" within 120 recorded_by_doctor guard "$SINCE"
GUARD_RUN=$(cat "$SMOKE_WORK/run-guard" 2>/dev/null || true)
if [ -n "$GUARD_RUN" ]; then
    check "the guard's alerts reached notify-service by service name (guard run log)" within 60 guard_alerted_notify
    check "notify-service recorded the alerts as runs (its feed, through the gateway)" within 30 notify_recorded_alerts "$SINCE"
fi
if [ -n "$DOCTOR_RUN$GUARD_RUN" ]; then
    # shellcheck disable=SC2046
    check "the doctor reached every service by its compose name (check 2, compose stack health: PASS)" \
        within 60 doctor_reached_every_service $DOCTOR_RUN $( [ -z "$GUARD_RUN" ] || guard_doctor_run "$GUARD_RUN")
fi

# ---------------------------------------------------------------------------------------------
# inside each container

in_container() { local id; id=$(container_of "$1"); shift; docker exec "$id" "$@"; }
rootfs_read_only() {
    local id options
    id=$(container_of "$1")
    [ "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$id")" = true ] || { echo "ReadonlyRootfs is not set"; return 1; }
    options=$(docker exec "$id" awk '$2 == "/" {print $4}' /proc/mounts | tail -n 1)
    case ",$options," in *,ro,*) ;; *) echo "/ is mounted $options"; return 1 ;; esac
}
runs_as_1001() {
    local uids
    uids=$(in_container "$1" sh -c 'grep -h "^Uid:" /proc/[0-9]*/status 2>/dev/null' | awk '{print $2, $3, $4, $5}' | tr ' ' '\n' | sort -u | xargs)
    [ "$uids" = 1001 ] || { echo "uids in the container: ${uids:-none}"; return 1; }
    [ "$(in_container "$1" awk '/^Uid:/ {print $2}' /proc/1/status)" = 1001 ] || { echo "PID 1 is not uid 1001"; return 1; }
}
no_capabilities() {
    local status
    status=$(in_container "$1" sh -c 'grep -h -e "^CapEff:" -e "^CapPrm:" -e "^NoNewPrivs:" /proc/[0-9]*/status 2>/dev/null' | sort | uniq -c | awk '{print $2 $3}' | xargs)
    [ "$status" = "CapEff:0000000000000000 CapPrm:0000000000000000 NoNewPrivs:1" ] || { echo "$status"; return 1; }
}
no_docker_socket() {
    local id
    id=$(container_of "$1")
    ! docker inspect -f '{{range .Mounts}}{{.Source}} {{.Destination}} {{end}}' "$id" | grep -q 'docker\.sock\|/run/docker\b' \
        || { echo "a Docker socket is mounted"; return 1; }
    local found
    found=$(docker exec "$id" sh -c 'ls -d /var/run/docker.sock /run/docker.sock /run/containerd 2>/dev/null; true') \
        || { echo "cannot look inside $1"; return 1; }
    [ -z "$found" ] || { echo "inside: $found"; return 1; }
}
no_secret_in_env_or_argv() {
    local id bytes
    id=$(container_of "$1")
    # every process's environment and command line, read inside the container
    bytes=$(docker exec "$id" sh -c 'cat /proc/1/environ' | wc -c)
    [ "$bytes" -gt 0 ] || { echo "cannot read /proc/1/environ"; return 1; }
    if docker exec "$id" sh -c 'for p in /proc/[0-9]*; do cat "$p/environ" "$p/cmdline" 2>/dev/null; done' \
            | tr '\0' '\n' | grep -F -q -f "$SMOKE_WORK/secret-values"; then
        echo "a secret value is in a process's environment or argv"
        return 1
    fi
    if docker inspect "$id" | grep -F -q -f "$SMOKE_WORK/secret-values"; then
        echo "a secret value is in the container's configuration (docker inspect)"
        return 1
    fi
}
no_secret_in_log() {
    ! docker logs "$(container_of "$1")" 2>&1 | grep -F -q -f "$SMOKE_WORK/secret-values" \
        || { echo "a secret value is in the log of $1"; return 1; }
}
secret_files_readable() {   # service file...: each readable, non-empty; the mount read-only
    local service=$1 file options
    shift
    for file in "$@"; do
        in_container "$service" test -r "/run/openclaw_secrets/$file" -a -s "/run/openclaw_secrets/$file" \
            || { echo "cannot read /run/openclaw_secrets/$file"; return 1; }
    done
    options=$(in_container "$service" awk '$2 ~ "^/run/openclaw_secrets" {print $4}' /proc/mounts | sort -u | xargs)
    [ -n "$options" ] || { echo "no secrets mount"; return 1; }
    for file in $options; do
        case ",$file," in *,ro,*) ;; *) echo "a secrets mount is $file"; return 1 ;; esac
    done
}
postgres_sees_only_db_passwords() {
    local names
    names=$(in_container postgres ls /run/openclaw_secrets | grep -v '^db_password_' | xargs)
    [ -z "$names" ] || { echo "postgres also sees: $names"; return 1; }
}
declare -A ROLE=([hq-gateway]=gateway [llm-router-service]=llm_router [doctor-service]=doctor
    [notify-service]=notify [soma-sync-service]=soma_sync [runner-service]=runner)

configured_as_1001() {
    local user
    user=$(docker inspect -f '{{.Config.User}}' "$(container_of "$1")")
    case "$user" in 1001|1001:1001) ;; *) echo "runs as '${user:-the image default}'"; return 1 ;; esac
}
# the ORB wrappers run inside runner-service: every tool they call must be in its image
runner_has_wrapper_tools() {
    local missing
    missing=$(in_container runner-service bash -c 'for t in git bash setsid kill tar gzip awk find grep sed split stat mktemp sort cut tee; do
        command -v "$t" >/dev/null || printf "%s " "$t"; done') || { echo "cannot run bash in runner-service"; return 1; }
    [ -z "$missing" ] || { echo "missing: $missing"; return 1; }
}
for service in "${ALL[@]}"; do
    if [ -n "$(container_of "$service")" ]; then
        check "$service: configured to run as 1001:1001 (docker inspect)" configured_as_1001 "$service"
    fi
    if [ -z "$(container_of "$service")" ] || [ "$(docker inspect -f '{{.State.Running}}' "$(container_of "$service")")" != true ]; then
        check "$service is running (for the checks inside it)" false
        continue
    fi
    check "$service: root filesystem read-only" rootfs_read_only "$service"
    check "$service: every process runs as uid 1001" runs_as_1001 "$service"
    check "$service: CapEff 0, CapPrm 0, NoNewPrivs 1 for every process" no_capabilities "$service"
    check "$service: no Docker socket" no_docker_socket "$service"
    check "$service: no secret value in /proc/*/environ, /proc/*/cmdline or docker inspect" no_secret_in_env_or_argv "$service"
    check "$service: no secret value in its log (docker logs)" no_secret_in_log "$service"
    if [ "$service" = runner-service ]; then
        check "runner-service: every tool the wrappers call is in the image (git, bash, setsid, kill, tar, gzip, awk, find, coreutils)" \
            runner_has_wrapper_tools
    fi
    if [ "$service" = postgres ]; then
        check "postgres: its password files readable, read-only mounts" secret_files_readable postgres \
            db_password_postgres db_password_gateway db_password_llm_router db_password_doctor \
            db_password_notify db_password_soma_sync db_password_runner
        check "postgres: sees no secret but the database passwords" postgres_sees_only_db_passwords
    elif [ "$service" = hq-gateway ]; then
        check "$service: its secrets readable as files, mount read-only" secret_files_readable "$service" \
            "db_password_${ROLE[$service]}" hq_internal_token openclaw_console_token
    else
        check "$service: its secrets readable as files, mount read-only" secret_files_readable "$service" \
            "db_password_${ROLE[$service]}" hq_internal_token
    fi
done

# ---------------------------------------------------------------------------------------------
# memory and CPU at rest, after the runs above (docs/BENCHMARKS.md, "Containers")

docker stats --no-stream --format '{{.Name}}\t{{.MemUsage}}\t{{.CPUPerc}}' \
    $(docker ps -q --filter "$(project_filter)") >"$SMOKE_WORK/stats.txt" 2>/dev/null || true
step "docker stats --no-stream (name, memory use / limit, CPU):"
sed 's/^/   /' "$SMOKE_WORK/stats.txt"
memory_limited() {
    local id limit
    id=$(container_of "$1")
    limit=$(docker inspect -f '{{.HostConfig.Memory}}' "$id")
    [ "${limit:-0}" -gt 0 ] || { echo "no memory limit on the container"; return 1; }
}
for service in "${ALL[@]}"; do
    check "$service: its memory limit is applied" memory_limited "$service"
done

# ---------------------------------------------------------------------------------------------
# a crash and a docker kill: HQ shows the service unavailable, then back

test_health() { [ "$(health_of "$1")" = healthy ] || { echo "$1 is $(health_of "$1")"; return 1; }; }
restart_count() { docker inspect -f '{{.RestartCount}}' "$(container_of "$1")"; }
main_pid() {   # the service's own process (the child of docker-init), as a host pid
    local id
    id=$(container_of "$1")
    docker top "$id" -eo pid,comm | awk '$2 == "java" {print $1; exit}'
}

CRASHED=notify-service
KILLED=runner-service
restart_count_above() { [ "$(restart_count "$1")" -gt "$2" ]; }
# Both at once, to save a JVM start: a crash of one service, a docker kill of another. HQ is asked
# right away, while the crashed JVM is still starting again.
CRASH_RESTARTS=$(restart_count "$CRASHED" 2>/dev/null || echo 0)
KILL_RESTARTS=$(restart_count "$KILLED" 2>/dev/null || echo 0)
check "hq shows $CRASHED and $KILLED available before" hq_shows_both true
# A service that stops answering (frozen: the shape of a hung JVM) must read unavailable on HQ
# for as long as it does. A crash alone cannot prove that: the JVM is back in about 2 s, within
# the gateway's 2 s display cache, and HQ rightly no longer keeps a service "unavailable" after
# it answers again.
check "docker pause $CRASHED (it stops answering)" docker pause "$(container_of "$CRASHED")"
check "hq shows $CRASHED unavailable while it does not answer" within 60 hq_shows "$CRASHED" false
check "docker unpause $CRASHED" docker unpause "$(container_of "$CRASHED")"
check "hq shows $CRASHED available again once it answers" within 60 hq_shows "$CRASHED" true
crash() {
    local pid
    pid=$(main_pid "$CRASHED")
    [ -n "$pid" ] || { echo "no java process in $CRASHED"; return 1; }
    # what an OOM kill or a crash does: SIGKILL to the service's process, from outside Docker
    kill -KILL "$pid"
}
check "SIGKILL to $CRASHED's java process (a crash)" crash
check "docker kill $KILLED" docker kill "$(container_of "$KILLED")"
check "hq shows $KILLED unavailable while it is down" within 60 hq_shows "$KILLED" false
check "$CRASHED is restarted by its restart policy" within 60 restart_count_above "$CRASHED" "$CRASH_RESTARTS"
stays_down() {
    local state
    sleep 3
    state=$(docker inspect -f '{{.State.Running}} {{.RestartCount}}' "$(container_of "$KILLED")")
    [ "$state" = "false $KILL_RESTARTS" ] || { echo "after docker kill: running, restarts: $state (before: $KILL_RESTARTS)"; return 1; }
}
check "$KILLED after docker kill: Docker counts it as stopped, the restart policy leaves it down" stays_down
bring_back() { compose up -d --no-build >"$SMOKE_WORK/up-after-kill.log" 2>&1 || { tail -n 3 "$SMOKE_WORK/up-after-kill.log"; return 1; }; }
check "docker-compose up -d starts $KILLED again" bring_back
check "$CRASHED healthy again after its restart" within 240 test_health "$CRASHED"
check "$KILLED healthy again" within 240 test_health "$KILLED"
check "hq shows $CRASHED available again" within 120 hq_shows "$CRASHED" true
check "hq shows $KILLED available again" within 120 hq_shows "$KILLED" true

# ---------------------------------------------------------------------------------------------
# down, then a second up without down -v

down_clean() {
    compose down --timeout 20 >"$SMOKE_WORK/down.log" 2>&1 || { tail -n 3 "$SMOKE_WORK/down.log"; return 1; }
}
no_containers() { [ -z "$(docker ps -aq --filter "$(project_filter)")" ] || { echo "containers left: $(docker ps -a --filter "$(project_filter)" --format '{{.Names}}' | xargs)"; return 1; }; }
no_networks() { [ -z "$(docker network ls -q --filter "$(project_filter)")" ] || { echo "networks left: $(docker network ls --filter "$(project_filter)" --format '{{.Name}}' | xargs)"; return 1; }; }
no_port() {
    ! ss -Hltn 'sport = :8787' | grep -q . || { echo "something still listens on 8787"; return 1; }
    ! iptables -t nat -S DOCKER 2>/dev/null | grep -q -- '--dport 8787' || { echo "a DNAT rule for 8787 is left"; return 1; }
}
volumes_kept() {
    local volumes
    volumes=$(docker volume ls -q --filter "$(project_filter)" | sort | xargs)
    [ "$volumes" = "${COMPOSE_PROJECT_NAME}_artifacts ${COMPOSE_PROJECT_NAME}_pgdata ${COMPOSE_PROJECT_NAME}_runner-work" ] || { echo "volumes: ${volumes:-none}"; return 1; }
}
# every container's log so far, kept in the work directory for a look after the run
mkdir -p "$SMOKE_WORK/logs"
for service in "${ALL[@]}"; do
    id=$(container_of "$service")
    [ -z "$id" ] || docker logs "$id" >"$SMOKE_WORK/logs/$service.log" 2>&1 || true
done
step "docker-compose down (without -v)"
check "docker-compose down succeeds" down_clean
check "after down: no container of the project" no_containers
check "after down: no network of the project" no_networks
check "after down: nothing listens on or forwards port 8787" no_port
check "after down: the data volumes are kept" volumes_kept

step "docker-compose up -d again, on the kept volumes"
check "a second docker-compose up -d, without down -v, comes up healthy" up second
SECOND_UP_SECONDS=$UP_SECONDS
step "second up: ${SECOND_UP_SECONDS:-never} s to all healthy"
check "login works again after the second up" login
if [ -n "$DOCTOR_RUN" ]; then
    check "the doctor run of the first up is still recorded" within 90 run_recorded "$DOCTOR_RUN" doctor-service
fi

# ---------------------------------------------------------------------------------------------

TOTAL=$(( $(date +%s) - T0 ))
step "time: ${TOTAL} s in all; all healthy ${FIRST_UP_SECONDS:-never} s after the first up, ${SECOND_UP_SECONDS:-never} s after the second"
[ -z "$BREAK" ] || step "break '$BREAK' applied ($HERE/breaks/$BREAK.yml): this run must fail"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
exit
}
