#!/usr/bin/env bash
# The stack as the systemd unit openclaw-hq.service starts and stops it: always the images of the
# last release that became ready ($OPENCLAW_STATE_DIR/image.env), never a build.
#
#   deploy/vps/stack.sh up | stop
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in
    -h | --help) usage; exit 0 ;;
    up)
        tag=$(current_image_tag || true)
        [ -n "$tag" ] || die "no release recorded in $STATE_DIR/image.env yet: deploy first (./hq vps deploy)"
        OPENCLAW_IMAGE_TAG=$tag compose up -d --no-build ;;
    stop) compose stop ;;
    *) die "usage: stack.sh up|stop" 2 ;;
esac
