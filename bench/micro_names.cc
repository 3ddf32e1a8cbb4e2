// Micro-benchmarks of src/resolve/names.h: NameMatcher::Match over typical
// pairs of each kind (romanisation, transcription, organisation, same-script
// variant, a non-match), and BlockingKeys. One pair per iteration, one core.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "resolve/names.h"

namespace tg::resolve {
namespace {

const NameMatcher* Matcher() {
  static const NameMatcher* matcher = [] {
    auto loaded = NameMatcher::Load(std::string(TG_SOURCE_DIR) + "/data");
    if (!loaded.has_value()) {
      std::fprintf(stderr, "%s\n", loaded.error().ToString().c_str());
      return static_cast<NameMatcher*>(nullptr);
    }
    return new NameMatcher(std::move(loaded).value());
  }();
  return matcher;
}

// The matcher, or null after marking `state` skipped.
const NameMatcher* MatcherOrSkip(benchmark::State& state) {
  const NameMatcher* m = Matcher();
  if (m == nullptr) state.SkipWithError("tables missing");
  return m;
}

struct BenchPair {
  const char* a;
  const char* b;
  const char* type;
};

// Index 0..5: the pair kinds reported separately.
constexpr BenchPair kPairs[] = {
    {"이재용", "Lee Jae-yong", "PERSON"},            // romanisation
    {"젠슨 황", "Jensen Huang", "PERSON"},           // transcription
    {"마크 저커버그", "Mark Zuckerberg", "PERSON"},  // longer transcription
    {"삼성전자", "Samsung Electronics", "ORG"},      // organisation, translated word
    {"Chey Tae-won", "Choi Tae-won", "PERSON"},      // same-script variant
    {"짐 켈러", "Lisa Su", "PERSON"},                // a non-match
};

void BM_Match(benchmark::State& state) {
  const NameMatcher* m = MatcherOrSkip(state);
  if (m == nullptr) return;
  const BenchPair& p = kPairs[state.range(0)];
  state.SetLabel(std::string(p.a) + " ~ " + p.b);
  for (auto _ : state) benchmark::DoNotOptimize(m->Match(p.a, p.b, p.type));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Match)->DenseRange(0, 5);

// A mixed stream: every Hangul name of the list against every Latin one, as
// candidate checks inside a block would run.
void BM_MatchMixed(benchmark::State& state) {
  const NameMatcher* m = MatcherOrSkip(state);
  if (m == nullptr) return;
  static const std::vector<std::pair<const char*, const char*>> kNames = {
      {"이재용", "Lee Jae-yong"},  {"최태원", "Chey Tae-won"},
      {"구광모", "Koo Kwang-mo"},  {"정의선", "Chung Eui-sun"},
      {"젠슨 황", "Jensen Huang"}, {"팀 쿡", "Tim Cook"},
      {"샘 올트먼", "Sam Altman"}, {"리사 수", "Lisa Su"},
      {"짐 켈러", "Jim Keller"},   {"크리스티아노 아몬", "Cristiano Amon"}};
  size_t i = 0, j = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(m->Match(kNames[i].first, kNames[j].second, "PERSON"));
    if (++j == kNames.size()) {
      j = 0;
      if (++i == kNames.size()) i = 0;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MatchMixed);

void BM_BlockingKeys(benchmark::State& state) {
  const NameMatcher* m = MatcherOrSkip(state);
  if (m == nullptr) return;
  const BenchPair& p = kPairs[state.range(0)];
  state.SetLabel(p.b);
  for (auto _ : state) benchmark::DoNotOptimize(m->BlockingKeys(p.b, p.type));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BlockingKeys)->Arg(0)->Arg(2)->Arg(3);

}  // namespace
}  // namespace tg::resolve
