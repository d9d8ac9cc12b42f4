#!/usr/bin/env bash
# Cost against input size (issue 9): an Include glob of N files and one file of N Host blocks, for
# `ctlmux config` against `ssh -G` (one hyperfine/paired run each) and for `ctlmux lint` (wall time and peak
# memory with /usr/bin/time -v, one run each: lint has no ssh counterpart).
#
#   bench/linear.sh                 # N = 1000 4000 10000
#   SIZES="1000 10000" BENCH_RUNS=5 bench/linear.sh
#
# The included files hold one Host block each (Host hNNNNN, User, Port); the top file includes them and ends with
# Host * / ControlPath. The N-block file is bench/gen-big-config.py's. Inputs are cached in $BENCH_OUT.
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

CTLMUX="$REPO_DIR/ctlmux"
SIZES="${SIZES:-1000 4000 10000}"
BENCH_RUNS="${BENCH_RUNS:-5}"
BENCH_WARMUP="${BENCH_WARMUP:-1}"
bench_require_hyperfine
"$CTLMUX" --version >/dev/null           # builds the jar when needed

include_tree() {
  local n="$1" d="$BENCH_OUT/include-$1"
  if [ ! -s "$d/config" ]; then
    mkdir -p -- "$d/d"
    python3 - "$d/d" "$n" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(1, n + 1):
    with open(f"{d}/f{i:05d}.conf", "w") as f:
        f.write(f"Host h{i:05d}\n    User u{i:05d}\n    Port 22\n")
PY
    chmod 600 "$d"/d/*.conf
    printf 'Include %s/d/*.conf\nHost *\n    ControlPath ~/.ssh/cm-%%C\n' "$d" >"$d/config"
    chmod 600 "$d/config"
  fi
  printf '%s\n' "$d/config"
}

lint_row() {
  local label="$1" file="$2" input="$3" out
  out="$( { /usr/bin/time -v "$CTLMUX" lint "$file" >/dev/null; } 2>&1 || true)"
  printf '%-28s  %8s s  %8s KiB max RSS  (input %s KiB)\n' "$label" \
    "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$out")" \
    "$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$out")" \
    "$(du -skL "$input" | cut -f1)"
}

for n in $SIZES; do
  inc="$(include_tree "$n")"
  mid="h$(printf '%05d' $((n / 2)))"
  cmp <("$CTLMUX" config -F "$inc" "$mid") <(ssh -F "$inc" -G "$mid" 2>/dev/null </dev/null) \
    || { echo "linear: ctlmux config and ssh -G disagree on $inc" >&2; exit 1; }
  bench_run "include-$n" "ssh -G" "ssh -F $inc -G $mid" "ctlmux config" "$CTLMUX config -F $inc $mid"
  echo "== Include of $n files, destination $mid"
  bench_table "$BENCH_OUT/include-$n.json"
done
echo "== ctlmux lint (one run each; wall clock and peak RSS from /usr/bin/time -v)"
for n in $SIZES; do
  inc="$(include_tree "$n")"
  big="$(bench_big_config "$n")"
  lint_row "lint, Include of $n files" "$inc" "$(dirname "$inc")"
  lint_row "lint, $n Host blocks" "$big" "$big"
done
