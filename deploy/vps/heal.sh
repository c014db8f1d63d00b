#!/usr/bin/env bash
# Puts back what should be running, without a build: the deploy's heal step and part of
# `./hq vps apply-remote`. Run as root on the VPS.
#
#   deploy/vps/heal.sh
#
#   1. the stack: `compose up -d --no-build` with the last ready release's images (starts a
#      container that was stopped or killed; recreates nothing that is right)
#   2. sshd: when Tailscale is up AND sshd listens beyond loopback and the tailnet, the
#      Tailscale-only fix (deploy/host/openclaw_fix_ssh_tailscale_only.sh, OPENCLAW_SSH_FIX).
#      Tailscale down → sshd is never touched (no lockout).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; "") ;; *) die "no arguments expected" 2 ;; esac
require_root
ssh_fix=${OPENCLAW_SSH_FIX:-$REPO_DIR/deploy/host/openclaw_fix_ssh_tailscale_only.sh}

tag=$(current_image_tag || true)
if [ -n "$tag" ]; then
    OPENCLAW_IMAGE_TAG=$tag compose up -d --no-build
    say "stack: images $tag up"
else
    say "stack: no release recorded yet; nothing to start"
fi

ts_ip=$(tailnet_ip)
if [ -z "$ts_ip" ]; then
    warn "Tailscale is down: sshd left untouched"
    exit 0
fi
public_sshd=$(ss -H -ltnp 2>/dev/null | grep '"sshd"' | awk '{print $4}' | grep -v -E '^(127\.|\[::1\]|100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.)' || true)
if [ -z "$public_sshd" ]; then
    say "sshd: listens on loopback/tailnet only"
    exit 0
fi
say "sshd listens on $(tr '\n' ' ' <<<"$public_sshd"); applying the Tailscale-only fix"
"$ssh_fix" || die "the sshd fix failed (it rolls itself back)"
