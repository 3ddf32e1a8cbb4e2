#include "extract/timex_scan.h"

#include "core/utf8.h"
#include "extract/timex_calendar.h"

namespace tg::extract::timex_internal {
namespace {

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Code points that stand alone as punctuation tokens: dashes, tildes, quotes,
// full-width brackets and stops. Everything else outside ASCII and Hangul is
// grouped into kOther runs.
bool IsWidePunct(char32_t cp) {
  switch (cp) {
    case 0x00B7:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2026:
    case 0x3001:
    case 0x3002:
    case 0x300C:
    case 0x300D:
    case 0x301C:
    case 0xFF08:
    case 0xFF09:
    case 0xFF0C:
    case 0xFF5E:
    case 0x2212:
      return true;
    default:
      return false;
  }
}

bool IsWideSpace(char32_t cp) {
  return cp == 0x00A0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F;
}

// Decodes the code point at `*pos` like tg::NextCodePoint, with the 3-byte
// sequences of Hangul inlined: the out-of-line call per syllable was a fifth
// of the scan on Korean text.
inline char32_t DecodeAt(std::string_view text, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t i = *pos;
  const unsigned char b0 = p[i];
  if (b0 >= 0xE1 && b0 <= 0xEC && i + 2 < text.size() && (p[i + 1] & 0xC0) == 0x80 &&
      (p[i + 2] & 0xC0) == 0x80) {
    *pos = i + 3;
    return (static_cast<char32_t>(b0 & 0x0F) << 12) |
           (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  }
  return NextCodePoint(text, pos);
}

// Same set as tg::IsHangul, inlined for the tokenizer loop.
inline bool IsHangulCp(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}

}  // namespace

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(word[k]) != lower[k]) return false;
  }
  return true;
}

void Tokenize(std::string_view text, std::vector<Tok>* toks) {
  toks->clear();
  toks->reserve(text.size() / 4 + 8);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  bool space = false;
  bool line_break = false;
  while (i < n) {
    const unsigned char c = p[i];
    Tok t;
    t.begin = static_cast<uint32_t>(i);
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        space = true;
        if (c == '\n') line_break = true;
        ++i;
        continue;
      }
      if (IsAsciiLetter(c)) {
        while (i < n && IsAsciiLetter(p[i])) ++i;
        t.kind = TokKind::kWord;
      } else if (IsDigit(c)) {
        int64_t value = 0;
        while (i < n && IsDigit(p[i])) {
          if (value < 1000000000) value = value * 10 + (p[i] - '0');
          ++i;
        }
        const size_t digits = i - t.begin;
        t.kind = TokKind::kNumber;
        t.digits = static_cast<uint8_t>(digits > 255 ? 255 : digits);
        t.number = digits > 9 ? -1 : static_cast<int32_t>(value);
      } else {
        ++i;
        t.kind = TokKind::kPunct;
      }
    } else {
      size_t pos = i;
      const char32_t cp = DecodeAt(text, &pos);
      if (IsWideSpace(cp)) {
        space = true;
        i = pos;
        continue;
      }
      if (IsHangulCp(cp)) {
        t.kind = TokKind::kHangul;
        i = pos;
        while (i < n && p[i] >= 0x80) {
          size_t next = i;
          if (!IsHangulCp(DecodeAt(text, &next))) break;
          i = next;
        }
      } else if (IsWidePunct(cp)) {
        t.kind = TokKind::kPunct;
        i = pos;
      } else {
        t.kind = TokKind::kOther;
        i = pos;
        while (i < n && p[i] >= 0x80) {
          size_t next = i;
          const char32_t other = DecodeAt(text, &next);
          if (IsHangulCp(other) || IsWidePunct(other) || IsWideSpace(other)) break;
          i = next;
        }
      }
    }
    t.end = static_cast<uint32_t>(i);
    t.space_before = space;
    t.break_before = line_break;
    space = false;
    line_break = false;
    toks->push_back(t);
  }
}

bool Context::IsRangeDash(size_t i) const {
  if (i >= size() || tok(i).kind != TokKind::kPunct) return false;
  const std::string_view s = str(i);
  return s == "-" || s == "~" || s == "\u2013" || s == "\u2014" || s == "\uFF5E" || s == "\u301C" ||
         s == "\u2010" || s == "\u2011" || s == "\u2012" || s == "\u2212";
}

bool Context::NumberStandsAlone(size_t i) const {
  const Tok& t = tok(i);
  if (i > 0 && !t.space_before) {
    const Tok& prev = tok(i - 1);
    if (prev.kind == TokKind::kWord || prev.kind == TokKind::kNumber) return false;
    if (prev.kind == TokKind::kPunct) {
      const char c = text[prev.begin];
      // "1,000", "3.5", "$5", "v.2": part of a larger figure or code.
      if ((c == ',' || c == '.' || c == '/' || c == ':') && i >= 2 &&
          tok(i - 2).kind == TokKind::kNumber && !prev.space_before) {
        return false;
      }
      if (c == '$' || c == '#' || c == '+') return false;
    }
  }
  if (i + 1 < size() && !tok(i + 1).space_before) {
    const Tok& next = tok(i + 1);
    if (next.kind == TokKind::kPunct) {
      const char c = text[next.begin];
      if ((c == ',' || c == '.' || c == ':') && i + 2 < size() &&
          tok(i + 2).kind == TokKind::kNumber && !tok(i + 2).space_before) {
        return false;
      }
      if (c == '%') return false;
    }
  }
  return true;
}

bool Context::FutureCue(size_t i) const {
  // English: a modal or schedule word earlier in the same sentence.
  for (size_t k = i, steps = 0; k > 0 && steps < 14; --k, ++steps) {
    const Tok& t = tok(k - 1);
    if (t.kind == TokKind::kPunct) {
      const char c = text[t.begin];
      if (c == '.' || c == '!' || c == '?' || c == ';') break;
    }
    if (t.kind == TokKind::kWord) {
      const std::string_view w = str(k - 1);
      if (EqualsLower(w, "will") || EqualsLower(w, "scheduled") || EqualsLower(w, "slated") ||
          EqualsLower(w, "upcoming") || EqualsLower(w, "expected") || EqualsLower(w, "plans")) {
        return true;
      }
    }
    if (t.break_before) break;
  }
  // Korean: "예정" (scheduled) or "계획이다" (plans to) later in the sentence.
  for (size_t k = i + 1, steps = 0; k < size() && steps < 24; ++k, ++steps) {
    const Tok& t = tok(k);
    if (t.break_before) break;
    if (t.kind == TokKind::kPunct && text[t.begin] == '.') break;
    if (t.kind == TokKind::kHangul) {
      const std::string_view w = str(k);
      if (w.find("예정") != std::string_view::npos || w.rfind("계획이", 0) == 0 ||
          w.rfind("방침이", 0) == 0) {
        return true;
      }
    }
  }
  return false;
}

int YearForMonth(const Context& ctx, int month, int day, Direction dir) {
  const CivilDate& p = ctx.pub;
  if (p.year == 0) return 0;
  if (p.month == 0) return p.year;
  // Compare (month, day) with publication; a missing day compares as equal.
  const int cmp = month != p.month                           ? (month < p.month ? -1 : 1)
                  : (day == 0 || p.day == 0 || day == p.day) ? 0
                                                             : (day < p.day ? -1 : 1);
  switch (dir) {
    case Direction::kPast:
      return cmp < 0 ? p.year : p.year - 1;
    case Direction::kFuture:
      return cmp >= 0 ? p.year : p.year + 1;
    case Direction::kThis:
      return p.year;
    case Direction::kDefault:
      break;
  }
  const int diff = month - p.month;
  if (diff > 6) return p.year - 1;
  if (diff < -10) return p.year + 1;
  return p.year;
}

CivilDate ResolveDayOfMonth(const Context& ctx, int day, Direction dir) {
  CivilDate out;
  out.day = day;
  if (!ctx.pub_full) return out;
  CivilDate month_start{ctx.pub.year, ctx.pub.month, 0};
  const bool future = dir == Direction::kFuture;
  if (future ? day < ctx.pub.day : day > ctx.pub.day) {
    month_start = AddMonths(month_start, future ? 1 : -1);
  }
  // A day the month lacks ("31일" with a 30-day month) moves one month further.
  for (int guard = 0; guard < 2 && day > DaysInMonth(month_start.year, month_start.month);
       ++guard) {
    month_start = AddMonths(month_start, future ? 1 : -1);
  }
  out.year = month_start.year;
  out.month = month_start.month;
  return out;
}

CivilDate ResolveWeekday(const Context& ctx, int weekday, Direction dir) {
  if (!ctx.pub_full) return {};
  const int pub_weekday = WeekdayOfDayNumber(ctx.pub_day);
  int delta = 0;
  switch (dir) {
    case Direction::kDefault:
      delta = -((pub_weekday - weekday + 7) % 7);
      break;
    case Direction::kPast:
      delta = -((pub_weekday - weekday + 7) % 7);
      if (delta == 0) delta = -7;
      break;
    case Direction::kFuture:
      delta = (weekday - pub_weekday + 7) % 7;
      if (delta == 0) delta = 7;
      break;
    case Direction::kThis:
      delta = weekday - pub_weekday;
      break;
  }
  return DateOfDayNumber(ctx.pub_day + delta);
}

CivilDate PubPlusDays(const Context& ctx, int days) {
  if (!ctx.pub_full) return {};
  return DateOfDayNumber(ctx.pub_day + days);
}

CivilDate PubPlusMonths(const Context& ctx, int months) {
  if (ctx.pub.year == 0 || ctx.pub.month == 0) return {};
  return AddMonths(CivilDate{ctx.pub.year, ctx.pub.month, 0}, months);
}

CivilDate PubPlusYears(const Context& ctx, int years) {
  if (ctx.pub.year == 0) return {};
  return CivilDate{ctx.pub.year + years, 0, 0};
}

void SetWeek(const Context& ctx, int weeks, TimeExpression* out) {
  out->anchor = TimeAnchor::kPublication;
  out->approximate = true;
  if (!ctx.pub_full) return;
  const int64_t monday = ctx.pub_day - WeekdayOfDayNumber(ctx.pub_day) + 7 * weeks;
  out->value = DateOfDayNumber(monday);
  out->range_end = DateOfDayNumber(monday + 6);
}

}  // namespace tg::extract::timex_internal
