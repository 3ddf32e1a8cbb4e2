#include "extract/coref.h"

#include <algorithm>
#include <deque>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>

#include "core/utf8.h"
#include "extract/titles.h"

namespace tg::extract {
namespace {

using text::Analysis;
using text::Script;
using text::Token;
using text::TokenKind;

// Korean surnames of two syllables; any other Korean name starts with a
// one-syllable surname. (Facts: the common compound surnames.)
constexpr const char* kCompoundSurnames[] = {"남궁", "황보", "제갈", "선우", "독고", "사공",
                                             "서문", "동방", "어금", "망절"};

bool IsCompoundSurname(std::string_view two_syllables) {
  for (const char* s : kCompoundSurnames) {
    if (two_syllables == s) return true;
  }
  return false;
}

size_t SyllableCount(std::string_view word) { return CountCodePoints(word); }

// Byte length of the first `n` code points of `word`.
size_t PrefixBytes(std::string_view word, size_t n) {
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < word.size(); ++i) NextCodePoint(word, &pos);
  return pos;
}

bool HasHangul(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (IsHangul(NextCodePoint(s, &pos))) return true;
  }
  return false;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsUpperAscii(c)) c = static_cast<char>(c + 32);
  }
  return out;
}

// Folds a name for identity: lowercase ASCII, drop spaces, hyphens and dots,
// so "Lee Jae-yong", "Lee Jae-Yong" and "Lee Jaeyong" agree.
std::string NameKey(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '.' || c == '\'') continue;
    out.push_back(IsUpperAscii(c) ? static_cast<char>(c + 32) : c);
  }
  return out;
}

// Romanised Korean names come in both orders ("Seo Yun-ah", "Yun-ah Seo")
// and with the given name as initials ("Y.A. Seo"). For a two-word name with
// a hyphenated given name and a short surname, the order-free key
// "surname|givenname"; for initials and a surname, "surname|initials" (its
// initials key). Empty when the name has neither shape.
struct RomanizedKeys {
  std::string full;      // "seo|yunah"
  std::string initials;  // "seo|ya"
};
bool IsHyphenatedGiven(std::string_view w) {
  const size_t hyphen = w.find('-');
  if (w.size() < 4 || !IsUpperAscii(w[0]) || hyphen == std::string_view::npos || hyphen < 2 ||
      hyphen + 2 > w.size()) {
    return false;
  }
  for (size_t i = 1; i < w.size(); ++i) {
    if (i != hyphen && !(w[i] >= 'a' && w[i] <= 'z')) return false;
  }
  return true;
}
bool IsShortSurname(std::string_view w) {
  if (w.size() < 2 || w.size() > 5 || !IsUpperAscii(w[0])) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!(w[i] >= 'a' && w[i] <= 'z')) return false;
  }
  return true;
}
RomanizedKeys RomanizedKoreanKeys(std::string_view name) {
  RomanizedKeys keys;
  const size_t space = name.find(' ');
  if (space == std::string_view::npos || name.find(' ', space + 1) != std::string_view::npos) return keys;
  const std::string_view a = name.substr(0, space), b = name.substr(space + 1);
  std::string_view given, surname;
  if (IsHyphenatedGiven(a) && IsShortSurname(b)) {
    given = a, surname = b;
  } else if (IsShortSurname(a) && IsHyphenatedGiven(b)) {
    given = b, surname = a;
  }
  if (!given.empty()) {
    const std::string sur = Lower(surname);
    keys.full = sur + "|" + NameKey(given);
    keys.initials = sur + "|" + Lower(std::string{given[0], given[given.find('-') + 1]});
    return keys;
  }
  // "Y.A. Seo", "Y. A. Seo": capital letters with periods, then the surname.
  std::string initials;
  for (size_t i = 0; i + 1 < a.size(); i += 2) {
    if (!IsUpperAscii(a[i]) || a[i + 1] != '.') return keys;
    initials.push_back(static_cast<char>(a[i] + 32));
  }
  if (a.size() % 2 != 0 || initials.size() != 2 || !IsShortSurname(b)) return keys;
  keys.initials = Lower(b) + "|" + initials;
  return keys;
}

// Tokens of `analysis` inside [begin, end).
std::vector<const Token*> TokensIn(const Analysis& analysis, uint32_t begin, uint32_t end) {
  std::vector<const Token*> out;
  auto it = std::lower_bound(analysis.tokens.begin(), analysis.tokens.end(), begin,
                             [](const Token& t, uint32_t b) { return t.begin < b; });
  for (; it != analysis.tokens.end() && it->begin < end; ++it) out.push_back(&*it);
  return out;
}

size_t TokenIndexAt(const Analysis& analysis, uint32_t begin) {
  auto it = std::lower_bound(analysis.tokens.begin(), analysis.tokens.end(), begin,
                             [](const Token& t, uint32_t b) { return t.begin < b; });
  return static_cast<size_t>(it - analysis.tokens.begin());
}

size_t SentenceOf(const Analysis& analysis, uint32_t offset) {
  auto it = std::upper_bound(analysis.sentences.begin(), analysis.sentences.end(), offset,
                             [](uint32_t off, const text::Sentence& s) { return off < s.begin; });
  return it == analysis.sentences.begin() ? 0
                                          : static_cast<size_t>(it - analysis.sentences.begin()) - 1;
}

// The ways a person's name can be shortened in running text.
struct NameParts {
  std::vector<std::string> keys;  // surface forms a short mention may take
  bool korean = false;            // Hangul name: short forms need a title after them
};

// English: the first and last word ("Lee" of "Lee Jae-yong", "Huang" of
// "Jensen Huang"). Korean one-word names: the surname syllable(s) (이 of
// 이재용, 남궁 of 남궁민재). Korean spaced names (foreign names, 젠슨 황): the last word.
NameParts PartsOf(std::string_view name, const std::vector<const Token*>& tokens,
                  std::string_view text) {
  NameParts parts;
  std::vector<std::string_view> words;
  for (const Token* t : tokens) {
    if (t->kind == TokenKind::kWord) words.push_back(t->In(text));
  }
  if (words.empty()) return parts;
  if (HasHangul(name)) {
    parts.korean = true;
    if (words.size() == 1) {
      const std::string_view w = words[0];
      const size_t n = SyllableCount(w);
      if (n >= 3 && !IsKoreanSurname(w.substr(0, PrefixBytes(w, 1)))) {
        // A run-together foreign name (저우밍위안): its leading syllables.
        // One syllable too when it is no Korean surname at all (쉬 of 쉬하오란).
        const size_t from = IsRareKoreanSurname(w.substr(0, PrefixBytes(w, 1))) ? 2 : 1;
        for (size_t k = from; k < n; ++k) parts.keys.emplace_back(w.substr(0, PrefixBytes(w, k)));
      } else if (n >= 2 && n <= 4) {
        const size_t two = PrefixBytes(w, 2);
        const bool compound = n >= 3 && IsCompoundSurname(w.substr(0, two));
        parts.keys.emplace_back(w.substr(0, compound ? two : PrefixBytes(w, 1)));
      }
    } else {
      // The last space-separated word, whole: the particle splitter may have
      // cut a transliterated surname (해로 -> 해 + 로).
      const size_t space = name.rfind(' ');
      parts.keys.emplace_back(space == std::string_view::npos ? words.back()
                                                              : name.substr(space + 1));
      // Surname-first names (미즈노 하루토, 오카베 겐지) are shortened to the first
      // word; names of three words or more drop it (알 누와이리 of 칼리드 알 누와이리).
      const size_t first_space = name.find(' ');
      if (first_space != std::string_view::npos && first_space == space) {
        parts.keys.emplace_back(name.substr(0, first_space));
      } else if (first_space != std::string_view::npos) {
        parts.keys.emplace_back(name.substr(first_space + 1));
      }
    }
    return parts;
  }
  if (words.size() >= 2) {
    parts.keys.emplace_back(words.front());
    if (words.back() != words.front()) parts.keys.emplace_back(words.back());
    // "van Aalst" of "Pieter van Aalst": everything after the first word.
    const size_t first_space = name.find(' ');
    if (words.size() >= 3 && first_space != std::string_view::npos) {
      parts.keys.emplace_back(name.substr(first_space + 1));
    }
  } else {
    parts.keys.emplace_back(words[0]);
  }
  // Initials and one-letter parts ("C.C.", "Y.") never stand alone.
  parts.keys.erase(std::remove_if(parts.keys.begin(), parts.keys.end(),
                                  [](const std::string& k) {
                                    return k.size() < 2 || k.find('.') != std::string::npos;
                                  }),
                   parts.keys.end());
  return parts;
}

// A person mention names the whole person when it is a KB name, or has two
// or more words, or is one Hangul word of 2-4 syllables (Korean names are
// written without spaces).
bool IsFullName(const Mention& m, const std::vector<const Token*>& tokens, std::string_view text) {
  if (!m.kb_id.empty()) return true;
  int words = 0;
  for (const Token* t : tokens) words += t->kind == TokenKind::kWord ? 1 : 0;
  if (words >= 2) return true;
  if (words == 1) {
    const std::string_view w = tokens.front()->In(text);
    if (HasHangul(w)) {
      // A bare surname (남궁, 황보, or 김) names nobody in full.
      const size_t n = SyllableCount(w);
      // Longer run-together foreign names (저우밍위안) when a pattern found them.
      const size_t longest = (m.sources & kFromPattern) ? 6 : 4;
      return n >= 2 && n <= longest && !IsKoreanSurname(w);
    }
  }
  return false;
}

// Normalises a title for comparison: lower case, and the common English
// variants folded ("chief executive" ~ "ceo", "chairwoman" ~ "chairman").
std::string TitleKey(std::string_view title) {
  std::string t = Lower(title);
  if (t.find("chief executive") != std::string::npos) return "ceo";
  if (t.find("chairwoman") != std::string::npos || t.find("chairperson") != std::string::npos) {
    return "chairman";
  }
  if (t.find("chairman") != std::string::npos || t == "chair") return "chairman";
  if (t == "최고경영자") return "ceo";
  return t;
}

struct Person {
  size_t entity = 0;                 // index into the output
  NameParts parts;
  std::vector<uint32_t> positions;   // begins of its mentions so far
  std::string title_key;
  std::string org_key;
};

bool IsPronoun(std::string_view w, bool* possessive) {
  static constexpr const char* kSubject[] = {"he", "He", "she", "She", "him", "Him"};
  static constexpr const char* kPossessive[] = {"his", "His", "her", "Her"};
  for (const char* p : kSubject) {
    if (w == p) {
      *possessive = false;
      return true;
    }
  }
  for (const char* p : kPossessive) {
    if (w == p) {
      *possessive = true;
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<DocEntity> ResolveEntities(std::string_view text, const Analysis& analysis,
                                       const std::vector<Mention>& mentions,
                                       const std::vector<RoleMatch>& roles,
                                       const KnowledgeBase* kb) {
  std::vector<DocEntity> out;
  std::vector<Person> people;
  std::unordered_map<std::string, size_t> person_by_key;  // NameKey or kb id -> people index
  std::unordered_map<std::string, size_t> other_by_key;   // orgs and places -> out index
  std::vector<const Mention*> short_mentions;
  std::vector<bool> covered(analysis.tokens.size(), false);

  auto role_for = [&](const Mention& m) -> const RoleMatch* {
    for (const RoleMatch& r : roles) {
      if (!r.person.empty() && r.person.begin < m.end && m.begin < r.person.end) return &r;
    }
    return nullptr;
  };

  // Name parts of every full person name in the document: a one-word
  // organisation or place that the tagger alone proposed and that equals one
  // of them is a person's short name ("Zuckerberg" in "Zuckerberg's house").
  std::vector<std::string> person_parts;
  for (const Mention& m : mentions) {
    const std::vector<const Token*> tokens = TokensIn(analysis, m.begin, m.end);
    if (m.type != EntityType::kPerson || !IsFullName(m, tokens, text)) continue;
    const NameParts parts = PartsOf(text.substr(m.begin, m.end - m.begin), tokens, text);
    person_parts.insert(person_parts.end(), parts.keys.begin(), parts.keys.end());
  }
  // Last words of spaced Hangul names (오언 프라이스): the same word alone
  // (프라이스 CEO) is that person's surname, not another person's full name.
  std::vector<std::string> short_forms;
  for (const Mention& m : mentions) {
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    const size_t space = surface.rfind(' ');
    if (m.type == EntityType::kPerson && space != std::string_view::npos && HasHangul(surface)) {
      short_forms.emplace_back(surface.substr(space + 1));
      // Japanese and Chinese names keep the surname first (미즈노 하루토 -> 미즈노 사장).
      if (surface.find(' ') == space) short_forms.emplace_back(surface.substr(0, space));
    }
    // Names of three or more words lose their first word (칼리드 알 누와이리
    // -> 알 누와이리 회장, Pieter van Aalst -> van Aalst): the rest is no new person.
    const size_t first_space = surface.find(' ');
    if (m.type == EntityType::kPerson && first_space != std::string_view::npos && first_space != space) {
      short_forms.emplace_back(surface.substr(first_space + 1));
    }
  }
  // Run-together foreign names (저우밍위안): their two-syllable-or-longer
  // prefixes standing alone (저우 회장) are the surname.
  for (const Mention& m : mentions) {
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    if (m.type != EntityType::kPerson || !HasHangul(surface) || surface.find(' ') != std::string_view::npos) continue;
    const size_t n = SyllableCount(surface);
    if (n < 3 || IsKoreanSurname(surface.substr(0, PrefixBytes(surface, 1)))) continue;
    for (size_t k = 2; k < n; ++k) short_forms.emplace_back(surface.substr(0, PrefixBytes(surface, k)));
  }
  auto is_short_form = [&](const Mention& m) {
    if (m.type != EntityType::kPerson || !m.kb_id.empty()) return false;
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    return std::find(short_forms.begin(), short_forms.end(), surface) !=
           short_forms.end();
  };
  auto is_person_part = [&](const Mention& m) {
    if (is_short_form(m)) return true;
    if (m.sources != kFromTagger || m.type == EntityType::kPerson) return false;
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    return std::find(person_parts.begin(), person_parts.end(), surface) != person_parts.end();
  };
  auto span_text = [&](const Span& s) { return std::string(text.substr(s.begin, s.end - s.begin)); };

  // A headline's "SURNAME ORG TITLE" (브랜트 메리디언 CEO) reads like a spaced
  // foreign name; when the first word ends another person's name and the second
  // starts an organisation's, it is that person's surname.
  std::vector<std::string_view> org_surfaces;
  for (const Mention& m : mentions) {
    if (m.type == EntityType::kOrg) org_surfaces.push_back(text.substr(m.begin, m.end - m.begin));
  }
  std::deque<Mention> trimmed;
  auto surname_before_org = [&](const Mention& m) -> const Mention* {
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    const size_t space = surface.find(' ');
    if (m.type != EntityType::kPerson || !m.kb_id.empty() || !HasHangul(surface) ||
        space == std::string_view::npos || surface.find(' ', space + 1) != std::string_view::npos) {
      return nullptr;
    }
    const std::string_view first = surface.substr(0, space);
    const std::string_view second = surface.substr(space + 1);
    bool org = false;
    for (std::string_view o : org_surfaces) org |= o.size() > second.size() && o.substr(0, second.size()) == second;
    if (!org) return nullptr;
    for (const Mention& other : mentions) {
      const std::string_view s = text.substr(other.begin, other.end - other.begin);
      const size_t sp = s.rfind(' ');
      if (other.type == EntityType::kPerson && sp != std::string_view::npos && s != surface &&
          s.substr(sp + 1) == first) {
        Mention t = m;
        t.end = m.begin + static_cast<uint32_t>(first.size());
        trimmed.push_back(t);
        return &trimmed.back();
      }
    }
    return nullptr;
  };

  // Spelled-out romanised Korean names by their initials key ("seo|ya" ->
  // "seo|yunah"), when only one name has those initials.
  std::unordered_map<std::string, std::string> romanized_by_initials;
  {
    std::unordered_map<std::string, int> seen;
    for (const Mention& m : mentions) {
      if (m.type != EntityType::kPerson) continue;
      const RomanizedKeys keys = RomanizedKoreanKeys(text.substr(m.begin, m.end - m.begin));
      if (keys.full.empty()) continue;
      auto [it, inserted] = romanized_by_initials.emplace(keys.initials, keys.full);
      if (!inserted && it->second != keys.full) ++seen[keys.initials];
    }
    for (const auto& [initials, clashes] : seen) {
      if (clashes > 0) romanized_by_initials.erase(initials);
    }
  }

  // Pass 1: full names become people; organisations and places group by
  // KB id or spelling.
  for (const Mention& m : mentions) {
    if (const Mention* surname = surname_before_org(m)) {
      short_mentions.push_back(surname);
      continue;
    }
    const std::vector<const Token*> tokens = TokensIn(analysis, m.begin, m.end);
    for (const Token* t : tokens) covered[t - analysis.tokens.data()] = true;
    const std::string surface(text.substr(m.begin, m.end - m.begin));
    if (is_person_part(m)) {
      short_mentions.push_back(&m);
      continue;
    }
    if (m.type != EntityType::kPerson) {
      const std::string key = m.kb_id.empty() ? NameKey(surface) : "kb:" + m.kb_id;
      auto [it, inserted] = other_by_key.emplace(key, out.size());
      if (inserted) {
        DocEntity e;
        e.type = m.type;
        e.name = surface;
        e.kb_id = m.kb_id;
        out.push_back(std::move(e));
      }
      out[it->second].mentions.push_back(m);
      continue;
    }
    const RoleMatch* role = role_for(m);
    const bool short_form = role != nullptr && role->form == RoleForm::kShortTitle &&
                            role->person.begin == m.begin && role->person.end == m.end;
    if (!IsFullName(m, tokens, text) || short_form) {
      short_mentions.push_back(&m);
      continue;
    }
    std::string key = m.kb_id.empty() ? NameKey(surface) : "kb:" + m.kb_id;
    if (m.kb_id.empty()) {
      // Both orders of a romanised Korean name, and its initials form when
      // the text also spells the name out, are one person.
      const RomanizedKeys keys = RomanizedKoreanKeys(surface);
      if (!keys.full.empty()) {
        key = "kr:" + keys.full;
      } else if (!keys.initials.empty()) {
        if (auto full = romanized_by_initials.find(keys.initials); full != romanized_by_initials.end()) {
          key = "kr:" + full->second;
        }
      }
    }
    auto it = person_by_key.find(key);
    if (it == person_by_key.end()) {
      Person p;
      p.entity = out.size();
      p.parts = PartsOf(surface, tokens, text);
      DocEntity e;
      e.type = EntityType::kPerson;
      e.name = surface;
      e.kb_id = m.kb_id;
      out.push_back(std::move(e));
      it = person_by_key.emplace(key, people.size()).first;
      people.push_back(std::move(p));
    }
    Person& p = people[it->second];
    DocEntity& e = out[p.entity];
    if (surface.size() > e.name.size() && m.kb_id.empty()) e.name = surface;
    e.mentions.push_back(m);
    p.positions.push_back(m.begin);
    if (const RoleMatch* r = role_for(m)) {
      if (e.title.empty() && !r->title.empty()) e.title = span_text(r->title);
      if (e.org.empty() && !r->org.empty()) e.org = span_text(r->org);
    }
  }

  // Titles and organisations from the knowledge base where the text gave none.
  for (Person& p : people) {
    DocEntity& e = out[p.entity];
    if (kb != nullptr && !e.kb_id.empty()) {
      if (const KbEntry* entry = kb->Find(e.kb_id)) {
        e.name_en = entry->name_en;
        e.name_ko = entry->name_ko;
        if (e.title.empty()) e.title = entry->title;
        if (e.org.empty() && !entry->org.empty()) {
          const KbEntry* org = kb->Find(entry->org);
          e.org = org != nullptr ? (HasHangul(e.name) && !org->name_ko.empty() ? org->name_ko
                                                                               : org->name_en)
                                 : entry->org;
        }
      }
    }
    if (e.name_en.empty() && !HasHangul(e.name)) e.name_en = e.name;
    if (e.name_ko.empty() && HasHangul(e.name)) e.name_ko = e.name;
    p.title_key = TitleKey(e.title);
    p.org_key = NameKey(e.org);
  }

  // Picks the person a short form refers to: among those whose name parts
  // include `key` (any person for an org-only form), prefer one whose title
  // and organisation agree, then the nearest mention before `at`, then after.
  auto choose = [&](std::string_view key, std::string_view title, std::string_view org,
                    uint32_t at) -> Person* {
    Person* best = nullptr;
    long best_score = std::numeric_limits<long>::min();
    const std::string want_title = title.empty() ? "" : TitleKey(title);
    const std::string want_org = org.empty() ? "" : NameKey(org);
    for (Person& p : people) {
      if (!key.empty() &&
          std::find(p.parts.keys.begin(), p.parts.keys.end(), key) == p.parts.keys.end()) {
        continue;
      }
      long score = 0;
      if (!want_title.empty() && !p.title_key.empty()) {
        score += want_title == p.title_key ? 4'000'000 : -16'000'000;  // another role: hardly the same person
      }
      if (!want_org.empty() && !p.org_key.empty()) {
        const bool agree = p.org_key.find(want_org) != std::string::npos ||
                           want_org.find(p.org_key) != std::string::npos;
        score += agree ? 8'000'000 : -8'000'000;
      }
      // Distance: the latest mention at or before `at` wins; else the first after.
      long distance = 2'000'000;
      for (uint32_t pos : p.positions) {
        if (pos <= at) distance = std::min<long>(distance, at - pos);
      }
      if (distance == 2'000'000) {
        for (uint32_t pos : p.positions) distance = std::min<long>(distance, 1'000'000 + pos - at);
      }
      score -= distance;
      if (score > best_score) {
        best_score = score;
        best = &p;
      }
    }
    return best;
  };

  auto add_coref = [&](Person* p, uint32_t begin, uint32_t end) {
    Mention m;
    m.begin = begin;
    m.end = end;
    m.type = EntityType::kPerson;
    m.sources = kFromCoref;
    m.score = 0.8f;
    m.kb_id = out[p->entity].kb_id;
    out[p->entity].mentions.push_back(m);
    p->positions.push_back(begin);
    for (size_t i = TokenIndexAt(analysis, begin);
         i < analysis.tokens.size() && analysis.tokens[i].begin < end; ++i) {
      covered[i] = true;
    }
  };

  // Pass 2a: short person mentions the tagger or patterns found.
  for (const Mention* m : short_mentions) {
    const std::string surface(text.substr(m->begin, m->end - m->begin));
    const RoleMatch* r = role_for(*m);
    Person* p = choose(surface, r ? text.substr(r->title.begin, r->title.end - r->title.begin) : "",
                       "", m->begin);
    if (p != nullptr) add_coref(p, m->begin, m->end);
  }

  // Pass 2b: title patterns with a surname or with only an organisation.
  for (const RoleMatch& r : roles) {
    if (r.form != RoleForm::kShortTitle) continue;
    const std::string_view title = text.substr(r.title.begin, r.title.end - r.title.begin);
    const std::string_view org = text.substr(r.org.begin, r.org.end - r.org.begin);
    if (!r.person.empty()) {
      const size_t ti = TokenIndexAt(analysis, r.person.begin);
      if (ti < covered.size() && covered[ti]) continue;
      Person* p = choose(text.substr(r.person.begin, r.person.end - r.person.begin), title, org,
                         r.begin);
      if (p != nullptr) add_coref(p, r.person.begin, r.person.end);
    } else if (!r.org.empty() || !r.title.empty()) {
      if (people.empty()) continue;
      Person* p = choose("", title, org, r.begin);
      // An org-only form must agree on the organisation to be resolved.
      if (p != nullptr && !org.empty() && !p->org_key.empty() &&
          (p->org_key.find(NameKey(org)) != std::string::npos ||
           NameKey(org).find(p->org_key) != std::string::npos)) {
        add_coref(p, r.begin, r.end);
      }
    }
  }

  // Pass 2c: bare name parts in running text ("Koo told employees", "Huang's",
  // "브랜트 CEO"), and pronouns when exactly one person is in play.
  for (size_t i = 0; i < analysis.tokens.size(); ++i) {
    if (covered[i]) continue;
    const Token& t = analysis.tokens[i];
    if (t.kind != TokenKind::kWord) continue;
    const std::string_view w = t.In(text);
    bool possessive = false;
    if (t.script == Script::kLatin && IsPronoun(w, &possessive)) {
      // Candidates: people mentioned in this sentence before the pronoun or in
      // the previous sentence.
      const size_t sentence = SentenceOf(analysis, t.begin);
      const uint32_t window_begin =
          sentence > 0 ? analysis.sentences[sentence - 1].begin : analysis.sentences[sentence].begin;
      Person* only = nullptr;
      int count = 0;
      for (Person& p : people) {
        for (uint32_t pos : p.positions) {
          if (pos >= window_begin && pos < t.begin) {
            only = &p;
            ++count;
            break;
          }
        }
      }
      if (count == 1) add_coref(only, t.begin, t.end);
      continue;
    }
    const bool hangul = t.script == Script::kHangul;
    if (!hangul && (w.empty() || !IsUpperAscii(w[0]))) continue;
    // The next word must not continue a different name ("Lee Kun-hee").
    if (!hangul && i + 1 < analysis.tokens.size()) {
      const Token& next = analysis.tokens[i + 1];
      if (!covered[i + 1] && next.kind == TokenKind::kWord && next.script == Script::kLatin &&
          IsUpperAscii(next.In(text)[0]) && MatchTitle(text, next.begin) == 0) {
        continue;
      }
    }
    std::string_view title;
    size_t next_index = i + 1;
    std::string_view w_joined = w;
    if (hangul) {
      // A particle glued to the word may belong to a transliterated name
      // (해로 -> 해 + 로): try the whole eojeol too.
      if (next_index < analysis.tokens.size() &&
          analysis.tokens[next_index].kind == TokenKind::kParticle &&
          !analysis.tokens[next_index].space_before) {
        const std::string_view joined =
            text.substr(t.begin, analysis.tokens[next_index].end - t.begin);
        for (const Person& candidate : people) {
          if (std::find(candidate.parts.keys.begin(), candidate.parts.keys.end(), joined) !=
              candidate.parts.keys.end()) {
            w_joined = joined;
            ++next_index;
            break;
          }
        }
      }
      // Korean short forms take a title or 씨 after them (이 회장, 브랜트 CEO).
      if (next_index >= analysis.tokens.size()) continue;
      const Token& next = analysis.tokens[next_index];
      const size_t title_len = MatchTitle(text, next.begin);
      const std::string_view next_word = next.In(text);
      if (title_len == 0 && next_word != "씨") continue;
      title = text.substr(next.begin, title_len);
    }
    Person* p = nullptr;
    for (Person& candidate : people) {
      if (std::find(candidate.parts.keys.begin(), candidate.parts.keys.end(), w_joined) !=
          candidate.parts.keys.end()) {
        p = choose(w_joined, title, "", t.begin);
        break;
      }
    }
    if (p != nullptr) add_coref(p, t.begin, t.begin + static_cast<uint32_t>(w_joined.size()));
  }

  for (DocEntity& e : out) {
    std::sort(e.mentions.begin(), e.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }
  // Persons first, then organisations and places, each in order of first mention.
  std::stable_sort(out.begin(), out.end(), [](const DocEntity& a, const DocEntity& b) {
    if (a.type != b.type) return a.type < b.type;
    return a.mentions.front().begin < b.mentions.front().begin;
  });
  return out;
}

}  // namespace tg::extract
