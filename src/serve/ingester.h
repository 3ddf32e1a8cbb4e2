#pragma once
// The server's single writer: POST /api/documents bodies go through the
// ingest pipeline of `tiegraph ingest` (pipeline/ingest.h: clean,
// deduplicate, store, extract), then the store's extractions are resolved
// again into the graph, which is stored and swapped in for readers
// (GraphState). One ingest runs at a time; a second waits for the first
// until its own deadline. Readers never wait for it. Thread-safe.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "extract/entities.h"
#include "serve/graph_state.h"
#include "serve/http.h"
#include "serve/ingest_body.h"
#include "store/store.h"

namespace tg::serve {

// Re-resolves every extraction in the store into the graph, stores it
// (Store::PutGraph) and returns it.
using ResolveFn = std::function<Result<store::Graph>(store::Store*)>;

struct IngesterOptions {
  std::string data_dir;  // extraction models; empty: the default
  IngestBodyOptions body;
};

class Ingester {
 public:
  // Takes the writer connection and loads the extraction models. `graph`
  // must outlive the ingester.
  static Result<std::unique_ptr<Ingester>> Create(const IngesterOptions& options,
                                                  std::unique_ptr<store::Store> writer,
                                                  GraphState* graph, ResolveFn resolve);

  // Ingests the articles of `body` (ingest_body.h), then resolves and swaps
  // the graph. Returns the response: 201 when something new was stored, 200
  // when nothing was (all already stored or rejected, each listed), 503
  // "timeout" when the deadline passed between two documents (those stored
  // stay stored and resolved; re-sending the body skips them). Fails with
  // kInvalidArgument for a bad body (nothing stored), kUnavailable when
  // another ingest held the writer past the deadline, and the store's
  // status when the store fails.
  Result<HttpResponse> Ingest(std::string_view body, Clock::time_point deadline);

  // {"runs", "documents_stored", "last_run_at", "last_seconds", "last_resolve_seconds"}.
  nlohmann::json Counters() const;

 private:
  Ingester() = default;

  IngesterOptions options_;
  GraphState* graph_ = nullptr;
  ResolveFn resolve_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<extract::EntityExtractor> extractor_;
  std::timed_mutex writer_mu_;  // one ingest at a time

  mutable std::mutex counters_mu_;
  int64_t runs_ = 0;
  int64_t documents_stored_ = 0;
  std::string last_run_at_;
  double last_seconds_ = 0;
  double last_resolve_seconds_ = 0;
};

}  // namespace tg::serve
