#include "serve/serve_fixture.h"

#include <cstdlib>
#include <mutex>

#include "extract/entities.h"
#include "pipeline/ingest.h"
#include "pipeline/resolve.h"
#include "query/test_graph.h"
#include "resolve/resolve.h"
#include "store/sqlite_store.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::serve::testing {

namespace {

fs::path g_examples_dir;  // holds the examples database, built once

void RemoveExamplesDir() {
  std::error_code ec;
  if (!g_examples_dir.empty()) fs::remove_all(g_examples_dir, ec);
}

// Ingests examples/ as `tiegraph ingest examples` does, then resolves.
void BuildExamplesDb(const std::string& path) {
  store::SqliteOptions options;
  options.path = path;
  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(options);
  ASSERT_OK(store);
  Result<std::unique_ptr<extract::EntityExtractor>> extractor = extract::EntityExtractor::Create();
  ASSERT_OK(extractor);
  pipeline::IngestOptions ingest_options;
  ingest_options.extractor = extractor->get();
  pipeline::IngestPipeline pipeline(store->get(), std::move(ingest_options));
  Result<pipeline::IngestSummary> summary =
      pipeline.Run({(tg::testing::SourceDir() / "examples").string()});
  ASSERT_OK(summary);
  ASSERT_GT(summary->stored, 10);
  ASSERT_OK((*store)->Flush());
  Result<resolve::Resolver> resolver = resolve::Resolver::Load("");
  ASSERT_OK(resolver);
  ASSERT_OK(pipeline::ResolveStore(store->get(), *resolver));
}

}  // namespace

std::string CopyExamplesDb(const fs::path& dir) {
  static std::once_flag once;
  std::call_once(once, [] {
    g_examples_dir = tg::testing::MakeTempDir("tg-serve-examples");
    std::atexit(RemoveExamplesDir);
    BuildExamplesDb((g_examples_dir / "examples.db").string());
  });
  const fs::path source = g_examples_dir / "examples.db";
  EXPECT_TRUE(fs::exists(source)) << "the examples database was not built";
  const fs::path copy = dir / "examples.db";
  fs::copy_file(source, copy, fs::copy_options::overwrite_existing);
  return copy.string();
}

void WriteGraphDb(const std::string& path, const store::Graph& graph) {
  store::SqliteOptions options;
  options.path = path;
  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(options);
  ASSERT_OK(store);
  ASSERT_OK((*store)->PutGraph(graph));
}

store::Graph SmallGraph() {
  using query::testing::Meeting;
  using query::testing::Org;
  using query::testing::Person;
  store::Graph g;
  g.entities = {Person(1, "Aria Solvang", "아리아 솔방", "CEO", "Fernhill Robotics", 3),
                Person(2, "Bram Okafor", "", "", "Tidewell Bank", 3),
                Person(3, "Cato Lindqvist", "", "", "", 2),
                Person(4, "Cora Lindqvist", "", "", "", 1),
                Person(5, "Dario Venn", "", "", "", 1),
                Org(6, "Fernhill Robotics", "")};
  g.events = {Meeting(1, {1, 2}, "2025-03-04", "occurred", {"robot arms"}, "Seoul"),
              Meeting(2, {2, 3}, "2025-03-10", "occurred", {"ship finance"}, "Busan"),
              Meeting(3, {3, 4}, "2025-04-02", "planned", {"ship finance"}),
              Meeting(4, {1, 2}, "2025-05", "occurred", {"batteries"}, "Incheon")};
  // A second report of the first meeting.
  store::EventSource second = g.events[0].sources[0];
  second.doc_id = 11;
  second.doc = "doc-1b";
  second.evidence = "A second report of meeting 1.";
  g.events[0].sources.push_back(second);
  g.events[0].docs.push_back(second.doc);
  return g;
}

void ServeTest::SetUp() { dir_ = tg::testing::MakeTempDir("tg-serve"); }

void ServeTest::TearDown() {
  client_.reset();
  if (server_ != nullptr) server_->Stop();
  server_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void ServeTest::StartServer(const std::string& db, ServerOptions options) {
  options.db = db;
  options.host = "127.0.0.1";
  options.port = 0;
  Result<std::unique_ptr<Server>> server = Server::Create(options);
  ASSERT_OK(server);
  server_ = std::move(server).value();
  ASSERT_OK(server_->Start());
  ASSERT_GT(server_->port(), 0);
  client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  client_->set_read_timeout(std::chrono::seconds(60));
}

Reply ServeTest::Get(const std::string& target) { return Send("GET", target); }

Reply ServeTest::Send(const std::string& method, const std::string& target, const std::string& body,
                      const httplib::Headers& headers, const std::string& content_type) {
  httplib::Request request;
  request.method = method;
  request.path = target;
  request.headers = headers;
  if (!body.empty() || method == "POST") {
    request.body = body;
    request.set_header("Content-Type", content_type);
  }
  httplib::Result result = client_->send(request);
  Reply reply;
  if (!result) {
    ADD_FAILURE() << method << " " << target << ": " << httplib::to_string(result.error());
    return reply;
  }
  reply.status = result->status;
  reply.body = result->body;
  reply.content_type = result->get_header_value("Content-Type");
  reply.allow = result->get_header_value("Allow");
  reply.json = nlohmann::json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  if (reply.json.is_discarded()) reply.json = nullptr;
  return reply;
}

}  // namespace tg::serve::testing
