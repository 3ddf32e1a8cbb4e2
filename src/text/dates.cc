#include "text/dates.h"

#include <array>

#include "text/dates_match.h"

namespace tg::text {
namespace {

using dates_internal::At;
using dates_internal::AtNoCase;
using dates_internal::IsAlpha;
using dates_internal::IsDigit;
using dates_internal::MatchAt;
using dates_internal::RawMatch;
using dates_internal::ReadInt;
using dates_internal::SkipEnglishWeekday;
using dates_internal::SkipSpaces;
using dates_internal::ToFound;
using dates_internal::ValidDate;

bool IsSpaceOrSep(std::string_view s, size_t i, size_t* len) {
  // Separators between a label and its date: blanks, ':', '|', '=', '·', '[', '(' and
  // the full-width colon.
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == ':' || c == '|' || c == '=' || c == '[' || c == '(' ||
      c == ']' || c == ')' || c == '-' || c == '\n') {
    *len = 1;
    return true;
  }
  if (i >= 1 && s.substr(i - 1, 2) == "\xC2\xA0") {
    *len = 2;
    return true;
  }
  if (i >= 2 && (s.substr(i - 2, 3) == "\xEF\xBC\x9A" || s.substr(i - 2, 3) == "\xE2\x80\xA2")) {
    *len = 3;
    return true;
  }
  if (i >= 1 && s.substr(i - 1, 2) == "\xC2\xB7") {  // middle dot
    *len = 2;
    return true;
  }
  return false;
}

struct Label {
  std::string_view text;
  DateLabel label;
  bool registration_like;  // 등록/발행: also used by outlets' registration lines
};

// Longest first, so "기사입력" wins over "입력" and "last updated" over "updated".
constexpr std::array<Label, 42> kLabels = {{
    {"기사입력시간", DateLabel::kPublished, false},
    {"기사입력", DateLabel::kPublished, false},
    {"기사등록", DateLabel::kPublished, false},
    {"입력일시", DateLabel::kPublished, false},
    {"입력시간", DateLabel::kPublished, false},
    {"입력일", DateLabel::kPublished, false},
    {"입력", DateLabel::kPublished, false},
    {"등록일시", DateLabel::kPublished, true},
    {"등록일자", DateLabel::kPublished, true},
    {"등록일", DateLabel::kPublished, true},
    {"등록", DateLabel::kPublished, true},
    {"발행일자", DateLabel::kPublished, true},
    {"발행일", DateLabel::kPublished, true},
    {"발행", DateLabel::kPublished, true},
    {"승인", DateLabel::kPublished, false},
    {"게재일", DateLabel::kPublished, false},
    {"게재", DateLabel::kPublished, false},
    {"송고시간", DateLabel::kPublished, false},
    {"송고", DateLabel::kPublished, false},
    {"작성일시", DateLabel::kPublished, false},
    {"작성일", DateLabel::kPublished, false},
    {"작성", DateLabel::kPublished, false},
    {"최종수정", DateLabel::kUpdated, false},
    {"수정일시", DateLabel::kUpdated, false},
    {"수정일", DateLabel::kUpdated, false},
    {"수정", DateLabel::kUpdated, false},
    {"업데이트", DateLabel::kUpdated, false},
    {"first published", DateLabel::kPublished, false},
    {"publication date", DateLabel::kPublished, false},
    {"published", DateLabel::kPublished, false},
    {"publish date", DateLabel::kPublished, false},
    {"pub date", DateLabel::kPublished, false},
    {"posted", DateLabel::kPublished, false},
    {"created", DateLabel::kPublished, false},
    {"release date", DateLabel::kPublished, false},
    {"released", DateLabel::kPublished, false},
    {"last updated", DateLabel::kUpdated, false},
    {"last modified", DateLabel::kUpdated, false},
    {"updated", DateLabel::kUpdated, false},
    {"modified", DateLabel::kUpdated, false},
    {"update", DateLabel::kUpdated, false},
    {"date", DateLabel::kPublished, false},
}};

// The label written just before `begin` ("입력 ", "Published : ", "Posted on "),
// or nullptr. *label_begin receives where the label starts.
const Label* LabelBefore(std::string_view s, size_t begin, size_t* label_begin) {
  size_t i = begin;
  size_t len = 0;
  while (i > 0 && IsSpaceOrSep(s, i - 1, &len)) i -= len;
  // A weekday between the label and the date ("Updated Tuesday, January 6").
  for (std::string_view day : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                               "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
                               "fri", "sat", "sun"}) {
    const size_t end = i > 0 && (s[i - 1] == '.' || s[i - 1] == ',') ? i - 1 : i;
    if (end >= day.size() + 1 && AtNoCase(s, end - day.size(), day) &&
        !IsAlpha(s[end - day.size() - 1])) {
      i = end - day.size();
      while (i > 0 && IsSpaceOrSep(s, i - 1, &len)) i -= len;
      break;
    }
  }
  // "Posted on", "Updated at".
  for (std::string_view word : {"on", "at"}) {
    if (i >= word.size() + 1 && AtNoCase(s, i - word.size(), word) &&
        s[i - word.size() - 1] == ' ') {
      i -= word.size() + 1;
      while (i > 0 && IsSpaceOrSep(s, i - 1, &len)) i -= len;
      break;
    }
  }
  for (const Label& label : kLabels) {
    const size_t n = label.text.size();
    if (i < n || !AtNoCase(s, i - n, label.text)) continue;
    // English labels need a word boundary ("update" must not read as "date").
    if (IsAlpha(label.text[0]) && i > n && IsAlpha(s[i - n - 1])) continue;
    *label_begin = i - n;
    return &label;
  }
  return nullptr;
}

bool Contains(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

// `needle` is lower case.
bool ContainsNoCase(std::string_view s, std::string_view needle) {
  if (needle.size() > s.size()) return false;
  const char first = needle[0];
  const char first_upper =
      first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    // The first letter is tested inline; AtNoCase only where it matches.
    if ((s[i] == first || s[i] == first_upper) && AtNoCase(s, i, needle)) return true;
  }
  return false;
}

// An outlet's imprint block: registration number, phone, publisher.
bool LooksLikeImprint(std::string_view s) {
  return Contains(s, "등록번호") || Contains(s, "대표전화") || Contains(s, "발행인") ||
         Contains(s, "편집인") || Contains(s, "사업자등록") || Contains(s, "청소년보호") ||
         ContainsNoCase(s, "registration no");
}

// "©", "ⓒ", "(c)" or "Copyright" in the few bytes before the date.
bool AfterCopyright(std::string_view s, size_t begin) {
  const size_t from = begin > 24 ? begin - 24 : 0;
  std::string_view before = s.substr(from, begin - from);
  return Contains(before, "\xC2\xA9") || Contains(before, "\xE2\x93\x92") ||
         ContainsNoCase(before, "(c)") || ContainsNoCase(before, "copyright");
}

// "SEOUL, June 13 (Yonhap) --": a capitalised place and a comma from the
// start of the line, then after the date an agency in parentheses or a dash.
bool IsDateline(std::string_view s, const RawMatch& r) {
  const size_t newline = s.substr(0, r.begin).rfind('\n');
  const size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  std::string_view place = s.substr(line_start, r.begin - line_start);
  while (!place.empty() && place.back() == ' ') place.remove_suffix(1);
  while (!place.empty() && place.front() == ' ') place.remove_prefix(1);
  if (place.size() < 3 || place.size() > 60 || place.back() != ',') return false;
  if (!(place[0] >= 'A' && place[0] <= 'Z')) return false;
  int words = 1;
  for (size_t i = 0; i + 1 < place.size(); ++i) {
    const char c = place[i];
    if (c == ' ') ++words;
    if (!(IsAlpha(c) || c == ' ' || c == '.' || c == ',' || c == '\'' || c == '-')) return false;
  }
  if (words > 5) return false;
  size_t p = SkipSpaces(s, r.end);
  if (p >= s.size()) return false;
  if (s[p] == '(') {
    const size_t close = s.find(')', p);
    return close != std::string_view::npos && close - p <= 40;
  }
  return s[p] == '-' || At(s, p, "\xE2\x80\x94") || At(s, p, "\xE2\x80\x93");
}

}  // namespace

std::optional<FoundDate> ParseDate(std::string_view text) {
  size_t b = SkipSpaces(text, 0);
  size_t e = text.size();
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n' ||
                   text[e - 1] == '\r')) {
    --e;
  }
  if (e >= b + 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  std::string_view s = text.substr(0, e);
  if (b >= e) return std::nullopt;
  SkipEnglishWeekday(s, &b);
  if (b >= e) return std::nullopt;
  // Compact "20240623" (meta tags and URLs).
  if (e - b == 8) {
    bool all_digits = true;
    for (size_t i = b; i < e; ++i) all_digits = all_digits && IsDigit(s[i]);
    if (all_digits) {
      size_t p = b;
      const int y = ReadInt(s.substr(0, b + 4), &p, 4, 4);
      const int m = (s[b + 4] - '0') * 10 + (s[b + 5] - '0');
      const int d = (s[b + 6] - '0') * 10 + (s[b + 7] - '0');
      if (!ValidDate(y, m, d, true)) return std::nullopt;
      RawMatch r;
      r.year = y, r.month = m, r.day = d, r.begin = b, r.end = e;
      return ToFound(r, DateLabel::kNone, b);
    }
  }
  std::optional<RawMatch> r = MatchAt(s, b);
  if (!r || r->year == 0) return std::nullopt;
  size_t end = r->end;
  while (end < e && (s[end] == '.' || s[end] == ' ')) ++end;
  if (end != e) return std::nullopt;
  return ToFound(*r, DateLabel::kNone, b);
}

std::optional<FoundDate> FindPublishedDate(std::string_view text) {
  // Candidate ranks: 0 labelled published, 1 dateline with year, 2 bare full
  // date, 3 dateline without year, 4 updated. The lowest rank wins, then the earliest.
  std::optional<FoundDate> best;
  int best_rank = 5;
  const bool imprint = LooksLikeImprint(text);
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    const bool trigger = (IsDigit(c) && (pos == 0 || !IsDigit(text[pos - 1]))) ||
                         (IsAlpha(c) && (pos == 0 || !IsAlpha(text[pos - 1])));
    std::optional<RawMatch> r = trigger ? MatchAt(text, pos) : std::nullopt;
    if (!r) {
      ++pos;
      continue;
    }
    pos = r->end > pos ? r->end : pos + 1;
    if (AfterCopyright(text, r->begin)) continue;
    size_t label_begin = r->begin;
    const Label* label = LabelBefore(text, r->begin, &label_begin);
    int rank;
    DateLabel kind;
    size_t begin = r->begin;
    if (r->english_month_first && IsDateline(text, *r)) {
      rank = r->year != 0 ? 1 : 3;
      kind = DateLabel::kDateline;
    } else if (r->year == 0) {
      continue;  // "June 13" alone is not a publication date
    } else if (label != nullptr) {
      if (imprint && label->registration_like) continue;
      kind = label->label;
      rank = kind == DateLabel::kUpdated ? 4 : 0;
      begin = label_begin;
    } else {
      if (imprint) continue;
      kind = DateLabel::kNone;
      rank = 2;
    }
    if (rank < best_rank) {
      best_rank = rank;
      best = ToFound(*r, kind, begin);
    }
  }
  return best;
}

}  // namespace tg::text
