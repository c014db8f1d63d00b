#!/usr/bin/env bash
# Publishes HQ on the tailnet: `tailscale serve` HTTPS 443 → http://127.0.0.1:8787, sets that
# address as the gateway's OPENCLAW_HQ_ORIGIN in .env (recreating the gateway when it changed), then
# prints the phone URL as "PHONE_URL=https://<machine>.<tailnet>.ts.net". Idempotent. Refuses when
# Tailscale is down. Run as root on the VPS.
#
#   deploy/vps/serve.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in -h | --help) usage; exit 0 ;; "") ;; *) die "no arguments expected" 2 ;; esac
require_root
[ -n "$(tailnet_ip)" ] || die "Tailscale is down: nothing to serve on"
tailscale serve --bg --https=443 "http://$GATEWAY_BIND" >/dev/null
# Self comes before Peer in `tailscale status --json`: the first DNSName is this machine's.
status=$(tailscale status --json) || die "tailscale status --json failed"
name=$(grep -o '"DNSName": *"[^"]*"' <<<"$status" | sed -n '1{s/.*"\([^"]*\)"$/\1/;s/\.$//;p}')
[ -n "$name" ] || die "tailscale status names no DNSName for this machine (MagicDNS off?)"
origin="https://$name"
# The gateway's Origin (CSRF) check must accept the pages' own forms at that address: .env's
# OPENCLAW_HQ_ORIGIN, and the gateway recreated once when it changes.
env_file=$REPO_DIR/.env
if ! grep -qx "OPENCLAW_HQ_ORIGIN=$origin" "$env_file" 2>/dev/null; then
    if grep -q '^OPENCLAW_HQ_ORIGIN=' "$env_file" 2>/dev/null; then
        sed -i "s|^OPENCLAW_HQ_ORIGIN=.*|OPENCLAW_HQ_ORIGIN=$origin|" "$env_file"
    else
        printf 'OPENCLAW_HQ_ORIGIN=%s\n' "$origin" >>"$env_file"
    fi
    tag=$(current_image_tag || true)
    if [ -n "$tag" ]; then OPENCLAW_IMAGE_TAG=$tag compose up -d --no-build >/dev/null; fi
    say "OPENCLAW_HQ_ORIGIN=$origin in .env; the gateway now accepts forms from it"
fi
say "$origin → http://$GATEWAY_BIND"
printf 'PHONE_URL=https://%s\n' "$name"
