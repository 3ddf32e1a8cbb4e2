#pragma once
// Internal to timex*.cc: Korean time words (relative years, months, weeks,
// days, weekdays, counting words for days, modifiers) and the particle rules
// that decide whether the rest of a Hangul run may follow a keyword. Pure
// functions and constant tables; thread-safe.
#include <cstdint>
#include <string_view>

namespace tg::extract::timex_internal {

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// The rest of a Hangul run after a keyword: empty, or starting with a
// particle, ending or time suffix (은, 에는, 부터, 까지, 말, 초, 간, 만에...).
bool ParticleOk(std::string_view rest);

// Bytes of a particle at the end of `word` ("말까지" -> 6), never the whole
// word, and never the "에"/"으로" of "만에"/"만으로" ("since"), which belong
// to the expression.
size_t TrailingParticle(std::string_view word);

// Korean counting words for days: 하루 (1) ... 열흘 (10), 보름 (15).
struct DayWord {
  std::string_view word;
  int days;
};
inline constexpr DayWord kDayWords[] = {{"하루", 1},   {"이틀", 2},  {"사흘", 3}, {"나흘", 4},
                                        {"닷새", 5},   {"엿새", 6},  {"이레", 7}, {"여드레", 8},
                                        {"아흐레", 9}, {"열흘", 10}, {"보름", 15}};

inline constexpr std::string_view kWeekdayWords[] = {"월요일", "화요일", "수요일", "목요일",
                                                     "금요일", "토요일", "일요일"};

struct Simple {
  std::string_view word;
  enum { kYear, kMonth, kWeek, kDay, kEvent, kYearPart } kind;
  int offset;
};
inline constexpr Simple kSimple[] = {
    {"재작년", Simple::kYear, -2},  {"지난해", Simple::kYear, -1}, {"작년", Simple::kYear, -1},
    {"올해", Simple::kYear, 0},     {"금년", Simple::kYear, 0},    {"내년", Simple::kYear, 1},
    {"지난달", Simple::kMonth, -1}, {"이달", Simple::kMonth, 0},   {"이번달", Simple::kMonth, 0},
    {"다음달", Simple::kMonth, 1},  {"내달", Simple::kMonth, 1},   {"지난주", Simple::kWeek, -1},
    {"이번주", Simple::kWeek, 0},   {"금주", Simple::kWeek, 0},    {"다음주", Simple::kWeek, 1},
    {"그저께", Simple::kDay, -2},   {"그제", Simple::kDay, -2},    {"어제", Simple::kDay, -1},
    {"오늘", Simple::kDay, 0},      {"내일", Simple::kDay, 1},     {"모레", Simple::kDay, 2},
    {"이튿날", Simple::kEvent, 1},  {"다음날", Simple::kEvent, 1}, {"전날", Simple::kEvent, -1},
    {"당일", Simple::kEvent, 0},    {"이날", Simple::kEvent, 0},   {"연말", Simple::kYearPart, 0},
    {"연초", Simple::kYearPart, 0}};

inline constexpr std::string_view kModifiers[] = {"지난", "오는", "이번", "다음", "같은"};

// False when the Hangul run `w` cannot start any keyword above (checked on
// its first two syllables with one hash probe).
bool MayStartKeyword(std::string_view w);

}  // namespace tg::extract::timex_internal
