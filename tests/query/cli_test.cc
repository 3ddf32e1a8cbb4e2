// The graph verbs as a user runs them (who-met, timeline, path, ego, top,
// topics, export) on a SQLite database holding the hand-built test graph.
#include <gtest/gtest.h>

#include "e2e/cli_fixture.h"
#include "query/test_graph.h"
#include "store/sqlite_store.h"
#include "testing/status_matchers.h"

namespace tg {
namespace {

class GraphCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    store::SqliteOptions options;
    options.path = db_;
    auto store = store::OpenSqliteStore(options);
    ASSERT_OK(store);
    ASSERT_OK((*store)->PutGraph(query::testing::MakeTestGraph()));
  }

  CmdResult Query(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--db", db_});
    return Tiegraph(args);
  }
};

TEST_F(GraphCliTest, WhoMetTextShowsBothNameForms) {
  const CmdResult r = Query({"who-met", "한 회장"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Han Seo-jun (한서준) — Chairman, Daeyang Group: 4 meetings with 4 "
                       "counterparts"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Marta Quillon (마르타 퀼론)"), std::string::npos);
  EXPECT_NE(r.out.find("AI chips, HBM, foundry"), std::string::npos);
  // Evidence on request.
  const CmdResult e = Query({"who-met", "Han Seo-jun", "--evidence", "--topic", "HBM"});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_NE(e.out.find("doc-1b (2024-03-06): 한서준 회장은 마르타 퀼론 대표와 서울에서 만났다."),
            std::string::npos)
      << e.out;
}

TEST_F(GraphCliTest, WhoMetJsonAndJsonl) {
  const CmdResult r = Query({"who-met", "Chairman Han", "--format", "json", "--since", "2024"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["entity"]["id"], 1);
  ASSERT_EQ(j["counterparts"].size(), 3u);
  EXPECT_EQ(j["counterparts"][0]["entity"]["name"], "Marta Quillon");
  EXPECT_EQ(j["counterparts"][0]["events"][0]["sources"][0]["doc"], "doc-1");
  const CmdResult l = Query({"who-met", "한서준", "--format", "jsonl"});
  ASSERT_EQ(l.exit_code, 0) << l.err;
  EXPECT_EQ(JsonLines(l.out).size(), 4u);
}

TEST_F(GraphCliTest, AmbiguousAndUnknownNames) {
  const CmdResult amb = Query({"who-met", "Kim Do-yun"});
  EXPECT_EQ(amb.exit_code, 4);
  EXPECT_NE(amb.err.find("\"Kim Do-yun\" is ambiguous"), std::string::npos) << amb.err;
  EXPECT_NE(amb.err.find("Professor"), std::string::npos) << amb.err;  // the candidates
  EXPECT_NE(amb.err.find("Hanul Bio"), std::string::npos) << amb.err;
  const CmdResult amb_json = Query({"timeline", "김도윤", "--format", "json"});
  EXPECT_EQ(amb_json.exit_code, 4);
  const nlohmann::json j = nlohmann::json::parse(amb_json.out);
  EXPECT_EQ(j["status"], "ambiguous");
  EXPECT_EQ(j["candidates"].size(), 2u);
  const CmdResult unknown = Query({"who-met", "Nobody Known"});
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_NE(unknown.err.find("no person or organisation named \"Nobody Known\""),
            std::string::npos);
  const CmdResult bad = Query({"who-met", "Han Seo-jun", "--since", "last year"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(GraphCliTest, TimelinePathEgoTopTopics) {
  const CmdResult t = Query({"timeline", "Oren Belsky"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("2024-02-01*"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("* undated"), std::string::npos);

  const CmdResult p = Query({"path", "한서준", "Belsky"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_NE(p.out.find("3 shortest chains of 2 meeting links"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("1. Han Seo-jun (한서준) → Han Ji-woo (한지우) → Oren Belsky"),
            std::string::npos)
      << p.out;
  const CmdResult none = Query({"path", "Han Seo-jun", "Oren Belsky", "--max-hops", "1"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_NE(none.out.find("No chain"), std::string::npos);
  const CmdResult pj = Query({"path", "Park Min-ho", "CEO Kim Do-yun", "--format", "json"});
  ASSERT_EQ(pj.exit_code, 0) << pj.err;
  EXPECT_EQ(nlohmann::json::parse(pj.out)["hops"], 3);

  const CmdResult e = Query({"ego", "Quillon", "--depth", "1", "--format", "json"});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_EQ(nlohmann::json::parse(e.out)["nodes"].size(), 3u);

  const CmdResult top = Query({"top", "--format", "jsonl", "--limit", "2"});
  ASSERT_EQ(top.exit_code, 0) << top.err;
  const auto rows = JsonLines(top.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["entity"]["id"], 1);
  const CmdResult top_org = Query({"top", "--kind", "org", "--by", "pagerank"});
  ASSERT_EQ(top_org.exit_code, 0) << top_org.err;
  EXPECT_NE(top_org.out.find("Daeyang Group (대양그룹)"), std::string::npos) << top_org.out;

  const CmdResult between = Query({"topics", "--between", "Han Seo-jun", "Marta Quillon"});
  ASSERT_EQ(between.exit_code, 0) << between.err;
  EXPECT_NE(between.out.find("3 topics over 2 events"), std::string::npos) << between.out;
  const CmdResult org = Query({"topics", "--org", "대양그룹", "--format", "json"});
  ASSERT_EQ(org.exit_code, 0) << org.err;
  EXPECT_EQ(nlohmann::json::parse(org.out)["events"], 5);
}

TEST_F(GraphCliTest, ExportWritesFilesAndStdout) {
  const CmdResult g = Query({"export", "--format", "graphml"});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  EXPECT_EQ(g.out.rfind("<?xml", 0), 0u);
  EXPECT_NE(g.out.find("O&apos;Hare, Quist &amp; Co. &lt;Berlin&gt;"), std::string::npos);
  const fs::path csv = dir_ / "csv";
  const CmdResult c = Query({"export", "--format", "csv", "--out", csv.string()});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_TRUE(fs::exists(csv / "nodes.csv"));
  EXPECT_TRUE(fs::exists(csv / "edges.csv"));
  const CmdResult no_out = Query({"export", "--format", "csv"});
  EXPECT_EQ(no_out.exit_code, 2);
  const fs::path gexf = dir_ / "g.gexf";
  const CmdResult x = Query({"export", "--format", "gexf", "--out", gexf.string()});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_NE(ReadAll(gexf).find("<spell start=\"2024-04-01\" end=\"2024-04-30\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace tg
