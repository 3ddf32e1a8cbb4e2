#pragma once
// The Store backends every contract test runs against: memory, SQLite on a
// fresh file, and PostgreSQL in a fresh schema of the test server, the last
// two with small batches so tests cross batch boundaries.
//
// The PostgreSQL server is $TG_TEST_POSTGRES_URL, else the one ctest's
// tg_postgres fixture starts (scripts/pg-test-server.sh writes its URL to
// TG_PG_TEST_URL_FILE). Without either the PostgreSQL runs fail: CI must
// prove the backend works, so they never skip.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include "store/memory_store.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"
#include "testing/paths.h"

#ifndef TG_PG_TEST_URL_FILE
#define TG_PG_TEST_URL_FILE ""
#endif

namespace tg::store {

struct Backend {
  std::string name;
  std::function<Result<std::unique_ptr<Store>>()> open;
};

// The test server's URL, or an error saying how to get one.
inline Result<std::string> PostgresTestUrl() {
  const char* env = std::getenv("TG_TEST_POSTGRES_URL");
  if (env != nullptr && *env != '\0') return std::string(env);
  std::ifstream in(TG_PG_TEST_URL_FILE);
  std::string url;
  if (in && std::getline(in, url) && !url.empty()) return url;
  return Status::Unavailable(
      "no PostgreSQL test server: run the tests through ctest (its tg_postgres fixture starts "
      "one), or scripts/pg-test-server.sh start and set TG_TEST_POSTGRES_URL");
}

// A schema name no other test (in this or another process) uses.
inline std::string FreshPostgresSchema() {
  static std::atomic<int> counter{0};
  std::random_device random;
  // Appended piece by piece: GCC 12 warns (-Wrestrict) on "literal" + std::string by mistake.
  std::string name = "tg_test_";
  name += std::to_string(::getpid());
  name += '_';
  name += std::to_string(counter++);
  name += '_';
  name += std::to_string(random() % 1000000);
  return name;
}

inline Result<std::unique_ptr<Store>> OpenPostgresTestStore(int batch_size = 3) {
  TG_ASSIGN_OR_RETURN(std::string url, PostgresTestUrl());
  PostgresOptions options;
  options.conninfo = url;
  options.schema = FreshPostgresSchema();
  options.batch_size = batch_size;
  return OpenPostgresStore(options);
}

inline std::vector<Backend> Backends() {
  return {
      {"Memory", [] { return Result<std::unique_ptr<Store>>(NewMemoryStore()); }},
      {"Sqlite",
       [] {
         SqliteOptions options;
         options.path = (testing::MakeTempDir("tg_store_test") / "tg.db").string();
         options.batch_size = 3;  // small, so tests cross batch boundaries
         return OpenSqliteStore(options);
       }},
      {"Postgres", [] { return OpenPostgresTestStore(); }},
  };
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}

}  // namespace tg::store
