#!/usr/bin/env bash
# End-to-end ingest benchmark: `tiegraph ingest` over a generated corpus of news pages.
#
# usage: bench/e2e/run.sh [BUILD_DIR]      (default: build; the binary is BUILD_DIR/tiegraph)
#
# Builds bench/out/corpus once (bench/e2e/make_corpus.py, TG_BENCH_MB megabytes, default 200),
# then ingests 1/4, 1/2 and all of it, each into a fresh database, under /usr/bin/time -v.
# Ingest extracts meetings and trips by default; TG_BENCH_INGEST_ARGS=--no-extract leaves that out.
# Prints input MB, documents, duplicates, wall time, MB/s, docs/s and peak RSS per run; peak
# RSS should stay flat as the input grows. Results also go to bench/out/results.json.
set -euo pipefail

build=${1:-build}
repo=$(cd "$(dirname "$0")/../.." && pwd)
case "$build" in /*) ;; *) build="$repo/$build" ;; esac
bin="$build/tiegraph"
out="$repo/bench/out"
corpus="$out/corpus"
# Extra ingest options, e.g. TG_BENCH_INGEST_ARGS=--no-extract for the read/clean/dedup/store
# path alone (extraction's cost is measured by bench/e2e/extract.sh).
read -r -a ingest_args <<<"${TG_BENCH_INGEST_ARGS:-}"
# TG_BENCH_PG_URL=postgresql://user@host:port/db ingests into that PostgreSQL server instead of
# SQLite files: one schema per run (bench_quarter, bench_half, bench_full), dropped first with
# psql; results then go to results-postgres.json.
pg_url=${TG_BENCH_PG_URL:-}
results=results${pg_url:+-postgres}.json

if [ ! -x "$bin" ]; then
  echo "bench/e2e: $bin not found; build it first (make build)" >&2
  exit 2
fi
mkdir -p "$out"

# shellcheck source=bench/e2e/corpus.sh
. "$repo/bench/e2e/corpus.sh"
ensure_corpus

# run LABEL DB PATH...: one ingest into a fresh DB; leaves summary and time files in bench/out.
run() {
  local label=$1 db=$2
  shift 2
  if [ -n "$pg_url" ]; then
    psql -q -v ON_ERROR_STOP=1 "$pg_url" -c "DROP SCHEMA IF EXISTS bench_$label CASCADE" >/dev/null
    case "$pg_url" in *\?*) db="$pg_url&schema=bench_$label" ;; *) db="$pg_url?schema=bench_$label" ;; esac
  else
    rm -f "$db" "$db-wal" "$db-shm"
  fi
  local rc=0
  /usr/bin/time -v -o "$out/time-$label.txt" \
    "$bin" ingest --db "$db" --format json "${ingest_args[@]}" "$@" \
    >"$out/summary-$label.json" 2>"$out/stderr-$label.txt" || rc=$?
  # Exit status 1 means "done, some inputs rejected": the corpus holds malformed JSONL lines
  # on purpose. Anything else is a failure.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "bench/e2e: ingest ($label) failed with status $rc; last lines of stderr:" >&2
    tail -n 5 "$out/stderr-$label.txt" >&2
    exit 1
  fi
  find "$@" -type f -printf '%s\n' | awk '{s += $1} END {print s}' >"$out/input-$label.txt"
}

echo "== ingest (binary: $bin)"
run quarter "$out/bench-quarter.db" "$corpus/part-0"
run half "$out/bench-half.db" "$corpus/part-0" "$corpus/part-1"
run full "$out/bench.db" "$corpus"

python3 - "$out" "$results" <<'EOF'
import json, re, sys
out = sys.argv[1]
results = sys.argv[2]
rows = []
for label in ("quarter", "half", "full"):
    summary = json.load(open("%s/summary-%s.json" % (out, label)))
    timing = open("%s/time-%s.txt" % (out, label)).read()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", timing).group(1)
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    input_bytes = int(open("%s/input-%s.txt" % (out, label)).read())
    rows.append({
        "run": label, "input_mb": input_bytes / 1e6, "read": summary["read"],
        "stored": summary["stored"], "exact": summary["exact_duplicates"],
        "near": summary["near_duplicates"], "rejected": summary["rejected"],
        "ingest_seconds": summary["seconds"], "wall_seconds": secs,
        "mb_per_s": input_bytes / 1e6 / secs if secs else 0.0,
        "docs_per_s": summary["read"] / secs if secs else 0.0,
        "peak_rss_mb": rss_kb / 1024.0,
    })
json.dump(rows, open("%s/%s" % (out, results), "w"), indent=1)
head = ("run", "input MB", "docs", "stored", "exact", "near", "rejected", "wall s", "MB/s",
        "docs/s", "peak RSS MB")
print("%-8s %9s %8s %8s %7s %7s %8s %8s %7s %8s %11s" % head)
for r in rows:
    print("%-8s %9.1f %8d %8d %7d %7d %8d %8.1f %7.2f %8.0f %11.1f" % (
        r["run"], r["input_mb"], r["read"], r["stored"], r["exact"], r["near"], r["rejected"],
        r["wall_seconds"], r["mb_per_s"], r["docs_per_s"], r["peak_rss_mb"]))
q, f = rows[0]["peak_rss_mb"], rows[-1]["peak_rss_mb"]
print("peak RSS, all vs 1/4 of the input: %.2fx (flat is about 1x)" % (f / q if q else 0))
EOF
