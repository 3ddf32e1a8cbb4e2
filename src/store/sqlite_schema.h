#pragma once
// Schema of the SQLite store: the versioned migrations (docs/storage.md) and
// the check that a file is a tiegraph database. Internal to src/store.
#include <string>

#include "core/status.h"
#include "store/sqlite_db.h"

namespace tg::store {

// Checks that `db` is empty or a tiegraph database before anything is written
// to it (kCorrupt otherwise, the file untouched), then, unless `read_only`,
// sets WAL and synchronous = NORMAL and brings the schema to the newest
// version, each migration in its own transaction. A read-only open of an
// older schema fails with kCorrupt. `path` only names the file in messages.
Status CheckAndMigrate(sqlite::Database& db, const std::string& path, bool read_only);

}  // namespace tg::store
