#!/usr/bin/env bash
# Whole-process start-up time of ctlmux against the OpenSSH client, measured with hyperfine in one run
# per group, so the ratios compare like with like. Prints median tables; raw data in bench/out/*.json.
#
#   bench/startup.sh            # all groups, BENCH_RUNS=30
#   BENCH_RUNS=10 bench/startup.sh help
#
# Groups: help (--help: launcher variants, JDKs, plain `java -jar`), config (`config -F none example.com`,
# once the command exists), big (`config` on a generated 10,000-block config, once the command exists).
# The yardstick in every group is `ssh -F none -G example.com` (or `ssh -F big.conf -G host`).
# To add a group: write a function bench_group_<name> that calls bench_run and bench_table, as below.
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

CTLMUX="$REPO_DIR/ctlmux"
JAR="$REPO_DIR/controlctl/target/ctlmux-all.jar"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SSH_G=(ssh -F none -G example.com)

# The launcher's own java command line for these arguments (caches created on the way).
direct_command() {
  "$CTLMUX" "$@" >/dev/null 2>&1 || true
  CTLMUX_PRINT_COMMAND=1 "$CTLMUX" "$@"
}

# Runs each CMD of LABEL CMD pairs once (builds the jar, creates caches) so that no timed run pays for it.
prime() {
  while [ $# -ge 2 ]; do
    env $2 >/dev/null 2>&1 </dev/null || true
    shift 2
  done
}

ctlmux_has_config() {
  "$CTLMUX" config -F none example.com >/dev/null 2>&1
}

bench_group_help() {
  local cmds=("ssh -G" "${SSH_G[*]}"
    "ctlmux (launcher)" "$CTLMUX --help"
    "ctlmux, no cache" "env CTLMUX_NO_CACHE=1 $CTLMUX --help")
  [ -x "$JDK17/bin/java" ] && cmds+=(
    "ctlmux, JDK 17" "env CTLMUX_JAVA_HOME=$JDK17 $CTLMUX --help"
    "ctlmux, JDK 17, no cache" "env CTLMUX_JAVA_HOME=$JDK17 CTLMUX_NO_CACHE=1 $CTLMUX --help"
    "java 17 -jar" "$JDK17/bin/java -jar $JAR --help")
  [ -x "$JDK25/bin/java" ] && cmds+=("java 25 -jar" "$JDK25/bin/java -jar $JAR --help")
  cmds+=("launcher's java line" "$(direct_command --help)")
  prime "${cmds[@]}"
  bench_run startup-help "${cmds[@]}"
  echo "== --help (\"launcher's java line\" runs the launcher's java command directly: the gap is the bash launcher)"
  bench_table "$BENCH_OUT/startup-help.json"
}

bench_group_config() {
  if ! ctlmux_has_config; then
    echo "== config: skipped (\`ctlmux config -F none example.com\` does not succeed yet)"
    return 0
  fi
  local cmds=("ssh -G" "${SSH_G[*]}" "ctlmux config" "$CTLMUX config -F none example.com")
  [ -x "$JDK17/bin/java" ] && cmds+=("ctlmux config, JDK 17" "env CTLMUX_JAVA_HOME=$JDK17 $CTLMUX config -F none example.com")
  cmds+=("launcher's java line" "$(direct_command config -F none example.com)")
  prime "${cmds[@]}"
  bench_run startup-config "${cmds[@]}"
  echo "== config -F none example.com"
  bench_table "$BENCH_OUT/startup-config.json"
}

bench_group_big() {
  if ! ctlmux_has_config; then
    echo "== big: skipped (\`ctlmux config\` does not succeed yet)"
    return 0
  fi
  local conf last
  conf="$(bench_big_config 10000)"
  last="$(python3 "$BENCH_DIR/gen-big-config.py" --hosts 10000 --print-hosts | cut -d' ' -f3)"
  local cmds=("ssh -G (10k blocks)" "ssh -F $conf -G $last" "ctlmux config (10k blocks)" "$CTLMUX config -F $conf $last")
  prime "${cmds[@]}"
  bench_run startup-big "${cmds[@]}"
  echo "== config on a 10,000-block config ($(du -k "$conf" | cut -f1) KiB), last block's host"
  bench_table "$BENCH_OUT/startup-big.json"
}

bench_require_hyperfine
groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(help config big)
echo "runs=$BENCH_RUNS warmup=$BENCH_WARMUP cpus=$(nproc) $(uname -srm)"
for g in "${groups[@]}"; do
  declare -F "bench_group_$g" >/dev/null || { echo "unknown group: $g" >&2; exit 2; }
  "bench_group_$g"
  echo
done
