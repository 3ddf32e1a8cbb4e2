// The API over real HTTP on loopback, on a database holding a hand-written
// graph (serve_fixture.h: SmallGraph) whose answers are known exactly:
// every read route, pagination, and the error statuses (400, 404, 405, 409).
#include <gtest/gtest.h>

#include <set>

#include "serve/serve_fixture.h"

namespace tg::serve::testing {
namespace {

class SmallGraphApiTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    const std::string db = (dir_ / "small.db").string();
    WriteGraphDb(db, SmallGraph());
    ServerOptions options;
    options.default_page = 2;
    StartServer(db, options);
  }

  // The ids of the entities (or events) of a list.
  static std::vector<int64_t> Ids(const nlohmann::json& items, const char* field = nullptr) {
    std::vector<int64_t> ids;
    for (const auto& item : items) ids.push_back((field ? item[field] : item)["id"]);
    return ids;
  }

  static void ExpectError(const Reply& reply, int status, const std::string& code) {
    EXPECT_EQ(reply.status, status) << reply.body;
    ASSERT_TRUE(reply.json.is_object()) << reply.body;
    EXPECT_EQ(reply.json["error"]["code"], code) << reply.body;
    EXPECT_TRUE(reply.json["error"]["message"].is_string()) << reply.body;
    EXPECT_EQ(reply.content_type, "application/json");
  }
};

TEST_F(SmallGraphApiTest, HealthStatsAndOpenApi) {
  Reply health = Get("/api/health");
  ASSERT_EQ(health.status, 200);
  EXPECT_EQ(health.json["status"], "ok");
  // Six entities, plus the organisation of Bram Okafor that the index synthesises.
  EXPECT_EQ(health.json["graph"]["entities"], 7);
  EXPECT_EQ(health.json["graph"]["events"], 4);
  EXPECT_EQ(health.json["ingest"], false);

  Reply stats = Get("/api/stats");
  ASSERT_EQ(stats.status, 200);
  EXPECT_EQ(stats.json["documents"]["total"], 0);
  EXPECT_EQ(stats.json["graph"]["persons"], 5);
  EXPECT_EQ(stats.json["graph"]["meetings"], 4);
  EXPECT_GE(stats.json["server"]["requests"], 1);

  Reply openapi = Get("/api/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  EXPECT_EQ(openapi.json["openapi"].get<std::string>().substr(0, 2), "3.");
}

TEST_F(SmallGraphApiTest, EntitiesListSearchAndLookup) {
  Reply all = Get("/api/entities?limit=10");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json["total"], 7);
  Reply persons = Get("/api/entities?type=person&limit=10");
  EXPECT_EQ(persons.json["total"], 5);

  Reply lindqvist = Get("/api/entities?q=Lindqvist");
  ASSERT_EQ(lindqvist.status, 200);
  EXPECT_EQ(lindqvist.json["resolution"]["status"], "ambiguous");
  const std::vector<int64_t> ids = Ids(lindqvist.json["items"]);
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()), (std::set<int64_t>{3, 4}));

  // The Korean form resolves to the same entity as the English one.
  Reply korean = Get("/api/entities?q=%EC%95%84%EB%A6%AC%EC%95%84%20%EC%86%94%EB%B0%A9");
  ASSERT_EQ(korean.status, 200);
  ASSERT_FALSE(korean.json["items"].empty());
  EXPECT_EQ(korean.json["items"][0]["id"], 1);

  for (const std::string target :
       {"/api/entities/1", "/api/entities/Aria%20Solvang", "/api/entities/aria%20solvang",
        "/api/entities/%EC%95%84%EB%A6%AC%EC%95%84%20%EC%86%94%EB%B0%A9"}) {
    Reply one = Get(target);
    ASSERT_EQ(one.status, 200) << target;
    EXPECT_EQ(one.json["id"], 1) << target;
    EXPECT_EQ(one.json["display"], "Aria Solvang (아리아 솔방)");
  }
  Reply org = Get("/api/entities/6");
  ASSERT_EQ(org.status, 200);
  EXPECT_EQ(org.json["type"], "ORG");
  ASSERT_TRUE(org.json["members"].is_array());
  EXPECT_EQ(org.json["members"][0]["id"], 1);
}

TEST_F(SmallGraphApiTest, AmbiguousNameIs409WithCandidates) {
  for (const std::string target :
       {"/api/entities/Lindqvist", "/api/who-met?name=Lindqvist", "/api/timeline?name=Lindqvist",
        "/api/path?from=Lindqvist&to=1", "/api/events?entity=Lindqvist"}) {
    Reply reply = Get(target);
    ExpectError(reply, 409, "ambiguous");
    const std::vector<int64_t> ids = Ids(reply.json["error"]["candidates"]);
    EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()), (std::set<int64_t>{3, 4})) << target;
  }
}

TEST_F(SmallGraphApiTest, UnknownEntityEventDocumentOrRouteIs404) {
  for (const std::string target :
       {"/api/entities/999", "/api/entities/Nobody%20Here", "/api/who-met?name=Nobody",
        "/api/ego?name=999", "/api/events/99", "/api/documents/1", "/api/documents/no-such-doc",
        "/api/nothing", "/api/entities/1/more", "/"}) {
    ExpectError(Get(target), 404, "not_found");
  }
}

TEST_F(SmallGraphApiTest, BadParametersAre400) {
  struct Case {
    std::string target;
    std::string parameter;
  };
  const Case cases[] = {
      {"/api/who-met", "name"},
      {"/api/who-met?name=1&since=March", "since"},
      {"/api/who-met?name=1&status=maybe", "status"},
      {"/api/who-met?name=1&limit=0", "limit"},
      {"/api/who-met?name=1&limit=abc", "limit"},
      {"/api/who-met?name=1&nmae=2", "nmae"},
      {"/api/who-met?name=1&name=2", "name"},
      {"/api/events?since=2025-05-01&until=2025-03-01", "since"},
      {"/api/events?kind=party", "kind"},
      {"/api/events/abc", "id"},
      {"/api/path?from=1", "to"},
      {"/api/path?from=1&to=2&max-hops=21", "max-hops"},
      {"/api/path?from=1&to=2&max_hops=2", "max_hops"},
      {"/api/ego?name=1&depth=9", "depth"},
      {"/api/top?by=fame", "by"},
      {"/api/topics?between=1", "between"},
      {"/api/topics?between=1&between=2&org=6", "org"},
      {"/api/top?kind=any", "kind"},
      {"/api/export?format=csv", "format"},
      {"/api/export", "format"},
      {"/api/search", "q"},
      {"/api/documents?offset=-1", "offset"},
      {"/api/documents/1?text=maybe", "text"},
  };
  for (const Case& c : cases) {
    Reply reply = Get(c.target);
    ExpectError(reply, 400, "bad_parameter");
    EXPECT_EQ(reply.json["error"]["parameter"], c.parameter) << c.target;
  }
}

TEST_F(SmallGraphApiTest, WrongMethodIs405WithAllow) {
  Reply reply = Send("DELETE", "/api/events");
  ExpectError(reply, 405, "method_not_allowed");
  EXPECT_EQ(reply.allow, "GET");
  Reply put = Send("PUT", "/api/documents", "{}");
  ExpectError(put, 405, "method_not_allowed");
  EXPECT_EQ(put.allow, "GET, POST");
}

TEST_F(SmallGraphApiTest, IngestIsOffWithoutToken) {
  Reply reply = Send("POST", "/api/documents", R"({"text": "Anything."})");
  ExpectError(reply, 403, "ingest_disabled");
}

TEST_F(SmallGraphApiTest, EventsFilterAndPaginate) {
  Reply all = Get("/api/events?limit=10");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json["total"], 4);
  EXPECT_EQ(Ids(all.json["items"]), (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(Ids(Get("/api/events?entity=Aria%20Solvang").json["items"]),
            (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(Ids(Get("/api/events?status=planned").json["items"]), (std::vector<int64_t>{3}));
  EXPECT_EQ(Ids(Get("/api/events?since=2025-04&limit=10").json["items"]),
            (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(Ids(Get("/api/events?topic=ship").json["items"]), (std::vector<int64_t>{2, 3}));
  EXPECT_TRUE(Get("/api/events?kind=trip").json["items"].empty());

  // Default page of 2 (set for this server), then follow "next" to the end.
  std::vector<int64_t> seen;
  std::string next = "/api/events";
  int pages = 0;
  while (!next.empty() && pages < 10) {
    Reply page = Get(next);
    ASSERT_EQ(page.status, 200) << next;
    EXPECT_EQ(page.json["limit"], 2);
    for (int64_t id : Ids(page.json["items"])) seen.push_back(id);
    next = page.json["next"].is_null() ? "" : page.json["next"].get<std::string>();
    ++pages;
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2, 3, 4}));
}

TEST_F(SmallGraphApiTest, EventWithSourcesAndEvidence) {
  Reply event = Get("/api/events/1");
  ASSERT_EQ(event.status, 200);
  EXPECT_EQ(event.json["kind"], "meeting");
  EXPECT_EQ(event.json["place"], "Seoul");
  ASSERT_EQ(event.json["sources"].size(), 2u);
  EXPECT_EQ(event.json["sources"][0]["doc"], "doc-1");
  EXPECT_EQ(event.json["sources"][1]["evidence"], "A second report of meeting 1.");
  EXPECT_EQ(Ids(event.json["participants"]), (std::vector<int64_t>{1, 2}));
}

TEST_F(SmallGraphApiTest, WhoMetWithFiltersAndPages) {
  Reply bram = Get("/api/who-met?name=Bram%20Okafor");
  ASSERT_EQ(bram.status, 200);
  EXPECT_EQ(bram.json["entity"]["id"], 2);
  ASSERT_EQ(bram.json["counterparts"].size(), 2u);
  EXPECT_EQ(bram.json["counterparts"][0]["entity"]["id"], 1);  // two meetings first
  EXPECT_EQ(bram.json["counterparts"][0]["meetings"], 2);
  EXPECT_EQ(bram.json["counterparts"][1]["entity"]["id"], 3);
  EXPECT_EQ(bram.json["page"]["total"], 2);
  // Provenance: the events behind a counterpart carry their sources.
  EXPECT_FALSE(bram.json["counterparts"][0]["events"][0]["sources"].empty());

  Reply march = Get("/api/who-met?name=2&until=2025-03-31");
  ASSERT_EQ(march.status, 200);
  EXPECT_EQ(march.json["counterparts"].size(), 2u);
  EXPECT_EQ(march.json["counterparts"][0]["meetings"], 1);
  Reply batteries = Get("/api/who-met?name=2&topic=batteries");
  ASSERT_EQ(batteries.json["counterparts"].size(), 1u);
  EXPECT_EQ(batteries.json["counterparts"][0]["entity"]["id"], 1);

  Reply first = Get("/api/who-met?name=2&limit=1");
  ASSERT_EQ(first.json["counterparts"].size(), 1u);
  EXPECT_EQ(first.json["page"]["total"], 2);
  EXPECT_EQ(first.json["page"]["next"], "/api/who-met?limit=1&name=2&offset=1");
  Reply second = Get(first.json["page"]["next"]);
  ASSERT_EQ(second.json["counterparts"].size(), 1u);
  EXPECT_EQ(second.json["counterparts"][0]["entity"]["id"], 3);
  EXPECT_TRUE(second.json["page"]["next"].is_null());
}

TEST_F(SmallGraphApiTest, TimelinePathEgoTopTopics) {
  Reply timeline = Get("/api/timeline?name=Bram%20Okafor&limit=10");
  ASSERT_EQ(timeline.status, 200);
  std::vector<int64_t> order;
  for (const auto& entry : timeline.json["entries"]) order.push_back(entry["event"]["id"]);
  EXPECT_EQ(order, (std::vector<int64_t>{1, 2, 4}));

  Reply path = Get("/api/path?from=Aria%20Solvang&to=Cora%20Lindqvist");
  ASSERT_EQ(path.status, 200);
  EXPECT_EQ(path.json["hops"], 3);
  ASSERT_EQ(path.json["paths"].size(), 1u);
  EXPECT_EQ(Ids(path.json["paths"][0]["entities"]), (std::vector<int64_t>{1, 2, 3, 4}));
  Reply short_path = Get("/api/path?from=1&to=4&max-hops=2");
  EXPECT_TRUE(short_path.json["hops"].is_null());
  Reply occurred_only = Get("/api/path?from=1&to=4&status=occurred");
  EXPECT_TRUE(occurred_only.json["hops"].is_null());  // the last link is only planned
  Reply none = Get("/api/path?from=1&to=Dario%20Venn");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(none.json["hops"].is_null());

  Reply ego = Get("/api/ego?name=2&depth=1");
  ASSERT_EQ(ego.status, 200);
  const std::vector<int64_t> nodes = Ids(ego.json["nodes"]);
  EXPECT_EQ(std::set<int64_t>(nodes.begin(), nodes.end()), (std::set<int64_t>{1, 2, 3}));

  Reply top = Get("/api/top?by=degree");
  ASSERT_EQ(top.status, 200);
  EXPECT_EQ(top.json["by"], "degree");
  EXPECT_EQ(top.json["entries"][0]["entity"]["id"], 2);
  EXPECT_EQ(top.json["entries"][0]["degree"], 2);
  EXPECT_EQ(Get("/api/top?by=pagerank&kind=all&limit=3").json["entries"].size(), 3u);

  Reply pair = Get("/api/topics?between=1&between=Bram%20Okafor");
  ASSERT_EQ(pair.status, 200);
  std::set<std::string> topics;
  for (const auto& t : pair.json["topics"]) topics.insert(t["topic"]);
  EXPECT_EQ(topics, (std::set<std::string>{"robot arms", "batteries"}));
  Reply all = Get("/api/topics");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json["topics"][0]["topic"], "ship finance");
  EXPECT_EQ(all.json["scope"]["all"], true);
  Reply org = Get("/api/topics?org=Fernhill%20Robotics");
  ASSERT_EQ(org.status, 200);
  EXPECT_EQ(org.json["scope"]["org"]["id"], 6);
}

TEST_F(SmallGraphApiTest, ExportFormats) {
  Reply graphml = Get("/api/export?format=graphml");
  ASSERT_EQ(graphml.status, 200);
  EXPECT_EQ(graphml.content_type, "application/graphml+xml");
  EXPECT_NE(graphml.body.find("<graphml"), std::string::npos);
  Reply jsonl = Get("/api/export?format=jsonl&members=false");
  ASSERT_EQ(jsonl.status, 200);
  EXPECT_NE(jsonl.body.find("Aria Solvang"), std::string::npos);
  EXPECT_EQ(Get("/api/export?format=gexf").status, 200);
  EXPECT_EQ(Get("/api/export?format=cypher").status, 200);
}

TEST_F(SmallGraphApiTest, DocumentsAndSearchOnAnEmptyStore) {
  Reply docs = Get("/api/documents");
  ASSERT_EQ(docs.status, 200);
  EXPECT_TRUE(docs.json["items"].empty());
  EXPECT_TRUE(docs.json["next"].is_null());
  Reply search = Get("/api/search?q=robot");
  ASSERT_EQ(search.status, 200);
  EXPECT_TRUE(search.json["items"].empty());
}

}  // namespace
}  // namespace tg::serve::testing
