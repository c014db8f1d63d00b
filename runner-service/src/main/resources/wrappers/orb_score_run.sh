#!/usr/bin/env bash
# orb_score_run: scores the recorded run under RUN_DIR (a folder of the repository) from its log
# and result files: errors, warnings, and, in CSV files with a pnl column, trades, wins and net
# P&L. Writes $ARTIFACT_DIR/score.json and score.txt. RUN_DIR must stay inside the worktree once
# symbolic links are resolved.
set -euo pipefail
export LC_ALL=C
: "${ARTIFACT_DIR:?ARTIFACT_DIR is required}"
: "${RUN_DIR:?RUN_DIR is required}"

root="$(pwd -P)"
target="$(cd -- "$RUN_DIR" 2>/dev/null && pwd -P)" || { echo "orb_score_run: RUN_DIR ${RUN_DIR} is not a folder of the repository" >&2; exit 2; }
case "$target/" in
  "$root"/*) ;;
  *) echo "orb_score_run: RUN_DIR ${RUN_DIR} leaves the repository" >&2; exit 2 ;;
esac

mapfile -d '' files < <(find "$target" -type f \( -name '*.log' -o -name '*.txt' -o -name '*.csv' -o -name '*.json' \) -print0 | sort -z)
errors=0; warnings=0; lines=0
for f in "${files[@]}"; do
  lines=$((lines + $(wc -l < "$f")))
  errors=$((errors + $(grep -ciE '\b(error|exception|fatal)\b' "$f" || true)))
  warnings=$((warnings + $(grep -ciE '\bwarn(ing)?\b' "$f" || true)))
done

trades=0; wins=0; pnl="0"
for f in "${files[@]}"; do
  case "$f" in *.csv) ;; *) continue ;; esac
  read -r t w p < <(awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) if (tolower($i) ~ /^ *pnl *$/) col = i; next }
    col && $col ~ /^ *-?[0-9.]+ *$/ { t++; s += $col; if ($col + 0 > 0) w++ }
    END { printf "%d %d %.2f\n", t, w, s }' "$f")
  trades=$((trades + t)); wins=$((wins + w))
  pnl="$(awk -v a="$pnl" -v b="$p" 'BEGIN { printf "%.2f", a + b }')"
done

score=$((100 - 10 * errors - (warnings > 20 ? 20 : warnings)))
[ "$score" -lt 0 ] && score=0
win_rate="null"
[ "$trades" -gt 0 ] && win_rate="$(awk -v w="$wins" -v t="$trades" 'BEGIN { printf "%.4f", w / t }')"
rel="${target#"$root"}"; rel="${rel#/}"

cat > "$ARTIFACT_DIR/score.json" <<JSON
{
  "run_dir": "${rel}",
  "files": ${#files[@]},
  "lines": ${lines},
  "errors": ${errors},
  "warnings": ${warnings},
  "trades": ${trades},
  "wins": ${wins},
  "win_rate": ${win_rate},
  "net_pnl": ${pnl},
  "score": ${score}
}
JSON
echo "orb_score_run: ${rel}: score ${score}/100 (${#files[@]} files, ${errors} errors, ${warnings} warnings, ${trades} trades, net pnl ${pnl})" | tee "$ARTIFACT_DIR/score.txt"
