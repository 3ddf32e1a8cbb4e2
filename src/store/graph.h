#pragma once
// The resolved graph as the store keeps it: canonical entities (one person,
// one organisation across documents and languages) and merged events (one
// real-world meeting or trip with every document that reports it). Built by
// resolve/ from the per-document extractions (ExtractionRecord below) and
// written whole by Store::PutGraph; read by query/, serve/ and `tiegraph events`.
// Plain value types.
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/events.h"

namespace tg::store {

// One document's extraction as resolution reads it back from the store.
struct ExtractionRecord {
  int64_t doc_id = 0;
  std::string ext_id;     // as `extract` prints it ("id")
  std::string lang;       // "en", "ko", ...
  std::string published;  // "YYYY-MM-DD" or empty
  std::string outlet;
  // Exact and near duplicates of this document (not extracted themselves):
  // their external ids, so an event lists every page that carries it.
  std::vector<std::string> duplicate_ext_ids;
  StoredEvents events;  // evidence text filled in
};

// A canonical entity. `id` is assigned by resolution and dense (1..N); `key`
// is stable across re-resolution ("kb:lee-jae-yong", or the normalised name of
// the cluster's representative) so ids can be carried over when a graph is
// rebuilt after new documents arrive.
struct GraphEntity {
  int64_t id = 0;
  std::string key;
  std::string type = "PERSON";  // "PERSON" or "ORG"
  std::string name;             // canonical display name (English form when known)
  std::string name_en;          // English form, empty when unknown
  std::string name_ko;          // Korean form, empty when unknown
  std::string kb_id;            // knowledge-base id, empty when unknown
  std::string title;            // most often given role ("Chairman", "CEO")
  std::string org;              // most often given organisation
  std::vector<std::string> aliases;  // every surface form seen (any language), sorted
  int64_t docs = 0;                  // documents mentioning it in an event
  int64_t events = 0;                // events it takes part in
  bool operator==(const GraphEntity&) const = default;
};

// One document's report of an event.
struct EventSource {
  int64_t doc_id = 0;
  std::string doc;        // document external id
  std::string published;  // the report's publication date, "YYYY-MM-DD" or empty
  std::string status;     // what this report says: "occurred", "planned", "denied"
  std::string date;       // what this report says about the date
  std::string date_hint;
  std::string evidence;   // the sentence stating it
  std::vector<int64_t> participants;  // the entities this report names, sorted
  std::vector<std::string> copies;    // ids of the report's duplicate pages (same story)
  bool operator==(const EventSource&) const = default;
};

// A merged real-world event.
struct GraphEvent {
  int64_t id = 0;
  std::string kind = "meeting";      // "meeting" or "trip"
  std::vector<int64_t> participants;  // entity ids, sorted; trips: traveller and companions
  int64_t traveler = 0;               // trips: the traveller's entity id; 0 for meetings
  std::string date;                   // best-supported day, "YYYY-MM-DD" or empty
  std::string date_hint;              // "YYYY-MM" / "YYYY" when no day is certain
  std::string end;                    // trips: last day, or empty
  std::string place;                  // meetings: best-supported place name
  std::string place_kb_id;
  std::vector<std::string> destinations;  // trips
  std::string status;                     // from the latest report
  std::vector<std::string> topics;        // union over reports, sorted
  double confidence = 0;
  std::vector<EventSource> sources;  // by publication date, then document
  std::vector<std::string> docs;     // every document id carrying it (sources and their duplicates), sorted
  bool operator==(const GraphEvent&) const = default;
};

// A decision resolution made or refused, for the `tiegraph resolve --report`
// listing: every cross-language merge and every ambiguous match left apart.
struct ResolutionNote {
  std::string kind;        // "merge" or "ambiguous"
  std::string name;        // the surface form concerned
  std::vector<int64_t> entities;  // the entity it joined, or the candidates
  double score = 0;        // the match score behind the decision
  std::string reason;      // short explanation ("romanisation", "phonetic 0.87 + org")
  bool operator==(const ResolutionNote&) const = default;
};

struct Graph {
  std::vector<GraphEntity> entities;  // by id
  std::vector<GraphEvent> events;     // by id
  std::vector<ResolutionNote> notes;
  bool operator==(const Graph&) const = default;
};

// Checks what every backend requires of PutGraph: entity and event ids are
// positive and unique, event kinds known, and every entity id an event or
// note names exists. Fails with kInvalidArgument naming the first problem.
Status ValidateGraph(const Graph& graph);

}  // namespace tg::store
