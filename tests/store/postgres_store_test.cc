// What the PostgreSQL backend adds to the shared Store contract (store_test.cc
// and the other backend-parametrised suites run on it too): search that ranks
// and cuts snippets like SQLite's FTS5, reopening, readers beside a writer,
// writers taking turns, refusing schemas that are not tiegraph's, and the
// --db URI form. Needs the test server (backends.h).
#include "store/postgres_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "backends.h"
#include "dedup/near_dup.h"
#include "store/postgres_db.h"
#include "testing/status_matchers.h"

namespace tg::store {
namespace {

Document MakeDoc(const std::string& ext_id, const std::string& title, const std::string& text,
                 uint64_t raw_hash) {
  Document doc;
  doc.ext_id = ext_id;
  doc.source = "/feeds/" + ext_id + ".txt";
  doc.raw_hash = raw_hash;
  doc.raw_size = text.size();
  doc.text = text;
  doc.text_hash = dedup::ExactTextHash(text);
  doc.meta.title = title;
  doc.meta.lang = "en";
  return doc;
}

Result<int64_t> Insert(Store& store, const Document& doc) {
  const dedup::MinHasher hasher;
  const dedup::Signature sig = hasher.Compute(doc.text);
  return store.Insert(doc, sig, hasher.BandKeys(sig));
}

// Options for a new schema on the test server; fails the test without one.
PostgresOptions FreshOptions() {
  PostgresOptions options;
  Result<std::string> url = PostgresTestUrl();
  EXPECT_TRUE(url.has_value()) << url.error().ToString();
  if (url.has_value()) options.conninfo = *url;
  options.schema = FreshPostgresSchema();
  return options;
}

// A corpus for comparing search with SQLite: several sentences per page so
// snippets have windows to choose, Korean with particles, repeated words,
// and matches in titles only.
std::vector<Document> SearchCorpus() {
  return {
      MakeDoc("p1", "Corvane Robotics opens a plant in Gimhae",
              "Corvane Robotics chairman Idris Falk met Gimhae mayor Seo Ha-neul on Monday. "
              "The two discussed a battery plant near the river port. Falk said the plant "
              "would hire four hundred workers by next spring. Seo said the city would widen "
              "the road to the port.\nA second meeting is planned for June.",
              11),
      MakeDoc("p2", "한결화학 회장, 독일 방문",
              "한결화학의 모윤서 회장이 지난 4일 함부르크에서 현지 선사 대표와 만났다.\n"
              "두 회장은 수소 운반선 협력을 논의했다. 모 회장은 다음 달 다시 방문할 예정이다.",
              12),
      MakeDoc("p3", "Port talks",
              "Talks on the port expansion stalled again. Officials from three ministries met "
              "for six hours: no plan emerged. The port authority will publish a new draft of "
              "the plan in the autumn, a spokesman said, and the draft will go to the council.",
              13),
      MakeDoc("p4", "Falk visits Seoul",
              "Idris Falk flew to Seoul for a day of meetings with suppliers. Falk met the chief "
              "executive of Tamra Cells and the head of a small sensor maker. Battery, battery, "
              "battery: every meeting came back to the same subject.",
              14),
      MakeDoc("p5", "Quarterly results at Tamra Cells",
              "Tamra Cells reported higher quarterly sales.", 15),
      MakeDoc("p6", "모윤서 회장 인터뷰",
              "모윤서 한결화학 회장은 인터뷰에서 수소 사업을 설명했다. 회장의 계획은 "
              "세 단계로 나뉜다: 운반선, 저장, 발전.",
              16),
  };
}

TEST(PostgresUriTest, SchemaParameterIsOursTheRestGoesToLibpq) {
  EXPECT_TRUE(IsPostgresUri("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresUri("postgres://h/db"));
  EXPECT_FALSE(IsPostgresUri("tiegraph.db"));
  EXPECT_FALSE(IsPostgresUri("/data/postgresql://x"));
  ASSERT_OK_AND_ASSIGN(PostgresOptions plain, PostgresOptionsFromUri("postgres://h:5433/news"));
  EXPECT_EQ(plain.conninfo, "postgres://h:5433/news");
  EXPECT_EQ(plain.schema, "");
  ASSERT_OK_AND_ASSIGN(PostgresOptions opts,
                       PostgresOptionsFromUri("postgresql://u@h/news?sslmode=disable&schema="
                                              "desk_a&connect_timeout=3"));
  EXPECT_EQ(opts.conninfo, "postgresql://u@h/news?sslmode=disable&connect_timeout=3");
  EXPECT_EQ(opts.schema, "desk_a");
  ASSERT_OK_AND_ASSIGN(PostgresOptions only, PostgresOptionsFromUri("postgresql://h/n?schema=s"));
  EXPECT_EQ(only.conninfo, "postgresql://h/n");
  EXPECT_EQ(only.schema, "s");
  EXPECT_EQ(PostgresOptionsFromUri("news.db").status().code(), StatusCode::kInvalidArgument);
}

TEST(PostgresStoreTest, UnreachableServerIsUnavailable) {
  PostgresOptions options;
  options.conninfo = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2";
  Result<std::unique_ptr<Store>> store = OpenPostgresStore(options);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kUnavailable) << store.error().ToString();
}

TEST(PostgresStoreTest, SearchRanksAndCutsSnippetsLikeSqlite) {
  SqliteOptions sqlite_options;
  sqlite_options.path = (testing::MakeTempDir("tg_pg_search") / "tg.db").string();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> sqlite, OpenSqliteStore(sqlite_options));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> postgres, OpenPostgresTestStore());
  for (const Document& doc : SearchCorpus()) {
    ASSERT_OK(Insert(*sqlite, doc));
    ASSERT_OK(Insert(*postgres, doc));
  }
  const char* queries[] = {
      "falk", "battery", "port", "plant port", "\"battery plant\"", "회장", "회장이 수소",
      "\"수소 운반선\"", "tamra OR 한결화학", "falk OR port OR 회장", "the", "draft plan",
      "meeting", "quarterly", "Seoul", "no-such-word", "\"port plan\"", "met", "a OR the",
  };
  for (const char* query : queries) {
    ASSERT_OK_AND_ASSIGN(std::vector<SearchHit> want, sqlite->Search(query, 10));
    ASSERT_OK_AND_ASSIGN(std::vector<SearchHit> got, postgres->Search(query, 10));
    ASSERT_EQ(got.size(), want.size()) << query;
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(got[i].id, want[i].id) << query << " #" << i;
      EXPECT_EQ(got[i].ext_id, want[i].ext_id) << query;
      EXPECT_EQ(got[i].title, want[i].title) << query;
      EXPECT_EQ(got[i].snippet, want[i].snippet) << query;
      EXPECT_NEAR(got[i].score, want[i].score, 1e-9 * std::fabs(want[i].score)) << query;
    }
  }
  ASSERT_OK_AND_ASSIGN(auto one, postgres->Search("falk OR port OR 회장", 1));
  EXPECT_EQ(one.size(), 1u);
}

TEST(PostgresStoreTest, ReopeningKeepsDocumentsAndContinuesIds) {
  const PostgresOptions options = FreshOptions();
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenPostgresStore(options));
    ASSERT_OK(Insert(*store, MakeDoc("a", "A", "Alpha text.", 1)));
    ASSERT_OK(Insert(*store, MakeDoc("b", "B", "Beta text.", 2)));
  }  // the destructor commits
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenPostgresStore(options));
  ASSERT_OK_AND_ASSIGN(int64_t id, Insert(*store, MakeDoc("c", "C", "Gamma text.", 3)));
  EXPECT_EQ(id, 3);
  ASSERT_OK_AND_ASSIGN(std::optional<Document> b, store->GetByExtId("b"));
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->text, "Beta text.");
  EXPECT_EQ(b->id, 2);
}

TEST(PostgresStoreTest, ReadersSeeCommittedBatchesOnlyAndCannotWrite) {
  PostgresOptions options = FreshOptions();
  options.batch_size = 100;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> writer, OpenPostgresStore(options));
  PostgresOptions read_options = options;
  read_options.read_only = true;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> reader, OpenPostgresStore(read_options));
  ASSERT_OK(Insert(*writer, MakeDoc("a", "A", "Alpha text.", 1)));
  ASSERT_OK_AND_ASSIGN(StoreStats before, reader->Stats());
  EXPECT_EQ(before.documents, 0);
  ASSERT_OK_AND_ASSIGN(StoreStats own, writer->Stats());
  EXPECT_EQ(own.documents, 1);  // a store sees its own open batch
  ASSERT_OK(writer->Flush());
  ASSERT_OK_AND_ASSIGN(StoreStats after, reader->Stats());
  EXPECT_EQ(after.documents, 1);
  Result<int64_t> refused = Insert(*reader, MakeDoc("b", "B", "Beta.", 2));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reader->PutEvents(1, StoredEvents{}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reader->PutGraph(Graph{}).code(), StatusCode::kInvalidArgument);
}

TEST(PostgresStoreTest, WritersTakeTurnsAndAWaitingWriterTimesOut) {
  PostgresOptions options = FreshOptions();
  options.batch_size = 100;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> first, OpenPostgresStore(options));
  PostgresOptions impatient = options;
  impatient.lock_timeout_ms = 200;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> second, OpenPostgresStore(impatient));
  ASSERT_OK(Insert(*first, MakeDoc("a", "A", "Alpha text.", 1)));  // holds the batch open
  Result<int64_t> blocked = Insert(*second, MakeDoc("b", "B", "Beta text.", 2));
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code(), StatusCode::kUnavailable) << blocked.error().ToString();
  ASSERT_OK(first->Flush());
  ASSERT_OK_AND_ASSIGN(int64_t id, Insert(*second, MakeDoc("b", "B", "Beta text.", 2)));
  EXPECT_EQ(id, 2);
  ASSERT_OK(second->Flush());
  ASSERT_OK_AND_ASSIGN(StoreStats stats, first->Stats());
  EXPECT_EQ(stats.documents, 2);
}

TEST(PostgresStoreTest, TextPostgresCannotHoldFailsThatDocumentOnly) {
  PostgresOptions options = FreshOptions();
  options.batch_size = 100;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenPostgresStore(options));
  ASSERT_OK(Insert(*store, MakeDoc("a", "A", "Alpha text.", 1)));
  const Result<int64_t> nul = Insert(*store, MakeDoc("nul", "N", std::string("a\0b", 3), 2));
  ASSERT_FALSE(nul.has_value());
  EXPECT_EQ(nul.error().code(), StatusCode::kInvalidArgument);
  // The server rejects this one, inside the open batch: only it is undone.
  const Result<int64_t> bad = Insert(*store, MakeDoc("bad", "Bad \xff title", "Text.", 3));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument) << bad.error().ToString();
  ASSERT_OK_AND_ASSIGN(int64_t id, Insert(*store, MakeDoc("b", "B", "Beta text.", 4)));
  EXPECT_EQ(id, 2);
  ASSERT_OK(store->Flush());
  ASSERT_OK_AND_ASSIGN(StoreStats stats, store->Stats());
  EXPECT_EQ(stats.documents, 2);
}

TEST(PostgresStoreTest, GraphListsKeepAnyText) {
  // Lists travel as PostgreSQL array literals: quoting must survive any text.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, OpenPostgresTestStore());
  Graph graph;
  GraphEntity e;
  e.id = 1;
  e.key = "name:odd";
  e.name = "Odd \"Name\"";
  e.aliases = {"", " lead space", "a,b", "back\\slash", "q\"uote", "{brace}", "NULL", "세 단어 이름"};
  std::sort(e.aliases.begin(), e.aliases.end());
  graph.entities = {e};
  GraphEvent ev;
  ev.id = 7;
  ev.participants = {1};
  EventSource source;
  source.doc_id = 3;
  source.doc = "c";
  source.participants = {1};
  source.copies = {"NULL", "a,b", "", "q\"uote}", "back\\slash", "공백 있는 id"};
  ev.sources = {source, EventSource{}};
  graph.events = {ev};
  ResolutionNote note;
  note.kind = "merge";
  note.entities = {1};
  graph.notes = {note};
  ASSERT_OK(store->PutGraph(graph));
  ASSERT_OK_AND_ASSIGN(Graph got, store->GetGraph());
  EXPECT_TRUE(got == graph);
  ASSERT_EQ(got.events.size(), 1u);
  ASSERT_EQ(got.events[0].sources.size(), 2u);
  EXPECT_EQ(got.events[0].sources[0].copies, source.copies);
  EXPECT_TRUE(got.events[0].sources[1].copies.empty());
  ASSERT_EQ(got.entities.size(), 1u);
  EXPECT_EQ(got.entities[0].aliases, e.aliases);
}

TEST(PostgresStoreTest, RefusesSchemasThatAreNotTiegraphs) {
  const PostgresOptions options = FreshOptions();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<pg::Connection> admin,
                       pg::Connection::Open(options.conninfo));
  const std::string schema = admin->QuoteName(options.schema);

  PostgresOptions read_only = options;
  read_only.read_only = true;
  Result<std::unique_ptr<Store>> missing = OpenPostgresStore(read_only);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kCorrupt) << missing.error().ToString();

  ASSERT_OK(admin->Exec("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema +
                        ".payroll (id int)"));
  Result<std::unique_ptr<Store>> foreign = OpenPostgresStore(options);
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code(), StatusCode::kCorrupt) << foreign.error().ToString();
  EXPECT_NE(foreign.error().message().find("not a tiegraph database"), std::string::npos);

  PostgresOptions newer = FreshOptions();
  { ASSERT_OK(OpenPostgresStore(newer)); }
  ASSERT_OK(admin->Exec("UPDATE " + admin->QuoteName(newer.schema) +
                        ".tg_meta SET value = '999' WHERE key = 'schema_version'"));
  Result<std::unique_ptr<Store>> future = OpenPostgresStore(newer);
  ASSERT_FALSE(future.has_value());
  EXPECT_EQ(future.error().code(), StatusCode::kCorrupt);
  EXPECT_NE(future.error().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace tg::store
