#pragma once
// The resolved-graph tables of the PostgreSQL store (docs/storage.md,
// "PostgreSQL"): writes a whole store::Graph and reads it back, with the
// SQLite backend's reading rules (aliases, topics and documents sorted and
// unique, participants sorted by id). Internal to src/store; not thread-safe.
#include "core/result.h"
#include "store/graph.h"
#include "store/postgres_db.h"

namespace tg::store {

// Deletes the stored graph and writes `graph` (validated by the caller). The
// caller holds a transaction and rolls it back on failure.
Status WritePostgresGraph(pg::Connection& db, const Graph& graph);

// The stored graph: entities and events by id, notes in stored order.
Result<Graph> ReadPostgresGraph(pg::Connection& db);

}  // namespace tg::store
