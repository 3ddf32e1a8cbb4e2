// End-to-end: the tiegraph binary with --db postgresql://... answers exactly
// as with a SQLite file. The examples are ingested into both, then docs,
// search, show, events and resolve --report are compared (less the ingest
// times and timestamps, which differ by nature). Needs the PostgreSQL test
// server (tests/store/backends.h).
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "store/backends.h"

namespace tg {
namespace {

class PostgresCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    Result<std::string> url = store::PostgresTestUrl();
    ASSERT_TRUE(url.has_value()) << url.error().ToString();
    const std::string schema = store::FreshPostgresSchema();
    pg_ = *url + (url->find('?') == std::string::npos ? "?" : "&") + "schema=" + schema;
  }

  // Runs `args` against both databases and expects the same exit status and
  // output; returns the SQLite run.
  CmdResult Both(std::vector<std::string> args) {
    std::vector<std::string> on_sqlite = args;
    on_sqlite.insert(on_sqlite.begin() + 1, {"--db", db_});
    std::vector<std::string> on_postgres = args;
    on_postgres.insert(on_postgres.begin() + 1, {"--db", pg_});
    const CmdResult sqlite = Tiegraph(on_sqlite);
    const CmdResult postgres = Tiegraph(on_postgres);
    EXPECT_EQ(postgres.exit_code, sqlite.exit_code) << args[0] << ": " << postgres.err;
    EXPECT_EQ(postgres.out, sqlite.out) << args[0] << " " << args.back();
    return sqlite;
  }

  std::string pg_;
};

// `json` without its timings (any member named "...seconds"), at every depth.
void DropTimings(nlohmann::json* json) {
  if (!json->is_object()) return;
  for (auto it = json->begin(); it != json->end();) {
    if (it.key().find("seconds") != std::string::npos) {
      it = json->erase(it);
    } else {
      DropTimings(&it.value());
      ++it;
    }
  }
}

// The ingest summary without its timings.
nlohmann::json Counts(const std::string& out) {
  nlohmann::json summary = nlohmann::json::parse(out);
  DropTimings(&summary);
  return summary;
}

// `text` without the lines naming `field` (a timestamp).
std::string WithoutLine(const std::string& text, const std::string& field) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) != 0) out += line + "\n";
  }
  return out;
}

TEST_F(PostgresCliTest, IngestThenEveryReadingCommandMatchesSqlite) {
  const std::string examples = (tg::testing::SourceDir() / "examples").string();
  const CmdResult sqlite = Tiegraph({"ingest", "--db", db_, "--format", "json", examples});
  ASSERT_EQ(sqlite.exit_code, 0) << sqlite.err;
  const CmdResult postgres = Tiegraph({"ingest", "--db", pg_, "--format", "json", examples});
  ASSERT_EQ(postgres.exit_code, 0) << postgres.err;
  EXPECT_EQ(Counts(postgres.out), Counts(sqlite.out));
  EXPECT_GE(Counts(sqlite.out)["stored"].get<int>(), 15);

  // Ingesting again stores nothing new on either.
  const CmdResult again = Tiegraph({"ingest", "--db", pg_, "--format", "json", examples});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Counts(again.out)["stored"].get<int>(), 0);

  Both({"docs", "--all"});
  Both({"docs", "--all", "--format", "jsonl"});
  Both({"docs", "--lang", "ko", "--leaders"});
  Both({"docs", "--outlet", "herald", "--limit", "3", "--offset", "1"});
  for (const std::string query :
       {"meeting", "회장", "회장이", "chairman OR 대표", "\"Seocho district\"", "battery", "서울",
        "no-such-word-anywhere"}) {
    Both({"search", query, "--limit", "50"});
  }
  // Scores are computed the same way, but compared with a tolerance.
  const CmdResult sqlite_hits =
      Tiegraph({"search", "--db", db_, "--format", "json", "--limit", "50", "meeting OR 회장"});
  const CmdResult pg_hits =
      Tiegraph({"search", "--db", pg_, "--format", "json", "--limit", "50", "meeting OR 회장"});
  const nlohmann::json want = nlohmann::json::parse(sqlite_hits.out);
  const nlohmann::json got = nlohmann::json::parse(pg_hits.out);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i]["id"], want[i]["id"]);
    EXPECT_EQ(got[i]["snippet"], want[i]["snippet"]);
    const double w = want[i]["score"].get<double>();
    EXPECT_NEAR(got[i]["score"].get<double>(), w, 1e-9 * std::fabs(w));
  }

  const CmdResult docs = Tiegraph({"docs", "--db", db_, "--all", "--format", "jsonl"});
  std::istringstream rows(docs.out);
  std::string row;
  int shown = 0;
  while (std::getline(rows, row)) {
    const std::string id = std::to_string(nlohmann::json::parse(row)["id"].get<int64_t>());
    const CmdResult a = Tiegraph({"show", "--db", db_, "--format", "json", id});
    const CmdResult b = Tiegraph({"show", "--db", pg_, "--format", "json", id});
    ASSERT_EQ(b.exit_code, a.exit_code) << id << ": " << b.err;
    nlohmann::json ja = nlohmann::json::parse(a.out);
    nlohmann::json jb = nlohmann::json::parse(b.out);
    EXPECT_EQ(jb["ingested_at"].get<std::string>().size(), 20u);
    ja.erase("ingested_at");
    jb.erase("ingested_at");
    EXPECT_EQ(jb, ja) << id;
    const CmdResult ta = Tiegraph({"show", "--db", db_, id});
    const CmdResult tb = Tiegraph({"show", "--db", pg_, id});
    EXPECT_EQ(WithoutLine(tb.out, "ingested"), WithoutLine(ta.out, "ingested")) << id;
    ++shown;
  }
  EXPECT_GE(shown, 15);
  EXPECT_EQ(Both({"show", "no-such-document"}).exit_code, 3);

  Both({"events"});
  Both({"events", "--format", "jsonl"});
  Both({"resolve", "--report"});
}

TEST_F(PostgresCliTest, AnUnreachableServerIsAnErrorWithoutThePassword) {
  const std::string uri = "postgresql://reader:s3cret@127.0.0.1:1/news?connect_timeout=2";
  const std::vector<std::vector<std::string>> runs = {
      {"docs", "--db", uri},           {"events", "--db", uri},
      {"resolve", "--db", uri},        {"entities", "--db", uri},
      {"who-met", "--db", uri, "Kim"}, {"export", "--db", uri, "--format", "jsonl"}};
  for (const std::vector<std::string>& args : runs) {
    const CmdResult run = Tiegraph(args);
    EXPECT_EQ(run.exit_code, 2) << args[0];
    EXPECT_NE(run.err.find("PostgreSQL"), std::string::npos) << args[0] << ": " << run.err;
    EXPECT_EQ(run.err.find("s3cret"), std::string::npos) << args[0] << ": " << run.err;
  }
}

}  // namespace
}  // namespace tg
