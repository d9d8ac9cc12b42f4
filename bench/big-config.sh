#!/usr/bin/env bash
# Whole-process wall time on a generated 1 MB config with 10,000 Host blocks (bench/gen-big-config.py):
# `ctlmux config -F big.conf HOST` against `ssh -F big.conf -G HOST`, with hyperfine in one run, so the ratio
# compares like with like. Target: ctlmux median <= 2x ssh's.
#
#   bench/big-config.sh                    # BENCH_RUNS=30, HOST = the last block's alias
#   BENCH_RUNS=10 HOST=nosuchhost.invalid bench/big-config.sh
#
# Also timed: the launcher's java command line run directly (no bash launcher), to separate launcher cost.
# Raw data: bench/out/big-config.json.
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

CTLMUX="$REPO_DIR/ctlmux"
conf="$(bench_big_config 10000)"
host="${HOST:-$(python3 "$BENCH_DIR/gen-big-config.py" --hosts 10000 --print-hosts | cut -d' ' -f3)}"

bench_require_hyperfine
"$CTLMUX" config -F "$conf" "$host" >/dev/null   # builds the jar and the start-up cache if needed
cmp <("$CTLMUX" config -F "$conf" "$host") <(ssh -F "$conf" -G "$host" 2>/dev/null </dev/null) \
  || { echo "big-config: ctlmux config and ssh -G disagree on $host" >&2; exit 1; }
direct="$(CTLMUX_PRINT_COMMAND=1 "$CTLMUX" config -F "$conf" "$host")"
# The JVM's own floor: the launcher's JDK and flags, starting and printing its version (no ctlmux code).
jvm_floor="${direct%% *} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -version"

bench_run big-config \
  "ssh -G" "ssh -F $conf -G $host" \
  "ctlmux config" "$CTLMUX config -F $conf $host" \
  "launcher's java line" "$direct" \
  "JVM floor (java -version)" "$jvm_floor"
echo "== $(du -k "$conf" | cut -f1) KiB, $(grep -c '^Host ' "$conf") Host blocks, destination $host;" \
  "runs=$BENCH_RUNS warmup=$BENCH_WARMUP cpus=$(nproc)"
bench_table "$BENCH_OUT/big-config.json"
