#pragma once
// SQLite backend of Store: one file, WAL journal, writes batched in
// transactions, FTS5 full-text index with a Korean-aware tokenizer
// (fts_tokenizer.h). Schema: docs/storage.md. Not thread-safe; readers in
// other processes or threads open their own SqliteStore (WAL lets them read while one writes).
#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace tg::store {

struct SqliteOptions {
  std::string path;           // database file; created with its schema when missing
  int batch_size = 4096;      // inserts per transaction before an automatic commit
  size_t batch_bytes = 32 << 20;  // ... or once the batch holds this much text (0: no limit)
  bool read_only = false;
  int busy_timeout_ms = 5000; // wait this long for another writer's lock
  int cache_kib = 64 << 10;   // SQLite page cache per connection (64 MiB)
};

// Opens (creating if needed) the database and migrates its schema. Fails with
// kIOError when the file cannot be opened and kCorrupt when it is not a
// tiegraph database.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace tg::store
