#pragma once
// Internal to src/resolve: merges the meetings (and trips) of different
// documents into events once their people are resolved. Rules in resolve.h.
// Pure functions.
#include <cstddef>
#include <string>
#include <vector>

#include "resolve/resolve.h"
#include "store/graph.h"

namespace tg::resolve {

// One document's report of a meeting or trip, with its people as entity
// indexes (sorted, unique; for a trip the traveller is `traveler`).
struct EventMention {
  size_t record = 0;  // index into the records
  size_t index = 0;   // meeting or trip index within the record
  bool trip = false;
  std::vector<int> people;
  int traveler = -1;
};

// The days a report can refer to: [lo, hi] as day numbers, and how precise it
// is (0 a day, 1 a month, 2 a year, 3 a window around publication, 4 nothing).
struct DayRange {
  long lo = 0;
  long hi = 0;
  int precision = 4;
};

// Day number of "YYYY-MM-DD" (days since 1970-01-01), or false when malformed.
bool ParseDay(const std::string& date, long* day);
// The range of a report dated `date` / `date_hint`, published `published`.
DayRange RangeOf(const std::string& date, const std::string& date_hint, const std::string& status,
                 const std::string& published, const ResolveOptions& options);

// Events with participants (and traveller) as entity indexes, in no
// particular order; the caller assigns ids.
std::vector<store::GraphEvent> MergeEvents(const std::vector<store::ExtractionRecord>& records,
                                           const std::vector<EventMention>& mentions,
                                           const ResolveOptions& options);

}  // namespace tg::resolve
