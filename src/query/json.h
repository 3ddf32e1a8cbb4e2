#pragma once
// JSON forms of entities, events and query results, shared by `tiegraph
// <verb> --format json` and serve/, so both answer alike. Provenance is
// expanded: an event carries its sources (document, publication date, status,
// evidence sentence) and documents. Fields are described in docs/query.md.
// Pure functions; thread-safe.
#include <nlohmann/json.hpp>

#include "query/graph_index.h"
#include "query/names.h"
#include "query/query.h"

namespace tg::query {

// {"id", "type", "name", "name_en", "name_ko", "display", "title", "org", "kb_id", "aliases", "docs", "events"}
nlohmann::json EntityJson(const store::GraphEntity& entity);
// {"id", "name", "display"}: the short form used inside results.
nlohmann::json EntityRefJson(const GraphIndex& index, int64_t id);
// {"id", "kind", "participants", "traveler", "date", "date_hint", "end", "place",
//  "destinations", "status", "topics", "confidence", "sources": [...], "docs": [...]}
nlohmann::json EventJson(const GraphIndex& index, const store::GraphEvent& event);
// The event by id (with EventJson), or null when unknown.
nlohmann::json EventJsonById(const GraphIndex& index, int64_t id);

// {"status": "ambiguous" | "not_found" | "found", "name", "entity", "candidates": [EntityRef...]}
nlohmann::json ResolutionJson(const GraphIndex& index, std::string_view name,
                              const Resolution& resolution);

// Results; events are expanded with EventJson.
nlohmann::json WhoMetJson(const GraphIndex& index, const WhoMetResult& result);
nlohmann::json CounterpartJson(const GraphIndex& index, const Counterpart& counterpart);
nlohmann::json TimelineJson(const GraphIndex& index, const TimelineResult& result);
nlohmann::json TimelineEntryJson(const GraphIndex& index, const TimelineEntry& entry);
nlohmann::json PathJson(const GraphIndex& index, const PathResult& result);
nlohmann::json EgoJson(const GraphIndex& index, const EgoResult& result);
nlohmann::json TopJson(const GraphIndex& index, const TopResult& result, Measure by);
nlohmann::json RankedEntityJson(const GraphIndex& index, const RankedEntity& entry);
nlohmann::json TopicsJson(const GraphIndex& index, const TopicsResult& result);
nlohmann::json TopicCountJson(const GraphIndex& index, const TopicCount& topic);

// "Lee Jae-yong (이재용)": the canonical name plus the other-language form when
// known and different; the name alone otherwise.
std::string DisplayName(const store::GraphEntity& entity);

}  // namespace tg::query
