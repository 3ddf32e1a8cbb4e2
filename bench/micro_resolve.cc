// Cross-document resolution (src/resolve/resolve.h) over generated
// extractions: N documents in English and Korean reporting meetings among a
// pool of people (Korean names in Hangul on Korean pages and romanised on
// English ones, other names in Latin), each real meeting reported by one to
// four pages with day or month dates. Reports documents per second on one
// core; the target is 100,000 documents in under a minute. Skips when
// the data folder is missing.
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "resolve/names.h"
#include "resolve/resolve.h"

namespace tg::resolve {
namespace {

const char* kSurnames[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황"};
const char* kSyllables[] = {"민", "서", "준", "지", "현", "우", "도", "하", "윤", "수", "영", "재", "태", "원",
                            "성", "혜", "진", "호", "은", "경", "상", "희", "동", "석", "연", "유", "아"};
const char* kFirst[] = {"Owen", "Mira", "Jonas", "Ilse", "Ansel", "Noor", "Victor", "Helena", "Oren", "Talia",
                        "Marcus", "Priya", "Elias", "Greta", "Rafael", "Simone"};
const char* kLast[] = {"Pryce", "Solberg", "Field", "Marr", "Krey", "Haddad", "Lam", "Strand", "Lasky", "Brandt",
                       "Okafor", "Varga", "Lindqvist", "Moreau", "Castell", "Whitfield"};

struct PersonForms {
  std::string en, ko, org;
};

struct Corpus {
  std::vector<store::ExtractionRecord> records;
};

std::string Day(std::mt19937& rng) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "2026-%02d-%02d", static_cast<int>(rng() % 12 + 1),
                static_cast<int>(rng() % 28 + 1));
  return buf;
}

Corpus Generate(const NameMatcher& matcher, int docs) {
  std::mt19937 rng(42);
  std::vector<PersonForms> people;
  const int pool = std::max(50, docs / 5);
  while (static_cast<int>(people.size()) < pool) {
    PersonForms p;
    p.org = "Org " + std::to_string(rng() % (pool / 10 + 1));
    if (rng() % 10 < 6) {
      p.ko = std::string(kSurnames[rng() % std::size(kSurnames)]) + kSyllables[rng() % std::size(kSyllables)] +
             kSyllables[rng() % std::size(kSyllables)];
      p.en = matcher.Romanize(p.ko);
      if (p.en.empty()) continue;
    } else {
      p.en = std::string(kFirst[rng() % std::size(kFirst)]) + " " + kLast[rng() % std::size(kLast)] + "-" +
             std::string(1, static_cast<char>('a' + rng() % 26)) + std::to_string(rng() % 100);
      p.ko = p.en;
    }
    people.push_back(std::move(p));
  }
  Corpus c;
  c.records.reserve(docs);
  int64_t id = 0;
  while (static_cast<int>(c.records.size()) < docs) {
    // One real meeting, reported by 1-4 pages.
    std::vector<int> who = {static_cast<int>(rng() % pool), static_cast<int>(rng() % pool)};
    if (rng() % 4 == 0) who.push_back(static_cast<int>(rng() % pool));
    const std::string day = Day(rng);
    const int reports = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < reports && static_cast<int>(c.records.size()) < docs; ++k) {
      store::ExtractionRecord r;
      r.doc_id = ++id;
      r.ext_id = "doc-" + std::to_string(id);
      r.lang = rng() % 10 < 6 ? "en" : "ko";
      r.published = day;
      store::StoredMeeting m;
      for (int w : who) {
        store::EventPerson p;
        p.name = r.lang == "en" ? people[w].en : people[w].ko;
        p.org = people[w].org;
        m.participants.push_back(std::move(p));
      }
      if (rng() % 3 == 0) m.date_hint = day.substr(0, 7);
      else m.date = day;
      m.status = "occurred";
      m.evidence = "A generated sentence stating the meeting.";
      m.confidence = 0.6;
      r.events.meetings.push_back(std::move(m));
      c.records.push_back(std::move(r));
    }
  }
  return c;
}

void BM_Resolve(benchmark::State& state) {
  static std::unique_ptr<Resolver> resolver;
  static std::unique_ptr<NameMatcher> matcher;
  if (!resolver) {
    Result<Resolver> r = Resolver::Load("");
    Result<NameMatcher> m = NameMatcher::Load(TG_SOURCE_DIR "/data");
    if (!r.has_value() || !m.has_value()) {
      state.SkipWithError("no data folder");
      return;
    }
    resolver = std::make_unique<Resolver>(std::move(r).value());
    matcher = std::make_unique<NameMatcher>(std::move(m).value());
  }
  const Corpus corpus = Generate(*matcher, static_cast<int>(state.range(0)));
  size_t events = 0, entities = 0;
  for (auto _ : state) {
    store::Graph g = resolver->Resolve(corpus.records);
    events = g.events.size();
    entities = g.entities.size();
    benchmark::DoNotOptimize(g);
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(corpus.records.size()),
                                                benchmark::Counter::kIsIterationInvariantRate);
  state.counters["events"] = static_cast<double>(events);
  state.counters["entities"] = static_cast<double>(entities);
}
BENCHMARK(BM_Resolve)->Arg(10000)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tg::resolve
