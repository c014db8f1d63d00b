#!/usr/bin/env bash
# The container engine and the local base images the compose smoke test needs, on a fresh
# Debian 12 machine without systemd and without any container registry (docs/DEPLOY.md, "What the
# smoke test proves"). Idempotent: installs only missing packages, starts dockerd only when no
# engine answers (and never a second one), builds a base image only when it is missing or its
# recipe under deploy/test/standins changed.
#
#   deploy/test/engine.sh            install, start dockerd if needed, build the stand-in images
#
# Sourced by deploy/test/compose-smoke.sh, which stops the dockerd it started when it ends.
#
# Images (none can be pulled here, so each is made from Debian's packages):
#   openclaw-standin/debian:bookworm     debootstrap --variant=minbase, imported
#   openclaw-standin/builder:bookworm    + gcc        (BUILDER_IMAGE, HEALTHCHECK_BUILDER_IMAGE)
#   openclaw-standin/jre17:bookworm      + OpenJDK 17 JRE            (RUNTIME_IMAGE of Dockerfile.jvm)
#   openclaw-standin/postgres:bookworm   + PostgreSQL 15, the official image's entrypoint contract
set -euo pipefail

STANDIN_DEBIAN=openclaw-standin/debian:bookworm
STANDIN_BUILDER=openclaw-standin/builder:bookworm
STANDIN_JRE=openclaw-standin/jre17:bookworm
STANDIN_POSTGRES=openclaw-standin/postgres:bookworm
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ENGINE_NICE=${ENGINE_NICE:-nice -n 10}
# set when this script started dockerd: the caller stops it (stop_engine)
ENGINE_STARTED_PID=${ENGINE_STARTED_PID:-}

engine_dir() { cd "$(dirname "${BASH_SOURCE[0]}")" && pwd; }
ENGINE_HERE=$(engine_dir)
: "${SMOKE_WORK:=/tmp/openclaw-compose-smoke}"

ENGINE_T0=$(date +%s)
elog() { printf '== [engine +%ss] %s\n' "$(( $(date +%s) - ENGINE_T0 ))" "$*"; }
edie() { printf 'engine: %s\n' "$*" >&2; exit 1; }

ensure_packages() {
    local missing=()
    command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
    command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
    command -v iptables >/dev/null 2>&1 || missing+=(iptables)
    command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v ss >/dev/null 2>&1 || missing+=(iproute2)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    [ ${#missing[@]} -gt 0 ] || return 0
    [ "$(id -u)" = 0 ] || edie "need root to install ${missing[*]}"
    elog "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    mkdir -p "$SMOKE_WORK"
    $ENGINE_NICE apt-get update -qq >"$SMOKE_WORK/apt.log" 2>&1 || { tail -20 "$SMOKE_WORK/apt.log" >&2; edie "apt-get update failed"; }
    $ENGINE_NICE apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$SMOKE_WORK/apt.log" 2>&1 \
        || { tail -20 "$SMOKE_WORK/apt.log" >&2; edie "apt-get install ${missing[*]} failed"; }
}

# dockerd without systemd: started by hand, unless one is already running (answering or not yet).
ensure_dockerd() {
    if docker info >/dev/null 2>&1; then
        return 0
    fi
    local pid
    if [ -s /var/run/docker.pid ] && pid=$(cat /var/run/docker.pid) && kill -0 "$pid" 2>/dev/null; then
        elog "dockerd $pid is running but not answering yet; waiting"
    else
        mkdir -p "$SMOKE_WORK"
        elog "starting dockerd (log: $SMOKE_WORK/dockerd.log)"
        # setsid: its own session, so a Ctrl-C in this terminal does not reach it; nice: the
        # engine and every container it starts stay polite to the other work on this machine.
        setsid $ENGINE_NICE dockerd >"$SMOKE_WORK/dockerd.log" 2>&1 </dev/null &
        ENGINE_STARTED_PID=$!
    fi
    local i
    for i in $(seq 1 90); do
        docker info >/dev/null 2>&1 && return 0
        if [ -n "$ENGINE_STARTED_PID" ] && ! kill -0 "$ENGINE_STARTED_PID" 2>/dev/null; then
            tail -20 "$SMOKE_WORK/dockerd.log" >&2
            edie "dockerd exited"
        fi
        sleep 1
    done
    [ -z "$ENGINE_STARTED_PID" ] || tail -20 "$SMOKE_WORK/dockerd.log" >&2
    edie "the Docker engine did not answer within 90 s"
}

# Stops the dockerd this script started (and only that one); containers must be gone already.
stop_engine() {
    [ -n "$ENGINE_STARTED_PID" ] || return 0
    kill -TERM "$ENGINE_STARTED_PID" 2>/dev/null || return 0
    local i
    for i in $(seq 1 30); do
        kill -0 "$ENGINE_STARTED_PID" 2>/dev/null || { ENGINE_STARTED_PID=; return 0; }
        sleep 1
    done
    echo "engine: dockerd $ENGINE_STARTED_PID did not stop within 30 s" >&2
}

image_label() {
    docker image inspect -f '{{ index .Config.Labels "org.openclaw.standin" }}' "$1" 2>/dev/null || true
}

debian_base() {
    if docker image inspect "$STANDIN_DEBIAN" >/dev/null 2>&1; then
        return 0
    fi
    local rootfs="$SMOKE_WORK/rootfs"
    elog "debootstrap --variant=minbase bookworm (about a minute)"
    rm -rf "$rootfs"
    mkdir -p "$SMOKE_WORK"
    $ENGINE_NICE debootstrap --variant=minbase bookworm "$rootfs" "$DEBIAN_MIRROR" >"$SMOKE_WORK/debootstrap.log" 2>&1 \
        || { tail -20 "$SMOKE_WORK/debootstrap.log" >&2; edie "debootstrap failed"; }
    cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $DEBIAN_MIRROR bookworm main
deb $DEBIAN_MIRROR bookworm-updates main
deb ${DEBIAN_MIRROR%/debian}/debian-security bookworm-security main
SOURCES
    # no recommended packages in the images built on it
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$rootfs/etc/apt/apt.conf.d/90openclaw-standin"
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    # The package lists fetched once here, not once per stand-in build (each of those drops them
    # from its own layer, and runs apt-get update itself if they have gone stale).
    elog "apt-get update in the new root"
    cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
    $ENGINE_NICE chroot "$rootfs" apt-get update -qq >>"$SMOKE_WORK/debootstrap.log" 2>&1 \
        || { tail -20 "$SMOKE_WORK/debootstrap.log" >&2; edie "apt-get update in the debootstrapped root failed"; }
    : >"$rootfs/etc/resolv.conf"
    elog "docker import $STANDIN_DEBIAN"
    tar -C "$rootfs" -c . | $ENGINE_NICE docker import -c 'CMD ["/bin/bash"]' - "$STANDIN_DEBIAN" >/dev/null
    rm -rf "$rootfs"
}

# name dir: builds deploy/test/standins/<dir> as <name> unless an image with the same recipe exists.
standin_image() {
    local name=$1 dir="$ENGINE_HERE/standins/$2" recipe
    recipe=$(cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
    if [ "$(image_label "$name")" = "$recipe" ]; then
        return 0
    fi
    elog "building $name (apt-get inside the build; log: $SMOKE_WORK/build-$2.log)"
    # The classic builder: nothing here may need BuildKit (no buildx, no frontend to pull).
    if ! DOCKER_BUILDKIT=0 $ENGINE_NICE docker build --label "org.openclaw.standin=$recipe" \
            --build-arg "BASE_IMAGE=$STANDIN_DEBIAN" -t "$name" "$dir" >"$SMOKE_WORK/build-$2.log" 2>&1; then
        tail -30 "$SMOKE_WORK/build-$2.log" >&2
        edie "building $name failed"
    fi
    elog "built $name"
}

ensure_standins() {
    mkdir -p "$SMOKE_WORK"
    debian_base
    # the three are independent and mostly wait for Debian's mirror: built side by side
    local pids=() pid failed=0
    standin_image "$STANDIN_BUILDER" builder & pids+=($!)
    standin_image "$STANDIN_JRE" jre & pids+=($!)
    standin_image "$STANDIN_POSTGRES" postgres & pids+=($!)
    for pid in "${pids[@]}"; do
        wait "$pid" || failed=1
    done
    [ "$failed" = 0 ] || edie "a stand-in image could not be built"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    ensure_packages
    ensure_dockerd
    ensure_standins
    elog "engine and stand-in images ready${ENGINE_STARTED_PID:+ (dockerd $ENGINE_STARTED_PID started here and left running)}"
fi
