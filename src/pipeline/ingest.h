#pragma once
// The ingest pipeline over a batch of inputs (files, directory trees, "-"):
// read -> clean -> deduplicate -> store, then, for each new group leader,
// extract its meetings and trips (events.h) and store them too. Bad inputs
// are counted and reported with the input's name and the reason; the batch
// goes on. Not thread-safe: one IngestPipeline per thread, each with its own
// Store. Run() may read and clean on a second thread of its own (see
// IngestOptions::pipelined); the store and every callback are still used on
// the calling thread only.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/result.h"
#include "dedup/near_dup.h"
#include "extract/entities.h"
#include "ingest/reader.h"
#include "pipeline/walk.h"
#include "store/store.h"
#include "text/cleaner.h"

namespace tg::pipeline {

struct Rejection {
  std::string input;   // path, "path#line=N" or "path#offset=N"
  std::string reason;  // one line, e.g. "invalid argument: binary content, not text"
};

// Progress of an ingest run (walk.h).
using IngestProgress = BatchProgress;

struct IngestSummary {
  int64_t read = 0;              // documents read (including those rejected)
  int64_t stored = 0;            // documents newly stored (leaders and duplicates)
  int64_t exact_duplicates = 0;  // stored, joined an existing group by exact text
  int64_t near_duplicates = 0;   // stored, joined an existing group by MinHash
  int64_t already_stored = 0;    // the same raw bytes were stored before: nothing added
  int64_t rejected = 0;          // inputs or records rejected
  uint64_t bytes = 0;            // raw bytes of the documents read
  int64_t extracted = 0;         // stored documents run through extraction (group leaders)
  int64_t meetings = 0;          // meetings and trips they yielded, stored with them
  int64_t trips = 0;
  double seconds = 0;
  // Where the time went, by stage (wall seconds): reading and decoding,
  // cleaning, duplicate detection, entity and event extraction, storing
  // (including commits). In a pipelined run reading, cleaning and hashing
  // overlap with the rest, so the stages add up to more than `seconds`.
  double read_seconds = 0;
  double clean_seconds = 0;
  double dedup_seconds = 0;
  double extract_seconds = 0;
  double store_seconds = 0;
  std::vector<Rejection> rejections;
  // Rejections counted by reason with the input-specific parts left out, for summaries.
  std::map<std::string, int64_t> rejection_counts;
};

struct IngestOptions {
  ingest::ReadOptions read;
  text::CleanOptions clean;
  dedup::MinHashOptions minhash;
  // Run() into a store that holds no documents yet reads, decodes, cleans
  // and hashes on a second thread, a few documents ahead of duplicate
  // detection, storing and extraction on the calling thread. Same results as
  // the one-thread run (documents are still cleaned and stored in input
  // order), less wall time when a second core is free (bench/README.md). A store that already
  // holds documents is always ingested on one thread: which pages are
  // already stored, and so never cleaned, depends on it.
  bool pipelined = true;
  // When set, every newly stored document that leads its duplicate group
  // (duplicates repeat their leader's story) goes through entity and event
  // extraction, and its meetings and trips are stored with it
  // (Store::PutEvents). Null skips extraction, for raw-throughput runs.
  // Borrowed: must outlive the pipeline.
  const extract::EntityExtractor* extractor = nullptr;
  // Called at most every progress_interval_ms, and once at the end.
  std::function<void(const IngestProgress&)> on_progress;
  int progress_interval_ms = 100;
  // Called for every rejection as it happens (the summary keeps them all too).
  std::function<void(const Rejection&)> on_reject;
  // Called for every newly stored document.
  std::function<void(const Document&)> on_stored;
};

class IngestPipeline {
 public:
  // `store` must outlive the pipeline.
  IngestPipeline(store::Store* store, IngestOptions options);

  // Ingests every input; never stops early for a bad input. Fails only when
  // the store fails (the batch cannot continue); documents stored before that
  // are committed.
  Result<IngestSummary> Run(const std::vector<std::string>& paths);

  // Ingests one decoded document into the running summary. Returns the
  // stored document's id, or 0 when it was not stored (already stored, or
  // rejected: then counted and reported). Fails only when the store fails.
  Result<int64_t> Add(const RawDocument& raw);

  const IngestSummary& summary() const { return summary_; }

  // A cleaned and hashed document on its way to the store (internal; defined
  // in ingest.cc).
  struct Prepared;

 private:
  void Reject(const std::string& input, const Status& status);
  // Cleans `raw` and computes its hashes (the signature only when
  // `with_signature`); adds the time spent to `*clean_seconds` and
  // `*dedup_seconds`. Uses only the cleaner and the hasher.
  void Prepare(const RawDocument& raw, bool with_signature, Prepared* out, double* clean_seconds,
               double* dedup_seconds);
  // Counts and stores a prepared document (duplicate lookups, insert, events).
  Result<int64_t> Commit(Prepared& prepared);
  Status RunPipelined(const std::vector<std::string>& paths, ProgressReporter& progress);

  store::Store* store_;
  IngestOptions options_;
  text::Cleaner cleaner_;
  dedup::MinHasher hasher_;
  IngestSummary summary_;
};

}  // namespace tg::pipeline
