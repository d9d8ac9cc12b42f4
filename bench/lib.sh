# Shared helpers for the bench/*.sh scripts. Source it: . "$(dirname "$0")/lib.sh"
#
#   bench_require_hyperfine            install hyperfine (a Debian package) if it is missing
#   bench_run NAME LABEL CMD [LABEL CMD]...
#                                      time each CMD (one string each) with hyperfine, JSON to $BENCH_OUT/NAME.json
#   bench_table JSON [BASELINE]        print median/mean/min per command and each median's ratio to BASELINE
#                                      (a label or its 1-based index; default: the first command)
#   bench_big_config [HOSTS]           path of a generated config with HOSTS Host blocks (default 10000), cached
#
# Settings (environment): BENCH_RUNS (default 30), BENCH_WARMUP (default 3), BENCH_OUT (default bench/out),
# BENCH_TOOL=hyperfine (default) or paired (bench/paired.py: commands interleaved round-robin, with CPU time and
# per-round ratios; use it when other work shares the machine, since hyperfine runs each command's repetitions
# back to back and a load change between commands skews the ratios).
# Commands run without an intermediate shell (hyperfine -N), so they cannot use shell syntax; use
# `env VAR=x cmd` for environment variables (that adds one exec, about 1 ms, to that command).

BENCH_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_DIR="$(dirname -- "$BENCH_DIR")"
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/out}"
BENCH_RUNS="${BENCH_RUNS:-30}"
BENCH_WARMUP="${BENCH_WARMUP:-3}"

bench_require_hyperfine() {
  command -v hyperfine >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bench: installing hyperfine (apt-get) ..." >&2
  $sudo apt-get install -y -qq hyperfine >/dev/null 2>&1 \
    || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq hyperfine >/dev/null 2>&1; } \
    || { echo "bench: could not install hyperfine; install it and retry" >&2; return 1; }
}

bench_run() {
  local name="$1"; shift
  local args=()
  while [ $# -ge 2 ]; do args+=(-n "$1" "$2"); shift 2; done
  [ $# -eq 0 ] || { echo "bench_run: LABEL without CMD: $1" >&2; return 2; }
  mkdir -p -- "$BENCH_OUT"
  if [ "${BENCH_TOOL:-hyperfine}" = paired ]; then
    python3 "$BENCH_DIR/paired.py" --warmup "$BENCH_WARMUP" --runs "$BENCH_RUNS" \
      --export-json "$BENCH_OUT/$name.json" "${args[@]}" >"$BENCH_OUT/$name.txt" 2>&1 \
      || { cat "$BENCH_OUT/$name.txt" >&2; return 1; }
    return 0
  fi
  hyperfine -N --style basic --warmup "$BENCH_WARMUP" --runs "$BENCH_RUNS" \
    --export-json "$BENCH_OUT/$name.json" "${args[@]}" >"$BENCH_OUT/$name.txt" 2>&1 \
    || { cat "$BENCH_OUT/$name.txt" >&2; return 1; }
}

bench_table() {
  python3 - "$@" <<'PY'
import json, sys
path = sys.argv[1]
base = sys.argv[2] if len(sys.argv) > 2 else "1"
doc = json.load(open(path))
results = doc["results"]
if base.isdigit() and 1 <= int(base) <= len(results):
    ref = results[int(base) - 1]
else:
    ref = next((r for r in results if r["command"] == base), results[0])
paired = all("paired_ratio_median" in r for r in results) and ref is results[0]
width = max(len(r["command"]) for r in results)
head = f"{'command':<{width}}  {'median':>9}  {'min':>9}  {'cpu':>9}  {'runs':>4}  {'/ base':>7}"
print(head + ("  {:>7}".format("paired") if paired else ""))
for r in results:
    ratio = r["median"] / ref["median"] if ref["median"] else float("nan")
    cpu = r.get("cpu_median", r["user"] + r["system"])
    line = (f"{r['command']:<{width}}  {r['median']*1000:7.1f}ms  {r['min']*1000:7.1f}ms  {cpu*1000:7.1f}ms"
            f"  {len(r['times']):>4}  {ratio:6.2f}x")
    if paired:
        line += f"  {r['paired_ratio_median']:6.2f}x"
    print(line)
tool = doc.get("tool", "hyperfine")
cpu_note = "cpu = median user+system" if paired else "cpu = mean user+system"
print(f"(baseline: {ref['command']}; wall medians from one {tool} run; {cpu_note};"
      + (" paired = median of per-round ratios;" if paired else "") + f" {path})")
PY
}

bench_big_config() {
  local hosts="${1:-10000}" f
  f="$BENCH_OUT/big-$hosts.conf"
  mkdir -p -- "$BENCH_OUT"
  [ -s "$f" ] || python3 "$BENCH_DIR/gen-big-config.py" --hosts "$hosts" -o "$f" || return 1
  printf '%s\n' "$f"
}
