#!/usr/bin/env bash
# The `make demo` walk-through: ingest examples/ into a fresh database, then list,
# search and show what was stored.
#
# usage: scripts/demo.sh [BINARY]      (default: build/tiegraph; the database goes next to it)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$repo/build/tiegraph}
case "$bin" in */*) ;; *) bin="./$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "demo: $bin not found; build it first (make build)" >&2
  exit 2
fi
db="$(cd "$(dirname "$bin")" && pwd)/demo.db"
rm -f "$db" "$db-wal" "$db-shm"

section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

section "ingest examples/ (pages, a JSONL feed, a WARC crawl) into $db"
# Status 1 means some inputs were rejected (named on stderr): worth showing, not fatal.
status=0
"$bin" ingest --db "$db" "$repo/examples" || status=$?
if [ "$status" -gt 1 ]; then
  echo "demo: ingest failed (status $status)" >&2
  exit "$status"
fi

section "stored documents, newest first (DUP OF: the duplicate group a copy joined)"
"$bin" docs --db "$db"

section "search: Arkwell microdisplay"
"$bin" search --db "$db" --limit 5 "Arkwell microdisplay"

section "search: CEO 회동 (Korean; particles are ignored, so CEO와 matches CEO)"
"$bin" search --db "$db" --limit 5 "CEO 회동"

# Show the first document the search for the Norveld visit finds, else document 1.
id=$({ "$bin" search --db "$db" --limit 1 --format jsonl "Norveld Geoje" || true; } |
  sed -n 's/.*"id": *\([0-9][0-9]*\).*/\1/p' | head -n 1)
id=${id:-1}
section "show $id"
"$bin" show --db "$db" "$id"

section "entities of one English and one Korean page (people with titles and organisations, resolved within each page)"
"$bin" entities --no-dates "$repo/examples/pages/en-ledger-cheongsol-arkwell.txt" \
  "$repo/examples/pages/ko-saebyeok-cheongsol-arkwell.txt"

section "meetings and trips of two pages (who met whom, when, where, status, topics, evidence)"
"$bin" extract --no-entities "$repo/examples/pages/en-harborline-norveld-seorak.html" \
  "$repo/examples/pages/ko-saebyeok-cheongsol-arkwell.txt"
