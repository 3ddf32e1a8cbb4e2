#pragma once
// The PostgreSQL store's tables: creates the schema when missing, points the
// session's search_path at it, and brings its tables to the current version
// with the migrations in postgres_schema.cc, recorded in the `tg_meta` table.
// Tables and columns: docs/storage.md ("PostgreSQL"). Internal to src/store.
#include <string>

#include "core/status.h"
#include "store/postgres_db.h"

namespace tg::store {

// Makes `schema` (empty: the session's current schema) the session's only
// schema and checks or migrates its tables. A writable open runs every
// pending migration in one transaction, serialised with other tiegraph
// processes by an advisory lock. Fails with kCorrupt when the schema holds
// tables without a tiegraph `tg_meta`, a newer version than this build knows,
// or (read-only) an older version or no tables at all.
Status OpenPostgresSchema(pg::Connection& db, const std::string& schema, bool read_only);

}  // namespace tg::store
