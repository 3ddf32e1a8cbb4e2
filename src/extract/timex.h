#pragma once
// Time expressions in English and Korean news, normalised against the
// publication date at the granularity the text supports: "June 11",
// "on the 10th", "Tuesday (US time)", "last week", "earlier this month",
// "in April", "지난 11일(현지시간)", "13일", "이달 말", "지난해 10월",
// "2개월 만에". Relative-to-event forms ("the following day", "이튿날",
// "전날") are returned unresolved, with their offset, for later stages to
// anchor on another dated event. Pure functions; thread-safe.
//
// Resolution rules (publication date P):
// - A month without a year ("June 11", "in December", "6월") takes P's year,
//   unless that puts it more than 6 months after P (then the previous year:
//   past-tense news means the most recent December) or more than 10 months
//   before P (then the next year: "Jan. 10" in a piece of Dec. 20). "last"/
//   "지난" take the latest such month before P's month, "next"/"오는" or a
//   future cue ("will", "scheduled", "예정") the first one from P's month on.
// - A bare day of month ("on the 10th", "지난 11일", "13일") is the latest such
//   day on or before P (this month or the previous one); with "오는"/"next" or
//   a future cue, the first one on or after P.
// - A weekday is the latest one on or before P; "last Tuesday" the latest
//   strictly before P; "next Tuesday" / "오는 화요일" / a future cue the first
//   one after P; "this Tuesday" the one in P's Monday-to-Sunday week.
// - Weeks ("this week", "지난주") give value = Monday, range_end = Sunday,
//   approximate. Parts of months ("early June", "이달 말", "earlier this
//   month") and years ("late 2023", "연말") give the month or year, approximate.
// - Spans leave out bare prepositions ("on", "in", "for", "from") but keep
//   modifiers ("last", "지난", "early") and a time-zone note ("(현지시간)",
//   "(US time)"), which sets local_time unless it names Korean time. Korean
//   spans end before a glued particle ("이달 말까지" -> "이달 말").
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
  kPublication,  // resolved against the publication date ("on Tuesday", "지난 11일", "June 11")
  kEvent,        // relative to another event ("the following day", "이튿날"): see offset_days
  kDuration,     // a span, not a point ("for four days", "나흘간", "2개월 만에")
};

struct TimeExpression {
  uint32_t begin = 0;  // byte span in the text
  uint32_t end = 0;
  TimeAnchor anchor = TimeAnchor::kAbsolute;
  CivilDate value;      // resolved as far as certain (year 0 when no year follows)
  CivilDate range_end;  // for ranges ("Aug. 18-22", "17일부터 나흘간"): last day, when known
  int offset_days = 0;  // kEvent: days after (+) or before (-) the anchoring event
  int duration_days = 0;     // kDuration: length in days when given in days/weeks
  int duration_months = 0;   // kDuration: length in months when given in months/years
  bool approximate = false;  // "early June", "이달 말", "last week": a hint, not a day
  bool local_time = false;   // "(현지시간)", "(US time)": the date is the venue's local date
  // ISO form of `value` at its granularity: "2024-06-11", "2024-06", "2024",
  // "--06-11" when the year is unknown, "--06" for a month alone; empty when
  // nothing is known (value.valid() is false; a bare day may still sit in value.day).
  std::string Iso() const;
};

// Finds and normalises time expressions. `published` is the document's
// publication date (may be invalid: then month/day without a year stay
// year-less hints, and weekdays stay unresolved). Weekdays resolve to the
// most recent such day on or before publication for past-tense use, and to
// the next one for "next Tuesday" / "오는 12일". A partial `published`
// (year only, or year and month) resolves what it can ("지난해" -> year - 1).
// Expressions come in text order and never overlap. "최근" ("recently") and
// other vague words are not returned.
std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const CivilDate& published);

}  // namespace tg::extract
