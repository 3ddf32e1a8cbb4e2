# Sourced by the end-to-end benchmarks (run.sh, extract.sh): builds the generated corpus in
# $corpus once per size (bench/e2e/make_corpus.py, TG_BENCH_MB megabytes, default 200).
# Needs $repo and $corpus set by the caller.

ensure_corpus() {
  local mb=${TG_BENCH_MB:-200}
  local same_size='import json, sys; sys.exit(json.load(open(sys.argv[1]))["mb"] != float(sys.argv[2]))'
  # A different TG_BENCH_MB regenerates it.
  if ! python3 -c "$same_size" "$corpus/manifest.json" "$mb" 2>/dev/null; then
    echo "== generating a ${mb} MB corpus in $corpus (once)"
    rm -rf "$corpus" "$corpus.tmp"
    python3 "$repo/bench/e2e/make_corpus.py" "$corpus.tmp" --mb "$mb" --parts 4
    mv "$corpus.tmp" "$corpus"
  fi
}
