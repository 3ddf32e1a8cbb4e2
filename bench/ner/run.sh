#!/usr/bin/env bash
# Entity-level evaluation of the committed NER models (exact span and type,
# PERSON/ORG/PLACE): KLUE-NER held-out fifth (index % 5 == 4, never trained
# on), GUM test and dev, Universal NER English PUD (test only), with the
# oracle F1 the tagger's token boundaries allow. Prints one table; per-set
# details come from `tiegraph ner eval --set SET`.
# usage: bench/ner/run.sh [BUILD_DIR] [SHARED_DATA_DIR]
set -euo pipefail
build=${1:-build}
data=${2:-../shared/data}
cd "$(dirname "$0")/../.."
bin="$build/tiegraph"
if [ ! -x "$bin" ]; then
  echo "bench/ner: no $bin; build first" >&2
  exit 2
fi
if [ ! -d "$data" ]; then
  echo "bench/ner: no shared data at $data; skipped" >&2
  exit 0
fi
printf '%-13s %-4s %6s  %-6s %-6s %-6s  %-6s %-6s %-6s  %-6s  %10s\n' \
  SET LANG GOLD P R F1 F1-PER F1-ORG F1-PLC ORACLE TOKENS/S
for pair in ko:klue-heldout en:gum-test en:gum-dev en:uner-pud; do
  lang=${pair%%:*}
  set=${pair#*:}
  "$bin" ner eval --lang "$lang" --set "$set" --data-dir "$data" --format json 2>/dev/null |
    jq -r --arg set "$set" --arg lang "$lang" \
      '[$set, $lang, .micro.gold, .micro.precision, .micro.recall, .micro.f1,
        .PERSON.f1, .ORG.f1, .PLACE.f1, .oracle_f1, .tagging_tokens_per_second] | @tsv' |
    while IFS=$'\t' read -r s l g p r f fp fo fl o tps; do
      printf '%-13s %-4s %6d  %.4f %.4f %.4f  %.4f %.4f %.4f  %.4f  %10.0f\n' \
        "$s" "$l" "$g" "$p" "$r" "$f" "$fp" "$fo" "$fl" "$o" "$tps"
    done
done
echo "targets: >= 0.80 F1 on klue-heldout, >= 0.75 on uner-pud; ORACLE = F1 of the gold spans"
echo "projected onto the tagger's tokens (the ceiling); TOKENS/S = tagging alone, one core"
