#pragma once
// The storage interface every backend implements (sqlite_store.h embedded by
// default; a server database later) and that the pipeline and query layers use.
// A Store is used from one thread at a time; open one per thread.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/result.h"
#include "store/events.h"
#include "store/graph.h"

namespace tg::store {

// A stored document that may lead or join a duplicate group.
struct DocRef {
  int64_t id = 0;
  int64_t dup_group = 0;
};

// A near-duplicate candidate found through shared LSH band keys.
struct NearDupCandidate {
  int64_t id = 0;
  int64_t dup_group = 0;
  std::vector<uint32_t> signature;
};

struct DocFilter {
  std::string lang;     // exact match when set
  std::string outlet;   // case-insensitive substring when set
  std::string since;    // published >= since (YYYY-MM-DD) when set
  std::string until;    // published <= until when set
  bool leaders_only = false;  // only documents that lead their duplicate group
  int limit = 100;
  int offset = 0;
};

struct DocSummary {
  int64_t id = 0;
  std::string ext_id;
  std::string source;
  std::string title;
  std::string outlet;
  std::string published;
  std::string lang;
  int64_t dup_group = 0;
  DupKind dup_kind = DupKind::kNone;
  uint64_t text_bytes = 0;
};

struct SearchHit {
  int64_t id = 0;
  std::string ext_id;
  std::string title;
  std::string snippet;  // a short piece of the clean text around the match, matches in [brackets]
  double score = 0;     // higher is better
};

struct StoreStats {
  int64_t documents = 0;
  int64_t groups = 0;           // duplicate groups (leaders)
  int64_t exact_duplicates = 0;
  int64_t near_duplicates = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Documents with these raw bytes, if any were stored before (re-ingest check).
  virtual Result<std::optional<DocRef>> FindByRawHash(uint64_t raw_hash) = 0;
  // A document whose clean text has this exact-duplicate hash.
  virtual Result<std::optional<DocRef>> FindByTextHash(uint64_t text_hash) = 0;
  // Documents sharing at least one LSH band key, with their signatures.
  virtual Result<std::vector<NearDupCandidate>> FindNearDupCandidates(
      const std::vector<uint64_t>& band_keys) = 0;

  // Stores `doc` (its id is assigned and returned; dup_group 0 means "leads a
  // new group": the group becomes the new id), with its MinHash signature and
  // band keys, and indexes its text for search. Atomic per document: on
  // failure nothing of it is stored. Writes are batched in transactions; they
  // are visible to this Store's reads at once and durable after Flush().
  virtual Result<int64_t> Insert(const Document& doc, const std::vector<uint32_t>& signature,
                                 const std::vector<uint64_t>& band_keys) = 0;
  // Commits the open batch. Also done by the destructor (errors then lost).
  virtual Status Flush() = 0;

  virtual Result<std::optional<Document>> Get(int64_t id) = 0;
  // By external id (file stem, JSONL id, WARC record id); the first stored wins.
  virtual Result<std::optional<Document>> GetByExtId(std::string_view ext_id) = 0;
  virtual Result<std::vector<DocSummary>> List(const DocFilter& filter) = 0;
  // Full-text search over clean text; Korean words match without their
  // particles (회장 finds 회장이, 회장은 ...). Query syntax: words, all required;
  // "quoted phrases"; OR between words. Fails with kInvalidArgument on a bad query.
  virtual Result<std::vector<SearchHit>> Search(std::string_view query, int limit) = 0;
  virtual Result<StoreStats> Stats() = 0;

  // Stores the meetings and trips extracted from document `doc_id` (inserted
  // before, in this batch or an earlier one), replacing any stored for it.
  // Atomic per call, batched with the inserts and durable after Flush().
  // Fails with kNotFound for an unknown document and kInvalidArgument when
  // ValidateEvents rejects `events` (nothing is stored then).
  virtual Status PutEvents(int64_t doc_id, const StoredEvents& events) = 0;
  // The events stored for `doc_id`, in the order they were put, with their
  // evidence text filled in; nullopt when none were ever put (a document
  // ingested without extraction, a duplicate, an unknown id).
  virtual Result<std::optional<StoredEvents>> GetEvents(int64_t doc_id) = 0;

  // Every document that went through extraction and has id > `after_doc_id`
  // (0: all), in id order, with its events (evidence filled in) and the
  // external ids of its stored duplicates. Sees the open batch.
  virtual Result<std::vector<ExtractionRecord>> ListExtractions(int64_t after_doc_id) = 0;
  // Replaces the stored resolved graph (entities, events, notes) with `graph`.
  // Commits the open batch first; atomic and durable when it returns. Fails
  // with kInvalidArgument when an event names an entity id not in `graph`.
  virtual Status PutGraph(const Graph& graph) = 0;
  // The stored resolved graph; empty when none was ever put.
  virtual Result<Graph> GetGraph() = 0;
};

}  // namespace tg::store
