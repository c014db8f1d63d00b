# shellcheck shell=bash
# ./hq secrets, ./hq token, ./hq login-link: every secret of OpenClaw HQ, managed without ever
# showing one. Sourced by ./hq (uses ROOT, SECRETS_DIR, say, warn, fail); see docs/OPS_INDEX.md.
#
# A value only ever travels through standard input, a file or a pipe between builtins: never an
# argument of a process (which `ps` and /proc/<pid>/cmdline show to every user), never an exported
# variable, never printed. Files are written 0600 through a temporary file and a rename, so a
# service never reads half a value. Services re-read secret files (within 10 s for the two tokens,
# on every use for the rest), so a change takes effect without a restart.

# name|owner|kind: kind "generated" = random tokens HQ makes itself (rotate), "brought" = the
# operator's (set), "database" = a role's password, shown here but changed only with its role
# (docs/DEPLOY.md, "Rotating secrets"). Owners are where `doctor` checks it. From the code's secret names
# (openclaw.secrets.known, ChannelCredentials, SomaSecrets, ProviderName, SshHostShell).
SECRETS_CATALOG=(
  "openclaw_console_token|hq-gateway|generated"
  "hq_internal_token|every service|generated"
  "openai_api_key|llm-router-service|brought"
  "mistral_api_key|llm-router-service|brought"
  "moonshot_api_key|llm-router-service|brought"
  "pushover_token|notify-service|brought"
  "pushover_user|notify-service|brought"
  "twilio_account_sid|notify-service, hq-gateway|brought"
  "twilio_auth_token|notify-service, hq-gateway|brought"
  "twilio_from_number|notify-service, hq-gateway|brought"
  "sms_allowlist|notify-service, hq-gateway|brought"
  "kajabi_client_id|soma-sync-service|brought"
  "kajabi_client_secret|soma-sync-service|brought"
  "kajabi_session_token|soma-sync-service|brought"
  "gmail_user|soma-sync-service|brought"
  "gmail_app_password|soma-sync-service|brought"
  "doctor_ssh_private_key|doctor-service|brought"
  "db_password_postgres|postgres|database"
  "db_password_gateway|hq-gateway|database"
  "db_password_llm_router|llm-router-service|database"
  "db_password_doctor|doctor-service|database"
  "db_password_notify|notify-service|database"
  "db_password_soma_sync|soma-sync-service|database"
  "db_password_runner|runner-service|database"
)
# Uid:gid of every container (docker-compose.yml): the owner of the files of the compose mount.
SECRETS_CONTAINER_OWNER=1001:1001
SECRETS_HOST_DIR_DEFAULT=/etc/ai-ops-runner/secrets
HQ_URL=${HQ_URL:-http://127.0.0.1:8787}

secrets_usage() {
  cat <<'EOF'
./hq secrets COMMAND [NAME] [--host]
  list                 every secret HQ knows: owner, kind, source
  status [NAME]        source (env/file/missing), masked form and fingerprint; never the value
  set NAME             store the value read from standard input (no echo on a terminal); 0600, atomic
  rotate NAME          a new random value for a generated token (openclaw_console_token, hq_internal_token)
  delete NAME          remove the file
  print-source NAME    env, file or missing
  doctor NAME          a light authenticated call through the service that owns it: PASS or FAIL (error class)
Options:
  --host               the compose mount on the VPS (OPENCLAW_HOST_SECRETS_DIR, default /etc/ai-ops-runner/secrets):
                       run as root; files owned 1001:1001 (the containers' user), mode 0600
Environment: HQ_SECRETS_DIR overrides the directory (default .hq/secrets, local mode); HQ_URL the gateway
(default http://127.0.0.1:8787); HQ_NOTIFY_URL, HQ_SOMA_URL the services doctor asks in local mode
(default their loopback ports). A value is never accepted as an argument.
doctor: the two tokens via the gateway; openai/mistral/moonshot via the router's provider doctor;
pushover_*, twilio_* via notify-service; kajabi_client_*, gmail_* via soma-sync-service (with --host
through the gateway's notify_credentials/soma_credentials actions); sms_allowlist, kajabi_session_token, the SSH key and the
database passwords have no light check (FAIL no_check, said so).
EOF
}

secrets_known() {
  local entry
  for entry in "${SECRETS_CATALOG[@]}"; do [[ ${entry%%|*} == "$1" ]] && return 0; done
  return 1
}

secrets_field() { # NAME FIELD(2=owner,3=kind)
  local entry
  for entry in "${SECRETS_CATALOG[@]}"; do
    if [[ ${entry%%|*} == "$1" ]]; then
      IFS='|' read -r -a parts <<<"$entry"
      printf '%s' "${parts[$2 - 1]}"
      return 0
    fi
  done
}

secrets_names() {
  local entry
  for entry in "${SECRETS_CATALOG[@]}"; do printf '%s ' "${entry%%|*}"; done
}

secrets_require_name() {
  local name=${1:-}
  [[ -n $name ]] || fail "which secret? one of: $(secrets_names)"
  [[ $name =~ ^[a-z][a-z0-9_]{1,63}$ ]] || fail "'$name' is not a secret name (lower case, digits, _)"
  secrets_known "$name" || fail "unknown secret '$name'; known: $(secrets_names)"
}

# The directory this invocation works on, and whether it is the compose mount.
SECRETS_TARGET_DIR=""
SECRETS_HOST_MODE=0
secrets_choose_dir() {
  if ((SECRETS_HOST_MODE)); then
    SECRETS_TARGET_DIR=${OPENCLAW_HOST_SECRETS_DIR:-$SECRETS_HOST_DIR_DEFAULT}
  else
    SECRETS_TARGET_DIR=${HQ_SECRETS_DIR:-$SECRETS_DIR}
  fi
  [[ $SECRETS_TARGET_DIR == /* ]] || SECRETS_TARGET_DIR=$ROOT/$SECRETS_TARGET_DIR
}

secrets_prepare_dir() {
  if ((SECRETS_HOST_MODE)); then
    [[ $(id -u) == 0 ]] || fail "--host writes the compose mount owned by $SECRETS_CONTAINER_OWNER: run as root (sudo)"
    [[ -d $SECRETS_TARGET_DIR ]] || fail "$SECRETS_TARGET_DIR does not exist: run 'sudo deploy/vps/init-secrets.sh' first"
  else
    (umask 077 && mkdir -p "$SECRETS_TARGET_DIR")
    chmod 700 "$SECRETS_TARGET_DIR"
  fi
}

# ---------------------------------------------------------------- the platform's rules, in bash
# Exactly SecretMasking and SecretResolver (services/platform): SecretMaskingScriptAgreementTest
# feeds the same values to both and compares. Function arguments stay inside this shell.

secrets_strip() {
  local v=$1
  v=${v#"${v%%[![:space:]]*}"}
  v=${v%"${v##*[![:space:]]}"}
  printf '%s' "$v"
}

secrets_mask() {
  local LC_ALL=C value=$1 prefix=""
  if [[ -z $value ]]; then printf '(empty)'; return; fi
  if ((${#value} < 12)); then printf '…'; return; fi
  if [[ $value =~ ^([a-z]{2,4}[-_](proj[-_]|live[-_]|test[-_])?) ]] && ((${#BASH_REMATCH[1]} <= ${#value} - 8)); then
    prefix=${BASH_REMATCH[1]}
  fi
  printf '%s…%s' "$prefix" "${value: -4}"
}

secrets_fingerprint() {
  local hex
  hex=$(printf '%s' "$1" | sha256sum)
  printf 'sha256:%s' "${hex:0:16}"
}

# Sets SECRET_SOURCE (env|file|missing) and SECRET_VALUE (in this shell only, never exported),
# in the platform's order: the environment variable NAME in upper case, then the file.
secrets_resolve() {
  local name=$1 env_name file raw
  env_name=${name^^}
  SECRET_VALUE=""
  SECRET_SOURCE=missing
  raw=${!env_name:-}
  raw=$(secrets_strip "$raw")
  if [[ -n $raw ]]; then
    SECRET_VALUE=$raw
    SECRET_SOURCE=env
    return
  fi
  file=$SECRETS_TARGET_DIR/$name
  if [[ -f $file && -r $file ]]; then
    raw=$(<"$file")
    raw=$(secrets_strip "$raw")
    if [[ -n $raw ]]; then
      SECRET_VALUE=$raw
      SECRET_SOURCE=file
    fi
  elif [[ -f $file ]]; then
    fail "$file exists but this user cannot read it (the compose mount needs sudo and --host)"
  fi
}

# ---------------------------------------------------------------- commands

secrets_status_line() {
  local name=$1
  secrets_resolve "$name"
  if [[ $SECRET_SOURCE == missing ]]; then
    printf '%-24s %-8s %-22s %s\n' "$name" missing - -
  else
    printf '%-24s %-8s %-22s %s\n' "$name" "$SECRET_SOURCE" "$(secrets_mask "$SECRET_VALUE")" "$(secrets_fingerprint "$SECRET_VALUE")"
  fi
  if [[ $SECRET_SOURCE == env && $SECRETS_HOST_MODE == 0 ]]; then
    warn "$name: comes from this shell's environment; ./hq up gives the services a clean environment, so they use the file"
  fi
  SECRET_VALUE=""
}

secrets_status() {
  local name
  printf '%-24s %-8s %-22s %s\n' SECRET SOURCE MASKED FINGERPRINT
  if (($# > 0)); then
    secrets_require_name "$1"
    secrets_status_line "$1"
    return
  fi
  for name in $(secrets_names); do secrets_status_line "$name"; done
}

secrets_list() {
  local entry name owner kind
  printf '%-24s %-34s %-10s %s\n' SECRET OWNER KIND SOURCE
  for entry in "${SECRETS_CATALOG[@]}"; do
    IFS='|' read -r name owner kind <<<"$entry"
    secrets_resolve "$name"
    printf '%-24s %-34s %-10s %s\n' "$name" "$owner" "$kind" "$SECRET_SOURCE"
    SECRET_VALUE=""
  done
}

# Writes what arrives on standard input to NAME through a temporary file in the same directory.
# The temporary file is created 0600 (mktemp), owned right before the rename, removed on failure.
secrets_write_from_stdin() {
  local name=$1 file tmp
  file=$SECRETS_TARGET_DIR/$name
  tmp=$(mktemp "$SECRETS_TARGET_DIR/.$name.XXXXXX") || fail "cannot create a temporary file in $SECRETS_TARGET_DIR"
  # shellcheck disable=SC2064
  trap "rm -f '$tmp'" EXIT
  cat >"$tmp" || fail "writing $name failed"
  chmod 0600 "$tmp"
  if ((SECRETS_HOST_MODE)); then chown "$SECRETS_CONTAINER_OWNER" "$tmp"; fi
  mv -f "$tmp" "$file"
  trap - EXIT
}

secrets_refuse_database() {
  [[ $(secrets_field "$1" 3) != database ]] \
    || fail "$1 is a database role's password: it changes together with the role (docs/DEPLOY.md, \"Rotating secrets\"), not here"
}

secrets_set() {
  local name=${1:-} value=""
  secrets_require_name "$name"
  secrets_refuse_database "$name"
  (($# <= 1)) || fail "set takes the name only: the value comes from standard input, never from an argument"
  secrets_prepare_dir
  if [[ -t 0 ]]; then
    # a terminal: read without echo; this is the dedicated set command, the one place that asks
    printf 'value of %s (input hidden, then Enter): ' "$name" >&2
    IFS= read -r -s value || true
    printf '\n' >&2
  else
    value=$(cat)
  fi
  value=$(secrets_strip "$value")
  [[ -n $value ]] || fail "no value on standard input: nothing stored (pipe it in: ./hq secrets set $name < file)"
  printf '%s' "$value" | secrets_write_from_stdin "$name"
  say "stored $name in ${SECRETS_TARGET_DIR#"$ROOT"/} (mode 0600$( ((SECRETS_HOST_MODE)) && printf ', owner %s' "$SECRETS_CONTAINER_OWNER")): $(secrets_mask "$value") $(secrets_fingerprint "$value")"
  value=""
  say "services read it on their next use (the two tokens within 10 s): no restart needed"
}

secrets_rotate() {
  local name=${1:-}
  secrets_require_name "$name"
  secrets_refuse_database "$name"
  [[ $(secrets_field "$name" 3) == generated ]] \
    || fail "$name is brought by you, not generated: store the new value with ./hq secrets set $name"
  secrets_prepare_dir
  local before=""
  secrets_resolve "$name"
  [[ $SECRET_SOURCE == missing ]] || before=$(secrets_fingerprint "$SECRET_VALUE")
  SECRET_VALUE=""
  # 32 random bytes as 64 hex characters, straight from /dev/urandom into the file
  head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n' | secrets_write_from_stdin "$name"
  secrets_resolve "$name"
  say "rotated $name: ${before:-none} -> $(secrets_fingerprint "$SECRET_VALUE") (value not shown)"
  SECRET_VALUE=""
  case $name in
    openclaw_console_token)
      say "the gateway picks it up within 10 s and then ends every session opened with the old token (audited)."
      say "log in again with: ./hq login-link"
      ;;
    hq_internal_token)
      say "every service picks it up within 10 s; calls between services may be refused until all have."
      ;;
  esac
}

secrets_delete() {
  local name=${1:-}
  secrets_require_name "$name"
  secrets_refuse_database "$name"
  local file=$SECRETS_TARGET_DIR/$name
  if [[ ! -e $file ]]; then
    say "$name: no file in ${SECRETS_TARGET_DIR#"$ROOT"/}; nothing deleted"
  else
    rm -f -- "$file" || fail "could not delete $file"
    say "deleted $name from ${SECRETS_TARGET_DIR#"$ROOT"/}"
  fi
  local env_name=${name^^}
  if [[ -n ${!env_name:-} ]]; then warn "$env_name is still set in this shell's environment"; fi
}

secrets_print_source() {
  local name=${1:-}
  secrets_require_name "$name"
  secrets_resolve "$name"
  SECRET_VALUE=""
  printf '%s\n' "$SECRET_SOURCE"
}

# curl reading its options from standard input (-K -): a header carrying a secret never appears in
# curl's argv. Prints the body then the HTTP code on a last line.
secrets_curl() { # HEADER-NAME SECRET-VALUE METHOD URL [BODY]
  local header=$1 secret=$2 method=$3 url=$4 body=${5:-}
  {
    printf 'header = "%s: %s"\n' "$header" "$secret"
    printf 'header = "Accept: application/json"\n'
    if [[ -n $body ]]; then
      printf 'header = "Content-Type: application/json"\n'
      printf 'data = "%s"\n' "${body//\"/\\\"}"
    fi
  } | curl -s -m 15 -X "$method" -K - -w '\n%{http_code}' "$url" 2>/dev/null || printf '\n000'
}

secrets_doctor_result() { # NAME PASS|FAIL CLASS DETAIL
  printf '%s %s %s%s\n' "$2" "$1" "$3" "${4:+ ($4)}"
  [[ $2 == PASS ]]
}

secrets_class_of_http() {
  case $1 in
    000) printf 'unreachable' ;;
    401 | 403) printf 'rejected' ;;
    404) printf 'not_found' ;;
    429) printf 'rate_limited' ;;
    5??) printf 'server_error' ;;
    *) printf 'http_%s' "$1" ;;
  esac
}

# The gateway with the console token (read from its file into this shell, sent on curl's stdin).
secrets_gateway() { # METHOD PATH [BODY]
  secrets_resolve openclaw_console_token
  [[ $SECRET_SOURCE != missing ]] || { SECRET_VALUE=""; printf '\n401'; return; }
  local out
  out=$(secrets_curl X-OpenClaw-Token "$SECRET_VALUE" "$1" "$HQ_URL$2" "${3:-}")
  SECRET_VALUE=""
  printf '%s' "$out"
}

secrets_doctor_router() {
  local name=$1 provider=${1%_api_key} out code run_id state cls waited=0
  command -v jq >/dev/null 2>&1 || fail "doctor needs jq to read the router's answer (apt-get install jq)"
  out=$(secrets_gateway POST /api/exec '{"action":"llm_doctor"}')
  code=${out##*$'\n'}
  [[ $code == 202 ]] || { secrets_doctor_result "$name" FAIL "$(secrets_class_of_http "$code")" "the gateway answered $code to the llm_doctor action"; return; }
  run_id=$(printf '%s' "${out%$'\n'*}" | jq -r '.runId // empty')
  while ((waited < 60)); do
    out=$(secrets_gateway GET "/api/runs/$run_id?service=llm-router-service")
    [[ ${out##*$'\n'} == 200 ]] && [[ $(printf '%s' "${out%$'\n'*}" | jq -r '.status // .run.status // empty') =~ ^(success|failure|refused|interrupted)$ ]] && break
    sleep 1
    waited=$((waited + 1))
  done
  # the last provider doctor's line for this provider, once the status shows this run (the
  # gateway may serve a panel read a couple of seconds old)
  local doc doctor_run tries=0
  while :; do
    out=$(secrets_gateway GET /api/llm/status)
    code=${out##*$'\n'}
    [[ $code == 200 ]] || { secrets_doctor_result "$name" FAIL "$(secrets_class_of_http "$code")" "GET /api/llm/status answered $code"; return; }
    doc=${out%$'\n'*}
    doctor_run=$(printf '%s' "$doc" | jq -r '.doctor.run_id // empty')
    [[ $doctor_run == "$run_id" ]] && break
    tries=$((tries + 1))
    if ((tries >= 10)); then
      secrets_doctor_result "$name" FAIL unknown "the router's last provider doctor is ${doctor_run:-none}, not run $run_id"
      return
    fi
    sleep 1
  done
  state=$(printf '%s' "$doc" | jq -r --arg p "$provider" '.doctor.providers[$p].state // empty')
  cls=$(printf '%s' "$doc" | jq -r --arg p "$provider" '.doctor.providers[$p].last_error_class // empty')
  case $state in
    OK) secrets_doctor_result "$name" PASS ok "llm-router provider doctor, run $run_id" ;;
    "") secrets_doctor_result "$name" FAIL unknown "the provider doctor reported nothing for $provider (run $run_id)" ;;
    *) secrets_doctor_result "$name" FAIL "${cls:-$state}" "llm-router provider doctor: $provider $state, run $run_id" ;;
  esac
}

# Which provider check covers a secret: "service|provider", empty when none does.
secrets_provider_check() {
  case $1 in
    pushover_token | pushover_user) printf 'notify-service|pushover' ;;
    twilio_account_sid | twilio_auth_token | twilio_from_number) printf 'notify-service|twilio' ;;
    kajabi_client_id | kajabi_client_secret) printf 'soma-sync-service|kajabi' ;;
    gmail_user | gmail_app_password) printf 'soma-sync-service|gmail' ;;
  esac
}

# The owning service's credential check (docs/notify-service.md, docs/soma-sync-service.md): one light
# authenticated call to the provider, answered {provider, result, errorClass, detail}. Local mode
# asks the service on its loopback port with the internal token (on curl's stdin); --host (compose:
# only the gateway publishes a port) asks the gateway's allowlisted action notify_credentials or
# soma_credentials with the console token, which passes the call through and audits the result.
secrets_doctor_provider() { # NAME SERVICE PROVIDER
  local name=$1 service=$2 provider=$3 out code body result cls detail path base
  command -v jq >/dev/null 2>&1 || fail "doctor needs jq to read the service's answer (apt-get install jq)"
  if ((SECRETS_HOST_MODE)); then
    local action=notify_credentials
    [[ $service == soma-sync-service ]] && action=soma_credentials
    out=$(secrets_gateway POST /api/exec "{\"action\":\"$action\",\"params\":{\"provider\":\"$provider\"}}")
    code=${out##*$'\n'}
    [[ $code == 200 ]] || { secrets_doctor_result "$name" FAIL "$(secrets_class_of_http "$code")" "the gateway answered $code to the $action action"; return; }
    body=$(printf '%s' "${out%$'\n'*}" | jq -c --arg p "$provider" '[.result[]? | select(.provider == $p)][0] // empty' 2>/dev/null)
  else
    case $service in
      notify-service) base=${HQ_NOTIFY_URL:-http://127.0.0.1:${PORT[notify-service]}} path=/providers/$provider/check ;;
      soma-sync-service) base=${HQ_SOMA_URL:-http://127.0.0.1:${PORT[soma-sync-service]}} path=/soma/credentials/check?provider=$provider ;;
    esac
    secrets_resolve hq_internal_token
    [[ $SECRET_SOURCE != missing ]] || { SECRET_VALUE=""; secrets_doctor_result "$name" FAIL missing_key "hq_internal_token is missing: has './hq up' run?"; return; }
    out=$(secrets_curl X-HQ-Internal-Token "$SECRET_VALUE" POST "$base$path")
    SECRET_VALUE=""
    code=${out##*$'\n'}
    if [[ $code == 000 ]]; then
      secrets_doctor_result "$name" FAIL "$(secrets_class_of_http "$code")" "$service does not answer at $base: is HQ running (./hq status)?"
      return
    fi
    [[ $code == 200 ]] || { secrets_doctor_result "$name" FAIL "$(secrets_class_of_http "$code")" "$service answered $code to POST $base$path"; return; }
    body=${out%$'\n'*}
  fi
  result=$(printf '%s' "$body" | jq -r '.result // empty' 2>/dev/null)
  cls=$(printf '%s' "$body" | jq -r '.errorClass // empty' 2>/dev/null)
  detail=$(printf '%s' "$body" | jq -r '.detail // empty' 2>/dev/null)
  case $result in
    PASS) secrets_doctor_result "$name" PASS ok "$service, $provider: $detail" ;;
    FAIL) secrets_doctor_result "$name" FAIL "${cls:-unknown}" "$service, $provider: $detail" ;;
    *) secrets_doctor_result "$name" FAIL unknown "$service answered without a result for $provider" ;;
  esac
}

secrets_doctor() {
  local name=${1:-} out code
  secrets_require_name "$name"
  secrets_resolve "$name"
  local source=$SECRET_SOURCE
  SECRET_VALUE=""
  if [[ $source == missing ]]; then
    secrets_doctor_result "$name" FAIL missing_key "not in the environment nor in ${SECRETS_TARGET_DIR#"$ROOT"/}"
    return
  fi
  case $name in
    openclaw_console_token)
      out=$(secrets_gateway GET /api/projects)
      code=${out##*$'\n'}
      if [[ $code == 200 ]]; then secrets_doctor_result "$name" PASS ok "the gateway accepted it"
      else secrets_doctor_result "$name" FAIL "$(secrets_class_of_http "$code")" "GET $HQ_URL/api/projects answered $code"; fi
      ;;
    hq_internal_token)
      # the gateway's login-code endpoint is the one place it checks the internal token; a
      # dry run mints nothing
      secrets_resolve hq_internal_token
      out=$(secrets_curl X-HQ-Internal-Token "$SECRET_VALUE" POST "$HQ_URL/internal/login-codes?check=true")
      SECRET_VALUE=""
      code=${out##*$'\n'}
      if [[ $code == 204 ]]; then secrets_doctor_result "$name" PASS ok "the gateway accepted it"
      else secrets_doctor_result "$name" FAIL "$(secrets_class_of_http "$code")" "POST $HQ_URL/internal/login-codes?check=true answered $code"; fi
      ;;
    openai_api_key | mistral_api_key | moonshot_api_key) secrets_doctor_router "$name" ;;
    pushover_* | twilio_* | kajabi_client_* | gmail_*)
      local check
      check=$(secrets_provider_check "$name")
      secrets_doctor_provider "$name" "${check%%|*}" "${check##*|}"
      ;;
    kajabi_session_token)
      secrets_doctor_result "$name" FAIL no_check "present ($source); the browser fallback's admin session is only proven by loading a Kajabi admin page in a browser (a soma snapshot with browser snapshots on), not by a light call"
      ;;
    *)
      secrets_doctor_result "$name" FAIL no_check "present ($source); $(secrets_field "$name" 2) has no light authenticated check for it yet"
      ;;
  esac
}

cmd_secrets() {
  local args=() a
  for a in "$@"; do
    case $a in
      --host) SECRETS_HOST_MODE=1 ;;
      -h | --help) secrets_usage; return 0 ;;
      *) args+=("$a") ;;
    esac
  done
  set -- ${args[@]+"${args[@]}"}
  secrets_choose_dir
  local sub=${1:-}
  (($# > 0)) && shift
  case $sub in
    list) secrets_list ;;
    status) secrets_status "$@" ;;
    set) secrets_set "$@" ;;
    rotate) secrets_rotate "$@" ;;
    delete) secrets_delete "$@" ;;
    print-source) secrets_print_source "$@" ;;
    doctor) secrets_doctor "$@" ;;
    "") secrets_usage >&2; exit 2 ;;
    *) warn "unknown secrets command '$sub'"; secrets_usage >&2; exit 2 ;;
  esac
}

# ---------------------------------------------------------------- console token and login link

cmd_token() {
  case ${1:-} in
    -h | --help)
      printf '%s\n' "./hq token rotate    a new console token (never shown); ends every session opened with the old one" \
        "./hq token           refused: the console token is never printed; use ./hq login-link"
      return 0
      ;;
    rotate) shift; cmd_secrets rotate openclaw_console_token "$@"; return ;;
  esac
  fail "the console token is no longer printed (operating rule 5: keys never in human output). Log in with a one-time link: ./hq login-link"
}

login_link_usage() {
  cat <<'EOF'
./hq login-link [--host]
  Prints a link that logs one browser in to HQ: it carries a single-use code valid for one minute,
  minted by the gateway (POST /internal/login-codes with the internal token) and stored there only
  as a hash. The console token itself is never shown. --host reads the internal token from the
  compose mount (sudo). HQ_URL: the gateway (default http://127.0.0.1:8787).
EOF
}

cmd_login_link() {
  local a
  for a in "$@"; do
    case $a in
      --host) SECRETS_HOST_MODE=1 ;;
      -h | --help) login_link_usage; return 0 ;;
      *) fail "login-link takes no argument but --host (got '$a')" ;;
    esac
  done
  secrets_choose_dir
  secrets_resolve hq_internal_token
  [[ $SECRET_SOURCE != missing ]] || fail "no hq_internal_token in ${SECRETS_TARGET_DIR#"$ROOT"/}: has './hq up' run?"
  local out code body path expires origin printed=0
  out=$(secrets_curl X-HQ-Internal-Token "$SECRET_VALUE" POST "$HQ_URL/internal/login-codes")
  SECRET_VALUE=""
  code=${out##*$'\n'}
  body=${out%$'\n'*}
  case $code in
    201) ;;
    000) fail "the gateway does not answer on $HQ_URL: is HQ running (./hq status)?" ;;
    *) fail "the gateway refused to mint a login code ($code): $body" ;;
  esac
  path=$(sed -n 's/.*"path":"\([^"]*\)".*/\1/p' <<<"$body")
  expires=$(sed -n 's/.*"expiresAt":"\([^"]*\)".*/\1/p' <<<"$body")
  [[ $path == /login/link\?code=* ]] || fail "unexpected answer from the gateway"
  for origin in $(sed -n 's/.*"origins":\[\([^]]*\)\].*/\1/p' <<<"$body" | tr -d '"' | tr ',' ' '); do
    printf '%s%s\n' "$origin" "$path"
    printed=1
  done
  ((printed)) || printf '%s%s\n' "$HQ_URL" "$path"
  say "single use, valid until $expires (one minute); open it in the browser that should be logged in" >&2
}
