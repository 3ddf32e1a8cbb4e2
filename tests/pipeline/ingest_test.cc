#include "pipeline/ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/entities.h"
#include "pipeline/events.h"
#include "store/memory_store.h"
#include "store/sqlite_store.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::pipeline {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A made-up story of `paragraphs` paragraphs; `variant` changes the names and
// numbers so different variants are different stories.
std::string Story(int variant, int paragraphs = 6) {
  static const char* kPeople[] = {"Arden Vale", "Brisa Moon", "Corin Hale", "Dara Finch",
                                  "Edda Rook", "Faro Quill"};
  static const char* kFirms[] = {"Tellurian Motors", "Quarry Bank", "Halcyon Chips",
                                 "Nimbus Freight", "Orchard Robotics", "Vesper Energy"};
  const std::string a = kPeople[variant % 6], b = kPeople[(variant + 1) % 6];
  const std::string fa = kFirms[variant % 6], fb = kFirms[(variant + 3) % 6];
  std::string text = a + " of " + fa + " meets " + b + " in Busan\n";
  for (int p = 0; p < paragraphs; ++p) {
    text += fa + " chief executive " + a + " met " + fb + " chair " + b +
            " on Tuesday to discuss a supply deal worth " + std::to_string(100 + variant * 7 + p) +
            " million dollars, the companies said in statement number " + std::to_string(p) +
            ". The talks in paragraph " + std::to_string(p) + " covered batteries, chips and " +
            "shipping routes across the Pacific, and both sides expect to meet again soon.\n";
  }
  return text;
}

class IngestPipelineTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    dir_ = tg::testing::MakeTempDir("tg-pipeline");
    OpenStore("test.db");
  }
  // A fresh store of the backend under test (SQLite in `file` inside dir_).
  void OpenStore(const std::string& file) {
    if (GetParam()) {
      store::SqliteOptions options;
      options.path = (dir_ / file).string();
      ASSERT_OK_AND_ASSIGN(store_, store::OpenSqliteStore(options));
    } else {
      store_ = store::NewMemoryStore();
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  IngestSummary Ingest(const std::vector<std::string>& paths, IngestOptions options = {}) {
    IngestPipeline pipeline(store_.get(), std::move(options));
    Result<IngestSummary> summary = pipeline.Run(paths);
    EXPECT_TRUE(summary.has_value()) << summary.error().ToString();
    return summary.has_value() ? *summary : IngestSummary{};
  }

  fs::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_P(IngestPipelineTest, ReingestingTheSameContentAddsNothing) {
  for (int i = 0; i < 4; ++i) WriteFile(dir_ / "in" / ("s" + std::to_string(i) + ".txt"), Story(i));
  const IngestSummary first = Ingest({(dir_ / "in").string()});
  EXPECT_EQ(first.read, 4);
  EXPECT_EQ(first.stored, 4);
  EXPECT_EQ(first.rejected, 0);
  const IngestSummary second = Ingest({(dir_ / "in").string()});
  EXPECT_EQ(second.read, 4);
  EXPECT_EQ(second.stored, 0);
  EXPECT_EQ(second.already_stored, 4);
  ASSERT_OK_AND_ASSIGN(store::StoreStats stats, store_->Stats());
  EXPECT_EQ(stats.documents, 4);
}

TEST_P(IngestPipelineTest, GroupsExactAndNearDuplicatesUnderTheirFirstCopy) {
  const std::string story = Story(1, 8);
  WriteFile(dir_ / "in" / "a.txt", story);
  // Same text, different spacing and case: an exact duplicate after normalisation.
  std::string spaced = story;
  for (char& c : spaced) {
    if (c == ' ') c = '\t';
  }
  WriteFile(dir_ / "in" / "b.txt", "\n" + spaced + "\n\n");
  // Syndicated copy: a different headline, one paragraph dropped, one word changed.
  std::string edited = story;
  edited.replace(0, edited.find('\n'), "Wire: two firms talk supply in Busan");
  edited = edited.substr(0, edited.rfind('\n', edited.size() - 2) + 1);
  const size_t at = edited.find("batteries");
  edited.replace(at, 9, "cells");
  WriteFile(dir_ / "in" / "c.txt", edited);
  WriteFile(dir_ / "in" / "d.txt", Story(4, 8));  // a different story

  const IngestSummary summary = Ingest({(dir_ / "in").string()});
  EXPECT_EQ(summary.stored, 4);
  EXPECT_EQ(summary.exact_duplicates, 1);
  EXPECT_EQ(summary.near_duplicates, 1);
  ASSERT_OK_AND_ASSIGN(std::optional<Document> a, store_->GetByExtId("a"));
  ASSERT_OK_AND_ASSIGN(std::optional<Document> b, store_->GetByExtId("b"));
  ASSERT_OK_AND_ASSIGN(std::optional<Document> c, store_->GetByExtId("c"));
  ASSERT_OK_AND_ASSIGN(std::optional<Document> d, store_->GetByExtId("d"));
  ASSERT_TRUE(a && b && c && d);
  EXPECT_EQ(a->dup_group, a->id);
  EXPECT_EQ(b->dup_group, a->id);
  EXPECT_EQ(b->dup_kind, DupKind::kExact);
  EXPECT_EQ(c->dup_group, a->id);
  EXPECT_EQ(c->dup_kind, DupKind::kNear);
  EXPECT_GE(c->dup_similarity, 0.5);
  EXPECT_EQ(d->dup_group, d->id);
  store::DocFilter leaders;
  leaders.leaders_only = true;
  ASSERT_OK_AND_ASSIGN(std::vector<store::DocSummary> listed, store_->List(leaders));
  EXPECT_EQ(listed.size(), 2u);  // later stages see each story once
}

TEST_P(IngestPipelineTest, BadInputsAreRejectedByNameAndTheBatchGoesOn) {
  WriteFile(dir_ / "in" / "01-good.txt", Story(0));
  WriteFile(dir_ / "in" / "02-binary.txt", std::string("\x00\x01\x02\xff\xfe garbage \x00\x00", 16));
  WriteFile(dir_ / "in" / "03-bad.jsonl",
            "{\"id\": \"j1\", \"title\": \"t\", \"text\": \"" + std::string("Hello from Busan. ") +
                "\"}\nthis is not json\n{\"id\": \"j3\", \"text\": \"Another story from Daegu.\"}\n");
  WriteFile(dir_ / "in" / "04-empty.html", "");
  WriteFile(dir_ / "in" / "05-good.txt", Story(2));
  const IngestSummary summary =
      Ingest({(dir_ / "in").string(), (dir_ / "missing.txt").string()});
  EXPECT_EQ(summary.stored, 4);  // two .txt and two JSONL lines
  EXPECT_GE(summary.rejected, 4);  // binary, bad JSONL line, empty page, missing file
  bool named_missing = false, named_line = false;
  for (const Rejection& r : summary.rejections) {
    EXPECT_FALSE(r.reason.empty());
    EXPECT_EQ(r.reason.find('\n'), std::string::npos) << r.reason;
    if (r.input.find("missing.txt") != std::string::npos) named_missing = true;
    if (r.input.find("03-bad.jsonl") != std::string::npos) named_line = true;
  }
  EXPECT_TRUE(named_missing);
  EXPECT_TRUE(named_line);
}

// Every new story (group leader) goes through extraction and its events are
// stored exactly as ExtractDocument + ToStoredEvents give them for the stored
// text, whatever the extractor finds; duplicates get none of their own.
TEST_P(IngestPipelineTest, StoresTheEventsOfEachNewStory) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<extract::EntityExtractor> extractor,
                       extract::EntityExtractor::Create());
  const std::string story = Story(0, 3);
  WriteFile(dir_ / "in" / "a.txt", story);
  WriteFile(dir_ / "in" / "b.txt", "\n\n" + story + "\n");  // exact duplicate of a
  WriteFile(dir_ / "in" / "c.txt", Story(3, 2));
  WriteFile(dir_ / "in" / "d.jsonl",
            "{\"id\": \"k1\", \"lang\": \"ko\", \"published\": \"2026-05-12\", \"text\": "
            "\"세린전자 하도윤 대표가 지난 11일 대전에서 미라벨 바이오 오스틴 크레인 CEO와 만났다.\"}\n");
  IngestOptions options;
  options.extractor = extractor.get();
  const IngestSummary summary = Ingest({(dir_ / "in").string()}, std::move(options));
  EXPECT_EQ(summary.stored, 4);
  EXPECT_EQ(summary.exact_duplicates, 1);
  EXPECT_EQ(summary.extracted, 3);

  int64_t meetings = 0, trips = 0;
  for (const std::string ext_id : {"a", "c", "k1"}) {
    ASSERT_OK_AND_ASSIGN(std::optional<Document> doc, store_->GetByExtId(ext_id));
    ASSERT_TRUE(doc.has_value()) << ext_id;
    ASSERT_OK_AND_ASSIGN(std::optional<store::StoredEvents> events, store_->GetEvents(doc->id));
    ASSERT_TRUE(events.has_value()) << ext_id;
    const DocumentExtraction again = ExtractDocument(*extractor, doc->text, doc->meta);
    EXPECT_TRUE(*events == ToStoredEvents(doc->text, again.entities, again.events)) << ext_id;
    meetings += static_cast<int64_t>(events->meetings.size());
    trips += static_cast<int64_t>(events->trips.size());
  }
  EXPECT_EQ(summary.meetings, meetings);
  EXPECT_EQ(summary.trips, trips);
  ASSERT_OK_AND_ASSIGN(std::optional<Document> copy, store_->GetByExtId("b"));
  ASSERT_TRUE(copy.has_value());
  ASSERT_OK_AND_ASSIGN(std::optional<store::StoredEvents> none, store_->GetEvents(copy->id));
  EXPECT_FALSE(none.has_value());
}

TEST_P(IngestPipelineTest, WithoutAnExtractorNothingIsExtracted) {
  WriteFile(dir_ / "in" / "a.txt", Story(2, 2));
  const IngestSummary summary = Ingest({(dir_ / "in").string()});
  EXPECT_EQ(summary.stored, 1);
  EXPECT_EQ(summary.extracted, 0);
  EXPECT_EQ(summary.meetings, 0);
  ASSERT_OK_AND_ASSIGN(std::optional<store::StoredEvents> none, store_->GetEvents(1));
  EXPECT_FALSE(none.has_value());
}

// A pipelined run (reading and cleaning on a second thread) stores exactly
// what the one-thread run stores: same documents, ids, groups and clean text
// (the cleaner's cross-page line statistics see the same pages in the same
// order), same counts and rejections in the same order. The batch has site
// furniture repeated across pages, byte-identical copies (cleaned once),
// copies of a rejected page (cleaned each time), exact and near duplicates.
TEST_P(IngestPipelineTest, PipelinedRunStoresWhatTheOneThreadRunStores) {
  const std::string furniture = "Home | Markets | Tech | Opinion\nSubscribe to the morning brief\n";
  for (int i = 0; i < 30; ++i) {
    const std::string name = (i < 10 ? "0" : "") + std::to_string(i);
    std::string page = furniture + Story(i % 7, 3 + i % 4);
    if (i % 5 == 3) page += "Related: " + Story(i + 1, 1);
    WriteFile(dir_ / "in" / ("p" + name + ".txt"), page);
    if (i % 6 == 1) WriteFile(dir_ / "in" / ("p" + name + "-copy.txt"), page);  // same bytes
    if (i % 9 == 2) WriteFile(dir_ / "in" / ("p" + name + "-empty.html"), "<p> </p>");
  }
  WriteFile(dir_ / "in" / "feed.jsonl",
            "{\"id\": \"f1\", \"text\": \"" + std::string("Short note from Ulsan.") +
                "\"}\nnot json\n{\"id\": \"f1b\", \"text\": \"Short note from Ulsan.\"}\n");

  std::vector<IngestSummary> summaries;
  std::vector<std::vector<Document>> stored;
  for (const bool pipelined : {false, true}) {
    if (pipelined) OpenStore("pipelined.db");
    if (HasFatalFailure()) return;
    IngestOptions options;
    options.pipelined = pipelined;
    summaries.push_back(Ingest({(dir_ / "in").string()}, std::move(options)));
    std::vector<Document> docs;
    for (int64_t id = 1;; ++id) {
      ASSERT_OK_AND_ASSIGN(std::optional<Document> doc, store_->Get(id));
      if (!doc.has_value()) break;
      docs.push_back(std::move(*doc));
    }
    stored.push_back(std::move(docs));
  }
  const IngestSummary& one = summaries[0];
  const IngestSummary& two = summaries[1];
  EXPECT_GT(one.already_stored, 0);
  EXPECT_GT(one.exact_duplicates, 0);
  EXPECT_GT(one.near_duplicates, 0);
  EXPECT_GT(one.rejected, 0);
  EXPECT_EQ(two.read, one.read);
  EXPECT_EQ(two.bytes, one.bytes);
  EXPECT_EQ(two.stored, one.stored);
  EXPECT_EQ(two.already_stored, one.already_stored);
  EXPECT_EQ(two.exact_duplicates, one.exact_duplicates);
  EXPECT_EQ(two.near_duplicates, one.near_duplicates);
  ASSERT_EQ(two.rejections.size(), one.rejections.size());
  for (size_t i = 0; i < one.rejections.size(); ++i) {
    EXPECT_EQ(two.rejections[i].input, one.rejections[i].input);
    EXPECT_EQ(two.rejections[i].reason, one.rejections[i].reason);
  }
  ASSERT_EQ(stored[1].size(), stored[0].size());
  EXPECT_EQ(static_cast<int64_t>(stored[0].size()), one.stored);
  for (size_t i = 0; i < stored[0].size(); ++i) {
    const Document& a = stored[0][i];
    const Document& b = stored[1][i];
    EXPECT_EQ(b.ext_id, a.ext_id);
    EXPECT_EQ(b.text, a.text) << a.ext_id;
    EXPECT_EQ(b.text_hash, a.text_hash) << a.ext_id;
    EXPECT_EQ(b.raw_hash, a.raw_hash) << a.ext_id;
    EXPECT_EQ(b.dup_group, a.dup_group) << a.ext_id;
    EXPECT_EQ(b.dup_kind, a.dup_kind) << a.ext_id;
    EXPECT_EQ(b.dup_similarity, a.dup_similarity) << a.ext_id;
    EXPECT_EQ(b.meta.title, a.meta.title) << a.ext_id;
    EXPECT_EQ(b.meta.lang, a.meta.lang) << a.ext_id;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestPipelineTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Sqlite" : "Memory"; });

}  // namespace
}  // namespace tg::pipeline
