#include "extract/meeting_refs.h"

#include <string>
#include <string_view>
#include <utility>

#include "extract/titles.h"
#include "text/line_stats.h"  // AsciiLower

namespace tg::extract::meeting_syntax {

using text::TokenKind;

int TitledBefore(const EventDoc& doc, size_t si, const Clause& c, uint32_t trigger) {
  for (uint32_t i = c.first; i + 1 < trigger; ++i) {
    if (text::AsciiLower(doc.Token(i)) != "the") continue;
    const size_t length = LookupTitle(doc.text, doc.tokens()[i + 1].begin).length;
    if (length == 0) continue;
    const std::string title = text::AsciiLower(doc.text.substr(doc.tokens()[i + 1].begin, length));
    for (size_t k = si + 1; k-- > 0 && k + 5 >= si;) {
      const std::vector<EntityRef>& people = doc.sentences[k].persons;
      for (auto r = people.rbegin(); r != people.rend(); ++r) {
        if (k == si && r->first_token >= i) continue;
        if (text::AsciiLower(doc.entities->entities[r->entity].title) == title) return r->entity;
      }
    }
    return -1;
  }
  return -1;
}

bool AccompaniedAfter(const EventDoc& doc, const SentenceRefs& s, const EntityRef& r) {
  static constexpr std::string_view kVerbs[] = {"수행", "모시고", "모시며", "따라", "대동"};
  for (uint32_t i = r.last_token; i + 1 < s.last_token && i < r.last_token + 5; ++i) {
    if (doc.tokens()[i].kind != TokenKind::kParticle) continue;
    const std::string_view next = doc.Token(i + 1);
    for (std::string_view v : kVerbs) {
      if (next.starts_with(v)) return true;
    }
    return false;
  }
  return false;
}

bool EachAlone(const EventDoc& doc, const Clause& c) {
  for (uint32_t i = c.first; i < c.last; ++i) {
    const std::string_view w = doc.Token(i);
    if (w == "각자" || w == "각각" || w == "each") return true;
  }
  return false;
}

size_t GroupSize(const EventDoc& doc, uint32_t token) {
  static constexpr std::pair<std::string_view, size_t> kNumbers[] = {
      {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
      {"세", 3}, {"네", 4}, {"다섯", 5}, {"여섯", 6}};
  for (uint32_t i = token; i < token + 2 && i < doc.tokens().size(); ++i) {
    const std::string_view w = doc.Token(i);
    for (const auto& [word, size] : kNumbers) {
      if (w.size() == word.size() && text::AsciiLower(w) == word) return size;
    }
  }
  return 3;
}

std::vector<int> RecentPeople(const EventDoc& doc, size_t si, uint32_t anaphor, size_t n,
                              const std::vector<int>& exclude) {
  std::vector<int> found;
  for (size_t k = si + 1; k-- > 0 && k + 2 >= si && found.size() < n;) {
    const SentenceRefs& s = doc.sentences[k];
    std::vector<int> here;
    for (const EntityRef& r : s.persons) {
      if (r.first_token >= anaphor) break;
      const DocEntity& e = doc.entities->entities[r.entity];
      if (IsReporter(e) || IsSpeaker(doc, s, r) || IsByline(doc, r) || Contains(found, r.entity) ||
          Contains(exclude, r.entity)) {
        continue;
      }
      AddUnique(&here, r.entity);
    }
    found.insert(found.begin(), here.begin(), here.end());
  }
  if (found.size() != n) return {};
  return found;
}

}  // namespace tg::extract::meeting_syntax
