#pragma once
// Internal to timex*.cc: the light tokenizer the time scanners walk, the
// publication-date context and the resolution helpers shared by the English
// and Korean matchers. Pure functions; thread-safe.
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/timex.h"

namespace tg::extract::timex_internal {

enum class TokKind : uint8_t {
  kWord,    // ASCII letters
  kNumber,  // ASCII digits
  kHangul,  // Hangul syllables and jamo
  kPunct,   // one punctuation code point (ASCII or dash, tilde, bracket)
  kOther,   // any other run (other scripts, symbols)
};

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  int32_t number = -1;  // kNumber: value, -1 when longer than 9 digits
  TokKind kind = TokKind::kOther;
  bool space_before = false;  // white space separates it from the previous token
  bool break_before = false;  // a line break separates it from the previous token
  uint8_t digits = 0;         // kNumber: digit count
};

// Splits `text` into tokens (white space dropped). Spans are byte offsets.
void Tokenize(std::string_view text, std::vector<Tok>* toks);

// Which occurrence of a recurring month, day or weekday is meant.
enum class Direction : uint8_t {
  kDefault,  // no cue: the past-leaning rules in timex.h
  kPast,     // "last", "지난": strictly before publication
  kFuture,   // "next", "오는", a future cue: from publication on
  kThis,     // "this Tuesday": within publication's week
};

struct Context {
  std::string_view text;
  const std::vector<Tok>* toks = nullptr;
  CivilDate pub;          // as given
  bool pub_full = false;  // year, month and day known and valid
  int64_t pub_day = 0;    // day number when pub_full

  size_t size() const { return toks->size(); }
  const Tok& tok(size_t i) const { return (*toks)[i]; }
  std::string_view str(size_t i) const {
    return text.substr(tok(i).begin, tok(i).end - tok(i).begin);
  }
  bool IsPunct(size_t i, char c) const {
    return i < size() && tok(i).kind == TokKind::kPunct && tok(i).end - tok(i).begin == 1 &&
           text[tok(i).begin] == c;
  }
  // A dash-like or tilde punctuation token: "-", "–", "—", "~", "～", "〜".
  bool IsRangeDash(size_t i) const;
  // Token i is a number adjacent to nothing on its left that would make it
  // part of a bigger figure ("1,000", "3.5", "v2").
  bool NumberStandsAlone(size_t i) const;
  // Future cue in the sentence around token i: English "will", "scheduled",
  // "upcoming"... before it; Korean "예정" after it.
  bool FutureCue(size_t i) const;
};

// ---- Resolution against the publication date (all leave `out` untouched
// ---- beyond the fields they document).

// Year for `month` per the rules in timex.h; 0 when pub has no year.
int YearForMonth(const Context& ctx, int month, int day, Direction dir);

// value = the day-of-month per the rules in timex.h; value.day = day and
// month/year 0 when there is no full publication date.
CivilDate ResolveDayOfMonth(const Context& ctx, int day, Direction dir);

// Weekday 0 = Monday; invalid CivilDate without a full publication date.
CivilDate ResolveWeekday(const Context& ctx, int weekday, Direction dir);

// Publication date moved by `days` (invalid without a full publication date).
CivilDate PubPlusDays(const Context& ctx, int days);

// Publication month moved by `months`: year and month (invalid without them).
CivilDate PubPlusMonths(const Context& ctx, int months);

// Publication year moved by `years` (invalid without a year).
CivilDate PubPlusYears(const Context& ctx, int years);

// Monday-to-Sunday week `weeks` away from publication's week: value = Monday,
// range_end = Sunday, approximate; anchor kPublication.
void SetWeek(const Context& ctx, int weeks, TimeExpression* out);

// ---- Matchers. Each tries to read an expression starting at token i; on
// ---- success fills `out` (span, anchor, values) and returns the index one
// ---- past its last token, else returns 0.
size_t MatchEnglish(const Context& ctx, size_t i, TimeExpression* out);
size_t MatchKorean(const Context& ctx, size_t i, TimeExpression* out);
// "2024-06-11", "2024-06", "2024.06.11", "2024/6/11", "2024. 6. 11" at a 4-digit number.
size_t MatchIsoDate(const Context& ctx, size_t i, TimeExpression* out);
// "6/11" as month/day at a 1-2 digit number.
size_t MatchSlashDate(const Context& ctx, size_t i, TimeExpression* out);

// ASCII helpers.
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool EqualsLower(std::string_view word, std::string_view lower);

}  // namespace tg::extract::timex_internal
