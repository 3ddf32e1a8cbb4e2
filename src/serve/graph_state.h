#pragma once
// The resolved graph the server answers from: an immutable snapshot (the
// query index plus a document -> events table for document lookups) behind
// an atomically swapped std::shared_ptr. Readers take the current snapshot
// once per request and keep it to the end, so a swap by the ingest writer
// never changes a graph under a request. Thread-safe.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "query/graph_index.h"
#include "store/store.h"

namespace tg::serve {

struct GraphSnapshot {
  std::shared_ptr<const query::GraphIndex> index;
  // Document external id -> positions of the events it reports or carries
  // (sources and their duplicates), ascending.
  std::unordered_map<std::string, std::vector<uint32_t>> events_by_doc;
  // Entity positions, most documents first (then id): the unfiltered entity list.
  std::vector<uint32_t> entities_by_docs;
  // Per entity position: its normalised names and aliases (query::NormalizeName),
  // each followed by '\n', for substring search.
  std::vector<std::string> name_keys;
  int64_t persons = 0;  // entities by type (synthesised organisations included)
  int64_t organisations = 0;
  int64_t meetings = 0;  // events by kind
  int64_t trips = 0;
  int64_t version = 0;    // 1 for the graph loaded at start, +1 per swap
  std::string loaded_at;  // ISO 8601 UTC

  // Positions of the events carried by document `ext_id` (empty when none).
  const std::vector<uint32_t>& EventsOfDocument(std::string_view ext_id) const;
};

// The current time as ISO 8601 UTC ("2025-03-04T10:20:00Z").
std::string NowUtc();

// Builds a snapshot over `index` (the document table included).
std::shared_ptr<const GraphSnapshot> MakeSnapshot(std::shared_ptr<const query::GraphIndex> index,
                                                  int64_t version);

class GraphState {
 public:
  // Starts with an empty graph (version 0) until the first Swap.
  GraphState();

  // The current snapshot; never null.
  std::shared_ptr<const GraphSnapshot> Current() const { return current_.load(); }

  // Installs a snapshot over `index`, numbered one past the current one.
  // Readers holding the old snapshot keep it until they drop it.
  void Swap(std::shared_ptr<const query::GraphIndex> index);

  // Reads the stored graph from `store`, indexes it and swaps it in. Fails
  // (leaving the current snapshot) when the store or the indexing fails.
  Status Reload(store::Store* store);

 private:
  std::atomic<std::shared_ptr<const GraphSnapshot>> current_;
  // One swap at a time, so versions are unique and increasing; readers never take it.
  std::mutex swap_mu_;
};

}  // namespace tg::serve
