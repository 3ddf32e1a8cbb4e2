#pragma once
// Internal to src/text: the date matchers behind dates.h (numeric, Korean and
// English forms, each with an optional time and zone). dates.cc builds
// ParseDate and FindPublishedDate on them. Pure functions; thread-safe.
#include <cstddef>
#include <optional>
#include <string_view>

#include "text/dates.h"

namespace tg::text::dates_internal {

struct RawMatch {
  int year = 0;  // 0 when the text gives none
  int month = 0;
  int day = 0;
  int hour = -1;
  int minute = -1;
  int second = -1;
  size_t begin = 0;
  size_t end = 0;
  bool english_month_first = false;  // "June 13": may be a dateline
};

bool IsDigit(char c);
bool IsAlpha(char c);
bool At(std::string_view s, size_t pos, std::string_view lit);
bool AtNoCase(std::string_view s, size_t pos, std::string_view lit);
// Skips ASCII blanks and U+00A0.
size_t SkipSpaces(std::string_view s, size_t pos);
// Reads min..max digits at *pos (and no more digits after); -1 on failure.
int ReadInt(std::string_view s, size_t* pos, int min_digits, int max_digits);
// A valid calendar date; the year must be in 1990..2100 when need_year.
bool ValidDate(int y, int m, int d, bool need_year);
// Skips "Monday, " / "Mon. " at *pos; returns whether one was there.
bool SkipEnglishWeekday(std::string_view s, size_t* pos);
// A date (and its time) starting exactly at `pos`, which must be < s.size().
std::optional<RawMatch> MatchAt(std::string_view s, size_t pos);
FoundDate ToFound(const RawMatch& r, DateLabel label, size_t begin);

}  // namespace tg::text::dates_internal
