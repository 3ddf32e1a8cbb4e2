#pragma once
// JSON and text forms of one document's meetings and trips
// (store::StoredEvents) and of its entity list, shared by `extract` (events
// fresh from the extractor, converted by pipeline::ToStoredEvents) and `show`
// (events read back from the store), so both print a meeting the same way.
// Field list: docs/cli.md.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extract/entity.h"
#include "store/events.h"

namespace tg::cli {

// [{"participants": [...], "date", "date_hint", "place", "status", "topics",
//   "evidence", "confidence"}, ...]; empty strings are null.
nlohmann::json MeetingsJson(const store::StoredEvents& events);
// [{"traveler", "destinations", "start", "end", "companions", "status",
//   "evidence", "confidence"}, ...]; empty strings are null.
nlohmann::json TripsJson(const store::StoredEvents& events);
// Persons, organisations and places without their mentions:
// [{"type", "name", "kb_id", "name_en", "name_ko", "title", "org"}, ...].
nlohmann::json EntitiesJson(const std::vector<extract::DocEntity>& entities);

// The same three lists written compactly straight into `out`, byte for byte
// what dump(-1, ' ', false, error_handler_t::replace) of the value above
// writes (keys in nlohmann's sorted order), without building the JSON tree:
// `extract --format jsonl` spends a tenth of its time on the tree otherwise.
void AppendMeetingsJson(const store::StoredEvents& events, std::string* out);
void AppendTripsJson(const store::StoredEvents& events, std::string* out);
void AppendEntitiesJson(const std::vector<extract::DocEntity>& entities, std::string* out);
// `s` as a JSON string literal, as the dump above writes it (ill-formed UTF-8
// becomes U+FFFD); AppendJsonStringOrNull writes null for an empty `s`.
void AppendJsonString(std::string_view s, std::string* out);
void AppendJsonStringOrNull(std::string_view s, std::string* out);

// Prints the meetings, then the trips, one aligned line each with its
// evidence indented below; says so when there are none.
void PrintEventsText(const store::StoredEvents& events);
// Prints persons, organisations and places as a table (no dates, no mentions).
void PrintEntitiesText(const std::vector<extract::DocEntity>& entities);

}  // namespace tg::cli
