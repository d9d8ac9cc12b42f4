#!/usr/bin/env bash
# Resolving every (file, host) pair of the real-world corpus (issue 2: one JVM >= 50x faster than one `ssh -G`
# process per pair). Everything is measured in the same run, against the same shell loop of `ssh -F FILE -G HOST`:
#   (a) whole process: one JVM (io.ctlmux.bench.CorpusResolve, the code path of `ctlmux config`) resolving all
#       pairs once, start-up included, ROUNDS times, alternating with the ssh loop; medians.
#   (b) in-JVM: one JVM resolving all pairs PASSES times; its first pass, and the median of the second half of the
#       passes (the first half is warm-up). Also shown: how much of a pass is spent on the corpus's `Match exec`
#       processes, which ssh runs too (the same $SHELL -c commands).
#
#   bench/corpus-resolve.sh                 # corpus: ../shared/corpus/realworld next to the repository
#   CORPUS=/path/to/realworld ROUNDS=3 PASSES=20 bench/corpus-resolve.sh
#
# ROUNDS (default 3), PASSES (default 20), JAVA (default: java on PATH).
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

CORPUS="${CORPUS:-$(cd -- "$REPO_DIR/.." && pwd -P)/shared/corpus/realworld}"
ROUNDS="${ROUNDS:-3}"
PASSES="${PASSES:-20}"
JAVA="${JAVA:-java}"
JAR="$REPO_DIR/benchmarks/target/ctlmux-benchmarks.jar"
[ -f "$CORPUS/hosts.tsv" ] || { echo "corpus-resolve: no $CORPUS/hosts.tsv (set CORPUS=DIR)" >&2; exit 2; }
command -v ssh >/dev/null || { echo "corpus-resolve: no ssh client" >&2; exit 2; }
if [ ! -f "$JAR" ] || [ -n "$(find "$REPO_DIR/parser/src/main" "$REPO_DIR/benchmarks/src" -newer "$JAR" -print -quit)" ]; then
  echo "corpus-resolve: building $JAR ..." >&2
  (cd "$REPO_DIR" && mvn -B -q -Pbench -pl benchmarks -am package -DskipTests) >&2
fi

mkdir -p "$BENCH_OUT"
pairs_file="$(mktemp)"
trap 'rm -f "$pairs_file"' EXIT
tail -n +2 "$CORPUS/hosts.tsv" | while IFS=$'\t' read -r file hosts _; do
  for h in $hosts; do printf '%s\t%s\n' "$CORPUS/$file" "$h"; done
done >"$pairs_file"
npairs="$(wc -l <"$pairs_file")"

now() { date +%s.%N; }
ssh_loop() {
  while IFS=$'\t' read -r f h; do ssh -F "$f" -G "$h" >/dev/null 2>&1 </dev/null || true; done <"$pairs_file"
}
jvm() { # PASSES OUTFILE
  "$JAVA" -cp "$JAR" io.ctlmux.bench.CorpusResolve "$CORPUS" "$1" >"$2" 2>&1 || { cat "$2" >&2; exit 1; }
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" "$2"; } # NAME FILE: a number from CorpusResolve's summary line

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
ssh_times=() jvm_times=()
for r in $(seq "$ROUNDS"); do
  t0="$(now)"; ssh_loop; t1="$(now)"
  ssh_times+=("$(echo "$t1 - $t0" | bc -l)")
  t0="$(now)"; jvm 1 "$BENCH_OUT/corpus-resolve-once.txt"; t1="$(now)"
  jvm_times+=("$(echo "$t1 - $t0" | bc -l)")
done
out="$BENCH_OUT/corpus-resolve-passes.txt"
jvm "$PASSES" "$out"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

ssh_med="$(printf '%s\n' "${ssh_times[@]}" | median)"
jvm_med="$(printf '%s\n' "${jvm_times[@]}" | median)"
first="$(field first_ms "$out")" steady="$(field steady_ms "$out")" exec_ms="$(field steady_exec_ms "$out")"
execs="$(field execs_per_pass "$out")"
ratio() { echo "$ssh_med * 1000 / $1" | bc -l; }
echo "pairs: $npairs (corpus $CORPUS), rounds: $ROUNDS, passes: $PASSES, cpus: $(nproc)," \
  "load average: $load_before -> $load_after, $("$JAVA" -version 2>&1 | head -1)"
printf 'ssh -G, one process per pair       : median %8.3f s   (%s)\n' "$ssh_med" "${ssh_times[*]}"
printf '(a) one JVM, whole process         : median %8.3f s   %6.1fx   (%s)\n' "$jvm_med" \
  "$(echo "$ssh_med / $jvm_med" | bc -l)" "${jvm_times[*]}"
printf '(b) in-JVM, first pass             : %8.1f ms         %6.1fx\n' "$first" "$(ratio "$first")"
printf '(b) in-JVM, steady pass (median)   : %8.1f ms         %6.1fx   (target >= 50x: %s)\n' "$steady" \
  "$(ratio "$steady")" "$(echo "$(ratio "$steady") >= 50" | bc -l | sed 's/1/met/; s/0/missed/')"
printf '    of which %s Match exec processes: %6.1f ms (ssh runs them too); the rest: %.1f ms\n' "$execs" \
  "$exec_ms" "$(echo "$steady - $exec_ms" | bc -l)"
echo "(ratios: the ssh loop's median divided by the JVM figure; per-pass detail in $out)"
