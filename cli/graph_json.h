#pragma once
// JSON and text forms of the resolved graph (store/graph.h) shared by the
// `events`, `resolve` and `entities --db` verbs.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>
#include <unordered_map>

#include "query/json.h"
#include "store/graph.h"

namespace tg::cli {

// Entities by id, for naming participants.
using EntityIndex = std::unordered_map<int64_t, const store::GraphEntity*>;
EntityIndex IndexEntities(const store::Graph& graph);

// "Lee Jae-yong (이재용)": query::DisplayName, shared with the query verbs.
using query::DisplayName;

// The `tiegraph events` contract: {"id", "kind", "participants": [canonical
// names], "date", "date_hint", "place", "status", "topics", "docs",
// "evidence": [{"doc", "text", "published", "status"}], ...}.
nlohmann::json EventToJson(const store::GraphEvent& ev, const EntityIndex& entities);
// The pairwise form of an event: one record per pair of its participants
// (one for a two-person meeting; a trip gives one record, its traveller),
// each with the documents and evidence of the reports naming both, the
// merged event's id in "event" and the others present in "with". This is the
// edge list of the temporal graph, and what `tiegraph events` prints.
std::vector<nlohmann::json> PairEventsToJson(const store::GraphEvent& ev, const EntityIndex& entities);
// {"id", "type", "name", "name_en", "name_ko", "aliases", "kb_id", "title", "org", "docs", "events"}.
nlohmann::json EntityToJson(const store::GraphEntity& e);
// {"kind", "name", "entities": [names], "score", "reason"}.
nlohmann::json NoteToJson(const store::ResolutionNote& n, const EntityIndex& entities);

}  // namespace tg::cli
