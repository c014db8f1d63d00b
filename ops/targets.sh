# shellcheck shell=bash
# ./hq targets: the SSH targets doctor-service reaches, in config/targets.json (schema beside it;
# the doctor validates the file before every run, so a change takes effect at the next run and HQ
# shows the active target in its header). Sourced by ./hq (uses ROOT, CONFIG_DIR, say, warn, fail).
#
# Fail closed: a host must be an IP literal in 100.64.0.0/10 (Tailscale) or loopback
# (127.0.0.0/8, ::1, for local mode); a host name, a public or private address, or an octet written
# with a leading zero is refused, and nothing is written.

targets_usage() {
  cat <<'EOF'
./hq targets COMMAND
  show                     every target, the active one marked; exits 1 if any host is outside the tailnet
  init NAME HOST USER SHA256:FINGERPRINT [PORT]
                           adds a target (creates config/targets.json, active, when there is none);
                           HOST must be in 100.64.0.0/10 or loopback; FINGERPRINT as ssh-keygen -lf prints it
  set-active NAME          the target the doctor, guard and heal use from their next run
Environment: HQ_CONFIG_DIR (default config/). Writes are atomic (temporary file, rename); needs jq.
EOF
}

targets_file() { printf '%s/targets.json' "${HQ_CONFIG_DIR:-$ROOT/config}"; }

# 0 when $1 is a decimal octet 0-255 written without a leading zero.
targets_octet() { [[ $1 =~ ^(0|[1-9][0-9]{0,2})$ ]] && (($1 <= 255)); }

# 0 when HOST is allowed: 100.64.0.0/10 or 127.0.0.0/8 as dotted quads, or ::1.
targets_host_allowed() {
  local host=$1 a b c d
  [[ $host == ::1 ]] && return 0
  [[ $host =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || return 1
  a=${BASH_REMATCH[1]} b=${BASH_REMATCH[2]} c=${BASH_REMATCH[3]} d=${BASH_REMATCH[4]}
  targets_octet "$a" && targets_octet "$b" && targets_octet "$c" && targets_octet "$d" || return 1
  ((a == 127)) && return 0
  ((a == 100 && b >= 64 && b <= 127))
}

targets_need_jq() {
  command -v jq >/dev/null 2>&1 || fail "./hq targets needs jq to read and write JSON (apt-get install jq)"
}

targets_write() { # JSON on stdin
  local file tmp
  file=$(targets_file)
  tmp=$(mktemp "$(dirname "$file")/.targets.json.XXXXXX") || fail "cannot write in $(dirname "$file")"
  if ! jq . >"$tmp"; then rm -f "$tmp"; fail "internal error: the new targets.json is not JSON"; fi
  chmod 0644 "$tmp"
  mv -f "$tmp" "$file"
}

targets_show() {
  targets_need_jq
  local file bad=0 name host port user active
  file=$(targets_file)
  [[ -f $file ]] || fail "no $file: ./hq targets init NAME HOST USER SHA256:FINGERPRINT"
  jq -e . "$file" >/dev/null 2>&1 || fail "$file is not valid JSON"
  active=$(jq -r '.active // empty' "$file")
  printf '  %-16s %-18s %-6s %-10s %s\n' NAME HOST PORT USER STATE
  while IFS=$'\t' read -r name host port user; do
    local state="ok"
    targets_host_allowed "$host" || { state="REFUSED: not in 100.64.0.0/10 or loopback"; bad=1; }
    printf '%s %-16s %-18s %-6s %-10s %s\n' "$([[ $name == "$active" ]] && printf '*' || printf ' ')" "$name" "$host" "$port" "$user" "$state"
  done < <(jq -r '.targets | to_entries[] | [.key, .value.host, (.value.port|tostring), .value.user] | @tsv' "$file")
  if ! jq -e --arg a "$active" '.targets[$a]' "$file" >/dev/null; then
    warn "the active target '$active' is not among the targets"
    bad=1
  fi
  ((bad == 0)) || fail "config/targets.json has a target the doctor will refuse (fail closed)"
}

targets_init() {
  targets_need_jq
  (($# >= 4 && $# <= 5)) || fail "init NAME HOST USER SHA256:FINGERPRINT [PORT] (see ./hq targets --help)"
  local name=$1 host=$2 user=$3 fingerprint=$4 port=${5:-22} file
  [[ $name =~ ^[a-z0-9][a-z0-9_-]{0,62}$ ]] || fail "target name '$name': lower case letters, digits, - and _ only"
  targets_host_allowed "$host" || fail "host '$host' refused: only IP literals in 100.64.0.0/10 (Tailscale) or loopback (127.0.0.0/8, ::1); host names could resolve anywhere"
  [[ $user =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || fail "user '$user' is not a valid login name"
  [[ $fingerprint =~ ^SHA256:[A-Za-z0-9+/]{43}$ ]] || fail "fingerprint must be SHA256:<43 base64 characters> (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host)"
  [[ $port =~ ^[1-9][0-9]{0,4}$ ]] && ((port <= 65535)) || fail "port '$port' is not 1-65535"
  file=$(targets_file)
  local target
  target=$(jq -n --arg h "$host" --argjson p "$port" --arg u "$user" --arg f "$fingerprint" \
    '{host: $h, port: $p, user: $u, hostKeyFingerprint: $f}')
  if [[ ! -f $file ]]; then
    jq -n --arg n "$name" --argjson t "$target" '{active: $n, targets: {($n): $t}}' | targets_write
    say "created $(basename "$file") with target $name ($host), active"
    return
  fi
  jq -e . "$file" >/dev/null 2>&1 || fail "$file is not valid JSON; fix it first"
  if jq -e --arg n "$name" --argjson t "$target" '.targets[$n] == $t' "$file" >/dev/null; then
    say "target $name is already there, unchanged"
    return
  fi
  jq --arg n "$name" --argjson t "$target" '.targets[$n] = ((.targets[$n] // {}) + $t)' "$file" | targets_write
  say "target $name ($host) written; active stays $(jq -r .active "$file") (./hq targets set-active $name)"
}

targets_set_active() {
  targets_need_jq
  local name=${1:-} file host
  [[ -n $name ]] || fail "set-active NAME"
  file=$(targets_file)
  [[ -f $file ]] || fail "no $file: ./hq targets init first"
  host=$(jq -r --arg n "$name" '.targets[$n].host // empty' "$file")
  [[ -n $host ]] || fail "no target '$name' in $(basename "$file"); known: $(jq -r '.targets | keys | join(" ")' "$file")"
  targets_host_allowed "$host" || fail "target $name has host '$host', outside 100.64.0.0/10 and loopback: refused"
  jq --arg n "$name" '.active = $n' "$file" | targets_write
  say "active target: $name ($host); the doctor, guard and heal use it from their next run"
}

cmd_targets() {
  local sub=${1:-}
  (($# > 0)) && shift
  case $sub in
    -h | --help) targets_usage ;;
    show) targets_show ;;
    init) targets_init "$@" ;;
    set-active) targets_set_active "$@" ;;
    "") targets_usage >&2; exit 2 ;;
    *) warn "unknown targets command '$sub'"; targets_usage >&2; exit 2 ;;
  esac
}
