// Regression floors for meeting extraction on the dev corpus: runs the real
// binary through ../shared/eval/run-dev.sh (the scorer the issue names) and
// checks the summary and the five seed pages. Floors sit a little under the
// figures reached (docs/extract.md has them); a drop below one fails.
#include <array>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing/paths.h"

namespace tg {
namespace {

namespace fs = std::filesystem;

struct DevScore {
  nlohmann::json summary;
  std::map<std::string, std::array<int, 3>> per_doc;  // id -> tp, fp, fn, for documents with errors
  std::string output;
};

// Runs the scorer in verbose mode: per-document lines, then the JSON summary last.
DevScore RunDevScoring(const std::string& gold_dir = "") {
  DevScore score;
  const fs::path script = testing::SharedDir() / "eval" / "run-dev.sh";
  // EVENTS=1: the script also ingests the pages and scores `tiegraph events`.
  const std::string command = "cd '" + testing::SourceDir().string() + "' && EVENTS=1 TIEGRAPH='" +
                              std::string(TG_BINARY) + "' '" + script.string() + "' " +
                              (gold_dir.empty() ? "" : "'" + gold_dir + "' ") + "-v 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return score;
  std::array<char, 4096> buffer;
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) score.output += buffer.data();
  pclose(pipe);
  std::istringstream lines(score.output);
  std::string line, last_json;
  while (std::getline(lines, line)) {
    if (!line.empty() && line[0] == '{') last_json = line;
    int tp = 0, fp = 0, fn = 0;
    char id[64];
    if (std::sscanf(line.c_str(), "%63[^:]: tp=%d fp=%d fn=%d", id, &tp, &fp, &fn) == 4) {
      score.per_doc[id] = {tp, fp, fn};
    }
  }
  if (!last_json.empty()) score.summary = nlohmann::json::parse(last_json, nullptr, false);
  return score;
}

class DevMeetingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (fs::exists(testing::DevCorpusDir() / "gold.jsonl")) score_ = new DevScore(RunDevScoring());
  }
  static void TearDownTestSuite() {
    delete score_;
    score_ = nullptr;
  }
  void SetUp() override {
    if (score_ == nullptr) GTEST_SKIP() << "no dev corpus at " << testing::DevCorpusDir();
    ASSERT_TRUE(score_->summary.is_object()) << score_->output;
  }
  double Get(const char* key) const { return score_->summary.value(key, 0.0); }
  static DevScore* score_;
};

DevScore* DevMeetingsTest::score_ = nullptr;

TEST_F(DevMeetingsTest, EveryDocumentIsExtracted) {
  EXPECT_EQ(score_->summary.value("missing_docs", -1), 0) << score_->output;
  EXPECT_EQ(score_->summary.value("docs", 0), 41);
}

TEST_F(DevMeetingsTest, PairF1StaysAboveFloorsOverallAndPerLanguage) {
  // Reached 1.000 (session 6; 0.991 before).
  EXPECT_GE(Get("pair_f1"), 0.97) << score_->output;
  EXPECT_GE(Get("pair_precision"), 0.96);
  EXPECT_GE(Get("pair_recall"), 0.97);
  EXPECT_GE(Get("en_pair_f1"), 0.97);
  EXPECT_GE(Get("ko_pair_f1"), 0.97);
}

// Cross-document events (issue #5): pairwise clustering of gold meeting
// mentions across pages; reached 0.940 (P 0.973, R 0.910).
TEST_F(DevMeetingsTest, CrossDocumentEventF1StaysAboveFloor) {
  EXPECT_GE(Get("event_pair_f1"), 0.90) << score_->output;
  EXPECT_GE(Get("event_pair_precision"), 0.93);
  EXPECT_GE(Get("event_pair_recall"), 0.86);
  EXPECT_GE(Get("event_mentions_matched"), 150);
}

TEST_F(DevMeetingsTest, DatePlaceAndStatusStayAboveFloors) {
  EXPECT_GE(Get("date_acc"), 0.93) << score_->output;
  EXPECT_GE(Get("place_acc"), 0.84);
  EXPECT_GE(Get("status_acc"), 0.97);
}

TEST_F(DevMeetingsTest, EveryPairOfTheSeedPagesIsRight) {
  // The scorer lists a document only when it has an extra or a missing pair.
  for (const char* seed : {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"}) {
    auto it = score_->per_doc.find(seed);
    if (it == score_->per_doc.end()) continue;
    ADD_FAILURE() << seed << ": tp=" << it->second[0] << " fp=" << it->second[1]
                  << " fn=" << it->second[2] << "\n" << score_->output;
  }
}

// The project's own blind sets (tests/corpus/blind*): original pages written
// by people who had not read the extractor, scored the same way. Sets 1-9 have
// since been read to find faults; sets 10-13 are kept unread and only scored
// (10 and 11: 0.700 and 0.652 when written, then used to accept or reject
// rules; 12 and 13: 0.737 and 0.747 with the binary of the session that wrote
// them, scored once more at its end), as the honest estimate for unseen
// pages. Floors a little under what each reaches.
TEST(BlindSetsTest, PairF1StaysAboveFloors) {
  if (!fs::exists(testing::SharedDir() / "eval" / "run-dev.sh")) {
    GTEST_SKIP() << "no scorer at " << testing::SharedDir();
  }
  const fs::path corpus = testing::SourceDir() / "tests" / "corpus";
  const std::pair<const char*, double> floors[] = {
      {"blind", 0.92}, {"blind2", 0.77}, {"blind3", 0.77}, {"blind4", 0.78},
      {"blind5", 0.82}, {"blind6", 0.90}, {"blind7", 0.80}, {"blind8", 0.74},
      {"blind9", 0.87}, {"blind10", 0.77}, {"blind11", 0.75},
      {"blind12", 0.71}, {"blind13", 0.88}};
  for (const auto& [set, floor] : floors) {
    const DevScore score = RunDevScoring((corpus / set).string());
    ASSERT_TRUE(score.summary.is_object()) << set << "\n" << score.output;
    EXPECT_GE(score.summary.value("pair_f1", 0.0), floor) << set << "\n" << score.output;
    EXPECT_EQ(score.summary.value("missing_docs", -1), 0) << set;
  }
}

}  // namespace
}  // namespace tg
