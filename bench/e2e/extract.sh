#!/usr/bin/env bash
# End-to-end extraction benchmark: `tiegraph extract` (read, clean, entities, meetings and
# trips, JSONL out) and `tiegraph ingest` with and without extraction.
#
# usage: bench/e2e/extract.sh [BUILD_DIR]   (default: build; the binary is BUILD_DIR/tiegraph)
#
# Runs, each under /usr/bin/time -v:
#   extract-corpus    extract --format jsonl over part-0 of the generated corpus (a quarter of
#                     bench/out/corpus, built once as for run.sh; TG_BENCH_MB, default 200)
#   extract-examples  extract --format jsonl over examples/ given TG_BENCH_REPEAT times
#                     (default 200): real pages rather than recombined ones
#   ingest-extract    ingest of part-0 into a fresh database, extracting (the default)
#   ingest-raw        the same with --no-extract, for the cost of extraction inside ingest
# Prints per run: input MB, documents, meetings, trips, wall and CPU seconds, MB/s and docs/s
# (against wall time; CPU time is steadier on a shared machine) and peak RSS, which must not
# grow with the input. Results also go to bench/out/extract-results.json.
set -euo pipefail

build=${1:-build}
repo=$(cd "$(dirname "$0")/../.." && pwd)
case "$build" in /*) ;; *) build="$repo/$build" ;; esac
bin="$build/tiegraph"
out="$repo/bench/out"
corpus="$out/corpus"
repeat=${TG_BENCH_REPEAT:-200}

if [ ! -x "$bin" ]; then
  echo "bench/e2e: $bin not found; build it first (make build)" >&2
  exit 2
fi
mkdir -p "$out"

# shellcheck source=bench/e2e/corpus.sh
. "$repo/bench/e2e/corpus.sh"
ensure_corpus

# input_bytes PATH...: bytes on disk of the files under PATHs, each PATH counted as often as given.
input_bytes() {
  local total=0 path bytes
  for path in "$@"; do
    bytes=$(find "$path" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    total=$((total + bytes))
  done
  echo "$total"
}

# timed LABEL OUTPUT COMMAND...: runs COMMAND > OUTPUT under /usr/bin/time -v. Exit status 1
# ("done, some inputs rejected") is expected: the corpus holds a malformed JSONL line per part.
timed() {
  local label=$1 output=$2
  shift 2
  local rc=0
  /usr/bin/time -v -o "$out/extract-time-$label.txt" "$@" >"$output" \
    2>"$out/extract-stderr-$label.txt" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "bench/e2e: $label failed with status $rc; last lines of stderr:" >&2
    tail -n 5 "$out/extract-stderr-$label.txt" >&2
    exit 1
  fi
}

examples=()
for _ in $(seq "$repeat"); do examples+=("$repo/examples"); done

echo "== extract (binary: $bin)"
timed extract-corpus "$out/extract-corpus.jsonl" \
  "$bin" extract --format jsonl --no-progress "$corpus/part-0"
input_bytes "$corpus/part-0" >"$out/extract-input-extract-corpus.txt"
timed extract-examples "$out/extract-examples.jsonl" \
  "$bin" extract --format jsonl --no-progress "${examples[@]}"
input_bytes "${examples[@]}" >"$out/extract-input-extract-examples.txt"

echo "== ingest with and without extraction"
for label in ingest-extract ingest-raw; do
  db="$out/bench-$label.db"
  rm -f "$db" "$db-wal" "$db-shm"
  flags=()
  [ "$label" = ingest-raw ] && flags=(--no-extract)
  timed "$label" "$out/extract-summary-$label.json" \
    "$bin" ingest --db "$db" --format json --no-progress "${flags[@]}" "$corpus/part-0"
  input_bytes "$corpus/part-0" >"$out/extract-input-$label.txt"
done

python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]

def timing(label):
    text = open("%s/extract-time-%s.txt" % (out, label)).read()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    cpu = sum(float(re.search(r"%s time \(seconds\): (\S+)" % k, text).group(1))
              for k in ("User", "System"))
    return secs, cpu, rss_kb / 1024.0

rows = []
for label in ("extract-corpus", "extract-examples", "ingest-extract", "ingest-raw"):
    wall, cpu, rss = timing(label)
    input_bytes = int(open("%s/extract-input-%s.txt" % (out, label)).read())
    if label.startswith("extract"):
        docs = meetings = trips = 0
        for line in open("%s/%s.jsonl" % (out, label), encoding="utf-8"):
            doc = json.loads(line)
            docs += 1
            meetings += len(doc["meetings"])
            trips += len(doc["trips"])
    else:
        summary = json.load(open("%s/extract-summary-%s.json" % (out, label)))
        docs, meetings, trips = summary["read"], summary["meetings"], summary["trips"]
    rows.append({
        "run": label, "input_mb": input_bytes / 1e6, "docs": docs, "meetings": meetings,
        "trips": trips, "wall_seconds": wall, "cpu_seconds": cpu,
        "mb_per_s": input_bytes / 1e6 / wall if wall else 0.0,
        "docs_per_s": docs / wall if wall else 0.0,
        "docs_per_cpu_s": docs / cpu if cpu else 0.0,
        "peak_rss_mb": rss,
    })
json.dump(rows, open("%s/extract-results.json" % out, "w"), indent=1)
head = ("run", "input MB", "docs", "meetings", "trips", "wall s", "CPU s", "MB/s", "docs/s",
        "docs/CPU s", "peak RSS MB")
print("%-16s %8s %7s %8s %6s %7s %7s %6s %7s %10s %11s" % head)
for r in rows:
    print("%-16s %8.1f %7d %8d %6d %7.1f %7.1f %6.2f %7.0f %10.0f %11.1f" % (
        r["run"], r["input_mb"], r["docs"], r["meetings"], r["trips"], r["wall_seconds"],
        r["cpu_seconds"], r["mb_per_s"], r["docs_per_s"], r["docs_per_cpu_s"], r["peak_rss_mb"]))
by = {r["run"]: r for r in rows}
extra = by["ingest-extract"]["cpu_seconds"] - by["ingest-raw"]["cpu_seconds"]
print("extraction inside ingest: %.1f CPU s more for part-0 (%.0f%% of ingest's CPU time)" % (
    extra, 100.0 * extra / by["ingest-extract"]["cpu_seconds"] if by["ingest-extract"]["cpu_seconds"] else 0))
PY
