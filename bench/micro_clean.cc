// Micro-benchmarks of src/text: Cleaner::Clean over real pages, text captures
// and HTML apart (bytes/s of page content). Pages: the dev corpus in
// TG_SHARED_DIR/corpus/dev/docs and the bundled examples/pages (UTF-8 ones).
// Each iteration cleans every page once with a fresh Cleaner, as one batch.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/utf8.h"
#include "text/cleaner.h"

namespace tg::text {
namespace {

std::vector<RawDocument> LoadPages(ContentKind kind) {
  const std::filesystem::path dirs[] = {
      std::filesystem::path(TG_SHARED_DIR) / "corpus" / "dev" / "docs",
      std::filesystem::path(TG_SOURCE_DIR) / "examples" / "pages"};
  const std::string wanted = kind == ContentKind::kHtml ? ".html" : ".txt";
  std::vector<std::filesystem::path> paths;
  for (const std::filesystem::path& dir : dirs) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() == wanted) paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<RawDocument> pages;
  for (const std::filesystem::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    RawDocument doc;
    doc.content = bytes.str();
    // Legacy encodings are the readers' job; Clean takes UTF-8 only.
    if (!IsValidUtf8(doc.content)) continue;
    doc.id = path.stem().string();
    doc.kind = kind;
    pages.push_back(std::move(doc));
  }
  return pages;
}

void CleanAll(benchmark::State& state, ContentKind kind) {
  const std::vector<RawDocument> pages = LoadPages(kind);
  if (pages.empty()) {
    state.SkipWithError("no pages found (dev corpus or examples/pages)");
    return;
  }
  size_t bytes = 0;
  for (const RawDocument& page : pages) bytes += page.content.size();
  for (auto _ : state) {
    Cleaner cleaner;
    for (const RawDocument& page : pages) benchmark::DoNotOptimize(cleaner.Clean(page));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages"] = static_cast<double>(pages.size());
}

void BM_CleanTextCaptures(benchmark::State& state) { CleanAll(state, ContentKind::kText); }
BENCHMARK(BM_CleanTextCaptures);

void BM_CleanHtmlPages(benchmark::State& state) { CleanAll(state, ContentKind::kHtml); }
BENCHMARK(BM_CleanHtmlPages);

}  // namespace
}  // namespace tg::text
