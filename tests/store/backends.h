#pragma once
// The Store backends every contract test runs against: memory, and SQLite
// on a fresh file with small batches so tests cross batch boundaries.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/memory_store.h"
#include "store/sqlite_store.h"
#include "testing/paths.h"

namespace tg::store {

struct Backend {
  std::string name;
  std::function<Result<std::unique_ptr<Store>>()> open;
};

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
  };
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}

}  // namespace tg::store
