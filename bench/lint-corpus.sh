#!/usr/bin/env bash
# Time `ctlmux lint` over the whole real-world corpus (every .conf file, all destinations, three targets) in
# one process, through the ./ctlmux launcher. The issue's budget is < 5 s on the 2-core dev machine.
#
#   bench/lint-corpus.sh                  # BENCH_RUNS=5, BENCH_WARMUP=1
#   CORPUS=/path/to/realworld bench/lint-corpus.sh
#
# Prints a median table; raw data in bench/out/lint-corpus.json. The exit status of lint itself is 1 (the
# corpus has errors), so hyperfine runs with -i.
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

CORPUS="${CORPUS:-$REPO_DIR/../shared/corpus/realworld}"
[ -d "$CORPUS" ] || { echo "bench: corpus not found at $CORPUS (set CORPUS=...)" >&2; exit 2; }
BENCH_RUNS="${BENCH_RUNS:-5}"
BENCH_WARMUP="${BENCH_WARMUP:-1}"
bench_require_hyperfine

files=$(cd "$CORPUS" && ls -1 ./*.conf | sed "s|^\./|$CORPUS/|" | tr '\n' ' ')
count=$(printf '%s\n' $files | wc -l)
cmd="$REPO_DIR/ctlmux lint --target-openssh 9.2-debian,9.2,10.5 $files"
"$REPO_DIR/ctlmux" --version >/dev/null   # build the jar and the start-up cache before timing
echo "lint: $count files, targets 9.2-debian,9.2,10.5"
mkdir -p -- "$BENCH_OUT"
hyperfine -N -i --style basic --warmup "$BENCH_WARMUP" --runs "$BENCH_RUNS" \
  --export-json "$BENCH_OUT/lint-corpus.json" -n "ctlmux lint (corpus)" "$cmd" >"$BENCH_OUT/lint-corpus.txt" 2>&1 \
  || { cat "$BENCH_OUT/lint-corpus.txt" >&2; exit 1; }
bench_table "$BENCH_OUT/lint-corpus.json"
