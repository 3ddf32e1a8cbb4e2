#include "pipeline/resolve.h"

#include <chrono>
#include <vector>

namespace tg::pipeline {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<ResolveSummary> ResolveStore(store::Store* store, const resolve::Resolver& resolver) {
  ResolveSummary summary;
  auto start = std::chrono::steady_clock::now();
  TG_RETURN_IF_ERROR(store->Flush());
  TG_ASSIGN_OR_RETURN(std::vector<store::ExtractionRecord> records, store->ListExtractions(0));
  summary.documents = static_cast<int64_t>(records.size());
  summary.read_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  store::Graph graph = resolver.Resolve(records);
  summary.resolve_seconds = SecondsSince(start);
  summary.entities = static_cast<int64_t>(graph.entities.size());
  summary.events = static_cast<int64_t>(graph.events.size());
  for (const store::ResolutionNote& n : graph.notes) {
    if (n.kind == "merge") ++summary.merges;
    if (n.kind == "ambiguous") ++summary.ambiguous;
  }

  start = std::chrono::steady_clock::now();
  TG_RETURN_IF_ERROR(store->PutGraph(graph));
  summary.write_seconds = SecondsSince(start);
  return summary;
}

}  // namespace tg::pipeline
