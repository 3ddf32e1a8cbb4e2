#pragma once
// Fixtures of the API tests: databases to serve, an in-process server on a
// free loopback port, and an HTTP client for it.
//
// - ExamplesDb(): examples/ ingested with extraction and resolved (the
//   pipeline of `tiegraph ingest`), built once per test binary; each test
//   serves its own copy.
// - WriteGraphDb(): a database holding a hand-written resolved graph, for
//   answers the tests know exactly (ambiguous names, paths).
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "serve/server.h"
#include "store/graph.h"

namespace tg::serve::testing {

namespace fs = std::filesystem;

// Path of a fresh copy of the examples database inside `dir`.
std::string CopyExamplesDb(const fs::path& dir);

// Creates `path` with no documents and `graph` as its resolved graph.
void WriteGraphDb(const std::string& path, const store::Graph& graph);

// A small graph with known answers, built with tests/query/test_graph.h:
// persons 1 Aria Solvang (Korean form 아리아 솔방, org Fernhill Robotics), 2
// Bram Okafor (Tidewell Bank), 3 Cato Lindqvist and 4 Cora Lindqvist (both
// surname Lindqvist: "Lindqvist" is ambiguous), 5 Dario Venn (no meetings);
// org 6 Fernhill Robotics. Meetings: 1 Aria-Bram 2025-03-04 Seoul "robot
// arms" (occurred, 2 reports: doc-1, doc-1b), 2 Bram-Cato 2025-03-10 Busan
// "ship finance", 3 Cato-Cora 2025-04-02 planned "ship finance", 4 Aria-Bram
// 2025-05 (month only) Incheon "batteries".
store::Graph SmallGraph();

// A response's status, body parsed as JSON (null when not JSON) and raw body.
struct Reply {
  int status = 0;
  nlohmann::json json;
  std::string body;
  std::string content_type;
  std::string allow;
};

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Starts a server on a free port over `db` with `options` (db, host, port overridden).
  void StartServer(const std::string& db, ServerOptions options = {});

  Reply Get(const std::string& target);
  Reply Send(const std::string& method, const std::string& target, const std::string& body = "",
             const httplib::Headers& headers = {},
             const std::string& content_type = "application/json");

  fs::path dir_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace tg::serve::testing
