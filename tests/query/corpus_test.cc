// Queries on databases ingested by the binary from examples/ (expected
// answers: the example corpus is written for the project, its people fictional)
// and from the dev corpus (invariants only, no page-specific answers; skipped
// without ../shared): names resolve back to their entity in every form,
// who-met agrees with the degree ranking, paths are symmetric and real,
// timelines are ordered, every export parses.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>

#include "e2e/cli_fixture.h"
#include "query/export.h"
#include "query/graph_index.h"
#include "query/query.h"
#include "store/sqlite_store.h"
#include "testing/status_matchers.h"

namespace tg::query {
namespace {

namespace fs = std::filesystem;

// Ingests `input` with the binary into a fresh database and indexes its graph.
std::shared_ptr<const GraphIndex> IngestAndLoad(const fs::path& input, const fs::path& dir) {
  const std::string db = (dir / "corpus.db").string();
  const std::string cmd = Quote(TG_BINARY) + " ingest --no-progress --db " + Quote(db) + " " +
                          Quote(input.string()) + " >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  // 1 = some inputs rejected, which a corpus may hold; the rest was stored.
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) return nullptr;
  store::SqliteOptions options;
  options.path = db;
  options.read_only = true;
  auto store = store::OpenSqliteStore(options);
  if (!store.has_value()) return nullptr;
  auto index = GraphIndex::Load(store->get());
  return index.has_value() ? *index : nullptr;
}

int64_t Id(const GraphIndex& index, const std::string& name) {
  const Resolution r = index.names().Resolve(name);
  EXPECT_EQ(r.status, ResolveStatus::kFound) << name;
  return r.entity;
}

void CheckInvariants(const GraphIndex& index) {
  ASSERT_GT(index.event_count(), 0u);
  // Every spelling of an entity leads back to it (alone, or among the candidates).
  for (size_t i = 0; i < index.entity_count(); ++i) {
    const store::GraphEntity& e = index.EntityAt(static_cast<uint32_t>(i));
    std::vector<std::string> forms = e.aliases;
    for (const std::string* s : {&e.name, &e.name_en, &e.name_ko}) {
      if (!s->empty()) forms.push_back(*s);
    }
    for (const std::string& form : forms) {
      const Resolution r = index.names().Resolve(form);
      const bool fits = r.status == ResolveStatus::kFound
                            ? r.entity == e.id
                            : std::find(r.candidates.begin(), r.candidates.end(), e.id) !=
                                  r.candidates.end();
      EXPECT_TRUE(fits) << form << " does not lead to entity " << e.id;
    }
  }
  // who-met lists exactly the partners the degree ranking counts.
  TopOptions all;
  all.limit = 1 << 30;
  ASSERT_OK_AND_ASSIGN(TopResult top, Top(index, all));
  std::map<int64_t, int64_t> degree;
  for (const RankedEntity& r : top.entries) degree[r.entity] = r.degree;
  for (size_t i = 0; i < index.entity_count(); ++i) {
    if (!index.IsPerson(static_cast<uint32_t>(i))) continue;
    const int64_t id = index.EntityAt(static_cast<uint32_t>(i)).id;
    ASSERT_OK_AND_ASSIGN(WhoMetResult met, WhoMet(index, id, {}));
    EXPECT_EQ(static_cast<int64_t>(met.counterparts.size()), degree[id]) << "entity " << id;
    // Each counterpart is one hop away, and the path back is as short.
    for (const Counterpart& c : met.counterparts) {
      ASSERT_OK_AND_ASSIGN(PathResult there, FindPaths(index, id, c.entity, {}));
      EXPECT_EQ(there.hops, 1);
      ASSERT_FALSE(there.paths.empty());
      EXPECT_EQ(there.paths[0].hops[0].events.size(), c.events.size());
    }
    // Timelines are in date order (undated entries at their report date).
    ASSERT_OK_AND_ASSIGN(TimelineResult timeline, Timeline(index, id, {}));
    for (size_t k = 1; k < timeline.entries.size(); ++k) {
      if (timeline.entries[k].date.empty()) continue;
      EXPECT_LE(timeline.entries[k - 1].date, timeline.entries[k].date);
    }
  }
  // Paths between the first persons are symmetric.
  std::vector<int64_t> persons;
  for (size_t i = 0; i < index.entity_count() && persons.size() < 12; ++i) {
    if (index.IsPerson(static_cast<uint32_t>(i))) {
      persons.push_back(index.EntityAt(static_cast<uint32_t>(i)).id);
    }
  }
  for (int64_t a : persons) {
    for (int64_t b : persons) {
      ASSERT_OK_AND_ASSIGN(PathResult ab, FindPaths(index, a, b, {}));
      ASSERT_OK_AND_ASSIGN(PathResult ba, FindPaths(index, b, a, {}));
      EXPECT_EQ(ab.hops, ba.hops) << a << " " << b;
      EXPECT_EQ(ab.paths.size(), ba.paths.size()) << a << " " << b;
    }
  }
}

class ExamplesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(tg::testing::MakeTempDir("tg-query-examples"));
    index_ = new std::shared_ptr<const GraphIndex>(
        IngestAndLoad(tg::testing::SourceDir() / "examples", *dir_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete index_;
    delete dir_;
  }
  void SetUp() override { ASSERT_NE(*index_, nullptr) << "ingest of examples/ failed"; }
  const GraphIndex& index() { return **index_; }

  static fs::path* dir_;
  static std::shared_ptr<const GraphIndex>* index_;
};
fs::path* ExamplesTest::dir_ = nullptr;
std::shared_ptr<const GraphIndex>* ExamplesTest::index_ = nullptr;

TEST_F(ExamplesTest, NamesResolveInBothLanguages) {
  EXPECT_EQ(Id(index(), "델리아 해로"), Id(index(), "Delia Harrow"));
  EXPECT_EQ(Id(index(), "delia harrow"), Id(index(), "Delia Harrow"));
  // A two-syllable Korean surname with a title.
  EXPECT_EQ(Id(index(), "제갈 회장"), Id(index(), "Jegal Seung-woo"));
  EXPECT_EQ(index().names().Resolve("Nobody Anywhere").status, ResolveStatus::kNotFound);
}

TEST_F(ExamplesTest, WhoMetDeliaHarrow) {
  ASSERT_OK_AND_ASSIGN(WhoMetResult r, WhoMet(index(), Id(index(), "Delia Harrow"), {}));
  std::map<std::string, const Counterpart*> by_name;
  for (const Counterpart& c : r.counterparts) by_name[index().FindEntity(c.entity)->name] = &c;
  // Lin Wei-ting at Jadeport on 5 March 2025, about the foundry; Chen Yu-han
  // only planned (7 March).
  ASSERT_TRUE(by_name.count("Lin Wei-ting"));
  const Counterpart& lin = *by_name["Lin Wei-ting"];
  EXPECT_EQ(lin.first_date, "2025-03-05");
  EXPECT_TRUE(lin.occurred);
  EXPECT_NE(std::find(lin.topics.begin(), lin.topics.end(), "foundry"), lin.topics.end());
  ASSERT_TRUE(by_name.count("Chen Yu-han"));
  EXPECT_FALSE(by_name["Chen Yu-han"]->occurred);
  EventFilter occurred;
  occurred.status = StatusFilter::kOccurred;
  ASSERT_OK_AND_ASSIGN(WhoMetResult held, WhoMet(index(), Id(index(), "Delia Harrow"), occurred));
  for (const Counterpart& c : held.counterparts) {
    EXPECT_NE(index().FindEntity(c.entity)->name, "Chen Yu-han");
  }
  // Every meeting leads to a document and a sentence.
  for (int64_t e : lin.events) {
    const store::GraphEvent* ev = index().FindEvent(e);
    ASSERT_NE(ev, nullptr);
    ASSERT_FALSE(ev->sources.empty());
    EXPECT_FALSE(ev->sources[0].evidence.empty());
    EXPECT_FALSE(ev->sources[0].doc.empty());
  }
}

TEST_F(ExamplesTest, PathsTimelinesAndTopics) {
  // Lin Wei-ting met only Delia Harrow, who met Chen Yu-han.
  ASSERT_OK_AND_ASSIGN(PathResult p, FindPaths(index(), Id(index(), "Lin Wei-ting"),
                                               Id(index(), "Chen Yu-han"), {}));
  EXPECT_EQ(p.hops, 2);
  ASSERT_EQ(p.paths.size(), 1u);
  EXPECT_EQ(p.paths[0].entities[1], Id(index(), "Delia Harrow"));
  // Owen Castellano met Jegal Seung-woo and Heo Seong-jin.
  ASSERT_OK_AND_ASSIGN(PathResult direct, FindPaths(index(), Id(index(), "Owen Castellano"),
                                                    Id(index(), "Heo Seong-jin"), {}));
  EXPECT_EQ(direct.hops, 1);
  // Chae Su-rin: Paris on 26 February 2025, then a trip to Lyon the next day.
  ASSERT_OK_AND_ASSIGN(TimelineResult t, Timeline(index(), Id(index(), "채수린"), {}));
  std::vector<std::string> dated;
  for (const TimelineEntry& e : t.entries) {
    if (!e.undated) dated.push_back(e.date + " " + index().FindEvent(e.event)->kind);
  }
  auto paris = std::find(dated.begin(), dated.end(), "2025-02-26 meeting");
  ASSERT_NE(paris, dated.end());
  ASSERT_NE(paris + 1, dated.end());
  EXPECT_EQ(*(paris + 1), "2025-02-27 trip");
  ASSERT_OK_AND_ASSIGN(TopicsResult topics, TopicsBetween(index(), Id(index(), "Delia Harrow"),
                                                          Id(index(), "Lin Wei-ting"), {}));
  std::set<std::string> labels;
  for (const TopicCount& c : topics.topics) labels.insert(c.topic);
  EXPECT_TRUE(labels.count("foundry"));
}

TEST_F(ExamplesTest, Invariants) { CheckInvariants(index()); }

TEST(DevCorpusTest, Invariants) {
  const fs::path docs = tg::testing::DevCorpusDir() / "docs";
  if (!fs::exists(docs)) GTEST_SKIP() << "no dev corpus at " << docs;
  const fs::path dir = tg::testing::MakeTempDir("tg-query-dev");
  auto index = IngestAndLoad(docs, dir);
  ASSERT_NE(index, nullptr);
  CheckInvariants(*index);
  // Every format writes; the collected graph has an edge per pair that met.
  const ExportGraph g = CollectExportGraph(*index, {});
  size_t met = 0;
  for (const ExportEdge& e : g.edges) met += e.member ? 0 : 1;
  size_t pairs = 0;
  for (size_t i = 0; i < index->entity_count(); ++i) {
    for (const Neighbor& n : index->NeighborsOf(static_cast<uint32_t>(i))) {
      if (n.entity > i &&
          (n.statuses & (kOccurredBit | kPlannedBit | kOtherStatusBit)) != 0) {
        ++pairs;
      }
    }
  }
  EXPECT_EQ(met, pairs);
  for (const char* format : {"graphml", "gexf", "jsonl", "cypher", "csv"}) {
    ASSERT_OK_AND_ASSIGN(ExportFormat f, ParseExportFormat(format));
    EXPECT_OK(ExportToPath(*index, {}, f, (dir / (std::string("out.") + format)).string()));
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tg::query
