#pragma once
// Internal to timex*.cc: the English keyword table of the time scanner
// (months, weekdays, relative words, units, number words, prepositions).
// Immutable after first use; thread-safe.
#include <cstdint>
#include <string_view>

namespace tg::extract::timex_internal {

enum class Kw : uint8_t {
  kNone,
  kMonth,    // value 1..12; abbrev for "Jan", "Sept"...
  kWeekday,  // value 0 = Monday .. 6 = Sunday
  kDayWord,  // yesterday (-1), today (0), tomorrow (+1), tonight (0)
  kLast,
  kNext,
  kThis,
  kPart,  // earlier, later, early, mid, late
  kThe,
  kEdge,  // end, beginning, start, middle
  kOf,
  kUnit,      // value: 1 day, 7 week, 30 month, 365 year
  kRelative,  // following (+1), next-as-in "the next day" is kNext, previous (-1), same (0)
  kBefore,    // before, earlier
  kAfter,     // after, later
  kAgo,
  kCount,  // number words; "a"/"an" = 1
  kWeekend,
  kDayPart,  // morning, afternoon, evening, night
  kOrdinal,  // st, nd, rd, th
  kLink,     // to, through, until, and: range links
  kPrep,     // other prepositions after which a bare year is a year
};

struct KwInfo {
  Kw kind = Kw::kNone;
  int16_t value = 0;
  bool abbrev = false;
  bool year_prep = false;  // a 4-digit number right after it is a year ("in 2018")
};

// The keyword `word` is (any case), or kind kNone. Words longer than nine
// letters are never keywords and cost no hashing.
KwInfo LookupKeyword(std::string_view word);

}  // namespace tg::extract::timex_internal
