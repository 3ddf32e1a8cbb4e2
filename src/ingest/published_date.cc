#include "ingest/published_date.h"

#include <array>
#include <cstdio>
#include <vector>

namespace tg::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool ValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string FormatDate(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

int MonthFromName(std::string_view word) {
  static constexpr std::array<const char*, 12> kNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                         "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (lower.compare(0, 3, kNames[i]) == 0) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Tokens: runs of digits, runs of letters, and the single separator after each.
struct Token {
  std::string_view text;
  bool digits = false;
  char after = '\0';  // the character right after the token, '\0' at the end
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (IsDigit(s[i]) || IsAlpha(s[i])) {
      const bool digits = IsDigit(s[i]);
      const size_t start = i;
      while (i < s.size() && (digits ? IsDigit(s[i]) : IsAlpha(s[i]))) ++i;
      out.push_back({s.substr(start, i - start), digits, i < s.size() ? s[i] : '\0'});
    } else {
      ++i;
    }
  }
  return out;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// "HH:MM" or "HH:MM:SS" from the tokens starting at `i`, or "".
std::string TimeAt(const std::vector<Token>& t, size_t i) {
  if (i + 1 >= t.size() || !t[i].digits || !t[i + 1].digits || t[i].after != ':' ||
      t[i].text.size() > 2 || t[i + 1].text.size() != 2) {
    return "";
  }
  const int h = ToInt(t[i].text);
  const int m = ToInt(t[i + 1].text);
  if (h > 23 || m > 59) return "";
  char buf[32];
  if (t[i + 1].after == ':' && i + 2 < t.size() && t[i + 2].digits && t[i + 2].text.size() == 2 &&
      ToInt(t[i + 2].text) <= 60) {
    std::snprintf(buf, sizeof(buf), "%02d:%02d:%02d", h, m, ToInt(t[i + 2].text));
  } else {
    std::snprintf(buf, sizeof(buf), "%02d:%02d", h, m);
  }
  return buf;
}

}  // namespace

PublishedDate NormalizePublished(std::string_view value) {
  PublishedDate out;
  const std::vector<Token> t = Tokenize(value.substr(0, 200));
  if (t.empty()) return out;
  int y = 0;
  int m = 0;
  int d = 0;
  size_t next = 0;  // token after the date, where a time may start
  if (t[0].digits && t[0].text.size() == 4 && t.size() >= 3 && t[1].digits && t[2].digits &&
      (t[0].after == '-' || t[0].after == '/' || t[0].after == '.') && t[1].after == t[0].after &&
      t[1].text.size() <= 2 && t[2].text.size() <= 2) {
    // 2024-03-05, 2024/3/5, 2024.03.05
    y = ToInt(t[0].text);
    m = ToInt(t[1].text);
    d = ToInt(t[2].text);
    next = 3;
  } else if (t[0].digits && t[0].text.size() == 8 && (t[0].after == 'T' || t[0].after == '\0')) {
    // 20240305 (ISO basic form)
    y = ToInt(t[0].text.substr(0, 4));
    m = ToInt(t[0].text.substr(4, 2));
    d = ToInt(t[0].text.substr(6, 2));
    next = 1;
  } else {
    // Textual month: "Tue, 05 Mar 2024 09:30:00 GMT", "March 5, 2024", "5 March 2024".
    size_t i = 0;
    if (!t[0].digits && MonthFromName(t[0].text) == 0) i = 1;  // weekday
    if (i + 2 < t.size() && t[i].digits && !t[i + 1].digits && t[i + 2].digits) {
      d = ToInt(t[i].text);
      m = MonthFromName(t[i + 1].text);
      y = t[i + 2].text.size() == 4 ? ToInt(t[i + 2].text) : 0;
      next = i + 3;
    } else if (i + 2 < t.size() && !t[i].digits && t[i + 1].digits && t[i + 2].digits &&
               t[i + 1].text.size() <= 2) {
      m = MonthFromName(t[i].text);
      d = ToInt(t[i + 1].text);
      y = t[i + 2].text.size() == 4 ? ToInt(t[i + 2].text) : 0;
      next = i + 3;
    }
  }
  if (!ValidDate(y, m, d)) return out;
  out.date = FormatDate(y, m, d);
  if (next < t.size() && !t[next].digits && (t[next].text == "T" || t[next].text == "t")) ++next;
  if (next < t.size()) out.time = TimeAt(t, next);
  return out;
}

}  // namespace tg::ingest
