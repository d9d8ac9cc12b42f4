#!/usr/bin/env bash
# Resolving every (file, host) pair of the real-world corpus: one `ssh -G` process per pair (a shell loop)
# against one JVM that resolves all pairs (io.ctlmux.bench.CorpusResolve, the code path of `ctlmux config`).
# Both are whole-process wall times, measured in the same run; prints both and the ratio (target: >= 50x).
#
#   bench/corpus-resolve.sh                 # corpus: ../shared/corpus/realworld next to the repository
#   CORPUS=/path/to/realworld ROUNDS=3 bench/corpus-resolve.sh
#
# ROUNDS (default 3): each side runs ROUNDS times; the median is reported. JAVA (default: java on PATH).
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

CORPUS="${CORPUS:-$(cd -- "$REPO_DIR/.." && pwd -P)/shared/corpus/realworld}"
ROUNDS="${ROUNDS:-3}"
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
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ssh_times=() jvm_times=()
for r in $(seq "$ROUNDS"); do
  t0="$(now)"; ssh_loop; t1="$(now)"
  ssh_times+=("$(echo "$t1 - $t0" | bc -l)")
  t0="$(now)"; "$JAVA" -cp "$JAR" io.ctlmux.bench.CorpusResolve "$CORPUS" >"$BENCH_OUT/corpus-resolve-jvm.txt" 2>&1 \
    || { mkdir -p "$BENCH_OUT"; cat "$BENCH_OUT/corpus-resolve-jvm.txt" >&2; exit 1; }
  t1="$(now)"
  jvm_times+=("$(echo "$t1 - $t0" | bc -l)")
done
ssh_med="$(printf '%s\n' "${ssh_times[@]}" | median)"
jvm_med="$(printf '%s\n' "${jvm_times[@]}" | median)"
echo "pairs: $npairs (corpus $CORPUS), rounds: $ROUNDS, cpus: $(nproc), $("$JAVA" -version 2>&1 | head -1)"
printf 'ssh -G, one process per pair : median %8.3f s  (%s)\n' "$ssh_med" "${ssh_times[*]}"
printf 'one JVM, all pairs           : median %8.3f s  (%s)\n' "$jvm_med" "${jvm_times[*]}"
printf 'ratio (ssh loop / JVM)       : %.1fx\n' "$(echo "$ssh_med / $jvm_med" | bc -l)"
echo "JVM's own report (last round): $(tail -1 "$BENCH_OUT/corpus-resolve-jvm.txt")"
