#include "extract/timex_en_words.h"

#include <string>
#include <unordered_map>

#include "extract/timex_scan.h"

namespace tg::extract::timex_internal {
namespace {

using KwTable = std::unordered_map<std::string_view, KwInfo>;

KwTable BuildKeywords() {
  KwTable table;
  KwTable* t = &table;
  {
    static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
    for (int m = 0; m < 12; ++m) (*t)[kMonths[m]] = {Kw::kMonth, static_cast<int16_t>(m + 1)};
    static constexpr std::pair<std::string_view, int> kAbbrevs[] = {
        {"jan", 1}, {"feb", 2}, {"mar", 3},  {"apr", 4},  {"jun", 6},  {"jul", 7},
        {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
    for (const auto& [w, m] : kAbbrevs) (*t)[w] = {Kw::kMonth, static_cast<int16_t>(m), true};
    static constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; ++d) (*t)[kWeekdays[d]] = {Kw::kWeekday, static_cast<int16_t>(d)};
    (*t)["yesterday"] = {Kw::kDayWord, -1};
    (*t)["today"] = {Kw::kDayWord, 0};
    (*t)["tonight"] = {Kw::kDayWord, 0};
    (*t)["tomorrow"] = {Kw::kDayWord, 1};
    (*t)["last"] = {Kw::kLast, -1};
    (*t)["next"] = {Kw::kNext, 1};
    (*t)["this"] = {Kw::kThis, 0};
    for (std::string_view w : {"earlier", "later", "early", "mid", "late"}) {
      (*t)[w] = {Kw::kPart, 0, false, true};
    }
    (*t)["the"] = {Kw::kThe};
    for (std::string_view w : {"end", "beginning", "start", "middle"}) {
      (*t)[w] = {Kw::kEdge, 0, false, true};
    }
    (*t)["of"] = {Kw::kOf, 0, false, true};
    for (std::string_view w : {"day", "days"}) (*t)[w] = {Kw::kUnit, 1};
    for (std::string_view w : {"week", "weeks"}) (*t)[w] = {Kw::kUnit, 7};
    for (std::string_view w : {"month", "months"}) (*t)[w] = {Kw::kUnit, 30};
    for (std::string_view w : {"year", "years"}) (*t)[w] = {Kw::kUnit, 365};
    (*t)["following"] = {Kw::kRelative, 1};
    (*t)["previous"] = {Kw::kRelative, -1};
    (*t)["same"] = {Kw::kRelative, 0};
    (*t)["before"] = {Kw::kBefore, -1, false, true};
    (*t)["after"] = {Kw::kAfter, 1, false, true};
    (*t)["ago"] = {Kw::kAgo};
    static constexpr std::pair<std::string_view, int> kCounts[] = {
        {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
        {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
        {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
        {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
        {"nineteen", 19}, {"twenty", 20},  {"thirty", 30}};
    for (const auto& [w, n] : kCounts) (*t)[w] = {Kw::kCount, static_cast<int16_t>(n)};
    (*t)["weekend"] = {Kw::kWeekend};
    for (std::string_view w : {"morning", "afternoon", "evening", "night"}) {
      (*t)[w] = {Kw::kDayPart};
    }
    for (std::string_view w : {"st", "nd", "rd", "th"}) (*t)[w] = {Kw::kOrdinal};
    for (std::string_view w : {"to", "through", "until", "till", "and"}) {
      (*t)[w] = {Kw::kLink, 0, false, true};
    }
    for (std::string_view w : {"in", "on", "since", "by", "during", "from", "around", "between",
                               "for", "as", "fiscal", "year", "circa", "about"}) {
      if (t->find(w) == t->end()) (*t)[w] = {Kw::kPrep, 0, false, true};
    }
  }
  return table;
}

// The keywords in an open-addressing table with inline keys: every word of
// the text is looked up, and std::unordered_map's hashing and node hops cost
// more than the rest of the English scan.
class KeywordTable {
 public:
  KeywordTable() {
    for (const auto& [word, info] : BuildKeywords()) {
      size_t slot = Hash(word) & kMask;
      while (slots_[slot].len != 0) slot = (slot + 1) & kMask;
      Slot& s = slots_[slot];
      s.len = static_cast<uint8_t>(word.size());
      word.copy(s.key, word.size());
      s.info = info;
    }
  }

  // `lower` is already lower-cased, at most kMaxLen bytes.
  KwInfo Find(std::string_view lower) const {
    for (size_t slot = Hash(lower) & kMask;; slot = (slot + 1) & kMask) {
      const Slot& s = slots_[slot];
      if (s.len == 0) return {};
      if (s.len == lower.size() && lower.compare(0, s.len, s.key, s.len) == 0) return s.info;
    }
  }

  static constexpr size_t kMaxLen = 9;

 private:
  static constexpr size_t kSlots = 512;  // more than 3x the keyword count
  static constexpr size_t kMask = kSlots - 1;
  struct Slot {
    char key[kMaxLen] = {};
    uint8_t len = 0;
    KwInfo info;
  };
  static size_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  Slot slots_[kSlots];
};

const KeywordTable& Keywords() {
  static const KeywordTable table;
  return table;
}

}  // namespace

KwInfo LookupKeyword(std::string_view word) {
  if (word.size() > KeywordTable::kMaxLen) return {};
  char buf[KeywordTable::kMaxLen];
  for (size_t k = 0; k < word.size(); ++k) buf[k] = Lower(word[k]);
  return Keywords().Find(std::string_view(buf, word.size()));
}

}  // namespace tg::extract::timex_internal
