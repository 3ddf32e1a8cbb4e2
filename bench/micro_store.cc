// Micro-benchmarks of the SQLite store: near-duplicate candidate lookup and
// insert with 10k and 100k documents already stored.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "dedup/near_dup.h"
#include "store/sqlite_store.h"

namespace tg::store {
namespace {

// A short synthetic story (~80 words) numbered `n`: distinct stories share
// few shingles, like real news from different days.
std::string Story(uint64_t n) {
  std::mt19937_64 rng(n * 0x9E3779B97F4A7C15ULL + 1);
  std::string out;
  for (int i = 0; i < 80; ++i) {
    out += "w" + std::to_string(rng() % 20000);
    out += (i % 15 == 14) ? ".\n" : " ";
  }
  return out;
}

Document MakeDoc(uint64_t n, const std::string& text) {
  Document doc;
  doc.ext_id = "doc" + std::to_string(n);
  doc.raw_hash = n + 1;
  doc.text = text;
  doc.text_hash = dedup::ExactTextHash(text);
  doc.meta.lang = "en";
  doc.meta.published = "2024-01-01";
  return doc;
}

// One database per size, filled once and reused by every benchmark of that
// size; deleted when the program exits.
class Corpus {
 public:
  static Corpus& Get(int64_t size) {
    static std::map<int64_t, std::unique_ptr<Corpus>> corpora;
    std::unique_ptr<Corpus>& c = corpora[size];
    if (c == nullptr) c = std::make_unique<Corpus>(size);
    return *c;
  }

  explicit Corpus(int64_t size) : size_(size) {
    dir_ = std::filesystem::temp_directory_path() /
           ("tg_bench_" + std::to_string(getpid()) + "_" + std::to_string(size));
    std::filesystem::create_directories(dir_);
    SqliteOptions options;
    options.path = (dir_ / "bench.db").string();
    options.batch_size = 1000;
    auto store = OpenSqliteStore(options);
    if (!store.has_value()) {
      std::fprintf(stderr, "%s\n", store.error().ToString().c_str());
      std::abort();
    }
    store_ = std::move(store).value();
    for (int64_t n = 0; n < size; ++n) {
      const std::string text = Story(static_cast<uint64_t>(n));
      const dedup::Signature sig = hasher_.Compute(text);
      if (!store_->Insert(MakeDoc(n, text), sig, hasher_.BandKeys(sig)).has_value()) std::abort();
    }
    if (!store_->Flush().ok()) std::abort();
    next_ = static_cast<uint64_t>(size);
  }

  ~Corpus() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  Store& store() { return *store_; }
  const dedup::MinHasher& hasher() const { return hasher_; }
  int64_t size() const { return size_; }
  uint64_t NextId() { return next_++; }

 private:
  int64_t size_;
  std::filesystem::path dir_;
  dedup::MinHasher hasher_;
  std::unique_ptr<Store> store_;
  uint64_t next_ = 0;
};

void BM_SqliteCandidateLookup(benchmark::State& state) {
  Corpus& corpus = Corpus::Get(state.range(0));
  // A lightly edited copy of a stored story: the lookup finds it.
  std::string text = Story(static_cast<uint64_t>(corpus.size() / 2));
  text += " one more sentence at the end";
  const dedup::Signature sig = corpus.hasher().Compute(text);
  const std::vector<uint64_t> keys = corpus.hasher().BandKeys(sig);
  size_t found = 0;
  for (auto _ : state) {
    auto candidates = corpus.store().FindNearDupCandidates(keys);
    if (!candidates.has_value()) state.SkipWithError("lookup failed");
    found = candidates->size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["candidates"] = static_cast<double>(found);
}
BENCHMARK(BM_SqliteCandidateLookup)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_SqliteInsert(benchmark::State& state) {
  Corpus& corpus = Corpus::Get(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    const uint64_t n = corpus.NextId();
    const std::string text = Story(n);
    const dedup::Signature sig = corpus.hasher().Compute(text);
    const std::vector<uint64_t> keys = corpus.hasher().BandKeys(sig);
    const Document doc = MakeDoc(n, text);
    state.ResumeTiming();
    if (!corpus.store().Insert(doc, sig, keys).has_value()) state.SkipWithError("insert failed");
  }
  if (!corpus.store().Flush().ok()) state.SkipWithError("flush failed");
}
BENCHMARK(BM_SqliteInsert)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace tg::store
