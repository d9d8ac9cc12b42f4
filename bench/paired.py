#!/usr/bin/env python3
"""Interleaved ("paired") whole-process timing for noisy machines.

hyperfine runs all repetitions of one command before the next, so a load change in between skews the ratios.
This runs the commands round-robin (order rotated each round), measures wall time and the child's CPU time
(user + system, from wait4), and reports medians plus the median of the per-round ratios to the first command.
The JSON it writes has hyperfine's layout (results[].command/median/mean/min/times/user/system) plus
cpu_times, cpu_median and paired_ratio_median, so bench_table reads either.

  bench/paired.py --runs 30 --warmup 3 --export-json out.json -n "ssh -G" "ssh -F none -G example.com" -n ctlmux "./ctlmux --help"
"""
import argparse
import json
import os
import shlex
import statistics
import sys
import time


def run_once(argv):
    devnull = os.open(os.devnull, os.O_RDWR)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(devnull)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_utime, usage.ru_stime, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--export-json")
    ap.add_argument("-n", nargs=2, action="append", metavar=("LABEL", "CMD"), required=True,
                    help="a label and a command line (split like a shell would, run without a shell)")
    args = ap.parse_args()
    labels = [n[0] for n in args.n]
    argvs = [shlex.split(n[1]) for n in args.n]
    k = len(argvs)
    for _ in range(args.warmup):
        for a in argvs:
            run_once(a)
    wall = [[] for _ in range(k)]
    cpu = [[] for _ in range(k)]
    user = [[] for _ in range(k)]
    system = [[] for _ in range(k)]
    codes = [set() for _ in range(k)]
    for r in range(args.runs):
        for j in range(k):
            i = (j + r) % k
            w, c, u, s, code = run_once(argvs[i])
            wall[i].append(w); cpu[i].append(c); user[i].append(u); system[i].append(s); codes[i].add(code)
    results = []
    for i in range(k):
        ratios = [wall[i][r] / wall[0][r] for r in range(args.runs) if wall[0][r] > 0]
        results.append({
            "command": labels[i],
            "command_line": args.n[i][1],
            "median": statistics.median(wall[i]),
            "mean": statistics.fmean(wall[i]),
            "min": min(wall[i]),
            "max": max(wall[i]),
            "user": statistics.fmean(user[i]),
            "system": statistics.fmean(system[i]),
            "times": wall[i],
            "cpu_times": cpu[i],
            "cpu_median": statistics.median(cpu[i]),
            "paired_ratio_median": statistics.median(ratios),
            "exit_codes": sorted(codes[i]),
        })
    doc = {"tool": "bench/paired.py", "runs": args.runs, "warmup": args.warmup, "results": results}
    if args.export_json:
        with open(args.export_json, "w") as f:
            json.dump(doc, f, indent=1)
    for res in results:
        print(f"{res['command']}: median {res['median']*1000:.1f} ms wall, {res['cpu_median']*1000:.1f} ms cpu,"
              f" paired ratio {res['paired_ratio_median']:.2f}, exit codes {res['exit_codes']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
