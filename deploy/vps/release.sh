#!/usr/bin/env bash
# Puts one commit into service on the VPS, or leaves the previous one running. Used by the
# self-update timer and by `./hq vps deploy`; run as root in the checkout.
#
#   deploy/vps/release.sh COMMIT
#
#   1. checks out COMMIT (detached; never discards local edits: git refuses, and so do we)
#   2. builds its images tagged with the commit (OPENCLAW_IMAGE_TAG=<12 hex>): the JVM images from
#      one Maven build when .env selects deploy/docker/compose.jvm.yml and a JDK is here, else
#      `compose build`. The running containers keep serving meanwhile.
#   3. `compose up -d --no-build` with that tag, then waits for the stack to be ready (the gateway's
#      readiness on 127.0.0.1:8787 and every container healthy; OPENCLAW_HEALTH_ATTEMPTS x
#      OPENCLAW_HEALTH_INTERVAL seconds, default 84 x 5)
#   4. ready: records the tag in $OPENCLAW_STATE_DIR/image.env (the stack unit starts that tag
#      at boot) and in .env's OPENCLAW_IMAGE_TAG line (so a hand-typed `docker compose ...` in the
#      checkout means the running images), the commit in deployed; removes images older than the
#      previous release
#      not ready, or the build failed: checks the previous commit out again and, if it was
#      already up, brings its images (still tagged, no rebuild) back with `up -d --no-build`
#
# Exit 0 released; 1 build failed (nothing changed); 2 not ready, rolled back and ready again;
# 3 not ready and the rollback is not ready either (the stack needs the operator).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; esac
[ $# -eq 1 ] || die "usage: release.sh COMMIT" 2
require_root

git_repo() { git -C "$REPO_DIR" "$@"; }
target=$(git_repo rev-parse --verify --quiet "$1^{commit}") || die "'$1' is not a commit in $REPO_DIR"
# The previous release is the last one that became ready (a deploy's sync has already moved HEAD);
# before any, whatever is checked out.
previous=""
if [ -s "$STATE_DIR/deployed" ]; then
    previous=$(git_repo rev-parse --verify --quiet "$(head -n 1 "$STATE_DIR/deployed")^{commit}") || previous=""
fi
[ -n "$previous" ] || previous=$(git_repo rev-parse --verify --quiet 'HEAD^{commit}') || previous=""
previous_tag=$(current_image_tag || true)
tag=$(image_tag_of "$target")
mkdir -p "$STATE_DIR"

jvm_selected() { [ -f "$REPO_DIR/.env" ] && grep -q '^COMPOSE_FILE=.*compose\.jvm\.yml' "$REPO_DIR/.env"; }

build_images() {
    if jvm_selected && [ -x "$REPO_DIR/mvnw" ] && command -v java >/dev/null 2>&1; then
        say "building the jars and the JVM images of ${target:0:12}"
        (cd "$REPO_DIR" && nice -n 10 ./mvnw -B -q package -DskipTests) &&
            OPENCLAW_IMAGE_TAG=$tag DOCKER_BUILD_NICE="nice -n 10" "$REPO_DIR/deploy/docker/build-jvm-images.sh"
    else
        say "building the images of ${target:0:12} with compose build"
        OPENCLAW_IMAGE_TAG=$tag compose build
    fi
}

# The running tag, for the stack unit (state) and for every `docker compose` the operator types in
# the checkout (.env's OPENCLAW_IMAGE_TAG line, the one line of .env this script manages).
record_tag() {
    local env_file=$REPO_DIR/.env
    printf 'OPENCLAW_IMAGE_TAG=%s\n' "$tag" >"$STATE_DIR/image.env.tmp" && mv "$STATE_DIR/image.env.tmp" "$STATE_DIR/image.env"
    if [ -f "$env_file" ] && grep -q '^OPENCLAW_IMAGE_TAG=' "$env_file"; then
        sed -i "s/^OPENCLAW_IMAGE_TAG=.*/OPENCLAW_IMAGE_TAG=$tag/" "$env_file"
    else
        printf 'OPENCLAW_IMAGE_TAG=%s\n' "$tag" >>"$env_file"
    fi
}

checkout() { git_repo -c advice.detachedHead=false checkout --quiet --detach "$1"; }

back_to_previous() {
    if [ -n "$previous" ]; then
        checkout "$previous" || warn "could not check ${previous:0:12} out again: the checkout needs the operator"
    fi
}

# Keeps the images of this release and of the previous one (the rollback), removes older tags.
prune_old_images() {
    local keep_current=$tag keep_previous=${previous_tag:-none} image image_tag
    { docker image ls --format '{{.Repository}}:{{.Tag}}' 2>/dev/null || true; } | { grep '^openclaw/' || true; } | while read -r image; do
        image_tag=${image##*:}
        image_tag=${image_tag%-jvm}
        [[ $image_tag =~ ^[0-9a-f]{12}$ ]] || continue
        [ "$image_tag" = "$keep_current" ] || [ "$image_tag" = "$keep_previous" ] || docker image rm "$image" >/dev/null 2>&1 || true
    done
}

if [ -n "$previous" ] && [ "$previous" != "$target" ]; then
    say "releasing ${target:0:12} (running ${previous:0:12}, images ${previous_tag:-none})"
else
    say "releasing ${target:0:12}"
fi
checkout "$target" || die "could not check ${target:0:12} out (local edits in $REPO_DIR?); nothing changed"

if ! build_images; then
    back_to_previous
    warn "the build of ${target:0:12} failed; the running stack is unchanged"
    exit 1
fi

if OPENCLAW_IMAGE_TAG=$tag compose up -d --no-build && wait_stack_ready; then
    record_tag
    printf '%s\n' "$target" >"$STATE_DIR/deployed"
    prune_old_images
    say "released ${target:0:12}: ready"
    exit 0
fi

warn "${target:0:12} did not become ready; rolling back"
back_to_previous
if [ -z "$previous_tag" ]; then
    warn "no earlier release to roll back to (first release on this host)"
    exit 3
fi
if OPENCLAW_IMAGE_TAG=$previous_tag compose up -d --no-build && wait_stack_ready; then
    say "rolled back to images $previous_tag: ready"
    exit 2
fi
warn "the rollback to images $previous_tag is not ready either"
exit 3
