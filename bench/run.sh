#!/usr/bin/env bash
# Runs the micro-benchmarks and the end-to-end ingest and extract benchmarks (see bench/README.md).
# usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
if [ -x "$build/bench/tg_bench_micro" ]; then
  echo "== micro-benchmarks"
  "$build/bench/tg_bench_micro" --benchmark_min_time=0.2
fi
if [ -x "$build/bench/tg_bench_serve" ]; then
  echo "== HTTP server on loopback (who-met, path; requests/s)"
  "$build/bench/tg_bench_serve" --benchmark_min_time=0.5
fi
echo "== end-to-end ingest"
bench/e2e/run.sh "$build"
echo "== end-to-end extract"
bench/e2e/extract.sh "$build"
