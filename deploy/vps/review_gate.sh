#!/usr/bin/env bash
# Decides whether a commit may run on the VPS: only code the review gate APPROVED (the reference's
# rule 8). The baseline file docs/LAST_REVIEWED_SHA.txt is read from the commit itself.
#
#   deploy/vps/review_gate.sh [--repo DIR] COMMIT     exit 0 and "covered: ..." or exit 1 and why
#
# COMMIT is deployable exactly when the first line of COMMIT:docs/LAST_REVIEWED_SHA.txt is a full
# 40-hex commit id B and either
#   (a) B is COMMIT itself, or
#   (b) COMMIT is the baseline-advance commit on top of B: it has exactly one parent, that parent
#       is B, and the only path it changes is docs/LAST_REVIEWED_SHA.txt.
# Anything else (no file, an abbreviated or unknown id, a baseline behind by any other commit, a
# merge on top) is refused: the code in COMMIT was not all reviewed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BASELINE_FILE=docs/LAST_REVIEWED_SHA.txt
repo=$REPO_DIR
while [ $# -gt 0 ]; do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --repo) repo=${2:?--repo needs a directory}; shift 2 ;;
        -*) die "unknown option '$1'" 2 ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || die "usage: review_gate.sh [--repo DIR] COMMIT" 2

commit=$(git -C "$repo" rev-parse --verify --quiet "$1^{commit}") || die "'$1' is not a commit in $repo"
baseline=$(git -C "$repo" show "$commit:$BASELINE_FILE" 2>/dev/null) ||
    die "${commit:0:12} has no $BASELINE_FILE: never reviewed"
baseline=$(sed -n '1{s/[[:space:]]//g;p}' <<<"$baseline")
[[ $baseline =~ ^[0-9a-f]{40}$ ]] || die "${commit:0:12}: $BASELINE_FILE does not hold a full 40-hex commit id"

if [ "$baseline" = "$commit" ]; then
    say "covered: ${commit:0:12} is its own baseline"
    exit 0
fi
parents=$(git -C "$repo" rev-list --parents -n 1 "$commit" | cut -d' ' -f2-)
[ "$parents" = "$baseline" ] ||
    die "${commit:0:12} is not covered: its baseline is ${baseline:0:12}, and it is not the baseline-advance commit directly on top of it"
changed=$(git -C "$repo" diff --name-only "$baseline" "$commit")
[ "$changed" = "$BASELINE_FILE" ] ||
    die "${commit:0:12} is not covered: on top of its baseline ${baseline:0:12} it changes more than $BASELINE_FILE: $(printf '%s' "$changed" | head -n 5 | tr '\n' ' ')"
say "covered: ${commit:0:12} advances the baseline to the reviewed ${baseline:0:12} and changes nothing else"
