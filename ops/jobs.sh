# shellcheck shell=bash
# ./hq jobs: runner-service's jobs from the command line (sourced by ./hq; see docs/runner-service.md).
#
# Talks to the running local suite's runner-service (./hq up) on 127.0.0.1:8785, or HQ_RUNNER_URL,
# with the internal token of .hq/secrets/hq_internal_token. The token goes to curl as a config
# file on its standard input, never as an argument: nothing secret is in any process's argv.
# Every call says who asked: X-HQ-Trigger api, X-HQ-Actor cli:<user>.

JOBS_POLL=${HQ_JOBS_POLL:-1}   # seconds between two looks at a job being waited for

jobs_usage() {
  cat <<'USAGE'
./hq jobs: submit and follow runner-service jobs (the suite must be up: ./hq up)

  ./hq jobs submit --type T --repo R [--sha S|HEAD] [--param K=V]...
                                        queue a job; prints its id (--sha HEAD or none: the head of
                                        the repository's default branch, pinned when the job starts)
  ./hq jobs wait ID [--timeout SECONDS] follow a job to its end, printing its output as it comes;
                                        exit 0 success, 1 any other end, 124 timeout (default 900 s)
  ./hq jobs show ID                     the job: status, commit, params, wait, duration, invariants,
                                        warnings, changed files, error
  ./hq jobs artifacts ID                its artifact.json summary and every file, as paths on disk
  ./hq jobs list [--repo R] [--limit N] the newest jobs
  ./hq jobs allowlist                   the job types (with their params) and repositories allowed
  ./hq jobs orb-review --since SHA [--repo R] [--sha S|HEAD] [--param K=V]... [--timeout SECONDS]
  ./hq jobs orb-doctor [--repo R] [--sha S|HEAD] [--timeout SECONDS]
  ./hq jobs orb-score --run-dir DIR [--repo R] [--sha S|HEAD] [--timeout SECONDS]
                                        submit that ORB job, wait for it, print its artifacts
                                        (--repo may be left out when the allowlist has one repository)

Each answers --help, never prompts, and exits non-zero with the reason on a refusal.
USAGE
}

jobs_url() { printf '%s' "${HQ_RUNNER_URL:-http://127.0.0.1:${PORT[runner-service]}}"; }

jobs_require() {
  command -v curl >/dev/null 2>&1 || fail "curl is needed for ./hq jobs"
  command -v python3 >/dev/null 2>&1 || fail "python3 is needed for ./hq jobs (it reads runner-service's JSON)"
  [[ -s $SECRETS_DIR/hq_internal_token ]] \
    || fail "no internal token in .hq/secrets/hq_internal_token: start the suite first (./hq up)"
}

# The caller as runner-service records it: cli:<login>, reduced to the header's characters.
jobs_actor() {
  local who=${USER:-$(id -un 2>/dev/null || echo unknown)}
  who=${who//[^A-Za-z0-9_.@+-]/_}
  printf 'cli:%s' "${who:0:60}"
}

# jobs_call METHOD PATH [JSON_BODY]: sets JOBS_STATUS and JOBS_BODY; fails when runner-service
# cannot be reached at all.
jobs_call() {
  local method=$1 path=$2 body=${3:-} out token
  token=$(<"$SECRETS_DIR/hq_internal_token")
  local args=(-sS -m 15 -X "$method" -H 'Accept: application/json' -H 'X-HQ-Trigger: api' -H "X-HQ-Actor: $(jobs_actor)"
    -w '\n%{http_code}')
  if [[ -n $body ]]; then args+=(-H 'Content-Type: application/json' --data-binary @"$body"); fi
  # the token reaches curl as a config line on stdin (printf is a shell builtin: no argv)
  if ! out=$(printf 'header = "X-HQ-Internal-Token: %s"\n' "$token" | curl -K - "${args[@]}" "$(jobs_url)$path" 2>&1); then
    fail "runner-service does not answer at $(jobs_url) (${out##*$'\n'}); is the suite up? ./hq status"
  fi
  JOBS_STATUS=${out##*$'\n'}
  JOBS_BODY=${out%$'\n'*}
}

# jobs_py 'python expression over j (the JSON body)' [default]: reads JOBS_BODY.
jobs_py() {
  printf '%s' "$JOBS_BODY" | python3 -c '
import json, sys
j = json.load(sys.stdin)
exec(sys.argv[1])' "$1"
}

# A refusal in words: status, and the problem detail runner-service gave.
jobs_refused() {
  local what=$1 detail
  detail=$(printf '%s' "$JOBS_BODY" | python3 -c '
import json, sys
try:
    p = json.load(sys.stdin)
    print(p.get("detail") or p.get("title") or "")
except Exception:
    print("")' 2>/dev/null)
  fail "$what: runner-service answered $JOBS_STATUS${detail:+: $detail}"
}

jobs_check_id() {
  [[ ${1:-} =~ ^job-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$ ]] || fail "not a job id: '${1:-}' (e.g. job-20261202T024215Z-0b54c476)"
}

jobs_submit() {
  local type="" repo="" sha="" params=()
  while (($# > 0)); do
    case $1 in
      --type) type=${2:-}; shift ;;
      --repo) repo=${2:-}; shift ;;
      --sha) sha=${2:-}; shift ;;
      --param)
        [[ ${2:-} == *=* ]] || fail "--param takes NAME=VALUE, got '${2:-}'"
        params+=("$2"); shift ;;
      -h | --help) jobs_usage; return 0 ;;
      *) fail "unknown argument '$1' (./hq jobs submit --type T --repo R [--sha S|HEAD] [--param K=V]...)" ;;
    esac
    shift
  done
  [[ -n $type ]] || fail "--type is required (./hq jobs allowlist lists them)"
  [[ -n $repo ]] || fail "--repo is required (./hq jobs allowlist lists them)"
  if [[ $sha == HEAD ]]; then sha=""; fi
  local body
  body=$(mktemp "${TMPDIR:-/tmp}/hq-job.XXXXXX")
  # values go to python as arguments of a local process, never through a shell; they are not secret
  python3 - "$type" "$repo" "$sha" ${params[@]+"${params[@]}"} >"$body" <<'PY'
import json, sys
job_type, repo, sha, *pairs = sys.argv[1:]
params = {}
for pair in pairs:
    name, value = pair.split("=", 1)
    if name in params:
        sys.exit("--param " + name + " given twice")
    params[name] = value
body = {"jobType": job_type, "repo": repo, "params": params}
if sha:
    body["sha"] = sha
print(json.dumps(body))
PY
  jobs_call POST /jobs "$body"
  rm -f "$body"
  [[ $JOBS_STATUS == 202 ]] || jobs_refused "job not queued"
  local id
  id=$(jobs_py 'print(j["jobId"])')
  warn "queued $id ($type on $repo$( [[ -n $sha ]] && printf ' at %s' "$sha"), position $(jobs_py 'print(j["job"].get("queuePosition") or "?")'))"
  printf '%s\n' "$id"
}

jobs_fetch() {
  jobs_call GET "/jobs/$1"
  [[ $JOBS_STATUS == 200 ]] || jobs_refused "no job $1"
}

jobs_wait() {
  local id="" timeout=900
  while (($# > 0)); do
    case $1 in
      --timeout) timeout=${2:-}; shift ;;
      -h | --help) jobs_usage; return 0 ;;
      -*) fail "unknown option '$1' (./hq jobs wait ID [--timeout SECONDS])" ;;
      *) id=$1 ;;
    esac
    shift
  done
  jobs_check_id "$id"
  [[ $timeout =~ ^[1-9][0-9]{0,5}$ ]] || fail "--timeout takes whole seconds (1-999999), got '$timeout'"
  local deadline=$((SECONDS + timeout)) status="" last="" run_id="" after=0
  while :; do
    jobs_fetch "$id"
    status=$(jobs_py 'print(j["status"])')
    run_id=$(jobs_py 'print(j.get("runId") or "")')
    if [[ $status != "$last" ]]; then
      warn "$id: $status$( [[ $status == queued ]] && printf ' (position %s)' "$(jobs_py 'print(j.get("queuePosition") or "?")')")"
      last=$status
    fi
    if [[ -n $run_id ]]; then
      # the run's output as it is written (redacted by runner-service)
      jobs_call GET "/runs/$run_id/log?after=$after"
      if [[ $JOBS_STATUS == 200 ]]; then
        jobs_py 'sys.stdout.write("".join("  | " + l + "\n" for l in j.get("lines") or []))'
        after=$(jobs_py 'print(j["next"])')
      fi
    fi
    case $status in
      queued | running) ;;
      success) return 0 ;;
      *)
        warn "$id ended $status: $(jobs_py 'print((j.get("errorClass") or "") + (": " + j["error"] if j.get("error") else ""))')"
        if [[ $status == mutation_detected ]]; then
          jobs_py 'print("\n".join("  changed: " + f for f in j.get("changedFiles") or []))' >&2
        fi
        return 1 ;;
    esac
    if ((SECONDS >= deadline)); then
      warn "$id still $status after ${timeout}s; it goes on in runner-service (./hq jobs wait $id)"
      return 124
    fi
    sleep "$JOBS_POLL"
  done
}

jobs_show() {
  local id=${1:-}
  [[ $id == -h || $id == --help ]] && { jobs_usage; return 0; }
  jobs_check_id "$id"
  jobs_fetch "$id"
  jobs_py '
inv = j.get("invariants") or {}
rows = [("job", j["id"]), ("type", j["jobType"]), ("repository", j["repo"]),
        ("commit", j.get("sha") or j.get("requestedSha") or "head of the default branch (when it starts)"),
        ("params", ", ".join(k + "=" + v for k, v in sorted((j.get("params") or {}).items())) or "-"),
        ("status", j["status"] + (" (position %s)" % j["queuePosition"] if j.get("queuePosition") else "")),
        ("asked by", "%s via %s" % (j.get("actor"), j.get("trigger"))), ("queued", j.get("queuedAt") or "-"),
        ("waited", "%s ms" % j["waitMs"] if j.get("waitMs") is not None else "-"),
        ("ran", "%s ms" % j["durationMs"] if j.get("durationMs") is not None else "-"),
        ("run", j.get("runId") or "not started"),
        ("read_only_ok", str(inv.get("readOnlyOk")).lower() if inv else "-"),
        ("clean_tree_ok", str(inv.get("cleanTreeOk")).lower() if inv else "-"),
        ("warnings", ", ".join(j.get("warnings") or []) or "-")]
if j.get("errorClass"):
    rows.append(("error", j["errorClass"] + (": " + j["error"] if j.get("error") else "")))
for f in j.get("changedFiles") or []:
    rows.append(("changed", f))
for k, v in rows:
    print("%-14s %s" % (k, v))'
}

jobs_artifacts() {
  local id=${1:-}
  [[ $id == -h || $id == --help ]] && { jobs_usage; return 0; }
  jobs_check_id "$id"
  jobs_call GET "/jobs/$id/artifacts"
  [[ $JOBS_STATUS == 200 ]] || jobs_refused "no artifacts for $id"
  HQ_ARTIFACTS_DIR=$ARTIFACTS_DIR jobs_py '
import os
root = os.environ["HQ_ARTIFACTS_DIR"]
a = j.get("artifact")
print("job %s  run %s  status %s" % (j["jobId"], j.get("runId") or "-", j["status"]))
if a:
    inv = a.get("invariants") or {}
    print("read_only_ok %s  clean_tree_ok %s  warnings %s" % (str(inv.get("read_only_ok")).lower(),
          str(inv.get("clean_tree_ok")).lower(), ", ".join(a.get("warnings") or []) or "-"))
    if a.get("size_cap_exceeded"):
        print("SIZE_CAP: review packets in outputs/%s (archive outputs/%s)" % (a.get("review_packets_dir"),
              a.get("review_packets_archive")))
    for f in a.get("changed_files") or []:
        print("changed %s" % f)
else:
    print("no artifact.json yet (the job has not ended)")
for f in j.get("files") or []:
    print("%10d  %s" % (f["bytes"], os.path.join(root, f["path"])))'
}

jobs_list() {
  local repo="" limit=20
  while (($# > 0)); do
    case $1 in
      --repo) repo=${2:-}; shift ;;
      --limit) limit=${2:-}; shift ;;
      -h | --help) jobs_usage; return 0 ;;
      *) fail "unknown argument '$1' (./hq jobs list [--repo R] [--limit N])" ;;
    esac
    shift
  done
  [[ $limit =~ ^[1-9][0-9]{0,2}$ ]] || fail "--limit takes 1-500, got '$limit'"
  [[ -z $repo || $repo =~ ^[a-z0-9][a-z0-9._-]{0,63}$ ]] || fail "not a repository name: '$repo'"
  jobs_call GET "/jobs?limit=$limit${repo:+&repo=$repo}"
  [[ $JOBS_STATUS == 200 ]] || jobs_refused "cannot list jobs"
  jobs_py '
for x in j:
    print("%-34s %-18s %-20s %-18s %s" % (x["id"], x["status"], x["jobType"], x["repo"], (x.get("sha") or "")[:12]))'
}

jobs_allowlist() {
  jobs_call GET /jobs/allowlist
  [[ $JOBS_STATUS == 200 ]] || jobs_refused "cannot read the allowlist"
  jobs_py '
for t in j["jobTypes"]:
    print("job type %s (timeout %ss)" % (t["jobType"], t["timeoutSeconds"]))
    for p in t["params"]:
        print("    --param %s=...  %s  %s" % (p["name"], "required" if p["required"] else "optional", p["pattern"]))
for r in j["repos"]:
    print("repo %s%s" % (r["name"], " (project %s)" % r["project"] if r.get("project") else ""))'
}

# The repository when --repo was left out: the allowlist's only one, else a refusal naming them.
jobs_default_repo() {
  jobs_call GET /jobs/allowlist
  [[ $JOBS_STATUS == 200 ]] || jobs_refused "cannot read the allowlist"
  local repos
  repos=$(jobs_py 'print(" ".join(r["name"] for r in j["repos"]))')
  [[ -n $repos ]] || fail "runner-service's repository allowlist is empty (config/repo_allowlist.json)"
  [[ $repos != *" "* ]] || fail "which repository? --repo one of: $repos"
  printf '%s' "$repos"
}

# orb-review | orb-doctor | orb-score: submit, wait, print the artifacts (the reference's helpers).
jobs_orb() {
  local kind=$1; shift
  local type repo="" sha="" timeout=900 params=() required=""
  case $kind in
    orb-review) type=orb_review_bundle; required=--since ;;
    orb-doctor) type=orb_doctor ;;
    orb-score) type=orb_score_run; required=--run-dir ;;
  esac
  local given_required=0
  while (($# > 0)); do
    case $1 in
      --repo) repo=${2:-}; shift ;;
      --sha) sha=${2:-}; shift ;;
      --timeout) timeout=${2:-}; shift ;;
      --since) [[ $kind == orb-review ]] || fail "--since is for orb-review"; params+=("SINCE_SHA=${2:-}"); given_required=1; shift ;;
      --run-dir) [[ $kind == orb-score ]] || fail "--run-dir is for orb-score"; params+=("RUN_DIR=${2:-}"); given_required=1; shift ;;
      --param)
        [[ ${2:-} == *=* ]] || fail "--param takes NAME=VALUE, got '${2:-}'"
        params+=("$2"); shift ;;
      -h | --help) jobs_usage; return 0 ;;
      *) fail "unknown argument '$1' (./hq jobs $kind --help)" ;;
    esac
    shift
  done
  if [[ -n $required && $given_required == 0 ]]; then fail "$kind needs $required"; fi
  [[ -n $repo ]] || repo=$(jobs_default_repo)
  local args=(--type "$type" --repo "$repo") p id rc=0
  [[ -z $sha ]] || args+=(--sha "$sha")
  for p in ${params[@]+"${params[@]}"}; do args+=(--param "$p"); done
  id=$(jobs_submit "${args[@]}")
  printf 'job %s\n' "$id"
  jobs_wait "$id" --timeout "$timeout" || rc=$?
  ((rc == 124)) && return 124
  jobs_artifacts "$id"
  return "$rc"
}

cmd_jobs() {
  local sub=${1:-}
  (($# > 0)) && shift
  case $sub in
    -h | --help | help | "") jobs_usage; [[ -n $sub ]] || return 2; return 0 ;;
  esac
  # --help anywhere answers before anything is required of the suite
  local a
  for a in "$@"; do [[ $a == -h || $a == --help ]] && { jobs_usage; return 0; }; done
  jobs_require
  case $sub in
    submit) jobs_submit "$@" ;;
    wait) jobs_wait "$@" ;;
    show) jobs_show "$@" ;;
    artifacts) jobs_artifacts "$@" ;;
    list) jobs_list "$@" ;;
    allowlist) jobs_allowlist "$@" ;;
    orb-review | orb-doctor | orb-score) jobs_orb "$sub" "$@" ;;
    *) jobs_usage >&2; fail "unknown jobs command '$sub'" ;;
  esac
}
