// Micro-benchmarks of src/text/tokenize.h: Analyze (tokens, Korean particle
// splits, sentences) over the dev corpus text pages, reported in tokens per
// second on one core.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/korean_particles.h"
#include "text/tokenize.h"

namespace tg::text {
namespace {

// The dev pages as stored (.txt captures, read raw), or empty when
// ../shared is missing.
const std::vector<std::string>& DevPages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir = std::filesystem::path(TG_SHARED_DIR) / "corpus/dev/docs";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }();
  return pages;
}

void BM_AnalyzeDevPages(benchmark::State& state) {
  const std::vector<std::string>& pages = DevPages();
  if (pages.empty()) {
    state.SkipWithError("dev corpus missing");
    return;
  }
  size_t tokens = 0, bytes = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      const Analysis a = Analyze(page);
      tokens += a.tokens.size();
      bytes += page.size();
      benchmark::DoNotOptimize(a.sentences.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeDevPages)->Unit(benchmark::kMillisecond);

void BM_KoreanStemLength(benchmark::State& state) {
  const std::string_view words[] = {"이재용",     "회장은", "실리콘밸리에서", "SK하이닉스는",
                                    "삼성전자의", "만났다", "회의를",         "발표하는",
                                    "기업들이",   "최태원"};
  size_t n = 0;
  for (auto _ : state) {
    for (std::string_view w : words) benchmark::DoNotOptimize(KoreanStemLength(w));
    n += std::size(words);
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_KoreanStemLength);

}  // namespace
}  // namespace tg::text
