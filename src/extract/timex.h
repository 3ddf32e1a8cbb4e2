#pragma once
// Time expressions in English and Korean news, normalised against the
// publication date at the granularity the text supports: "June 11",
// "on the 10th", "Tuesday (US time)", "last week", "earlier this month",
// "in April", "지난 11일(현지시간)", "13일", "이달 말", "지난해 10월",
// "2개월 만에". Relative-to-event forms ("the following day", "이튿날",
// "전날") are returned unresolved, with their offset, for later stages to
// anchor on another dated event. Pure functions; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::extract {

// A calendar date, possibly partial. 0 means unknown.
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool valid() const { return year != 0 || month != 0; }
};

enum class TimeAnchor : uint8_t {
  kAbsolute,     // the text gives the value itself ("June 11, 2024")
  kPublication,  // resolved against the publication date ("on Tuesday", "지난 11일")
  kEvent,        // relative to another event ("the following day", "이튿날"): see offset_days
  kDuration,     // a span, not a point ("for four days", "나흘간", "2개월 만에")
};

struct TimeExpression {
  uint32_t begin = 0;  // byte span in the text
  uint32_t end = 0;
  TimeAnchor anchor = TimeAnchor::kAbsolute;
  CivilDate value;           // resolved as far as certain (year 0 when no year follows)
  CivilDate range_end;       // for ranges ("Aug. 18-22", "17일부터 나흘간"): last day, when known
  int offset_days = 0;       // kEvent: days after (+) or before (-) the anchoring event
  int duration_days = 0;     // kDuration: length in days when given in days/weeks
  bool approximate = false;  // "early June", "이달 말", "last week": a hint, not a day
  bool local_time = false;   // "(현지시간)", "(US time)": the date is the venue's local date
  // ISO form of `value` at its granularity: "2024-06-11", "2024-06", "2024",
  // or "--06-11" when the year is unknown; empty when nothing is known.
  std::string Iso() const;
};

// Finds and normalises time expressions. `published` is the document's
// publication date (may be invalid: then month/day without a year stay
// year-less hints, and weekdays stay unresolved). Weekdays resolve to the
// most recent such day on or before publication for past-tense use, and to
// the next one for "next Tuesday" / "오는 12일".
std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const CivilDate& published);

}  // namespace tg::extract
