# ./hq vps: deploy OpenClaw HQ to the VPS and check it, from the operator's machine, over SSH to
# the VPS's tailnet address. Sourced by ./hq (bash); defines cmd_vps. docs/DEPLOY.md explains it.
#
#   ./hq vps deploy --target [USER@]100.x.y.z [--dir DIR] [--origin URL]
#       the reviewed HEAD (= origin/main) of this clean checkout onto the VPS, in steps, stopping at the first
#       failure: preflight, sync, bootstrap, release (build, up, ready or roll back), heal, guard,
#       binds, serve, doctor, phone; a receipt in artifacts/deploy/<timestamp>/ and a PASS/FAIL alert
#   ./hq vps apply-remote --target [USER@]100.x.y.z [--dir DIR] [--retry]
#       on the VPS: review-gated update to origin/main now, heal, doctor (deploy/vps/apply.sh)
#   ./hq vps doctor --target [USER@]100.x.y.z [--dir DIR]
#       on the VPS: deploy/vps/doctor.sh (read only)
#
# --target must be an IPv4 address in 100.64.0.0/10 (Tailscale): anything else is refused, names
# included, so nothing is ever sent over the public internet. USER defaults to root; another user
# runs the VPS scripts with `sudo -n` (no prompt: a password prompt fails instead). --dir is the
# checkout on the VPS (default /opt/openclaw-hq). SSH runs with BatchMode (never prompts).
# Environment: OPENCLAW_REPO_DIR (the checkout to deploy, default this one),
# OPENCLAW_ARTIFACTS_DIR (default artifacts/), VPS_SSH_OPTS (extra ssh options, e.g. -i KEY).

VPS_DEFAULT_DIR=/opt/openclaw-hq

vps_usage() { awk '/^#/ { sub(/^# ?/, ""); print; next } { exit }' "$ROOT/ops/vps.sh"; }
vps_refuse() { printf 'hq vps: refused: %s\n' "$*" >&2; exit 1; }

# Same rule as deploy/vps/lib.sh's is_tailnet_ipv4: 100.64.0.0 to 100.127.255.255 only.
vps_is_tailnet_ipv4() {
    local ip=$1 octet octets
    [[ $ip =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || return 1
    octets=("${BASH_REMATCH[@]:1}")
    for octet in "${octets[@]}"; do
        [[ $octet =~ ^(0|[1-9][0-9]*)$ ]] && ((octet <= 255)) || return 1
    done
    ((octets[0] == 100 && octets[1] >= 64 && octets[1] <= 127))
}

# Parses the common options into VPS_TARGET, VPS_HOST, VPS_USER, VPS_DIR, VPS_SUDO, VPS_SSH and
# the remaining ones into VPS_REST.
vps_parse() {
    VPS_TARGET="" VPS_DIR=$VPS_DEFAULT_DIR VPS_ORIGIN="" VPS_REST=()
    while (($#)); do
        case $1 in
            --target) VPS_TARGET=${2:-}; shift 2 || vps_refuse "--target needs [USER@]ADDRESS" ;;
            --dir) VPS_DIR=${2:-}; shift 2 || vps_refuse "--dir needs a path" ;;
            --origin) VPS_ORIGIN=${2:-}; shift 2 || vps_refuse "--origin needs a URL" ;;
            --retry) VPS_REST+=(--retry); shift ;;
            *) vps_refuse "unknown argument '$1' (./hq vps --help)" ;;
        esac
    done
    [ -n "$VPS_TARGET" ] || vps_refuse "--target [USER@]100.x.y.z is required (the VPS's tailnet address)"
    if [[ $VPS_TARGET == *@* ]]; then VPS_USER=${VPS_TARGET%@*} VPS_HOST=${VPS_TARGET##*@}; else VPS_USER=root VPS_HOST=$VPS_TARGET; fi
    [[ $VPS_USER =~ ^[a-z_][a-z0-9_-]*$ ]] || vps_refuse "'$VPS_USER' is not a user name"
    vps_is_tailnet_ipv4 "$VPS_HOST" ||
        vps_refuse "target '$VPS_HOST' is not a Tailscale address (100.64.0.0/10); the VPS is reached over the tailnet only"
    [[ $VPS_DIR =~ ^/[A-Za-z0-9._/-]+$ ]] || vps_refuse "--dir must be an absolute path of letters, digits, . _ - /"
    VPS_SUDO=""
    [ "$VPS_USER" = root ] || VPS_SUDO="sudo -n "
    # shellcheck disable=SC2206 # VPS_SSH_OPTS is a list of options by design
    VPS_SSH=(ssh -o BatchMode=yes -o ConnectTimeout=15 -o ServerAliveInterval=30 ${VPS_SSH_OPTS:-} "$VPS_USER@$VPS_HOST")
}

# Runs one deploy/vps script on the VPS; its arguments are never secrets.
vps_remote() {
    local script=$1
    shift
    "${VPS_SSH[@]}" -- "${VPS_SUDO}$VPS_DIR/deploy/vps/$script $*"
}

cmd_vps() {
    local sub=${1:-}
    (($#)) && shift
    case $sub in
        deploy) vps_deploy "$@" ;;
        apply-remote)
            case ${1:-} in -h | --help) vps_usage; return 0 ;; esac
            vps_parse "$@"
            vps_remote apply.sh "${VPS_REST[@]}" || vps_refuse "apply-remote on $VPS_HOST failed (above)" ;;
        doctor)
            case ${1:-} in -h | --help) vps_usage; return 0 ;; esac
            vps_parse "$@"
            vps_remote doctor.sh || vps_refuse "the VPS doctor on $VPS_HOST reports failures (above)" ;;
        -h | --help | help | "") vps_usage ;;
        *) vps_usage >&2; vps_refuse "unknown vps command '$sub'" ;;
    esac
}

# ---------------------------------------------------------------------------------------- deploy

vps_json() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}
    s=${s//$'\t'/ }
    printf '"%s"' "$s"
}

vps_deploy() {
    case ${1:-} in -h | --help) vps_usage; return 0 ;; esac
    vps_parse "$@"
    local repo=${OPENCLAW_REPO_DIR:-$ROOT} stamp receipt_dir commit origin phone_url="" result=PASS
    local -a names=() statuses=() details=()
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    receipt_dir=${OPENCLAW_ARTIFACTS_DIR:-$ROOT/artifacts}/deploy/$stamp
    mkdir -p "$receipt_dir"
    local log=$receipt_dir/deploy.log
    : >"$log"

    # step NAME COMMAND...: runs it with its output to the terminal and deploy.log; the last
    # output line is the step's detail in the receipt.
    step() {
        local name=$1 out rc
        shift
        if [ "$result" = FAIL ]; then names+=("$name") statuses+=(SKIPPED) details+=("an earlier step failed"); return; fi
        printf '== %s\n' "$name" | tee -a "$log"
        set +e
        "$@" 2>&1 | tee -a "$log" "$receipt_dir/step.out"
        rc=${PIPESTATUS[0]}
        set -e
        out=$(grep . "$receipt_dir/step.out" | tail -n 1)
        rm -f "$receipt_dir/step.out"
        names+=("$name") details+=("$out")
        if [ "$rc" = 0 ]; then statuses+=(PASS); else statuses+=(FAIL) result=FAIL; fi
    }

    commit=$(git -C "$repo" rev-parse --verify --quiet 'HEAD^{commit}') || vps_refuse "$repo is not a git checkout"
    origin=$VPS_ORIGIN
    if [ -z "$origin" ]; then origin=$(git -C "$repo" remote get-url origin 2>/dev/null || true); fi
    # never ship credentials that a URL may carry (https://user:token@host/...)
    origin=$(printf '%s' "$origin" | sed -E 's#^([a-z+]+://)[^/@]*@#\1#')

    preflight() {
        [ -d "$repo/.git" ] || { echo "$repo is a linked worktree or submodule: deploy from a plain clone (the VPS gets its .git)"; return 1; }
        [ -z "$(git -C "$repo" status --porcelain)" ] || { echo "the checkout has uncommitted or untracked files: commit or remove them"; return 1; }
        "$repo/deploy/vps/review_gate.sh" --repo "$repo" "$commit" || return 1
        [ -n "$origin" ] || { echo "no origin URL (git remote origin, or --origin URL): the VPS fetches updates from it"; return 1; }
        # what the VPS's self-update will follow: deploying anything else would be undone or refused
        git -C "$repo" fetch -q origin main || { echo "git fetch origin main failed"; return 1; }
        [ "$(git -C "$repo" rev-parse 'refs/remotes/origin/main^{commit}')" = "$commit" ] ||
            { echo "HEAD ${commit:0:12} is not origin/main: push it through the review workflow first (./hq ship), or check out origin/main"; return 1; }
        "${VPS_SSH[@]}" -- "${VPS_SUDO}mkdir -p $VPS_DIR" || { echo "ssh to $VPS_USER@$VPS_HOST failed"; return 1; }
        echo "deploying ${commit:0:12} to $VPS_USER@$VPS_HOST:$VPS_DIR"
    }
    sync() {
        # the tracked tree and .git (the VPS fetches origin/main itself later); never .git/config
        # (remotes may carry credentials), .env (the VPS's own), ignored files (target/, .hq/)
        rsync -az --no-owner --no-group --delete --filter=':- .gitignore' --exclude=/.git/config --exclude=/.env --exclude=/artifacts/ \
            -e "${VPS_SSH[*]:0:${#VPS_SSH[@]}-1}" --rsync-path="${VPS_SUDO}rsync" \
            "$repo/" "$VPS_USER@$VPS_HOST:$VPS_DIR/" || return 1
        "${VPS_SSH[@]}" -- "${VPS_SUDO}sh -c 'cd $VPS_DIR && git init -q && (git remote set-url origin \"\$1\" 2>/dev/null || git remote add origin \"\$1\") && git checkout -q --detach $commit' sync $(printf '%q' "$origin")" || return 1
        echo "synced ${commit:0:12}; origin $origin"
    }

    step preflight preflight
    step sync sync
    step bootstrap vps_remote bootstrap.sh --skip-guard
    step release vps_remote release.sh "$commit"
    step heal vps_remote heal.sh
    step guard vps_remote guard_install.sh
    step binds vps_remote doctor.sh --only binds
    step serve vps_remote serve.sh
    for i in "${!names[@]}"; do
        if [ "${names[$i]}" = serve ] && [ "${statuses[$i]}" = PASS ]; then phone_url=${details[$i]#PHONE_URL=}; fi
    done
    step doctor vps_remote doctor.sh
    phone_check() {
        local code
        [ -n "$phone_url" ] || { echo "no phone URL"; return 1; }
        code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 20 "$phone_url/login") || { echo "$phone_url unreachable from here"; return 1; }
        [[ $code =~ ^[23] ]] || { echo "$phone_url/login answered $code"; return 1; }
        echo "$phone_url/login answers $code"
    }
    step phone phone_check

    # the receipt: what was deployed and how each step went; no secret is ever in a step's output
    {
        printf '{"timestamp":"%s","target":%s,"dir":%s,"commit":"%s","result":"%s","phone_url":%s,"steps":[' \
            "$stamp" "$(vps_json "$VPS_USER@$VPS_HOST")" "$(vps_json "$VPS_DIR")" "$commit" "$result" "$(vps_json "$phone_url")"
        for i in "${!names[@]}"; do
            printf '%s{"name":"%s","status":"%s","detail":%s}' "$([ "$i" = 0 ] || echo ,)" "${names[$i]}" "${statuses[$i]}" "$(vps_json "${details[$i]}")"
        done
        printf ']}\n'
    } >"$receipt_dir/receipt.json"
    {
        printf 'OpenClaw HQ deploy %s\ntarget  %s:%s\ncommit  %s\nresult  %s\nphone   %s\n\n' \
            "$stamp" "$VPS_USER@$VPS_HOST" "$VPS_DIR" "$commit" "$result" "${phone_url:-none}"
        for i in "${!names[@]}"; do printf '%-8s %-9s %s\n' "${statuses[$i]}" "${names[$i]}" "${details[$i]}"; done
    } >"$receipt_dir/receipt.txt"
    cat "$receipt_dir/receipt.txt"
    echo "receipt: ${receipt_dir#"$ROOT"/}/receipt.json"

    if [ "$result" = PASS ]; then
        vps_remote alert.sh vps-deploy OK info "'Deploy PASS'" "'${commit:0:12} deployed, $phone_url'" >/dev/null ||
            echo "hq vps: the PASS alert was not delivered" >&2
        return 0
    fi
    local failed_step
    for i in "${!names[@]}"; do
        if [ "${statuses[$i]}" = FAIL ]; then failed_step=${names[$i]}; fi
    done
    vps_remote alert.sh vps-deploy FAIL critical "'Deploy FAIL'" "'${commit:0:12}: step $failed_step failed'" >/dev/null ||
        echo "hq vps: the FAIL alert was not delivered (the VPS may be unreachable)" >&2
    vps_refuse "deploy of ${commit:0:12} failed at step '$failed_step' (receipt above)"
}
