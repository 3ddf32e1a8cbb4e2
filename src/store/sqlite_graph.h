#pragma once
// The resolved-graph tables of the SQLite store (schema version 4,
// docs/storage.md): writes a whole store::Graph and reads it back, and lists
// the per-document extractions resolution starts from. Internal to
// src/store; SqliteStore calls these inside its own transactions. Not
// thread-safe.
#include <cstdint>
#include <vector>

#include "core/result.h"
#include "store/graph.h"
#include "store/sqlite_db.h"
#include "store/sqlite_events.h"

namespace tg::store {

// Deletes the stored graph and writes `graph` (validated by the caller). The
// caller holds a write transaction and rolls it back on failure.
Status WriteGraph(sqlite::Database& db, const Graph& graph);

// The stored graph: entities and events by id, notes in stored order.
Result<Graph> ReadGraph(sqlite::Database& db);

// Documents with an extraction row and id > `after_doc_id`, in id order, their
// events read through `events` (evidence filled) and their duplicates' ids.
Result<std::vector<ExtractionRecord>> ReadExtractionRecords(sqlite::Database& db,
                                                            SqliteEventTables& events,
                                                            int64_t after_doc_id);

}  // namespace tg::store
