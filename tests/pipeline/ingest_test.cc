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
    if (GetParam()) {
      store::SqliteOptions options;
      options.path = (dir_ / "test.db").string();
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

INSTANTIATE_TEST_SUITE_P(Backends, IngestPipelineTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Sqlite" : "Memory"; });

}  // namespace
}  // namespace tg::pipeline
