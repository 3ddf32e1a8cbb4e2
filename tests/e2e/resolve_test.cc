// `ingest` resolves across documents; `events`, `entities --db` and
// `resolve --report` show the result. Run on the bundled examples, which hold
// English and Korean reports of the same (fictional) meetings.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace tg {
namespace {

class ResolveCliTest : public CliTest {
 protected:
  fs::path Pages() { return testing::SourceDir() / "examples" / "pages"; }

  std::vector<std::string> PagesStartingWith(const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(Pages())) {
      if (entry.path().filename().string().rfind(prefix, 0) == 0) out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  CmdResult Ingest(const std::string& db, std::vector<std::string> paths) {
    std::vector<std::string> args = {"ingest", "--db", db, "--no-progress"};
    args.insert(args.end(), paths.begin(), paths.end());
    return Tiegraph(args);
  }
};

TEST_F(ResolveCliTest, IngestingInTwoBatchesGivesTheGraphOfOneBatch) {
  const std::string once = (dir_ / "once.db").string();
  const std::string twice = (dir_ / "twice.db").string();
  CmdResult all = Ingest(once, {Pages().string()});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("graph"), std::string::npos) << all.out;
  CmdResult first = Ingest(twice, PagesStartingWith("ko-"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  CmdResult second = Ingest(twice, PagesStartingWith("en-"));
  ASSERT_EQ(second.exit_code, 0) << second.err;

  for (const std::vector<std::string>& verb :
       {std::vector<std::string>{"events", "--format", "jsonl"},
        std::vector<std::string>{"entities", "--format", "jsonl"}}) {
    std::vector<std::string> a = verb, b = verb;
    a.insert(a.begin() + 1, {"--db", once});
    b.insert(b.begin() + 1, {"--db", twice});
    CmdResult ra = Tiegraph(a);
    CmdResult rb = Tiegraph(b);
    ASSERT_EQ(ra.exit_code, 0) << ra.err;
    ASSERT_EQ(rb.exit_code, 0) << rb.err;
    EXPECT_FALSE(ra.out.empty());
    EXPECT_EQ(ra.out, rb.out) << verb[0];
  }
}

TEST_F(ResolveCliTest, EnglishAndKoreanReportsOfAMeetingAreOneEvent) {
  ASSERT_EQ(Ingest(db_, {Pages().string()}).exit_code, 0);
  CmdResult events = Tiegraph({"events", "--db", db_, "--format", "jsonl", "--kind", "meeting"});
  ASSERT_EQ(events.exit_code, 0) << events.err;
  int bilingual = 0;
  for (const nlohmann::json& ev : JsonLines(events.out)) {
    ASSERT_TRUE(ev.contains("participants") && ev.contains("docs") && ev.contains("evidence"));
    EXPECT_GE(ev["participants"].size(), 2u);
    EXPECT_EQ(ev["evidence"].size() > 0, true);
    bool en = false, ko = false;
    for (const auto& d : ev["docs"]) {
      en = en || d.get<std::string>().rfind("en-", 0) == 0;
      ko = ko || d.get<std::string>().rfind("ko-", 0) == 0;
    }
    bilingual += en && ko;
  }
  EXPECT_GE(bilingual, 2) << events.out;

  CmdResult report = Tiegraph({"resolve", "--db", db_, "--report", "--format", "jsonl"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  int across = 0;
  for (const nlohmann::json& n : JsonLines(report.out)) {
    across += n["kind"] == "merge" && n["reason"].get<std::string>().rfind("across scripts", 0) == 0;
  }
  EXPECT_GE(across, 2) << report.out;

  CmdResult people = Tiegraph({"entities", "--db", db_, "--type", "PERSON", "--format", "jsonl"});
  ASSERT_EQ(people.exit_code, 0) << people.err;
  int both_scripts = 0;
  for (const nlohmann::json& e : JsonLines(people.out)) {
    both_scripts += !e["name_en"].is_null() && !e["name_ko"].is_null() && e["docs"].get<int>() >= 2;
  }
  EXPECT_GE(both_scripts, 2) << people.out;
}

TEST_F(ResolveCliTest, EventsOfADatabaseWithoutGraphIsEmptyAndBadKindIsUsageError) {
  ASSERT_EQ(Tiegraph({"ingest", "--db", db_, "--no-progress", "--no-resolve", Pages().string()}).exit_code, 0);
  CmdResult none = Tiegraph({"events", "--db", db_, "--format", "jsonl"});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_TRUE(none.out.empty());
  CmdResult bad = Tiegraph({"events", "--db", db_, "--kind", "party"});
  EXPECT_EQ(bad.exit_code, 2);
  CmdResult resolved = Tiegraph({"resolve", "--db", db_, "--format", "json"});
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  EXPECT_GT(nlohmann::json::parse(resolved.out)["events"].get<int>(), 0);
}

}  // namespace
}  // namespace tg
