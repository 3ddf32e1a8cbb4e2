#pragma once
// Which events a query counts: dates, topic, status. Shared by every query
// (query.h, rank.h) and the exports. Pure functions; thread-safe.
//
// Dates: an event's date is its `date`, else its `date_hint` ("2024-03",
// "2024"); since/until keep an event whose date or hint overlaps the range
// (a trip spans date..end). An undated event passes a date filter when its
// first report's publication date does. Dates are "YYYY", "YYYY-MM" or
// "YYYY-MM-DD".
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "query/graph_index.h"

namespace tg::query {

enum class StatusFilter { kAny, kOccurred, kPlanned, kDenied };  // kAny: occurred or planned

// Which events a query counts.
struct EventFilter {
  std::string since;  // empty: no lower bound
  std::string until;  // empty: no upper bound
  std::string topic;  // empty: any; else a label containing these words, any case ("AI" fits "AI chips")
  StatusFilter status = StatusFilter::kAny;
};

// Parses "any" | "occurred" | "planned" | "denied"; kInvalidArgument otherwise.
Result<StatusFilter> ParseStatusFilter(std::string_view text);
// Checks since/until ("YYYY[-MM[-DD]]", since <= until); kInvalidArgument otherwise.
Status ValidateFilter(const EventFilter& filter);
bool EventMatches(const GraphIndex& index, uint32_t event, const EventFilter& filter);
// The event's date for sorting and display: date, else date_hint, else "".
const std::string& EventDate(const store::GraphEvent& event);

}  // namespace tg::query
