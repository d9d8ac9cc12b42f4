#!/usr/bin/env bash
# `ctlmux check --all` over N live masters (default 50) against a shell loop of `ssh -O check` over the same
# masters, measured with hyperfine in one run. The masters are real OpenSSH masters of an embedded MINA server
# on 127.0.0.1 (bench/EmbeddedServer.java); everything is removed on exit.
#
#   bench/check-all.sh            # BENCH_RUNS=30, 50 masters
#   MASTERS=20 BENCH_RUNS=10 bench/check-all.sh
#   CTLMUX_OTHER=/other/checkout/ctlmux bench/check.sh   # also times that build's check
#                                       (e.g. main before a change), in the same run: the ratio is like with like
#
# Both sides resolve the same config: ctlmux resolves every Host alias itself (as `ls` does); the loop runs one
# `ssh -F cfg -O check mNN` per alias.
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

MASTERS="${MASTERS:-50}"
CTLMUX="$REPO_DIR/ctlmux"
JAR="$REPO_DIR/controlctl/target/ctlmux-all.jar"
bench_require_hyperfine

"$CTLMUX" --version >/dev/null           # builds the jar when needed
work="$(mktemp -d /tmp/cmbXXXX)"
server_pid=""
cleanup() {
  set +e
  for f in "$work"/m*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
  for i in $(seq -w 1 "$MASTERS"); do ssh -F "$work/config" -O exit "m$i" >/dev/null 2>&1; done
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf -- "$work"
}
trap cleanup EXIT INT TERM

ssh-keygen -q -t ecdsa -N '' -C ctlmux-bench -f "$work/id"
java -cp "$JAR" "$BENCH_DIR/EmbeddedServer.java" "$work/id.pub" "$work/port" </dev/null >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { cat "$work/server.log" >&2; echo "bench: server did not start" >&2; exit 1; }

{
  for i in $(seq -w 1 "$MASTERS"); do printf 'Host m%s\n    User u%s\n' "$i" "$i"; done
  cat <<CFG
Host *
    HostName 127.0.0.1
    Port $(cat "$work/port")
    IdentityFile $work/id
    IdentitiesOnly yes
    IdentityAgent none
    BatchMode yes
    StrictHostKeyChecking no
    UserKnownHostsFile /dev/null
    LogLevel ERROR
    ControlMaster no
    ControlPath $work/%C
CFG
} >"$work/config"
chmod 600 "$work/config"

for i in $(seq -w 1 "$MASTERS"); do
  ssh -F "$work/config" -o ControlMaster=yes -o ControlPersist=600 -f -N "m$i" </dev/null >/dev/null 2>&1
done
# The JVM's own floor: the JDK and flags the launcher picks, starting and printing its version (no ctlmux code).
read -r -a launcher_cmd <<<"$(CTLMUX_PRINT_COMMAND=1 "$CTLMUX" --version)"
jvm_floor="${launcher_cmd[0]} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -version"
if [ "${BENCH_MODE:-all}" = single ]; then
  "$CTLMUX" check -F "$work/config" m1 2>&1 | grep -q "Master running" || { echo "bench: no live master" >&2; exit 1; }
  other=()
  if [ -n "${CTLMUX_OTHER:-}" ]; then
    "$CTLMUX_OTHER" check -F "$work/config" m1 2>&1 | grep -q "Master running" \
      || { echo "bench: $CTLMUX_OTHER check does not see the master" >&2; exit 1; }
    other=("ctlmux check (other)" "$CTLMUX_OTHER check -F $work/config m1")
  fi
  bench_run check \
    "ctlmux check" "$CTLMUX check -F $work/config m1" \
    "ssh -O check" "ssh -F $work/config -O check m1" \
    "${other[@]}" \
    "ctlmux exec true" "$CTLMUX exec -F $work/config m1 true" \
    "ssh true (via master)" "ssh -F $work/config m1 true" \
    "JVM floor (java -version)" "$jvm_floor"
  echo "== one live master: ctlmux check vs ssh -O check, ctlmux exec vs ssh through the same master"
  bench_table "$BENCH_OUT/check.json" 2
  exit 0
fi

loop="$work/check-loop.sh"
{
  echo "#!/bin/sh"
  for i in $(seq -w 1 "$MASTERS"); do echo "ssh -F $work/config -O check m$i 2>/dev/null || exit 1"; done
} >"$loop"
sh "$loop" || { echo "bench: not every master is alive" >&2; exit 1; }
alive="$("$CTLMUX" check --all -F "$work/config" | grep -c "^alive .*$work/" || true)"
[ "$alive" -eq "$MASTERS" ] || { echo "bench: ctlmux check --all saw $alive of $MASTERS alive" >&2; exit 1; }

bench_run check-all \
  "ctlmux check --all" "$CTLMUX check --all -F $work/config" \
  "ssh -O check loop" "sh $loop" \
  "JVM floor (java -version)" "$jvm_floor"
echo "== check $MASTERS live masters: one ctlmux check --all against a loop of $MASTERS ssh -O check"
bench_table "$BENCH_OUT/check-all.json" 2
