#pragma once
// The resolution step of the pipeline: reads every stored extraction,
// resolves people and merges events across documents (resolve/resolve.h) and
// stores the resulting graph in place of the old one. `ingest` runs it after
// each batch; `tiegraph resolve` runs it alone. No document is re-read or
// re-extracted: only the stored extractions are. Deterministic, so resolving
// after every batch gives the graph resolving once at the end would.
#include <cstdint>

#include "core/result.h"
#include "resolve/resolve.h"
#include "store/store.h"

namespace tg::pipeline {

struct ResolveSummary {
  int64_t documents = 0;  // extractions read
  int64_t entities = 0;
  int64_t events = 0;
  int64_t merges = 0;     // resolution notes of kind "merge"
  int64_t ambiguous = 0;  // and "ambiguous"
  double read_seconds = 0;
  double resolve_seconds = 0;
  double write_seconds = 0;
};

// Rebuilds `store`'s graph. Fails when the store cannot be read or written;
// the old graph is kept then.
Result<ResolveSummary> ResolveStore(store::Store* store, const resolve::Resolver& resolver);

}  // namespace tg::pipeline
