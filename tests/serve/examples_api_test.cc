// The API over real HTTP on the examples database (examples/ ingested with
// extraction and resolved): documents, search, document events, graph
// answers the example stories state, and the same answers as the CLI.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "serve/http.h"
#include "serve/serve_fixture.h"

namespace tg::serve::testing {
namespace {

std::set<std::string> Names(const nlohmann::json& refs, const char* field = nullptr) {
  std::set<std::string> names;
  for (const auto& ref : refs) names.insert((field ? ref[field] : ref)["name"]);
  return names;
}

// Runs the tiegraph binary and returns its standard output.
std::string RunCli(const std::string& args) {
  std::string out;
  FILE* pipe = ::popen((std::string(TG_BINARY) + " " + args + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), pipe)) > 0) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

class ExamplesApiTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    db_ = CopyExamplesDb(dir_);
    StartServer(db_);
  }
  std::string db_;
};

TEST_F(ExamplesApiTest, DocumentsListFilterAndPages) {
  // examples/README.md: 19 documents, 15 of them leading their duplicate group.
  Reply all = Get("/api/documents?limit=100");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json["items"].size(), 19u);
  EXPECT_TRUE(all.json["next"].is_null());
  EXPECT_EQ(Get("/api/documents?leaders=true&limit=100").json["items"].size(), 15u);
  for (const auto& doc : Get("/api/documents?lang=ko&limit=100").json["items"]) {
    EXPECT_EQ(doc["lang"], "ko");
  }
  for (const auto& doc :
       Get("/api/documents?since=2025-03&until=2025-03&limit=100").json["items"]) {
    EXPECT_EQ(doc["published"].get<std::string>().substr(0, 7), "2025-03");
  }

  std::set<int64_t> ids;
  std::string next = "/api/documents?limit=5";
  int pages = 0;
  while (!next.empty() && pages < 10) {
    Reply page = Get(next);
    ASSERT_EQ(page.status, 200) << next;
    EXPECT_LE(page.json["items"].size(), 5u);
    for (const auto& doc : page.json["items"]) ids.insert(doc["id"].get<int64_t>());
    next = page.json["next"].is_null() ? "" : page.json["next"].get<std::string>();
    ++pages;
  }
  EXPECT_EQ(pages, 4);
  EXPECT_EQ(ids.size(), 19u);
}

TEST_F(ExamplesApiTest, DocumentWithItsEventsAndDuplicates) {
  Reply doc = Get("/api/documents/wire-2025-0003");
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_EQ(doc.json["ext_id"], "wire-2025-0003");
  EXPECT_EQ(doc.json["outlet"], "ChipSignal");
  EXPECT_NE(doc.json["text"].get<std::string>().find("Lin Wei-ting"), std::string::npos);
  bool harrow_met_lin = false;
  for (const auto& event : doc.json["events"]) {
    const std::set<std::string> people = Names(event["participants"]);
    if (people.count("Delia Harrow") && people.count("Lin Wei-ting")) harrow_met_lin = true;
    bool cites_this_doc = false;
    for (const auto& d : event["docs"]) cites_this_doc |= d == "wire-2025-0003";
    EXPECT_TRUE(cites_this_doc) << event.dump();
  }
  EXPECT_TRUE(harrow_met_lin) << doc.body;
  // By store id too, and the exact copy of the Technaru story says whose copy it is.
  const int64_t id = doc.json["id"];
  EXPECT_EQ(Get("/api/documents/" + std::to_string(id) + "?text=false").json["ext_id"],
            "wire-2025-0003");
  Reply copy = Get("/api/documents/ko-technaru-quillon-garam-visit-copy");
  ASSERT_EQ(copy.status, 200);
  EXPECT_EQ(copy.json["duplicate"]["kind"], "exact");
}

TEST_F(ExamplesApiTest, SearchInBothLanguages) {
  Reply english = Get("/api/search?q=Harrow");
  ASSERT_EQ(english.status, 200);
  EXPECT_FALSE(english.json["items"].empty());
  // A Korean word matches without its particle.
  Reply korean = Get("/api/search?q=" + EncodeQueryValue("회장"));
  ASSERT_EQ(korean.status, 200);
  EXPECT_FALSE(korean.json["items"].empty());
}

TEST_F(ExamplesApiTest, GraphAnswersTheStoriesState) {
  // Harrow met Namgoong in Seoul and Lin in Hsinchu (examples/README.md).
  Reply harrow = Get("/api/who-met?name=Delia%20Harrow&limit=100");
  ASSERT_EQ(harrow.status, 200) << harrow.body;
  const std::set<std::string> met = Names(harrow.json["counterparts"], "entity");
  EXPECT_TRUE(met.count("Namgoong Min-jae")) << harrow.body.substr(0, 500);
  EXPECT_TRUE(met.count("Lin Wei-ting"));
  // Her Korean name is the same entity.
  Reply korean = Get("/api/who-met?name=" + EncodeQueryValue("델리아 해로") + "&limit=100");
  ASSERT_EQ(korean.status, 200);
  EXPECT_EQ(korean.json["entity"]["id"], harrow.json["entity"]["id"]);
  EXPECT_EQ(korean.json["counterparts"], harrow.json["counterparts"]);

  // Pyo (in Seoul) and Lin (in Hsinchu) never met; Harrow links them.
  Reply path = Get("/api/path?from=Pyo%20Jin-woo&to=Lin%20Wei-ting");
  ASSERT_EQ(path.status, 200);
  EXPECT_EQ(path.json["hops"], 2);
  bool via_harrow = false;
  for (const auto& p : path.json["paths"]) via_harrow |= p["entities"][1]["name"] == "Delia Harrow";
  EXPECT_TRUE(via_harrow) << path.body.substr(0, 500);

  Reply timeline = Get("/api/timeline?name=Delia%20Harrow&limit=100");
  ASSERT_EQ(timeline.status, 200);
  std::string last;
  for (const auto& entry : timeline.json["entries"]) {
    const std::string date = entry["date"];
    if (date.empty()) continue;
    if (!last.empty()) {
      EXPECT_LE(last, date);
    }
    last = date;
  }
  Reply ego = Get("/api/ego?name=Delia%20Harrow&depth=1");
  ASSERT_EQ(ego.status, 200);
  EXPECT_TRUE(Names(ego.json["nodes"]).count("Lin Wei-ting"));
  Reply top = Get("/api/top?by=degree&limit=5");
  ASSERT_EQ(top.status, 200);
  ASSERT_FALSE(top.json["entries"].empty());
  EXPECT_GE(top.json["entries"][0]["degree"], 2);
  Reply topics = Get("/api/topics?between=Delia%20Harrow&between=Lin%20Wei-ting");
  ASSERT_EQ(topics.status, 200);
  EXPECT_FALSE(topics.json["topics"].empty());
  Reply events = Get("/api/events?entity=Delia%20Harrow&kind=meeting&limit=100");
  ASSERT_EQ(events.status, 200);
  EXPECT_GE(events.json["total"], 2);
  for (const auto& event : events.json["items"]) {
    EXPECT_TRUE(Names(event["participants"]).count("Delia Harrow"));
    EXPECT_FALSE(event["sources"].empty());
    EXPECT_FALSE(event["sources"][0]["evidence"].get<std::string>().empty());
  }
}

TEST_F(ExamplesApiTest, SameAnswersAsTheCli) {
  struct Case {
    std::string api;
    std::string cli;
  };
  const Case cases[] = {
      {"/api/who-met?name=Delia%20Harrow&limit=1000", "who-met --format json 'Delia Harrow'"},
      {"/api/timeline?name=Delia%20Harrow&limit=1000", "timeline --format json 'Delia Harrow'"},
      {"/api/path?from=Pyo%20Jin-woo&to=Lin%20Wei-ting",
       "path --format json 'Pyo Jin-woo' 'Lin Wei-ting'"},
      {"/api/ego?name=Lin%20Wei-ting", "ego --format json 'Lin Wei-ting'"},
      {"/api/topics", "topics --format json"},
      {"/api/top?by=pagerank&limit=10", "top --format json --by pagerank --limit 10"},
  };
  for (const Case& c : cases) {
    Reply reply = Get(c.api);
    ASSERT_EQ(reply.status, 200) << c.api;
    nlohmann::json api = reply.json;
    api.erase("page");  // the API's additions: pagination and the topics scope
    api.erase("scope");
    const std::string out = RunCli(c.cli + " --db '" + db_ + "'");
    const nlohmann::json cli = nlohmann::json::parse(out, nullptr, false);
    ASSERT_FALSE(cli.is_discarded()) << c.cli << ": " << out.substr(0, 300);
    EXPECT_EQ(api, cli) << c.api;
  }
}

}  // namespace
}  // namespace tg::serve::testing
