// Micro-benchmarks of src/dedup: MinHash signatures and LSH band keys.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "dedup/near_dup.h"

namespace tg::dedup {
namespace {

// About `bytes` of English-like prose: random words from a small vocabulary
// in sentences, so shingles repeat about as rarely as in news text.
std::string Article(size_t bytes, uint32_t seed) {
  static const char* const kWords[] = {
      "the",     "chairman", "met",   "president", "Seoul",   "on",       "Friday",
      "chips",   "talks",    "deal",  "Samsung",   "Nvidia",  "said",     "market",
      "billion", "won",      "plant", "investment", "partner", "quarter", "record",
      "supply",  "memory",   "AI",    "officials", "visit",   "agreed",   "to"};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, std::size(kWords) - 1);
  std::string out;
  int in_sentence = 0;
  while (out.size() < bytes) {
    out += kWords[pick(rng)];
    out += (++in_sentence % 14 == 0) ? ".\n" : " ";
  }
  return out;
}

void BM_MinHashCompute5KB(benchmark::State& state) {
  const MinHasher hasher;
  const std::string text = Article(5000, 1);
  for (auto _ : state) benchmark::DoNotOptimize(hasher.Compute(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_MinHashCompute5KB);

void BM_BandKeys(benchmark::State& state) {
  const MinHasher hasher;
  const Signature sig = hasher.Compute(Article(5000, 2));
  for (auto _ : state) benchmark::DoNotOptimize(hasher.BandKeys(sig));
}
BENCHMARK(BM_BandKeys);

void BM_ExactTextHash5KB(benchmark::State& state) {
  const std::string text = Article(5000, 3);
  for (auto _ : state) benchmark::DoNotOptimize(ExactTextHash(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ExactTextHash5KB);

}  // namespace
}  // namespace tg::dedup
