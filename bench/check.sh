#!/usr/bin/env bash
# One live OpenSSH master of an embedded MINA server on 127.0.0.1 (bench/EmbeddedServer.java): whole-process
# `ctlmux check` vs `ssh -O check`, and `ctlmux exec true` vs `ssh true` through the same master, in one
# hyperfine run. Everything is removed on exit. Usage: BENCH_RUNS=20 bench/check.sh
set -euo pipefail
. "$(dirname -- "$0")/lib.sh"

MASTERS=1
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
"$CTLMUX" check -F "$work/config" m1 2>&1 | grep -q "Master running" || { echo "bench: no live master" >&2; exit 1; }

bench_run check \
  "ctlmux check" "$CTLMUX check -F $work/config m1" \
  "ssh -O check" "ssh -F $work/config -O check m1" \
  "ctlmux exec true" "$CTLMUX exec -F $work/config m1 true" \
  "ssh true (via master)" "ssh -F $work/config m1 true"
echo "== one live master: ctlmux check vs ssh -O check, ctlmux exec vs ssh through the same master"
bench_table "$BENCH_OUT/check.json" 2
