#!/usr/bin/env bash
# orb_doctor: repository health checks in the read-only worktree, written to
# $ARTIFACT_DIR/doctor.json and doctor.txt. Exit 0 when no check FAILs (WARNs are reported), 1
# otherwise. Belt-and-braces for hooksPath: runner-service sets core.hooksPath in the worktree's
# gitdir before the tree is made read-only; if it is not set here, this wrapper sets it (the
# gitdir, never a tracked file) so the check reflects the repository, not the runner.
set -euo pipefail
export LC_ALL=C
: "${ARTIFACT_DIR:?ARTIFACT_DIR is required}"

results=()
pass=0
total=0
failed=0
record() { # id status detail
  total=$((total + 1))
  case "$2" in
    PASS) pass=$((pass + 1)) ;;
    FAIL) failed=$((failed + 1)) ;;
  esac
  local detail="${3//\\/\\\\}"
  detail="${detail//\"/\\\"}"
  results+=("{\"id\": \"$1\", \"status\": \"$2\", \"detail\": \"${detail}\"}")
  printf '%-22s %-4s %s\n' "$1" "$2" "$3"
}

head_sha="$(git rev-parse HEAD)"
if [ -n "${JOB_SHA:-}" ] && [ "$head_sha" != "$JOB_SHA" ]; then
  record pinned_sha FAIL "HEAD is ${head_sha}, the job asked for ${JOB_SHA}"
else
  record pinned_sha PASS "HEAD ${head_sha}"
fi

if git symbolic-ref -q HEAD > /dev/null; then
  record detached_head FAIL "HEAD is a branch; runner worktrees are detached"
else
  record detached_head PASS "detached at the pinned commit"
fi

if [ -d .githooks ]; then
  record githooks_dir PASS ".githooks/ present"
  current="$(git config core.hooksPath || true)"
  if [ "$current" != ".githooks" ]; then
    git config --worktree core.hooksPath .githooks 2>/dev/null || git config core.hooksPath .githooks
    current="$(git config core.hooksPath || true)"
  fi
  if [ "$current" = ".githooks" ]; then
    record hooks_path PASS "core.hooksPath=.githooks"
  else
    record hooks_path FAIL "core.hooksPath is '${current}', not .githooks"
  fi
  if [ -f .githooks/pre-push ] && [ -x .githooks/pre-push ]; then
    record pre_push_hook PASS ".githooks/pre-push is executable"
  elif [ -f .githooks/pre-push ]; then
    record pre_push_hook FAIL ".githooks/pre-push is not executable"
  else
    record pre_push_hook FAIL "no .githooks/pre-push"
  fi
  if grep -rqs -- '--no-verify' .githooks; then
    record no_verify_bypass FAIL "a hook mentions --no-verify"
  else
    record no_verify_bypass PASS "no --no-verify in the hooks"
  fi
else
  record githooks_dir WARN "no .githooks/ folder"
fi

push_url="$(git remote get-url --push origin 2>/dev/null || echo none)"
if [ "$push_url" = "DISABLED" ]; then
  record push_disabled PASS "push URL is DISABLED"
else
  record push_disabled FAIL "push URL is '${push_url}'"
fi

dirty="$(git --no-optional-locks status --porcelain --untracked-files=all | head -n 20)"
if [ -z "$dirty" ]; then
  record clean_tree PASS "git status is clean"
else
  record clean_tree FAIL "changed: $(echo "$dirty" | tr '\n' ' ')"
fi

secrets="$(git ls-files | grep -E '(^|/)(\.env(\..*)?|id_rsa|id_ed25519|.*\.pem|.*\.p12|.*\.key)$' | grep -v '\.env\.example$' | head -n 10 || true)"
if [ -z "$secrets" ]; then
  record no_tracked_secrets PASS "no key or .env files tracked"
else
  record no_tracked_secrets FAIL "tracked: $(echo "$secrets" | tr '\n' ' ')"
fi

large="$(git ls-tree -r -l HEAD | awk '$4 != "-" && $4 > 10485760 { print $5 }' | head -n 10)"
if [ -z "$large" ]; then
  record no_large_files PASS "no tracked file over 10 MiB"
else
  record no_large_files WARN "over 10 MiB: $(echo "$large" | tr '\n' ' ')"
fi

if [ -f README.md ] || [ -f README ] || [ -f README.txt ]; then
  record readme PASS "README present"
else
  record readme WARN "no README"
fi

{
  echo "{"
  echo "  \"head\": \"${head_sha}\","
  echo "  \"passed\": ${pass},"
  echo "  \"total\": ${total},"
  echo "  \"failed\": ${failed},"
  echo "  \"checks\": ["
  for i in "${!results[@]}"; do
    sep=","
    [ "$i" -eq $((${#results[@]} - 1)) ] && sep=""
    echo "    ${results[$i]}${sep}"
  done
  echo "  ]"
  echo "}"
} > "$ARTIFACT_DIR/doctor.json"
echo "orb_doctor: ${pass}/${total} checks pass, ${failed} fail" | tee "$ARTIFACT_DIR/doctor.txt"
[ "$failed" -eq 0 ]
