// Micro-benchmarks of the graph queries (src/query) on a generated resolved
// graph the size of ~100,000+ documents' worth of news: 50,000 people in 2,000
// organisations, 300,000 events (meetings of two to four people, 10% trips)
// with 1-3 reports each. People are picked with a skewed (power-law-like)
// distribution, so a few hubs meet thousands. Names are generated, fictional.
//
// Who-met, path and timeline report the median and 90th percentile of 400
// queries over random people as counters (median_ms, p90_ms).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>

#include "core/utf8.h"
#include "query/graph_index.h"
#include "query/query.h"

namespace tg::query {
namespace {

constexpr int kPeople = 50000;
constexpr int kOrgs = 2000;
constexpr int kEvents = 300000;

// Hangul syllable number `n` (0..11171).
std::string Syllable(uint32_t n) {
  std::string out;
  AppendUtf8(static_cast<char32_t>(0xAC00 + n % 11172), &out);
  return out;
}

// Skewed pick in [0, n): low numbers far more often (u^3), giving hubs.
uint32_t Skewed(std::mt19937_64& rng, uint32_t n) {
  const double u = std::uniform_real_distribution<double>(0, 1)(rng);
  return std::min(n - 1, static_cast<uint32_t>(n * u * u * u));
}

std::string Date(std::mt19937_64& rng) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2015 + static_cast<int>(rng() % 11),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
  return buf;
}

store::Graph Generate() {
  std::mt19937_64 rng(42);
  store::Graph g;
  g.entities.reserve(kPeople + kOrgs);
  static const char* kSurnames[] = {"Kang", "Moon", "Seo", "Yoon", "Jang", "Lim", "Shin", "Oh",
                                    "Ryu", "Hwang", "Song", "Jeon", "Hong", "Ko", "Nam", "Baek"};
  static const char* kGiven[] = {"ha", "min", "seo", "jun", "woo", "yeon", "ji", "hyun", "do",
                                 "eun", "soo", "jae", "won", "bin", "rin", "tae"};
  for (int i = 0; i < kOrgs; ++i) {
    store::GraphEntity org;
    org.id = kPeople + i + 1;
    org.type = "ORG";
    org.name = org.name_en = "Norwell " + std::to_string(i) + " Holdings";
    org.name_ko = Syllable(rng()) + Syllable(rng()) + "홀딩스";
    org.key = "org:" + std::to_string(i);
    org.aliases = {org.name_en, org.name_ko};
    g.entities.push_back(std::move(org));
  }
  for (int i = 0; i < kPeople; ++i) {
    store::GraphEntity p;
    p.id = i + 1;
    p.type = "PERSON";
    const char* surname = kSurnames[rng() % 16];
    std::string given = kGiven[rng() % 16];
    given += "-";
    given += kGiven[rng() % 16];
    p.name = p.name_en = std::string(surname) + " " + given + std::to_string(i % 97);
    p.name_ko = Syllable(rng() % 40) + Syllable(rng()) + Syllable(rng());
    p.title = rng() % 3 == 0 ? "CEO" : "Chairman";
    p.org = g.entities[Skewed(rng, kOrgs)].name;
    p.key = "person:" + std::to_string(i);
    p.aliases = {p.name_en, p.name_ko};
    p.docs = 1 + static_cast<int64_t>(rng() % 50);
    g.entities.push_back(std::move(p));
  }
  std::sort(g.entities.begin(), g.entities.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  static const char* kTopics[] = {"AI chips", "HBM", "foundry", "EV batteries", "robotics",
                                  "cloud computing", "biotech", "trade", "shipbuilding", "5G"};
  static const char* kStatus[] = {"occurred", "occurred", "occurred", "planned", "denied"};
  int64_t doc = 0;
  g.events.reserve(kEvents);
  for (int e = 0; e < kEvents; ++e) {
    store::GraphEvent ev;
    ev.id = e + 1;
    ev.kind = rng() % 10 == 0 ? "trip" : "meeting";
    const int size = ev.kind == "trip" ? 1 + static_cast<int>(rng() % 2)
                                       : 2 + static_cast<int>(rng() % 8 == 0) +
                                             static_cast<int>(rng() % 16 == 0);
    while (static_cast<int>(ev.participants.size()) < size) {
      const int64_t id = 1 + Skewed(rng, kPeople);
      if (std::find(ev.participants.begin(), ev.participants.end(), id) ==
          ev.participants.end()) {
        ev.participants.push_back(id);
      }
    }
    if (ev.kind == "trip") ev.traveler = ev.participants.front();
    std::sort(ev.participants.begin(), ev.participants.end());
    if (rng() % 8 == 0) {
      ev.date_hint = Date(rng).substr(0, 7);
    } else {
      ev.date = Date(rng);
    }
    ev.place = rng() % 2 ? "Seoul" : "";
    ev.status = kStatus[rng() % 5];
    for (int t = static_cast<int>(rng() % 3); t > 0; --t) ev.topics.push_back(kTopics[rng() % 10]);
    std::sort(ev.topics.begin(), ev.topics.end());
    ev.topics.erase(std::unique(ev.topics.begin(), ev.topics.end()), ev.topics.end());
    for (int s = 1 + static_cast<int>(rng() % 3 == 0) + static_cast<int>(rng() % 9 == 0); s > 0;
         --s) {
      store::EventSource src;
      src.doc_id = ++doc;
      src.doc = "gen-" + std::to_string(doc);
      src.published = ev.date.empty() ? ev.date_hint + "-28" : ev.date;
      src.status = ev.status;
      src.evidence = "A generated sentence reporting event " + std::to_string(ev.id) +
                     " between the people named in it, for the benchmark.";
      ev.docs.push_back(src.doc);
      ev.sources.push_back(std::move(src));
    }
    g.events.push_back(std::move(ev));
  }
  return g;
}

const store::Graph& Graph() {
  static const store::Graph graph = Generate();
  return graph;
}

const GraphIndex& Index() {
  static const std::shared_ptr<const GraphIndex> index = [] {
    auto built = GraphIndex::Build(Graph());
    TG_CHECK(built.has_value());
    return *built;
  }();
  return *index;
}

// Runs `query` on 400 random people (one iteration) and reports percentiles.
template <typename F>
void Percentiles(benchmark::State& state, F query) {
  const GraphIndex& index = Index();
  std::mt19937_64 rng(7);
  std::vector<double> ms;
  for (auto _ : state) {
    ms.clear();
    for (int i = 0; i < 400; ++i) {
      const int64_t a = 1 + static_cast<int64_t>(rng() % kPeople);
      const int64_t b = 1 + static_cast<int64_t>(rng() % kPeople);
      const auto start = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(query(index, a, b));
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start)
                       .count());
    }
  }
  std::sort(ms.begin(), ms.end());
  state.counters["median_ms"] = ms[ms.size() / 2];
  state.counters["p90_ms"] = ms[ms.size() * 9 / 10];
  state.counters["max_ms"] = ms.back();
}

void BM_BuildIndex(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    store::Graph copy = Graph();
    state.ResumeTiming();
    auto index = GraphIndex::Build(std::move(copy));
    benchmark::DoNotOptimize(index);
    state.PauseTiming();  // freeing the graph is not building it
    index = Status::Internal("freed");
    state.ResumeTiming();
  }
  state.counters["entities"] = static_cast<double>(Graph().entities.size());
  state.counters["events"] = static_cast<double>(Graph().events.size());
}
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_WhoMet(benchmark::State& state) {
  Percentiles(state, [](const GraphIndex& index, int64_t a, int64_t) {
    return WhoMet(index, a, {}).value().counterparts.size();
  });
}
BENCHMARK(BM_WhoMet)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_WhoMetFiltered(benchmark::State& state) {
  EventFilter filter;
  filter.since = "2020-01-01";
  filter.topic = "AI";
  filter.status = StatusFilter::kOccurred;
  Percentiles(state, [&](const GraphIndex& index, int64_t a, int64_t) {
    return WhoMet(index, a, filter).value().counterparts.size();
  });
}
BENCHMARK(BM_WhoMetFiltered)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Path(benchmark::State& state) {
  Percentiles(state, [](const GraphIndex& index, int64_t a, int64_t b) {
    return FindPaths(index, a, b, {}).value().paths.size();
  });
}
BENCHMARK(BM_Path)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Timeline(benchmark::State& state) {
  Percentiles(state, [](const GraphIndex& index, int64_t a, int64_t) {
    return Timeline(index, a, {}).value().entries.size();
  });
}
BENCHMARK(BM_Timeline)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ResolveName(benchmark::State& state) {
  const GraphIndex& index = Index();
  std::mt19937_64 rng(3);
  for (auto _ : state) {
    const store::GraphEntity& e = index.EntityAt(static_cast<uint32_t>(rng() % kPeople));
    benchmark::DoNotOptimize(index.names().Resolve(rng() % 2 ? e.name_en : e.name_ko));
  }
}
BENCHMARK(BM_ResolveName)->Unit(benchmark::kMicrosecond);

void BM_TopDegree(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Top(Index(), {}));
}
BENCHMARK(BM_TopDegree)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TopPageRank(benchmark::State& state) {
  TopOptions options;
  options.by = Measure::kPageRank;
  for (auto _ : state) benchmark::DoNotOptimize(Top(Index(), options));
}
BENCHMARK(BM_TopPageRank)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_TopBetweennessSampled(benchmark::State& state) {
  TopOptions options;
  options.by = Measure::kBetweenness;
  for (auto _ : state) benchmark::DoNotOptimize(Top(Index(), options));
}
BENCHMARK(BM_TopBetweennessSampled)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace tg::query
