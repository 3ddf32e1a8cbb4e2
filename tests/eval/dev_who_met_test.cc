// The graph queries on the dev corpus, scored against its gold: the dev pages
// are ingested with the real binary, then `who-met` for every person of a
// seed page's gold meetings must list exactly the people the gold says that
// person met anywhere in the corpus (meetings reported as occurred or
// planned, which is who-met's default), asked by the English name and by the
// Korean one. Gold is read here for scoring only, as score.py does: printed
// names are mapped to gold ids by a lookup that ignores case, spaces,
// hyphens, dots, apostrophes and middle dots. A Korean name is asked only
// when some page writes it (the graph knows names from the pages it read).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "e2e/cli_fixture.h"

namespace tg {
namespace {

std::string NormName(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '-' || c == '.' || c == '\'') continue;
    if (name.compare(i, 2, "\xC2\xB7") == 0) {  // U+00B7 middle dot
      ++i;
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

bool HasHangul(const std::string& s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xEA && c <= 0xED) return true;  // lead bytes of U+AC00..U+D7A3
  }
  return false;
}

struct Gold {
  std::map<std::string, std::vector<std::string>> names;  // id -> surface forms
  std::map<std::string, std::string> by_name;              // NormName -> id
  std::map<std::string, std::set<std::string>> partners;   // id -> ids met (not denied)
  std::set<std::string> seed_people;                       // ids in seed pages' meetings
};

Gold ReadGold(const fs::path& dir) {
  Gold gold;
  std::istringstream entities(ReadAll(dir / "entities.jsonl"));
  std::string line;
  while (std::getline(entities, line)) {
    if (line.empty()) continue;
    const nlohmann::json e = nlohmann::json::parse(line);
    const std::string id = e["id"];
    for (const std::string name : e["names"]) {
      gold.names[id].push_back(name);
      gold.by_name.emplace(NormName(name), id);
    }
  }
  std::istringstream docs(ReadAll(dir / "gold.jsonl"));
  while (std::getline(docs, line)) {
    if (line.empty()) continue;
    const nlohmann::json d = nlohmann::json::parse(line);
    const bool seed = d["id"].get<std::string>().rfind("seed-", 0) == 0;
    for (const nlohmann::json& m : d["meetings"]) {
      const std::vector<std::string> people = m["participants"];
      if (seed) gold.seed_people.insert(people.begin(), people.end());
      if (m["status"] == "denied") continue;
      for (const std::string& a : people) {
        for (const std::string& b : people) {
          if (a != b) gold.partners[a].insert(b);
        }
      }
    }
  }
  return gold;
}

class DevWhoMetTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    const fs::path dev = testing::DevCorpusDir();
    if (!fs::exists(dev / "gold.jsonl")) GTEST_SKIP() << "no dev corpus at " << dev;
    gold_ = ReadGold(dev);
    const CmdResult ingest = Tiegraph({"ingest", "--db", db_, "--no-progress", (dev / "docs").string()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }

  // The gold ids of the counterparts `who-met NAME` lists; unknown names as "?name".
  std::set<std::string> Counterparts(const std::string& name) {
    const CmdResult run = Tiegraph({"who-met", "--db", db_, "--format", "json", name});
    EXPECT_EQ(run.exit_code, 0) << name << ": " << run.err;
    std::set<std::string> ids;
    if (run.exit_code != 0) return ids;
    const nlohmann::json answer = nlohmann::json::parse(run.out);
    for (const nlohmann::json& c : answer["counterparts"]) {
      const std::string printed = c["entity"]["name"];
      auto it = gold_.by_name.find(NormName(printed));
      ids.insert(it == gold_.by_name.end() ? "?" + printed : it->second);
    }
    return ids;
  }

  // True when some dev page contains `name` verbatim.
  bool SomePageWrites(const std::string& name) {
    if (pages_.empty()) {
      for (const auto& entry : fs::directory_iterator(testing::DevCorpusDir() / "docs")) {
        pages_.push_back(ReadAll(entry.path()));
      }
    }
    return std::any_of(pages_.begin(), pages_.end(),
                       [&](const std::string& page) { return page.find(name) != std::string::npos; });
  }

  Gold gold_;
  std::vector<std::string> pages_;
};

TEST_F(DevWhoMetTest, EverySeedPersonListsExactlyItsGoldCounterparts) {
  ASSERT_GE(gold_.seed_people.size(), 10u);
  for (const std::string& person : gold_.seed_people) {
    const std::string& name = gold_.names[person].front();
    EXPECT_EQ(Counterparts(name), gold_.partners[person]) << person << " asked as \"" << name << "\"";
  }
}

TEST_F(DevWhoMetTest, KoreanNamesGiveTheSameAnswer) {
  int asked = 0;
  for (const std::string& person : gold_.seed_people) {
    for (const std::string& name : gold_.names[person]) {
      if (!HasHangul(name) || !SomePageWrites(name)) continue;
      EXPECT_EQ(Counterparts(name), gold_.partners[person]) << person << " asked as \"" << name << "\"";
      ++asked;
      break;
    }
  }
  EXPECT_GE(asked, 5);
}

}  // namespace
}  // namespace tg
