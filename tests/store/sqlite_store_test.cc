// SQLite-only behaviour of store/sqlite_store.h: durability, WAL, atomic
// inserts inside a batch, foreign files, concurrent readers.
#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dedup/near_dup.h"
#include "store/events.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::store {
namespace {

Document MakeDoc(const std::string& ext_id, const std::string& text, uint64_t raw_hash) {
  Document doc;
  doc.ext_id = ext_id;
  doc.text = text;
  doc.raw_hash = raw_hash;
  doc.text_hash = dedup::ExactTextHash(text);
  doc.meta.title = "About " + ext_id;
  doc.meta.lang = "ko";
  return doc;
}

// Turns a current database back into the schema of version 2 (which had no
// event tables), to test the migrations from older files.
// What a version-3 build had not: the resolved-graph tables (version 4).
constexpr const char* kDropGraphTables =
    "DROP TABLE resolution_notes; DROP TABLE event_docs; DROP TABLE event_sources; "
    "DROP TABLE event_destinations; DROP TABLE event_topics; DROP TABLE event_participants; "
    "DROP TABLE events; DROP TABLE entity_aliases; DROP TABLE entities; ";
// What a version-2 build had not: the event tables (version 3) and the graph.
constexpr const char* kDropEventTables =
    "DROP TABLE resolution_notes; DROP TABLE event_docs; DROP TABLE event_sources; "
    "DROP TABLE event_destinations; DROP TABLE event_topics; DROP TABLE event_participants; "
    "DROP TABLE events; DROP TABLE entity_aliases; DROP TABLE entities; "
    "DROP TABLE trip_destinations; DROP TABLE trip_people; DROP TABLE trips; "
    "DROP TABLE meeting_topics; DROP TABLE meeting_participants; DROP TABLE meetings; "
    "DROP TABLE extractions; ";

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = (testing::MakeTempDir("tg_sqlite_test") / "tg.db").string(); }

  Result<std::unique_ptr<Store>> Open(int batch_size = 100, bool read_only = false) {
    SqliteOptions options;
    options.path = path_;
    options.batch_size = batch_size;
    options.read_only = read_only;
    options.busy_timeout_ms = 200;
    return OpenSqliteStore(options);
  }

  Status Insert(Store& store, const Document& doc) {
    const dedup::Signature sig = hasher_.Compute(doc.text);
    Result<int64_t> id = store.Insert(doc, sig, hasher_.BandKeys(sig));
    return id.status();
  }

  // Runs `sql` on a plain connection and returns the first column of the first row.
  std::string QueryRaw(const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
          sqlite3_step(stmt) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(stmt, 0);
        out = text != nullptr ? reinterpret_cast<const char*>(text) : "";
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
  }

  std::string path_;
  dedup::MinHasher hasher_;
};

TEST_F(SqliteStoreTest, DataSurvivesCloseAndReopen) {
  {
    ASSERT_OK_AND_ASSIGN(auto store, Open());
    ASSERT_OK(Insert(*store, MakeDoc("a", "회장이 만났다", 1)));
    ASSERT_OK(Insert(*store, MakeDoc("b", "Second story", 2)));
    ASSERT_OK(store->Flush());
    ASSERT_OK(Insert(*store, MakeDoc("c", "Third story, committed by the destructor", 3)));
  }
  ASSERT_OK_AND_ASSIGN(auto store, Open());
  ASSERT_OK_AND_ASSIGN(StoreStats stats, store->Stats());
  EXPECT_EQ(stats.documents, 3);
  ASSERT_OK_AND_ASSIGN(auto c, store->GetByExtId("c"));
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->text, "Third story, committed by the destructor");
  ASSERT_OK_AND_ASSIGN(auto hits, store->Search("회장", 5));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].ext_id, "a");
  const dedup::Signature sig = hasher_.Compute("Second story");
  ASSERT_OK_AND_ASSIGN(auto candidates, store->FindNearDupCandidates(hasher_.BandKeys(sig)));
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].signature, sig);
}

TEST_F(SqliteStoreTest, UsesWalAndVersionedSchema) {
  { ASSERT_OK_AND_ASSIGN(auto store, Open()); }
  EXPECT_EQ(QueryRaw("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryRaw("PRAGMA user_version"), "4");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM sqlite_master WHERE name IN "
                     "('documents', 'minhash', 'lsh_bands', 'docs_fts', 'extractions', "
                     "'meetings', 'meeting_participants', 'meeting_topics', 'trips', "
                     "'trip_people', 'trip_destinations')"),
            "11");
  // Reopening an up-to-date database migrates nothing and keeps it usable.
  ASSERT_OK_AND_ASSIGN(auto again, Open());
  ASSERT_OK(Insert(*again, MakeDoc("a", "text", 1)));
}

TEST_F(SqliteStoreTest, FailedInsertKeepsEarlierInsertsOfTheBatch) {
  ASSERT_OK_AND_ASSIGN(auto store, Open(/*batch_size=*/100));
  ASSERT_OK(Insert(*store, MakeDoc("a", "first", 10)));
  ASSERT_OK(Insert(*store, MakeDoc("b", "second", 11)));
  Status dup = Insert(*store, MakeDoc("c", "third document text", 10));  // raw_hash repeats
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists) << dup.ToString();
  ASSERT_OK(Insert(*store, MakeDoc("d", "fourth", 12)));
  ASSERT_OK(store->Flush());
  store.reset();

  ASSERT_OK_AND_ASSIGN(auto reopened, Open());
  ASSERT_OK_AND_ASSIGN(StoreStats stats, reopened->Stats());
  EXPECT_EQ(stats.documents, 3);
  ASSERT_OK_AND_ASSIGN(auto c, reopened->GetByExtId("c"));
  EXPECT_FALSE(c.has_value());
  ASSERT_OK_AND_ASSIGN(auto hits, reopened->Search("third", 5));
  EXPECT_TRUE(hits.empty());  // nothing of the failed document reached the index
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM minhash"), "3");
  EXPECT_EQ(QueryRaw("SELECT count(DISTINCT doc_id) FROM lsh_bands"), "3");
}

TEST_F(SqliteStoreTest, RejectsForeignFilesWithoutTouchingThem) {
  const std::string content = "this is a plain text file, not a database\n" + std::string(600, 'x');
  { std::ofstream(path_, std::ios::binary) << content; }
  Result<std::unique_ptr<Store>> store = Open();
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kCorrupt);
  EXPECT_NE(store.error().message().find("not a tiegraph database"), std::string::npos)
      << store.error().ToString();
  std::ifstream in(path_, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), content);
}

TEST_F(SqliteStoreTest, RejectsOtherSqliteDatabases) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE notes (x TEXT)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<Store>> store = Open();
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kCorrupt);
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM sqlite_master"), "1");
}

TEST_F(SqliteStoreTest, MissingDirectoryIsAnIOError) {
  SqliteOptions options;
  options.path = path_ + ".d/no/such/dir/tg.db";
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kIOError);
}

TEST_F(SqliteStoreTest, ReaderSeesCommittedDataWhileWriterHoldsABatch) {
  ASSERT_OK_AND_ASSIGN(auto writer, Open(/*batch_size=*/100));
  ASSERT_OK(Insert(*writer, MakeDoc("a", "committed story about chips", 1)));
  ASSERT_OK(writer->Flush());
  ASSERT_OK(Insert(*writer, MakeDoc("b", "uncommitted story about chips", 2)));  // open batch

  ASSERT_OK_AND_ASSIGN(auto reader, Open(100, /*read_only=*/true));
  ASSERT_OK_AND_ASSIGN(StoreStats seen, reader->Stats());
  EXPECT_EQ(seen.documents, 1);
  ASSERT_OK_AND_ASSIGN(auto hits, reader->Search("chips", 10));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].ext_id, "a");
  // The writer sees its own batch.
  ASSERT_OK_AND_ASSIGN(StoreStats own, writer->Stats());
  EXPECT_EQ(own.documents, 2);
  // A read-only store refuses writes.
  EXPECT_EQ(Insert(*reader, MakeDoc("x", "x", 9)).code(), StatusCode::kInvalidArgument);

  ASSERT_OK(writer->Flush());
  ASSERT_OK_AND_ASSIGN(StoreStats after, reader->Stats());
  EXPECT_EQ(after.documents, 2);
}

TEST_F(SqliteStoreTest, BatchesCommitAutomatically) {
  ASSERT_OK_AND_ASSIGN(auto writer, Open(/*batch_size=*/2));
  ASSERT_OK(Insert(*writer, MakeDoc("a", "one", 1)));
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM documents"), "0");
  ASSERT_OK(Insert(*writer, MakeDoc("b", "two", 2)));  // second insert commits the batch
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM documents"), "2");
  ASSERT_OK(Insert(*writer, MakeDoc("c", "three", 3)));
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM documents"), "2");
}

TEST_F(SqliteStoreTest, SnippetsComeFromTheFtsIndex) {
  ASSERT_OK_AND_ASSIGN(auto store, Open());
  ASSERT_OK(Insert(*store, MakeDoc("a", "SK하이닉스는 실리콘밸리에서 엔비디아와 회동했다.", 1)));
  ASSERT_OK_AND_ASSIGN(auto hits, store->Search("실리콘밸리", 5));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].snippet, "SK하이닉스는 [실리콘밸리에서] 엔비디아와 회동했다.");
  ASSERT_OK_AND_ASSIGN(auto by_name, store->Search("SK하이닉스", 5));
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0].snippet, "[SK하이닉스는] 실리콘밸리에서 엔비디아와 회동했다.");
  EXPECT_GT(by_name[0].score, 0);
}

TEST_F(SqliteStoreTest, BatchesCommitByTextSizeToo) {
  SqliteOptions options;
  options.path = path_;
  options.batch_size = 1000;
  options.batch_bytes = 40;  // text + title bytes
  ASSERT_OK_AND_ASSIGN(auto writer, OpenSqliteStore(options));
  ASSERT_OK(Insert(*writer, MakeDoc("a", "short", 1)));  // 5 + 7 bytes
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM documents"), "0");
  ASSERT_OK(Insert(*writer, MakeDoc("b", "a story long enough to pass the limit", 2)));
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM documents"), "2");
}

// Search entries of a batch are written at commit time; searches in between
// must still see every insert, and each document is indexed exactly once.
TEST_F(SqliteStoreTest, OpenBatchIsSearchableAndIndexedOnce) {
  {
    ASSERT_OK_AND_ASSIGN(auto store, Open(/*batch_size=*/3));
    for (int i = 0; i < 7; ++i) {
      const std::string id = "d" + std::to_string(i);
      ASSERT_OK(Insert(*store, MakeDoc(id, "memory chips story number w" + std::to_string(i),
                                       static_cast<uint64_t>(i + 1))));
      ASSERT_OK_AND_ASSIGN(auto hits, store->Search("chips", 100));
      EXPECT_EQ(hits.size(), static_cast<size_t>(i + 1)) << "after " << id;
      ASSERT_OK_AND_ASSIGN(auto own, store->Search("w" + std::to_string(i), 10));
      ASSERT_EQ(own.size(), 1u) << id;
      EXPECT_EQ(own[0].ext_id, id);
    }
    ASSERT_OK(store->Flush());
  }
  ASSERT_OK_AND_ASSIGN(auto reader, Open(100, /*read_only=*/true));
  ASSERT_OK_AND_ASSIGN(auto hits, reader->Search("chips", 100));
  EXPECT_EQ(hits.size(), 7u);
}

// A document's rows go in without a savepoint: when a row after the
// document's own fails (here a trigger refuses one of its LSH band rows), the
// rows written before it are deleted again, so nothing of that document
// remains, the batch goes on and the next document gets the unused id.
TEST_F(SqliteStoreTest, FailureAfterTheDocumentRowLeavesNoTraceOfIt) {
  const Document doomed = MakeDoc("b", "second story about the zebra crossing", 11);
  const dedup::Signature doomed_sig = hasher_.Compute(doomed.text);
  const std::vector<uint64_t> doomed_keys = hasher_.BandKeys(doomed_sig);
  {
    ASSERT_OK_AND_ASSIGN(auto store, Open());  // creates the schema
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    // The band key as SQLite stores it: the int64 with the same bits.
    const std::string trigger =
        "CREATE TRIGGER refuse_band BEFORE INSERT ON lsh_bands WHEN NEW.band_key = " +
        std::to_string(static_cast<int64_t>(doomed_keys[5])) +
        " BEGIN SELECT RAISE(ABORT, 'refused by test'); END";
    ASSERT_EQ(sqlite3_exec(db, trigger.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  ASSERT_OK_AND_ASSIGN(auto store, Open(/*batch_size=*/100));
  ASSERT_OK(Insert(*store, MakeDoc("a", "first story about the harbour", 10)));
  Result<int64_t> failed = store->Insert(doomed, doomed_sig, doomed_keys);
  ASSERT_FALSE(failed.has_value());
  EXPECT_NE(failed.error().message().find("refused by test"), std::string::npos)
      << failed.error().ToString();
  const Document after = MakeDoc("c", "third story about the airport", 12);
  const dedup::Signature after_sig = hasher_.Compute(after.text);
  ASSERT_OK_AND_ASSIGN(int64_t after_id, store->Insert(after, after_sig, hasher_.BandKeys(after_sig)));
  EXPECT_EQ(after_id, 2);
  ASSERT_OK(store->Flush());

  ASSERT_OK_AND_ASSIGN(StoreStats stats, store->Stats());
  EXPECT_EQ(stats.documents, 2);
  ASSERT_OK_AND_ASSIGN(auto b, store->GetByExtId("b"));
  EXPECT_FALSE(b.has_value());
  ASSERT_OK_AND_ASSIGN(auto zebra, store->Search("zebra", 10));
  EXPECT_TRUE(zebra.empty());
  ASSERT_OK_AND_ASSIGN(auto story, store->Search("story", 10));
  EXPECT_EQ(story.size(), 2u);
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM minhash"), "2");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM lsh_bands"), "32");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM lsh_bands WHERE doc_id NOT IN (SELECT id FROM documents)"),
            "0");
}

// Ids are assigned by the store before the row is written, so a leader's
// dup_group is its own id; a failed insert uses no id and leaves no search entry.
TEST_F(SqliteStoreTest, LeaderGroupIsItsOwnIdAndFailedInsertLeavesNoTrace) {
  ASSERT_OK_AND_ASSIGN(auto store, Open(/*batch_size=*/100));
  ASSERT_OK(Insert(*store, MakeDoc("a", "first unique story", 10)));
  ASSERT_OK(store->Flush());
  ASSERT_OK(Insert(*store, MakeDoc("b", "second unique story", 11)));
  EXPECT_EQ(Insert(*store, MakeDoc("c", "third zebra story", 10)).code(),
            StatusCode::kAlreadyExists);
  Document follower = MakeDoc("d", "fourth unique story", 12);
  follower.dup_group = 1;
  follower.dup_kind = DupKind::kNear;
  const dedup::Signature sig = hasher_.Compute(follower.text);
  ASSERT_OK_AND_ASSIGN(int64_t d_id, store->Insert(follower, sig, hasher_.BandKeys(sig)));
  EXPECT_EQ(d_id, 3);
  ASSERT_OK(store->Flush());

  ASSERT_OK_AND_ASSIGN(auto b, store->GetByExtId("b"));
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->id, 2);
  EXPECT_EQ(b->dup_group, 2);
  ASSERT_OK_AND_ASSIGN(auto d, store->Get(3));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->dup_group, 1);
  EXPECT_EQ(d->ingested_at.size(), 20u) << d->ingested_at;  // 2024-03-05T09:30:00Z
  ASSERT_OK_AND_ASSIGN(auto zebra, store->Search("zebra", 10));
  EXPECT_TRUE(zebra.empty());
  ASSERT_OK_AND_ASSIGN(auto unique, store->Search("unique", 10));
  EXPECT_EQ(unique.size(), 3u);
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM lsh_bands WHERE doc_id NOT IN (SELECT id FROM documents)"),
            "0");
}

// Migration 2 recomputes signatures stored by older builds (another MinHash
// scheme) and their LSH bands from the stored text; migration 3 follows.
// A store opened on a fresh database answers most duplicate lookups from
// in-memory filters of what it inserted; documents another connection
// stores (before or during its batches) must still be found.
TEST_F(SqliteStoreTest, DuplicateLookupsSeeDocumentsOtherConnectionsStore) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> first, Open());
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> second, Open());
  const Document own = MakeDoc("own", "Lisel Varga of Tarn Works met Odo Pell in Mokpo.", 11);
  const Document other =
      MakeDoc("other", "Brann Ecker of Silt Bank visited the Gwangyang harbour on Friday.", 22);
  const Document late =
      MakeDoc("late", "Yuna Marr of Pell Logistics toured a Daejeon battery line today.", 33);
  EXPECT_OK(Insert(*first, own));
  EXPECT_OK(first->Flush());
  EXPECT_OK(Insert(*second, other));
  EXPECT_OK(second->Flush());
  const auto expect_found = [&](const Document& doc) {
    ASSERT_OK_AND_ASSIGN(std::optional<DocRef> raw, first->FindByRawHash(doc.raw_hash));
    EXPECT_TRUE(raw.has_value()) << doc.ext_id;
    ASSERT_OK_AND_ASSIGN(std::optional<DocRef> text, first->FindByTextHash(doc.text_hash));
    EXPECT_TRUE(text.has_value()) << doc.ext_id;
    const dedup::Signature sig = hasher_.Compute(doc.text);
    ASSERT_OK_AND_ASSIGN(std::vector<NearDupCandidate> near,
                         first->FindNearDupCandidates(hasher_.BandKeys(sig)));
    EXPECT_EQ(near.size(), 1u) << doc.ext_id;
  };
  expect_found(own);
  expect_found(other);
  // After the other connection's commit, `first` writes again, then the
  // other connection slips in a document between two of its batches.
  const Document mine = MakeDoc("mine", "Cato Rusk of Ferrow Steel signed a deal in Pohang.", 44);
  EXPECT_OK(Insert(*first, mine));
  EXPECT_OK(first->Flush());
  EXPECT_OK(Insert(*second, late));
  EXPECT_OK(second->Flush());
  expect_found(mine);
  expect_found(late);
  ASSERT_OK_AND_ASSIGN(std::optional<DocRef> none, first->FindByRawHash(99));
  EXPECT_FALSE(none.has_value());
}

TEST_F(SqliteStoreTest, MigrationTwoRecomputesOldSignatures) {
  const std::string text = "Samsung and Nvidia agreed on a memory chip supply deal in Seoul.";
  {
    ASSERT_OK_AND_ASSIGN(auto store, Open());
    ASSERT_OK(Insert(*store, MakeDoc("a", text, 1)));
    ASSERT_OK(store->Flush());
  }
  {
    // Make it look like a version-1 file written by an older build.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           (std::string(kDropEventTables) +
                            "UPDATE minhash SET signature = zeroblob(512); DELETE FROM lsh_bands; "
                            "PRAGMA user_version = 1")
                               .c_str(),
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  ASSERT_OK_AND_ASSIGN(auto store, Open());
  EXPECT_EQ(QueryRaw("PRAGMA user_version"), "4");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM lsh_bands"), "16");
  const dedup::Signature sig = hasher_.Compute(text);
  ASSERT_OK_AND_ASSIGN(auto candidates, store->FindNearDupCandidates(hasher_.BandKeys(sig)));
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].signature, sig);
}

// One meeting between two people and one trip, over `text`'s first line.
StoredEvents SmallEvents(const std::string& text) {
  const auto line_end = static_cast<uint32_t>(text.find('\n'));
  StoredEvents events;
  StoredMeeting m;
  EventPerson a;
  a.name = "Ansel Krey";
  EventPerson b;
  b.name = "마서윤";
  b.kb_id = "ma-seo-yun";
  m.participants = {a, b};
  m.status = "occurred";
  m.topics = {"batteries"};
  m.evidence_end = line_end;
  m.confidence = 0.5;
  events.meetings.push_back(m);
  StoredTrip t;
  t.traveler = a;
  t.companions = {b};
  t.destinations = {{"Gwangyang", ""}};
  t.status = "planned";
  t.evidence_end = line_end;
  events.trips.push_back(t);
  return events;
}

// Events live in their own tables, are committed with the batch, survive a
// reopen (read-only too), and a replacement leaves no orphan rows behind.
TEST_F(SqliteStoreTest, EventsAreCommittedAndReplacedWithoutOrphans) {
  const std::string text = "Ansel Krey met 마서윤 in Gwangyang.\nThey toured a cathode plant.";
  {
    ASSERT_OK_AND_ASSIGN(auto store, Open(/*batch_size=*/100));
    ASSERT_OK(Insert(*store, MakeDoc("a", text, 1)));
    ASSERT_OK_AND_ASSIGN(auto doc, store->GetByExtId("a"));
    ASSERT_TRUE(doc.has_value());
    ASSERT_OK(store->PutEvents(doc->id, SmallEvents(text)));
    EXPECT_EQ(QueryRaw("SELECT count(*) FROM meetings"), "0");  // not committed yet
    ASSERT_OK(store->Flush());
    EXPECT_EQ(QueryRaw("SELECT count(*) FROM meetings"), "1");
    EXPECT_EQ(QueryRaw("SELECT group_concat(name, '|') FROM meeting_participants"),
              "Ansel Krey|마서윤");
    EXPECT_EQ(QueryRaw("SELECT group_concat(role || ':' || name, '|') FROM trip_people"),
              "traveler:Ansel Krey|companion:마서윤");
    EXPECT_EQ(QueryRaw("SELECT meetings || '/' || trips FROM extractions"), "1/1");
    // Replacing the events deletes the old rows through the cascades.
    StoredEvents one_trip = SmallEvents(text);
    one_trip.meetings.clear();
    ASSERT_OK(store->PutEvents(doc->id, one_trip));
    ASSERT_OK(store->Flush());
  }
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM meetings"), "0");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM meeting_participants"), "0");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM meeting_topics"), "0");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM trips"), "1");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM trip_people"), "2");
  EXPECT_EQ(QueryRaw("SELECT count(*) FROM trip_destinations"), "1");
  ASSERT_OK_AND_ASSIGN(auto reader, Open(100, /*read_only=*/true));
  ASSERT_OK_AND_ASSIGN(auto events, reader->GetEvents(1));
  ASSERT_TRUE(events.has_value());
  EXPECT_TRUE(events->meetings.empty());
  ASSERT_EQ(events->trips.size(), 1u);
  EXPECT_EQ(events->trips[0].evidence, "Ansel Krey met 마서윤 in Gwangyang.");
  EXPECT_EQ(events->trips[0].companions[0].kb_id, "ma-seo-yun");
  // A read-only store refuses to write events.
  EXPECT_EQ(reader->PutEvents(1, SmallEvents(text)).code(), StatusCode::kInvalidArgument);
}

// Migration 3 adds the event tables to a version-2 database and keeps its documents.
TEST_F(SqliteStoreTest, MigrationThreeAddsEventTablesToAVersionTwoFile) {
  const std::string text = "Ansel Krey met 마서윤 in Gwangyang.\nThey toured a cathode plant.";
  {
    ASSERT_OK_AND_ASSIGN(auto store, Open());
    ASSERT_OK(Insert(*store, MakeDoc("a", text, 1)));
    ASSERT_OK(Insert(*store, MakeDoc("b", "A second story about ports.", 2)));
    ASSERT_OK(store->Flush());
  }
  {
    // Make it the file a version-2 build wrote: no event tables.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           (std::string(kDropEventTables) + "PRAGMA user_version = 2").c_str(),
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  // A reader cannot migrate; it asks for one writable open.
  Result<std::unique_ptr<Store>> reader = Open(100, /*read_only=*/true);
  ASSERT_FALSE(reader.has_value());
  EXPECT_EQ(reader.error().code(), StatusCode::kCorrupt);
  EXPECT_NE(reader.error().message().find("schema version 2"), std::string::npos)
      << reader.error().ToString();

  ASSERT_OK_AND_ASSIGN(auto store, Open());
  EXPECT_EQ(QueryRaw("PRAGMA user_version"), "4");
  ASSERT_OK_AND_ASSIGN(StoreStats stats, store->Stats());
  EXPECT_EQ(stats.documents, 2);
  ASSERT_OK_AND_ASSIGN(auto hits, store->Search("cathode", 5));
  ASSERT_EQ(hits.size(), 1u);
  // Documents stored before the migration have no events until extraction runs.
  ASSERT_OK_AND_ASSIGN(auto none, store->GetEvents(1));
  EXPECT_FALSE(none.has_value());
  ASSERT_OK(store->PutEvents(1, SmallEvents(text)));
  ASSERT_OK(store->Flush());
  ASSERT_OK_AND_ASSIGN(auto events, store->GetEvents(1));
  ASSERT_TRUE(events.has_value());
  EXPECT_EQ(events->meetings.size(), 1u);
  EXPECT_EQ(events->meetings[0].participants[1].name, "마서윤");
}


// A version-3 file (events, no graph) gains the graph tables; its documents
// and events stay and a graph can be put at once.
TEST_F(SqliteStoreTest, MigrationFourAddsGraphTablesToAVersionThreeFile) {
  const std::string text = "Ansel Krey met 마서윤 in Gwangyang.\nThey toured a cathode plant.";
  {
    ASSERT_OK_AND_ASSIGN(auto store, Open());
    ASSERT_OK(Insert(*store, MakeDoc("a", text, 1)));
    ASSERT_OK(store->PutEvents(1, SmallEvents(text)));
    ASSERT_OK(store->Flush());
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, (std::string(kDropGraphTables) + "PRAGMA user_version = 3").c_str(),
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  ASSERT_OK_AND_ASSIGN(auto store, Open());
  EXPECT_EQ(QueryRaw("PRAGMA user_version"), "4");
  ASSERT_OK_AND_ASSIGN(auto records, store->ListExtractions(0));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].events.meetings.size(), 1u);
  ASSERT_OK_AND_ASSIGN(Graph empty, store->GetGraph());
  EXPECT_TRUE(empty.entities.empty());
  Graph g;
  g.entities.push_back({});
  g.entities[0].id = 1;
  g.entities[0].key = "name:anselkrey";
  g.entities[0].name = "Ansel Krey";
  ASSERT_OK(store->PutGraph(g));
  ASSERT_OK_AND_ASSIGN(Graph got, store->GetGraph());
  EXPECT_TRUE(got == g);
}

}  // namespace
}  // namespace tg::store
