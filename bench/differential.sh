#!/usr/bin/env bash
# Long runs of the differential generator (parser's SshDifferential): random configs and ssh command lines, each
# run through a real `ssh -G` and through ctlmux; prints every divergence and a summary line per run.
#
#   bench/differential.sh SEED CASES [SSH [DIALECT]]
#   bench/differential.sh 1 5000                                    # the installed ssh, its dialect
#   bench/differential.sh 1 5000 /work/upstream/V_10_5_P1/ssh 10.5  # an upstream build
#   CTLMUX_DIFF_WRITE=DIR bench/differential.sh ...                 # also write each divergence as a case in DIR
#
# The JVM (and so every ssh it starts) runs under `unshare -n` when that works: no network, as record.sh records.
set -euo pipefail
here="$(cd -- "$(dirname -- "$0")/.." && pwd -P)"
cd "$here"
mvn -B -q -o -pl parser test-compile
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
mvn -B -q -o -pl parser dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
prefix=()
if unshare -n true 2>/dev/null; then prefix=(unshare -n); fi
exec "${prefix[@]}" java ${CTLMUX_DIFF_WRITE:+-Dctlmux.diff.write="$CTLMUX_DIFF_WRITE"} \
  -cp "parser/target/test-classes:parser/target/classes:$(cat "$cp")" io.ctlmux.config.eval.SshDifferential "$@"
