#!/usr/bin/env bash
# Builds the six JVM images (each service's src/main/docker/Dockerfile.jvm) from the jars that
# `./mvnw package` built on this machine, tagged as deploy/docker/compose.jvm.yml names them. One
# Maven build for all six instead of one inside every image build: minutes instead of most of an
# hour on a small VPS, and no Maven JVMs competing for its memory. The compose smoke test
# (deploy/test/compose-smoke.sh) builds its images with this script too, on its stand-in bases.
#
#   ./mvnw -B package -DskipTests               once per checkout (JDK 17)
#   deploy/docker/build-jvm-images.sh           then: docker compose -f docker-compose.yml \
#                                                       -f deploy/docker/compose.jvm.yml up -d
#
# Environment:
#   OPENCLAW_IMAGE_TAG        the tag before "-jvm" (default latest), as in compose.jvm.yml
#   BUILDER_IMAGE, HEALTHCHECK_BUILDER_IMAGE, RUNTIME_IMAGE
#                             other bases than the Dockerfile's defaults (the smoke test's stand-ins)
#   DOCKER_BUILD_NICE         a prefix for docker build, e.g. "nice -n 10"
#
# The build context of each image is a temporary directory holding only what Dockerfile.jvm takes
# with APP_SOURCE=prebuilt: <service>/target/quarkus-app and deploy/docker/healthcheck.c.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICES=(hq-gateway llm-router-service doctor-service notify-service soma-sync-service runner-service)
TAG=${OPENCLAW_IMAGE_TAG:-latest}
NICE=${DOCKER_BUILD_NICE:-}
die() { printf 'build-jvm-images: %s\n' "$*" >&2; exit 1; }

# Fail closed on jars that are missing or older than the sources they were built from (a
# `git pull` without `./mvnw package` would otherwise ship the previous release).
for service in "${SERVICES[@]}"; do
    jar="$REPO/$service/target/quarkus-app/quarkus-run.jar"
    [ -s "$jar" ] || die "$service/target/quarkus-app is missing: run ./mvnw -B package -DskipTests first"
    newer=$(find "$REPO/$service/src/main" "$REPO/$service/pom.xml" "$REPO/services" "$REPO/pom.xml" \
        -path '*/target' -prune -o -path '*/src/test' -prune -o -path '*/src/main/docker' -prune \
        -o -type f -newer "$jar" -print 2>/dev/null | head -n 1)
    [ -z "$newer" ] || die "${newer#"$REPO"/} is newer than $service's jar: run ./mvnw -B package -DskipTests again"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/openclaw-jvm-images.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

args=(--build-arg APP_SOURCE=prebuilt)
[ -z "${BUILDER_IMAGE:-}" ] || args+=(--build-arg "BUILDER_IMAGE=$BUILDER_IMAGE")
[ -z "${HEALTHCHECK_BUILDER_IMAGE:-}" ] || args+=(--build-arg "HEALTHCHECK_BUILDER_IMAGE=$HEALTHCHECK_BUILDER_IMAGE")
[ -z "${RUNTIME_IMAGE:-}" ] || args+=(--build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE")

build() {
    local service=$1 context="$WORK/$1" image="openclaw/$1:$TAG-jvm" log="$WORK/$1.log"
    mkdir -p "$context/deploy/docker" "$context/$service/target"
    cp "$REPO/deploy/docker/healthcheck.c" "$context/deploy/docker/"
    # hard links when the checkout and TMPDIR share a file system; a copy otherwise
    cp -al "$REPO/$service/target/quarkus-app" "$context/$service/target/" 2>/dev/null \
        || cp -a "$REPO/$service/target/quarkus-app" "$context/$service/target/"
    if $NICE docker build -f "$REPO/$service/src/main/docker/Dockerfile.jvm" "${args[@]}" -t "$image" "$context" >"$log" 2>&1; then
        printf '   %-20s %s\n' "$service" "$image"
    else
        tail -n 25 "$log" >&2
        echo "build-jvm-images: building $image failed" >&2
        return 1
    fi
}

# The first build makes the healthcheck stage the other five reuse from the cache; those then
# build side by side (each is mostly copying its jars).
build "${SERVICES[0]}"
pids=()
for service in "${SERVICES[@]:1}"; do
    build "$service" & pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
done
[ "$failed" = 0 ] || die "some images did not build"
