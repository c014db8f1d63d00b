#!/usr/bin/env bash
# orb_review_bundle: a bounded review bundle of the changes since SINCE_SHA, written to
# $ARTIFACT_DIR/REVIEW_BUNDLE.txt. Over the size cap (or with FORCE_SIZE_CAP=1) it writes review
# packets instead and still succeeds, with a warning: packet_NNN.txt, HOW_TO_PASTE.txt and
# README_REVIEW_PACKETS.txt under review_packets/<stamp>/, ORB_REVIEW_PACKETS.tar.gz and
# size_cap_meta.json (which runner-service merges into artifact.json). If any step of that
# fallback fails, set -e makes the wrapper exit non-zero: only a complete fallback is a success.
# Runs inside a read-only worktree; writes only under $ARTIFACT_DIR.
set -euo pipefail
export LC_ALL=C

: "${ARTIFACT_DIR:?ARTIFACT_DIR is required}"
: "${SINCE_SHA:?SINCE_SHA is required}"
SIZE_CAP_BYTES="${SIZE_CAP_BYTES:-200000}"
FORCE_SIZE_CAP="${FORCE_SIZE_CAP:-0}"

head_sha="$(git rev-parse HEAD)"
if ! since="$(git rev-parse --verify --quiet "${SINCE_SHA}^{commit}")"; then
  echo "orb_review_bundle: SINCE_SHA ${SINCE_SHA} is not a commit of this repository" >&2
  exit 2
fi
if ! git merge-base --is-ancestor "$since" "$head_sha"; then
  echo "orb_review_bundle: SINCE_SHA ${SINCE_SHA} is not an ancestor of ${head_sha}" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

{
  echo "# ORB review bundle"
  echo "repo:  ${REPO_NAME:-unknown}"
  echo "since: ${since}"
  echo "to:    ${head_sha}"
  echo
  echo "## Commits"
  git log --no-color --format='%h %s' "${since}..${head_sha}"
  echo
  echo "## Files"
  git diff --no-color --stat=200 "$since" "$head_sha"
} > "$work/header.txt"
git diff --no-color --no-ext-diff "$since" "$head_sha" > "$work/diff.txt"

bundle_bytes=$(( $(wc -c < "$work/header.txt") + $(wc -c < "$work/diff.txt") + 10 ))
commits=$(git rev-list --count "${since}..${head_sha}")
files=$(git diff --name-only "$since" "$head_sha" | wc -l | tr -d ' ')

if [ "$bundle_bytes" -le "$SIZE_CAP_BYTES" ] && [ "$FORCE_SIZE_CAP" != "1" ]; then
  { cat "$work/header.txt"; echo; echo "## Diff"; cat "$work/diff.txt"; } > "$ARTIFACT_DIR/REVIEW_BUNDLE.txt"
  echo "orb_review_bundle: ${commits} commit(s), ${files} file(s), ${bundle_bytes} bytes (cap ${SIZE_CAP_BYTES})"
  exit 0
fi

echo "orb_review_bundle: SIZE_CAP_EXCEEDED: ${bundle_bytes} bytes over the cap of ${SIZE_CAP_BYTES} (forced: ${FORCE_SIZE_CAP}); writing review packets"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
rel="review_packets/${stamp}"
dir="${ARTIFACT_DIR}/${rel}"
mkdir -p "$dir"

# Packets of whole file diffs up to the cap each; one file's diff larger than the cap is cut at
# line boundaries over as many packets as it needs.
packet_budget=$(( SIZE_CAP_BYTES > 4096 ? SIZE_CAP_BYTES - 1024 : SIZE_CAP_BYTES ))
mkdir -p "$work/packets"
awk -v cap="$packet_budget" -v dir="$work/packets" '
  function out(k) { return sprintf("%s/body_%03d.txt", dir, k) }
  function next_packet() { if (n > 0) close(out(n)); n++; cur = 0; printf "" > out(n) }
  function flush(   count, i, parts, len) {
    if (seclen == 0) return
    if (n == 0 || (cur > 0 && cur + seclen > cap)) next_packet()
    if (seclen <= cap) { printf "%s", sec > out(n); cur += seclen }
    else {
      count = split(sec, parts, "\n")
      for (i = 1; i < count; i++) {
        len = length(parts[i]) + 1
        if (cur > 0 && cur + len > cap) next_packet()
        print parts[i] > out(n); cur += len
      }
    }
    sec = ""; seclen = 0
  }
  /^diff --git / { flush() }
  { sec = sec $0 "\n"; seclen += length($0) + 1 }
  END { flush(); if (n == 0) next_packet(); close(out(n)); print n > (dir "/count") }
' "$work/diff.txt"
count="$(cat "$work/packets/count")"

packets_json=""
for i in $(seq 1 "$count"); do
  name="$(printf 'packet_%03d.txt' "$i")"
  {
    echo "ORB REVIEW PACKET ${i} of ${count}"
    echo "repo: ${REPO_NAME:-unknown}  since: ${since}  to: ${head_sha}"
    echo "Review this packet's diff; answer only after the last packet (see HOW_TO_PASTE.txt)."
    echo "----"
    cat "$work/packets/$(printf 'body_%03d.txt' "$i")"
  } > "${dir}/${name}"
  packets_json="${packets_json}${packets_json:+, }\"${name}\""
done

cat > "${dir}/HOW_TO_PASTE.txt" <<HOW
The review bundle was over the size cap (${bundle_bytes} bytes, cap ${SIZE_CAP_BYTES}), so it is
split into ${count} packet(s) of whole file diffs.

1. Paste README_REVIEW_PACKETS.txt first: it lists the commits and the files changed.
2. Paste packet_001.txt, then each next packet in order, saying "packet i of ${count}, wait".
3. After packet_$(printf '%03d' "$count").txt, ask for the review of the whole change.
The same files are in ORB_REVIEW_PACKETS.tar.gz next to this folder.
HOW

{
  echo "ORB review packets"
  echo "bundle bytes: ${bundle_bytes} (cap ${SIZE_CAP_BYTES}, forced: ${FORCE_SIZE_CAP})"
  echo "packets: ${count} in ${rel}/ (archive ORB_REVIEW_PACKETS.tar.gz)"
  echo
  cat "$work/header.txt"
} > "${ARTIFACT_DIR}/README_REVIEW_PACKETS.txt"
cp "${ARTIFACT_DIR}/README_REVIEW_PACKETS.txt" "${dir}/README_REVIEW_PACKETS.txt"

tar -czf "${ARTIFACT_DIR}/ORB_REVIEW_PACKETS.tar.gz" -C "$ARTIFACT_DIR" "$rel"
# an archive that cannot be read back is a failed fallback
tar -tzf "${ARTIFACT_DIR}/ORB_REVIEW_PACKETS.tar.gz" > /dev/null

forced=false
[ "$FORCE_SIZE_CAP" = "1" ] && forced=true
cat > "${ARTIFACT_DIR}/size_cap_meta.json.tmp" <<META
{
  "size_cap_exceeded": true,
  "warnings": ["SIZE_CAP_EXCEEDED"],
  "forced": ${forced},
  "bundle_bytes": ${bundle_bytes},
  "size_cap_bytes": ${SIZE_CAP_BYTES},
  "since_sha": "${since}",
  "to_sha": "${head_sha}",
  "commits": ${commits},
  "files": ${files},
  "packet_count": ${count},
  "packets": [${packets_json}],
  "review_packets_dir": "${rel}",
  "review_packets_archive": "ORB_REVIEW_PACKETS.tar.gz"
}
META
mv "${ARTIFACT_DIR}/size_cap_meta.json.tmp" "${ARTIFACT_DIR}/size_cap_meta.json"
echo "orb_review_bundle: ${count} review packet(s) in ${rel}; archive ORB_REVIEW_PACKETS.tar.gz"
exit 0
