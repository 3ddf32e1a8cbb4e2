// Micro-benchmarks of the NER tagger's stages (src/extract/tagger*.h,
// ner_features.h, perceptron.h) and the lookups around it (kb.h, titles.h),
// with the bundled models and knowledge base, over cleaned real pages: the
// dev corpus in TG_SHARED_DIR/corpus/dev/docs and examples/pages. Counters
// are tokens per second on one core. Each benchmark skips when the models,
// the knowledge base or the pages are missing.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/utf8.h"
#include "extract/kb.h"
#include "extract/ner_features.h"
#include "extract/tagger_model.h"
#include "extract/tagger_tokens.h"
#include "extract/titles.h"
#include "text/cleaner.h"
#include "text/tokenize.h"

namespace tg::extract {
namespace {

// A cleaned page, analysed, with the model of its language.
struct Page {
  std::string text;
  text::Analysis analysis;
  const NerModel* model = nullptr;
};

struct Fixture {
  std::shared_ptr<const KnowledgeBase> kb;
  NerModel en, ko;
  std::vector<Page> pages;
  size_t tokens = 0;
  std::string error;  // why the fixture is unusable, if it is
};

std::vector<RawDocument> ReadPages() {
  const std::filesystem::path dirs[] = {
      std::filesystem::path(TG_SHARED_DIR) / "corpus" / "dev" / "docs",
      std::filesystem::path(TG_SOURCE_DIR) / "examples" / "pages"};
  std::vector<std::filesystem::path> paths;
  for (const std::filesystem::path& dir : dirs) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".txt" || ext == ".html") paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<RawDocument> raw;
  for (const std::filesystem::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    RawDocument doc;
    doc.content = bytes.str();
    if (!IsValidUtf8(doc.content)) continue;  // legacy encodings are the readers' job
    doc.id = path.stem().string();
    doc.kind = path.extension() == ".html" ? ContentKind::kHtml : ContentKind::kText;
    raw.push_back(std::move(doc));
  }
  return raw;
}

const Fixture& GetFixture() {
  static const Fixture* fixture = [] {
    auto f = std::make_unique<Fixture>();
    const std::filesystem::path data = std::filesystem::path(TG_SOURCE_DIR) / "data";
    Result<std::shared_ptr<const KnowledgeBase>> kb = KnowledgeBase::Load(data / "kb");
    Result<NerModel> en = LoadNerModel(data / "models" / "ner-en.bin");
    Result<NerModel> ko = LoadNerModel(data / "models" / "ner-ko.bin");
    if (!kb.has_value() || !en.has_value() || !ko.has_value()) {
      f->error = "models or knowledge base missing under " + data.string();
      return f.release();
    }
    f->kb = std::move(kb).value();
    f->en = std::move(en).value();
    f->ko = std::move(ko).value();
    text::Cleaner cleaner;
    for (const RawDocument& raw : ReadPages()) {
      Result<CleanDocument> clean = cleaner.Clean(raw);
      if (!clean.has_value()) continue;
      Page page;
      page.text = std::move(clean->text);
      page.analysis = text::Analyze(page.text);
      page.model = clean->meta.lang == "ko" ? &f->ko : &f->en;
      f->tokens += page.analysis.tokens.size();
      f->pages.push_back(std::move(page));
    }
    if (f->pages.empty()) f->error = "no pages (dev corpus or examples/pages)";
    return f.release();
  }();
  return *fixture;
}

// Runs `body` over every page per iteration and reports tokens per second.
template <typename Body>
void OverPages(benchmark::State& state, Body body) {
  const Fixture& f = GetFixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const Page& page : f.pages) body(f, page);
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(f.tokens * state.iterations()), benchmark::Counter::kIsRate);
}

// The whole tagger: annotations, refined tokens, features, decoding.
void BM_TagText(benchmark::State& state) {
  OverPages(state, [](const Fixture& f, const Page& page) {
    benchmark::DoNotOptimize(TagText(*page.model, page.text, page.analysis, f.kb.get()));
  });
}
BENCHMARK(BM_TagText)->Unit(benchmark::kMillisecond);

// Gazetteer, knowledge-base and title annotations of every token.
void BM_AnnotateTokens(benchmark::State& state) {
  TokenAnnotations ann;
  OverPages(state, [&](const Fixture& f, const Page& page) {
    AnnotateTokens(page.text, page.analysis, &page.model->gazetteer, f.kb.get(), &ann);
    benchmark::DoNotOptimize(ann.gaz_bits.data());
  });
}
BENCHMARK(BM_AnnotateTokens)->Unit(benchmark::kMillisecond);

// Feature ids of every sentence (annotations and refined tokens precomputed).
void BM_ExtractFeatures(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  std::vector<TokenAnnotations> anns(f.pages.size());
  std::vector<TaggerTokens> refined(f.pages.size());
  for (size_t p = 0; p < f.pages.size(); ++p) {
    const Page& page = f.pages[p];
    AnnotateTokens(page.text, page.analysis, &page.model->gazetteer, f.kb.get(), &anns[p]);
    anns[p].capital_runs = (page.model->flags & kNerModelCapitalRuns) != 0;
    RefineTokens(page.text, page.analysis, &refined[p]);
  }
  FeatureSeq seq;
  for (auto _ : state) {
    for (size_t p = 0; p < f.pages.size(); ++p) {
      const Page& page = f.pages[p];
      for (const text::Sentence& s : refined[p].analysis.sentences) {
        seq.Clear();
        ExtractFeatures(page.text, page.analysis, refined[p], s.first_token, s.last_token, anns[p],
                        &page.model->gazetteer, &seq);
        benchmark::DoNotOptimize(seq.ids.data());
      }
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(f.tokens * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractFeatures)->Unit(benchmark::kMillisecond);

// Weight lookups and Viterbi decoding with max-marginals (features
// precomputed); tokens/s counts the tagger's refined tokens.
void BM_Decode(benchmark::State& state) {
  const Fixture& f = GetFixture();
  struct Sequence {
    FeatureSeq seq;
    const NerModel* model;
  };
  std::vector<Sequence> sequences;
  size_t longest = 0;
  for (const Page& page : f.pages) {
    TokenAnnotations ann;
    TaggerTokens refined;
    AnnotateTokens(page.text, page.analysis, &page.model->gazetteer, f.kb.get(), &ann);
    ann.capital_runs = (page.model->flags & kNerModelCapitalRuns) != 0;
    RefineTokens(page.text, page.analysis, &refined);
    for (const text::Sentence& s : refined.analysis.sentences) {
      Sequence sequence{{}, page.model};
      ExtractFeatures(page.text, page.analysis, refined, s.first_token, s.last_token, ann,
                      &page.model->gazetteer, &sequence.seq);
      longest = std::max(longest, sequence.seq.size());
      sequences.push_back(std::move(sequence));
    }
  }
  if (sequences.empty()) {
    state.SkipWithError(f.error.empty() ? "no sentences" : f.error.c_str());
    return;
  }
  std::vector<uint8_t> labels(longest);
  std::vector<float> margins(longest);
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Sequence& s : sequences) {
      s.model->weights.Decode(s.seq, nullptr, labels.data(), margins.data());
      benchmark::DoNotOptimize(labels.data());
      tokens += s.seq.size();
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

// Knowledge-base names in every page.
void BM_KbMatch(benchmark::State& state) {
  OverPages(state, [](const Fixture& f, const Page& page) {
    benchmark::DoNotOptimize(f.kb->Match(page.text, page.analysis));
  });
}
BENCHMARK(BM_KbMatch)->Unit(benchmark::kMillisecond);

// A title lookup at every token start, as the patterns and repairs do.
void BM_LookupTitle(benchmark::State& state) {
  OverPages(state, [](const Fixture&, const Page& page) {
    for (const text::Token& t : page.analysis.tokens) {
      benchmark::DoNotOptimize(LookupTitle(page.text, t.begin));
    }
  });
}
BENCHMARK(BM_LookupTitle)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tg::extract
