#include "text/dates_match.h"

#include <array>
#include <cstdio>
#include <string>

namespace tg::text::dates_internal {
// ---------------------------------------------------------------------------
// Small cursor helpers over bytes. All triggers are ASCII or fixed UTF-8
// literals, so byte-wise scanning never splits a multi-byte character we test.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool At(std::string_view s, size_t pos, std::string_view lit) {
  return pos <= s.size() && s.substr(pos, lit.size()) == lit;
}

bool AtNoCase(std::string_view s, size_t pos, std::string_view lit) {
  if (pos + lit.size() > s.size()) return false;
  for (size_t i = 0; i < lit.size(); ++i) {
    if (Lower(s[pos + i]) != Lower(lit[i])) return false;
  }
  return true;
}

// Skips ASCII blanks and U+00A0 (pages print &nbsp; between date parts).
size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    if (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r') {
      ++pos;
    } else if (At(s, pos, "\xC2\xA0")) {
      pos += 2;
    } else {
      break;
    }
  }
  return pos;
}

// Reads min..max digits at *pos (and no more digits after). Returns -1 on failure.
int ReadInt(std::string_view s, size_t* pos, int min_digits, int max_digits) {
  size_t p = *pos;
  int value = 0;
  int n = 0;
  while (p < s.size() && IsDigit(s[p]) && n <= max_digits) {
    value = value * 10 + (s[p] - '0');
    ++p;
    ++n;
  }
  if (n < min_digits || n > max_digits) return -1;
  *pos = p;
  return value;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int y, int m, int d, bool need_year) {
  if (need_year && (y < 1990 || y > 2100)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29 && y != 0 && !IsLeap(y)) return false;
  return true;
}



// English month names, longest first within each prefix family.
struct MonthName {
  std::string_view name;
  int month;
};
constexpr std::array<MonthName, 24> kMonths = {{
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
    {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},      {"mar", 3},
    {"apr", 4},     {"jun", 6},      {"jul", 7},       {"aug", 8},      {"sept", 9},
    {"sep", 9},     {"oct", 10},     {"nov", 11},      {"dec", 12},
}};

// Reads a month name (full or abbreviated, optional '.') at *pos.
int ReadMonthName(std::string_view s, size_t* pos) {
  if (*pos >= s.size()) return -1;
  // Most words start with a letter no month starts with: one compare per name.
  const char first = Lower(s[*pos]);
  for (const MonthName& m : kMonths) {
    if (m.name[0] != first || !AtNoCase(s, *pos, m.name)) continue;
    size_t p = *pos + m.name.size();
    if (p < s.size() && IsAlpha(s[p])) continue;
    if (p < s.size() && s[p] == '.') ++p;
    *pos = p;
    return m.month;
  }
  return -1;
}

constexpr std::array<std::string_view, 14> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon",    "tue",     "wed",       "thu",      "fri",    "sat",      "sun"};

// Skips "Monday, " / "Mon. " at *pos; returns whether one was there.
bool SkipEnglishWeekday(std::string_view s, size_t* pos) {
  if (*pos >= s.size()) return false;
  const char first = Lower(s[*pos]);
  for (std::string_view w : kWeekdays) {
    if (w[0] != first || !AtNoCase(s, *pos, w)) continue;
    size_t p = *pos + w.size();
    if (p < s.size() && IsAlpha(s[p])) continue;
    if (p < s.size() && s[p] == '.') ++p;
    if (p < s.size() && s[p] == ',') ++p;
    *pos = SkipSpaces(s, p);
    return true;
  }
  return false;
}

// Skips a weekday in parentheses after a date: "(월)", "(Mon)", "(월요일)".
size_t SkipParenWeekday(std::string_view s, size_t pos) {
  size_t p = SkipSpaces(s, pos);
  if (p >= s.size() || s[p] != '(') return pos;
  const size_t close = s.find(')', p);
  if (close == std::string_view::npos || close - p > 14) return pos;
  std::string_view inner = s.substr(p + 1, close - p - 1);
  static constexpr std::array<std::string_view, 7> kKo = {"월", "화", "수", "목",
                                                         "금", "토", "일"};
  for (std::string_view k : kKo) {
    if (inner.substr(0, k.size()) == k &&
        (inner.size() == k.size() || inner.substr(k.size()) == "요일")) {
      return close + 1;
    }
  }
  size_t q = 0;
  for (std::string_view w : kWeekdays) {
    if (AtNoCase(inner, 0, w) && (inner.size() == w.size() || inner[w.size()] == '.')) {
      q = 1;
      break;
    }
  }
  return q ? close + 1 : pos;
}

// Reads an optional time after a date that ended at `pos`, filling hour,
// minute, second and moving m->end. Handles "09:12", "10:11:28", "T06:45:00-05:00",
// "- 15:02", "6:45 AM", "at 6:45 a.m. KST", "오후 3:05", "오후 3시 5분".
void ReadTime(std::string_view s, RawMatch* m) {
  size_t p = SkipParenWeekday(s, m->end);
  m->end = p;
  bool iso_t = p < s.size() && s[p] == 'T';
  if (iso_t) {
    ++p;
  } else {
    p = SkipSpaces(s, p);
    // One optional separator between date and time.
    if (At(s, p, "-") || At(s, p, "|") || At(s, p, ",") || At(s, p, "@")) {
      p = SkipSpaces(s, p + 1);
    } else if (At(s, p, "\xE2\x80\x93") || At(s, p, "\xE2\x80\x94")) {  // en/em dash
      p = SkipSpaces(s, p + 3);
    } else if (AtNoCase(s, p, "at ")) {
      p = SkipSpaces(s, p + 3);
    }
  }
  int meridiem = 0;  // 1 = AM, 2 = PM
  if (At(s, p, "오전")) {
    meridiem = 1;
    p = SkipSpaces(s, p + 6);
  } else if (At(s, p, "오후")) {
    meridiem = 2;
    p = SkipSpaces(s, p + 6);
  }
  size_t q = p;
  int hour = ReadInt(s, &q, 1, 2);
  if (hour < 0) return;
  int minute = -1;
  int second = -1;
  if (q < s.size() && s[q] == ':') {
    ++q;
    minute = ReadInt(s, &q, 2, 2);
    if (minute < 0) return;
    if (q < s.size() && s[q] == ':') {
      size_t r = q + 1;
      second = ReadInt(s, &r, 2, 2);
      if (second >= 0) {
        q = r;
        if (q < s.size() && (s[q] == '.' || s[q] == ',') && q + 1 < s.size() && IsDigit(s[q + 1])) {
          ++q;
          while (q < s.size() && IsDigit(s[q])) ++q;  // fractional seconds: dropped
        }
      }
    }
  } else if (At(s, q, "시")) {
    q += 3;
    minute = 0;
    size_t r = SkipSpaces(s, q);
    int mm = ReadInt(s, &r, 1, 2);
    if (mm >= 0 && At(s, r, "분")) {
      minute = mm;
      q = r + 3;
    }
  } else {
    return;
  }
  if (q < s.size() && IsDigit(s[q])) return;
  // AM / PM after the time.
  size_t r = SkipSpaces(s, q);
  if (meridiem == 0) {
    if (AtNoCase(s, r, "a.m.")) {
      meridiem = 1, q = r + 4;
    } else if (AtNoCase(s, r, "p.m.")) {
      meridiem = 2, q = r + 4;
    } else if ((AtNoCase(s, r, "am") || AtNoCase(s, r, "pm")) &&
               (r + 2 >= s.size() || !IsAlpha(s[r + 2]))) {
      meridiem = Lower(s[r]) == 'a' ? 1 : 2;
      q = r + 2;
    }
  }
  if (meridiem != 0) {
    if (hour < 1 || hour > 12) {
      // "오후 15:00" appears on some sites; keep 24-hour values as printed.
      if (hour > 23) return;
    } else if (meridiem == 2 && hour != 12) {
      hour += 12;
    } else if (meridiem == 1 && hour == 12) {
      hour = 0;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return;
  // A zone: "Z", "+09:00", "-0500", "+09", " KST", " (KST)".
  const size_t spaced = SkipSpaces(s, q);
  if (spaced > q && spaced + 4 < s.size() && (s[spaced] == '+' || s[spaced] == '-') &&
      IsDigit(s[spaced + 1]) && IsDigit(s[spaced + 2]) && IsDigit(s[spaced + 3]) &&
      IsDigit(s[spaced + 4])) {
    q = spaced + 5;  // RFC 822 "09:12:00 +0900"
  } else if (q < s.size() && s[q] == 'Z') {
    ++q;
  } else if (q < s.size() && (s[q] == '+' || s[q] == '-') && q + 2 < s.size() &&
             IsDigit(s[q + 1]) && IsDigit(s[q + 2])) {
    size_t z = q + 3;
    if (z < s.size() && s[z] == ':') ++z;
    if (z + 1 < s.size() && IsDigit(s[z]) && IsDigit(s[z + 1])) z += 2;
    q = z;
  } else {
    size_t z = SkipSpaces(s, q);
    bool paren = z < s.size() && s[z] == '(';
    if (paren) ++z;
    size_t w = z;
    while (w < s.size() && s[w] >= 'A' && s[w] <= 'Z' && w - z < 5) ++w;
    if (w - z >= 2 && w - z <= 4 && (w >= s.size() || !IsAlpha(s[w]))) {
      static constexpr std::array<std::string_view, 16> kZones = {
          "KST", "UTC", "GMT", "ET", "EST", "EDT", "PT", "PST",
          "PDT", "CT",  "CST", "CDT", "JST", "CET", "CEST", "BST"};
      for (std::string_view zone : kZones) {
        if (s.substr(z, w - z) == zone) {
          if (paren && w < s.size() && s[w] == ')') ++w;
          q = w;
          break;
        }
      }
    }
  }
  m->hour = hour;
  m->minute = minute;
  m->second = second;
  m->end = q;
}

// Not glued to a preceding number ("02-2023-05-15", "12023").
bool FreeBefore(std::string_view s, size_t pos) {
  if (pos == 0) return true;
  const char c = s[pos - 1];
  if (IsDigit(c) || IsAlpha(c)) return false;
  if ((c == '-' || c == '.' || c == '/') && pos >= 2 && IsDigit(s[pos - 2])) return false;
  return true;
}

// Not continued by more digits ("2023-05-151", "2023-05-15-1234").
bool FreeAfter(std::string_view s, size_t pos) {
  if (pos >= s.size()) return true;
  if (IsDigit(s[pos])) return false;
  if ((s[pos] == '-' || s[pos] == '/') && pos + 1 < s.size() && IsDigit(s[pos + 1])) return false;
  return true;
}

// "2023.05.15", "2023. 5. 15.", "2023-05-15", "2023/05/15", ISO 8601.
std::optional<RawMatch> MatchNumericYmd(std::string_view s, size_t pos) {
  if (!FreeBefore(s, pos)) return std::nullopt;
  size_t p = pos;
  const int y = ReadInt(s, &p, 4, 4);
  if (y < 0 || p >= s.size()) return std::nullopt;
  const char sep = s[p];
  if (sep != '.' && sep != '-' && sep != '/') return std::nullopt;
  p = sep == '.' ? SkipSpaces(s, p + 1) : p + 1;
  const int m = ReadInt(s, &p, 1, 2);
  if (m < 0 || p >= s.size() || s[p] != sep) return std::nullopt;
  p = sep == '.' ? SkipSpaces(s, p + 1) : p + 1;
  const int d = ReadInt(s, &p, 1, 2);
  if (d < 0 || !FreeAfter(s, p)) return std::nullopt;
  if (sep == '.' && p < s.size() && s[p] == '.') {
    if (p + 1 < s.size() && IsDigit(s[p + 1])) return std::nullopt;  // "2023.05.15.3"
    ++p;  // "2023. 5. 15."
  }
  if (!ValidDate(y, m, d, true)) return std::nullopt;
  RawMatch r;
  r.year = y, r.month = m, r.day = d, r.begin = pos, r.end = p;
  ReadTime(s, &r);
  return r;
}

// "2023년 5월 15일 (월) 오후 3:05".
std::optional<RawMatch> MatchKorean(std::string_view s, size_t pos) {
  if (!FreeBefore(s, pos)) return std::nullopt;
  size_t p = pos;
  const int y = ReadInt(s, &p, 4, 4);
  if (y < 0) return std::nullopt;
  p = SkipSpaces(s, p);
  if (!At(s, p, "년")) return std::nullopt;
  p = SkipSpaces(s, p + 3);
  const int m = ReadInt(s, &p, 1, 2);
  if (m < 0) return std::nullopt;
  p = SkipSpaces(s, p);
  if (!At(s, p, "월")) return std::nullopt;
  p = SkipSpaces(s, p + 3);
  const int d = ReadInt(s, &p, 1, 2);
  if (d < 0) return std::nullopt;
  p = SkipSpaces(s, p);
  if (!At(s, p, "일")) return std::nullopt;
  p += 3;
  if (!ValidDate(y, m, d, true)) return std::nullopt;
  RawMatch r;
  r.year = y, r.month = m, r.day = d, r.begin = pos, r.end = p;
  // "월요일" spelled out after the date.
  size_t w = SkipSpaces(s, p);
  static constexpr std::array<std::string_view, 7> kKo = {"월", "화", "수", "목",
                                                         "금", "토", "일"};
  for (std::string_view k : kKo) {
    if (At(s, w, k) && At(s, w + 3, "요일")) {
      r.end = w + 9;
      break;
    }
  }
  ReadTime(s, &r);
  return r;
}

// Reads an optional ", 2024" / " 2024" after a month and day. Returns the year or 0.
int ReadTrailingYear(std::string_view s, size_t* pos) {
  size_t p = *pos;
  if (p < s.size() && s[p] == ',') ++p;
  p = SkipSpaces(s, p);
  const size_t start = p;
  const int y = ReadInt(s, &p, 4, 4);
  if (y < 0 || p == start || (p < s.size() && (IsDigit(s[p]) || IsAlpha(s[p])))) return 0;
  // "June 13, 2024" but not "June 13, 2024-25" style ranges of numbers.
  if (p < s.size() && s[p] == ':') return 0;
  *pos = p;
  return y;
}

// "October 18, 2024", "Oct. 18, 2024 - 15:02", "Sept. 3, 2025", "June 13" (no year).
std::optional<RawMatch> MatchMonthFirst(std::string_view s, size_t pos) {
  if (pos > 0 && IsAlpha(s[pos - 1])) return std::nullopt;
  size_t p = pos;
  const int m = ReadMonthName(s, &p);
  if (m < 0) return std::nullopt;
  const size_t after_name = p;
  p = SkipSpaces(s, p);
  if (p == after_name && (p >= s.size() || s[p - 1] != '.')) return std::nullopt;
  const int d = ReadInt(s, &p, 1, 2);
  if (d < 0) return std::nullopt;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (AtNoCase(s, p, suffix) && (p + 2 >= s.size() || !IsAlpha(s[p + 2]))) {
      p += 2;
      break;
    }
  }
  if (p < s.size() && (IsAlpha(s[p]) || IsDigit(s[p]))) return std::nullopt;
  RawMatch r;
  r.month = m, r.day = d, r.begin = pos, r.english_month_first = true;
  r.year = ReadTrailingYear(s, &p);
  if (!ValidDate(r.year, m, d, r.year != 0)) return std::nullopt;
  r.end = p;
  if (r.year != 0) ReadTime(s, &r);
  return r;
}

// "18 October 2024", "3rd Sept 2025", "23 Jun 2024 09:12:00 +0900".
std::optional<RawMatch> MatchDayFirst(std::string_view s, size_t pos) {
  if (!FreeBefore(s, pos)) return std::nullopt;
  size_t p = pos;
  const int d = ReadInt(s, &p, 1, 2);
  if (d < 0) return std::nullopt;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (AtNoCase(s, p, suffix)) {
      p += 2;
      break;
    }
  }
  const size_t before_name = p;
  p = SkipSpaces(s, p);
  if (p == before_name && !(p < s.size() && s[p] == '-')) return std::nullopt;
  if (p < s.size() && s[p] == '-') ++p;  // "18-Oct-2024"
  const int m = ReadMonthName(s, &p);
  if (m < 0) return std::nullopt;
  if (p < s.size() && s[p] == '-') p++;
  const int y = ReadTrailingYear(s, &p);
  if (y == 0 || !ValidDate(y, m, d, true)) return std::nullopt;
  RawMatch r;
  r.year = y, r.month = m, r.day = d, r.begin = pos, r.end = p;
  ReadTime(s, &r);
  return r;
}

// "15.05.2023" (day first) and "05/15/2023" (U.S. month first).
std::optional<RawMatch> MatchNumericYearLast(std::string_view s, size_t pos) {
  if (!FreeBefore(s, pos)) return std::nullopt;
  size_t p = pos;
  const int a = ReadInt(s, &p, 1, 2);
  if (a < 0 || p >= s.size()) return std::nullopt;
  const char sep = s[p];
  if (sep != '.' && sep != '/') return std::nullopt;
  ++p;
  const int b = ReadInt(s, &p, 1, 2);
  if (b < 0 || p >= s.size() || s[p] != sep) return std::nullopt;
  ++p;
  const int y = ReadInt(s, &p, 4, 4);
  if (y < 0 || !FreeAfter(s, p) || (p < s.size() && s[p] == sep)) return std::nullopt;
  const int m = sep == '/' ? a : b;
  const int d = sep == '/' ? b : a;
  if (!ValidDate(y, m, d, true)) return std::nullopt;
  RawMatch r;
  r.year = y, r.month = m, r.day = d, r.begin = pos, r.end = p;
  ReadTime(s, &r);
  return r;
}

std::optional<RawMatch> MatchAt(std::string_view s, size_t pos) {
  if (IsDigit(s[pos])) {
    if (auto r = MatchNumericYmd(s, pos)) return r;
    if (auto r = MatchKorean(s, pos)) return r;
    if (auto r = MatchDayFirst(s, pos)) return r;
    if (auto r = MatchNumericYearLast(s, pos)) return r;
    return std::nullopt;
  }
  if (IsAlpha(s[pos])) return MatchMonthFirst(s, pos);
  return std::nullopt;
}

std::string TwoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "%02d", v);
  return buf;
}

FoundDate ToFound(const RawMatch& r, DateLabel label, size_t begin) {
  FoundDate f;
  if (r.year != 0) {
    f.date = std::to_string(r.year) + "-" + TwoDigits(r.month) + "-" + TwoDigits(r.day);
  } else {
    f.date = "--" + TwoDigits(r.month) + "-" + TwoDigits(r.day);
  }
  if (r.hour >= 0) {
    f.time = TwoDigits(r.hour) + ":" + TwoDigits(r.minute);
    if (r.second >= 0) f.time += ":" + TwoDigits(r.second);
  }
  f.label = label;
  f.begin = begin;
  f.end = r.end;
  return f;
}

}  // namespace tg::text::dates_internal
