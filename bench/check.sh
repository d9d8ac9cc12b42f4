#!/usr/bin/env bash
# One live OpenSSH master of an embedded MINA server on 127.0.0.1: whole-process `ctlmux check` vs
# `ssh -O check`, and `ctlmux exec true` vs `ssh true` through the same master, in one hyperfine run.
# The set-up is check-all.sh's, with one master. Usage: BENCH_RUNS=20 bench/check.sh
BENCH_MODE=single MASTERS=1 exec "$(dirname -- "$0")/check-all.sh" "$@"
