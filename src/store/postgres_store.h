#pragma once
// PostgreSQL backend of Store, for a database shared by several users or
// machines: the same contract as the SQLite backend (sqlite_store.h), writes
// batched in transactions, search over tsvector columns holding the
// project's own search tokens (fts_tokenizer.h). Schema and differences from
// SQLite: docs/storage.md. One connection per store; not thread-safe; open
// one store per thread. Several processes may read while one writes; writers
// take turns (a batch holds a table lock until it commits).
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/store.h"

namespace tg::store {

struct PostgresOptions {
  // libpq connection string: "postgresql://user@127.0.0.1:5432/news" or
  // "host=127.0.0.1 port=5432 dbname=news user=tg".
  std::string conninfo;
  // Schema holding the tables; created when missing (unless read_only).
  // Empty: the connection's current schema (normally "public").
  std::string schema;
  int batch_size = 4096;  // inserts per transaction before an automatic commit
  bool read_only = false;
  int lock_timeout_ms = 5000;  // wait this long for another writer's batch
};

// True for "postgresql://..." and "postgres://..." (what --db dispatches on).
bool IsPostgresUri(std::string_view db);

// Options for a --db URI. tiegraph reads one query parameter of its own,
// `schema` ("postgresql://host/db?schema=news"), and passes the rest to libpq.
// Fails with kInvalidArgument when `uri` is not a PostgreSQL URI.
Result<PostgresOptions> PostgresOptionsFromUri(std::string_view uri);

// Connects, creates the schema when missing and migrates it. Fails with
// kUnavailable when the server cannot be reached, kCorrupt when the schema
// holds tables that are not tiegraph's or a newer schema version, and
// kInvalidArgument for bad options.
Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options);

}  // namespace tg::store
