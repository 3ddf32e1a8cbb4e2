#include "extract/event_doc.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "core/utf8.h"
#include "extract/mention_rules.h"
#include "extract/timex_calendar.h"
#include "extract/titles.h"

namespace tg::extract {
namespace {

using text::Token;
using text::TokenKind;

// First token whose end lies after `byte`.
uint32_t TokenAtOrAfter(const std::vector<Token>& tokens, uint32_t byte) {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), byte,
                             [](uint32_t b, const Token& t) { return b < t.end; });
  return static_cast<uint32_t>(it - tokens.begin());
}

int KindRank(const KbEntry* entry) {
  if (entry == nullptr) return 2;
  const std::string& kind = entry->kind;
  if (kind == "site") return 5;
  if (kind == "city") return 4;
  if (kind == "district") return 3;
  if (kind == "region" || kind == "state") return 2;
  if (kind == "country") return 1;
  return 2;
}

std::string DisplayName(const KbEntry* entry, std::string_view surface) {
  if (entry != nullptr && !entry->name_en.empty()) {
    std::string name = entry->name_en;
    if (!name.empty() && name[0] == '~') name.erase(0, 1);
    return name;
  }
  return std::string(surface);
}

// Korean site words, which may end a longer word (이천캠퍼스).
constexpr std::string_view kKoreanSiteHeads[] = {"본사", "캠퍼스", "영빈관", "사옥"};

bool IsKoreanSiteHead(std::string_view token) {
  for (std::string_view head : kKoreanSiteHeads) {
    if (token.ends_with(head)) return true;
  }
  return false;
}

// Words between an organisation and its site that stay in the site's name in
// English: "Icheon campus", "chip campus". Possessives and places in front of
// "headquarters" are dropped ("Lumenar's Santa Clara headquarters" ->
// "Lumenar headquarters").
bool KeepsQualifier(std::string_view head) {
  return head == "campus" || head == "캠퍼스";
}

// Words that stand for a company already named: "the company's headquarters",
// "the foundry's headquarters", "its campus".
bool IsCompanyNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "company", "group", "firm", "its", "foundry", "chipmaker", "carmaker", "automaker",
      "shipbuilder", "maker", "bank", "insurer", "startup", "conglomerate", "operator", "carrier"};
  for (std::string_view n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

// Person or organisation mention starting exactly at token `i`, or a title there.
bool StartsNameOrTitle(const EventDoc& doc, const SentenceRefs& s, uint32_t i) {
  for (const EntityRef& r : s.persons) {
    if (r.first_token == i) return true;
  }
  for (const EntityRef& r : s.orgs) {
    if (r.first_token == i) return true;
  }
  const Token& t = doc.tokens()[i];
  const TitleHit hit = LookupTitle(doc.text, t.begin);
  return hit.length > 0 && (!hit.weak || hit.capitalized || hit.korean);
}

// A place written as a modifier: "Georgia Governor Marcus Bell", "U.S. Commerce
// Secretary", "Korea's largest", "Santa Clara-based", "미국 상무장관",
// "일본 쓰바메네트웍스의".
bool IsModifier(const EventDoc& doc, const SentenceRefs& s, const EntityRef& place) {
  const uint32_t next = place.last_token;
  if (next >= s.last_token) return false;
  std::string_view word = doc.Token(next);
  if (word == "'s" || word == "’s" || word == "-" || word == "=") return true;  // (서울=통신사) dateline
  if (!doc.korean) {
    // "U.S. Commerce Secretary Laura Kemp": capitalised words leading to a title or name.
    for (uint32_t i = next; i < s.last_token && i < next + 3; ++i) {
      if (StartsNameOrTitle(doc, s, i)) return true;
      std::string_view w = doc.Token(i);
      if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) break;
    }
    return false;
  }
  return StartsNameOrTitle(doc, s, next);
}

bool StartsWithUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

bool IsLikelyPerson(const DocEntity& e) {
  if (e.type != EntityType::kPerson) return false;
  if (!e.kb_id.empty()) return true;
  // A company name, whatever found it ("아크웰반도체", "Arin Telecom").
  const size_t last_space = e.name.rfind(' ');
  if (LooksLikeOrgWord(last_space == std::string::npos ? std::string_view(e.name)
                                                       : std::string_view(e.name).substr(last_space + 1))) {
    return false;
  }
  if (!e.title.empty()) return true;
  for (const Mention& m : e.mentions) {
    if (m.sources & (kFromKb | kFromPattern)) return true;
  }
  // The tagger alone: the name must look like a person's name.
  std::vector<std::string_view> words;
  std::string_view rest = e.name;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    words.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  for (std::string_view w : words) {
    if (LooksLikeOrgWord(w) || w.find('\'') != std::string_view::npos ||
        w.find("\xE2\x80\x99") != std::string_view::npos) {
      return false;
    }
  }
  const bool hangul = !words.empty() && static_cast<unsigned char>(words[0][0]) >= 0xEA;
  if (hangul) {
    if (words.size() >= 2) return true;  // a spaced foreign name (마커스 벨)
    const size_t n = CountCodePoints(words[0]);
    const std::string_view first = words[0].substr(0, 3);
    // Nouns that start with a surname syllable end like places and bodies
    // (조선소, 박람회, 세무서장 ...), which given names rarely do.
    static constexpr std::string_view kNounEndings[] = {"소", "회", "청", "처", "실", "점"};
    for (std::string_view end : kNounEndings) {
      if (words[0].substr(words[0].size() - end.size()) == end) return false;
    }
    if (n == 3) return IsKoreanSurname(first);
    return n == 4 && IsKoreanSurname(words[0].substr(0, 6));
  }
  if (words.size() < 2) return false;
  static constexpr std::string_view kFunctionWords[] = {"For", "The", "A", "An", "In", "At", "On",
                                                        "With", "By", "From", "Of", "As", "To"};
  for (std::string_view f : kFunctionWords) {
    if (words[0] == f) return false;
  }
  for (std::string_view w : words) {
    if (!StartsWithUpper(w)) return false;
  }
  return true;
}

std::string IsoDay(const CivilDate& d) { return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day); }

bool EventDoc::AnyIn(uint32_t first, uint32_t last, uint32_t cue) const {
  for (uint32_t i = first; i < last && i < cues.bits.size(); ++i) {
    if (cues.bits[i] & cue) return true;
  }
  return false;
}

const EntityRef* EventDoc::PersonAt(const SentenceRefs& s, uint32_t i) const {
  for (const EntityRef& r : s.persons) {
    if (r.first_token <= i && i < r.last_token) return &r;
  }
  return nullptr;
}

EventDoc BuildEventDoc(std::string_view text, const DocumentEntities& entities,
                       std::string_view lang, const CivilDate& published, const KnowledgeBase* kb) {
  EventDoc doc;
  doc.text = text;
  doc.entities = &entities;
  doc.kb = kb;
  doc.korean = lang == "ko";
  doc.published = published;
  doc.cues = FindEventCues(text, entities.analysis);
  const std::vector<Token>& tokens = entities.analysis.tokens;
  for (const text::Sentence& sentence : entities.analysis.sentences) {
    SentenceRefs refs;
    refs.begin = sentence.begin;
    refs.end = sentence.end;
    refs.first_token = sentence.first_token;
    refs.last_token = sentence.last_token;
    doc.sentences.push_back(std::move(refs));
  }
  auto sentence_of = [&](uint32_t byte) -> SentenceRefs* {
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), byte,
                               [](uint32_t b, const SentenceRefs& s) { return b < s.end; });
    if (it == doc.sentences.end() || byte < it->begin) return nullptr;
    return &*it;
  };
  // Names of organisations in the document, as entities or as persons' employers:
  // a "person" named like one of them ("루메나르 CEO") is the organisation.
  std::vector<std::string_view> org_names;
  for (const DocEntity& entity : entities.entities) {
    if (entity.type == EntityType::kOrg) org_names.push_back(entity.name);
    if (entity.type == EntityType::kPerson && !entity.org.empty()) org_names.push_back(entity.org);
  }
  auto is_org_name = [&](const DocEntity& person) {
    if (!person.kb_id.empty()) return false;
    for (std::string_view org : org_names) {
      if (org.size() >= person.name.size() && org.substr(0, person.name.size()) == person.name) return true;
    }
    return false;
  };
  for (size_t e = 0; e < entities.entities.size(); ++e) {
    const DocEntity& entity = entities.entities[e];
    if (entity.type == EntityType::kPerson && is_org_name(entity)) continue;
    for (const Mention& m : entity.mentions) {
      SentenceRefs* s = sentence_of(m.begin);
      if (s == nullptr) continue;
      EntityRef ref;
      ref.entity = static_cast<int>(e);
      ref.begin = m.begin;
      ref.end = m.end;
      ref.first_token = TokenAtOrAfter(tokens, m.begin);
      ref.last_token = std::max(ref.first_token + 1, TokenAtOrAfter(tokens, m.end - 1) + 1);
      switch (entity.type) {
        case EntityType::kPerson:
          if (IsLikelyPerson(entity)) s->persons.push_back(ref);
          break;
        case EntityType::kPlace: s->places.push_back(ref); break;
        case EntityType::kOrg: s->orgs.push_back(ref); break;
        default: break;
      }
    }
  }
  for (size_t t = 0; t < entities.times.size(); ++t) {
    SentenceRefs* s = sentence_of(entities.times[t].begin);
    if (s != nullptr) s->times.push_back(static_cast<int>(t));
  }
  auto by_begin = [](const EntityRef& a, const EntityRef& b) { return a.begin < b.begin; };
  for (SentenceRefs& s : doc.sentences) {
    std::sort(s.persons.begin(), s.persons.end(), by_begin);
    std::sort(s.places.begin(), s.places.end(), by_begin);
    std::sort(s.orgs.begin(), s.orgs.end(), by_begin);
  }
  return doc;
}

// The organisation a site word belongs to, as written: an organisation
// mention just before it ("Kestrel Motors headquarters", "케스트럴모터스 본사"),
// "the company's" / "the group's" (the organisation of the nearest person
// before it), capitalised words before a possessive ("Daehyeon's
// headquarters"), or in Korean the word before it (이자르베르크 본사).
// Sets *from to the token after the owner. Empty when there is none.
std::string SiteOwner(const EventDoc& doc, const SentenceRefs& s, uint32_t first, uint32_t head,
                      uint32_t* from) {
  auto span = [&](uint32_t b, uint32_t e) { return std::string(doc.text.substr(b, e - b)); };
  auto plain_between = [&](uint32_t from_token) {
    for (uint32_t k = from_token; k < head; ++k) {
      if (doc.tokens()[k].kind == TokenKind::kPunct || LookupTitle(doc.text, doc.tokens()[k].begin).length > 0) {
        return false;
      }
    }
    return true;
  };
  // Korean: the word right before the site word, or before a place there.
  if (doc.korean && head > first) {
    uint32_t k = head - 1;
    bool skipped_place = false;
    for (const EntityRef& p : s.places) {
      if (p.last_token == head && p.first_token > first) {
        k = p.first_token - 1;  // 스트라타클라우드 시애틀 본사
        skipped_place = true;
      }
    }
    const text::Token& t = doc.tokens()[k];
    bool is_place = false;
    for (const EntityRef& p : s.places) {
      // A place the knowledge base knows, or any place in a chain of places
      // (경기 파주 본사); otherwise the tagger's guesses before 본사 are companies.
      is_place = is_place || (p.first_token <= k && k < p.last_token &&
                              (skipped_place || !doc.entities->entities[p.entity].kb_id.empty()));
    }
    if (t.kind == TokenKind::kWord && t.size() >= 6 && !is_place && doc.PersonAt(s, k) == nullptr &&
        LookupTitle(doc.text, t.begin).length == 0) {
      *from = k + 1;
      return std::string(doc.Token(k));
    }
  }
  for (auto it = s.orgs.rbegin(); it != s.orgs.rend(); ++it) {
    if (it->last_token <= head && it->last_token + 3 >= head && it->first_token >= first &&
        plain_between(it->last_token)) {
      *from = it->last_token;
      return span(it->begin, it->end);
    }
  }
  uint32_t j = head;
  while (j > first && j + 4 > head) {
    --j;
    std::string_view w = doc.Token(j);
    if (!doc.korean && (w == "'s" || w == "’s") && j > first) {
      if (IsCompanyNoun(doc.Token(j - 1))) continue;
    }
    if (!doc.korean && IsCompanyNoun(w)) {
      *from = j + 1;
      // The organisation of the nearest person before: as the text gave it,
      // or the capitalised words before that person's title ("Stratacloud
      // CEO Rebecca Thornton").
      for (auto p = s.persons.rbegin(); p != s.persons.rend(); ++p) {
        if (p->last_token > j) continue;
        const DocEntity& person = doc.entities->entities[p->entity];
        std::string org = person.org;
        if (org.empty()) {
          uint32_t k = p->first_token;
          while (k > first && LookupTitle(doc.text, doc.tokens()[k - 1].begin).length > 0) --k;
          uint32_t b = k;
          while (b > first && b + 3 > k) {
            const std::string_view prev = doc.Token(b - 1);
            if (prev.empty() || !(prev[0] >= 'A' && prev[0] <= 'Z') || doc.PersonAt(s, b - 1) != nullptr) break;
            --b;
          }
          if (b < k && k < p->first_token) org = span(doc.tokens()[b].begin, doc.tokens()[k - 1].end);
        }
        if (org.empty()) return {};
        if (w == "group" && org.find("Group") == std::string::npos) org += " Group";
        return org;
      }
      return {};
    }
    if (!doc.korean && (w == "'s" || w == "’s") && j > first) {
      uint32_t b = j;
      while (b > first && b + 3 > j) {
        std::string_view prev = doc.Token(b - 1);
        if (prev.empty() || !(prev[0] >= 'A' && prev[0] <= 'Z') || doc.PersonAt(s, b - 1) != nullptr) break;
        --b;
      }
      if (b == j) return {};
      *from = j;
      return span(doc.tokens()[b].begin, doc.tokens()[j - 1].end);
    }
  }
  return {};
}

PlaceChoice ChoosePlace(const EventDoc& doc, const SentenceRefs& s, uint32_t first, uint32_t last) {
  PlaceChoice best;
  for (uint32_t i = first; i < last; ++i) {
    std::string_view word = doc.Token(i);
    const bool head = doc.korean ? (doc.tokens()[i].kind == TokenKind::kWord && IsKoreanSiteHead(word))
                                 : doc.Has(i, kCueSiteHead);
    if (!head) continue;
    std::string head_text(word);
    if (!doc.korean) {
      for (char& c : head_text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (head_text == "hq" || head_text == "head") head_text = "headquarters";
      if (head_text == "guest") head_text = "guesthouse";
    }
    uint32_t from = i;
    const std::string owner = SiteOwner(doc, s, first, i, &from);
    if (owner.empty()) continue;
    std::string name = owner;
    if (KeepsQualifier(head_text)) {
      for (uint32_t q = from; q < i; ++q) {
        std::string_view w = doc.Token(q);
        if (w == "'s" || w == "’s" || doc.tokens()[q].kind != TokenKind::kWord) continue;
        name += " ";
        name += w;
      }
    }
    best = {name + " " + head_text, "", 5};
    break;
  }
  if (best.rank == 5) return best;
  for (const EntityRef& r : s.places) {
    if (r.first_token < first || r.first_token >= last) continue;
    if (IsModifier(doc, s, r)) continue;
    const DocEntity& entity = doc.entities->entities[r.entity];
    const KbEntry* entry = doc.kb != nullptr && !entity.kb_id.empty() ? doc.kb->Find(entity.kb_id) : nullptr;
    int rank = KindRank(entry);
    // Korean marks the venue with 에서 ("휴스턴에서"): a place the knowledge base
    // does not know still counts as a city there.
    if (doc.korean && entry == nullptr && r.last_token < s.last_token &&
        doc.tokens()[r.last_token].kind == TokenKind::kParticle && doc.Token(r.last_token) == "에서") {
      rank = 4;
    }
    // Later mentions of equal rank win in English ("in Austin, Texas" keeps
    // Austin by rank); the first wins in Korean, where the chain runs wide to narrow.
    if (rank > best.rank) {
      best.rank = rank;
      best.kb_id = entity.kb_id;
      best.name = DisplayName(entry, doc.text.substr(r.begin, r.end - r.begin));
    }
  }
  return best;
}

DateChoice ChooseDate(const EventDoc& doc, const SentenceRefs& s, uint32_t first, uint32_t last,
                      uint32_t near_token, const CivilDate& anchor) {
  DateChoice out;
  const TimeExpression* best = nullptr;
  CivilDate best_anchor;
  int best_score = 1 << 30;
  const std::vector<Token>& tokens = doc.tokens();
  // What "the following day" / 이튿날 / 전날 counts from: the latest exact day
  // named earlier in the sentence ("arrived on the 10th and met X the
  // following day"), else the previous meeting's day, else the publication.
  const auto anchor_of = [&](const TimeExpression& t) {
    CivilDate in_sentence;
    for (int index : s.times) {
      const TimeExpression& u = doc.entities->times[index];
      if (u.end <= t.begin && u.anchor != TimeAnchor::kEvent && u.anchor != TimeAnchor::kDuration &&
          !u.approximate && IsCompleteDate(u.value)) {
        in_sentence = u.value;
      }
    }
    if (IsCompleteDate(in_sentence)) return in_sentence;
    return IsCompleteDate(anchor) ? anchor : doc.published;
  };
  for (int index : s.times) {
    const TimeExpression& t = doc.entities->times[index];
    if (t.anchor == TimeAnchor::kDuration) continue;
    const uint32_t tok = TokenAtOrAfter(tokens, t.begin);
    if (tok < first || tok >= last) continue;
    const CivilDate from = t.anchor == TimeAnchor::kEvent ? anchor_of(t) : CivilDate{};
    const bool day = t.anchor == TimeAnchor::kEvent ? IsCompleteDate(from)
                                                    : IsCompleteDate(t.value) && !t.approximate;
    const bool any = t.anchor == TimeAnchor::kEvent ? IsCompleteDate(from) : t.value.year != 0;
    // The date of a report, not of the event: "...만났다고 24일 밝혔다",
    // "the company said on Thursday".
    const uint32_t tok_end = TokenAtOrAfter(tokens, t.end - 1) + 1;
    if (doc.korean ? doc.AnyIn(tok_end, std::min(last, tok_end + 2), kCueSpeech)
                   : doc.AnyIn(tok >= first + 3 ? tok - 3 : first, tok, kCueSpeech)) {
      continue;
    }
    // Korean puts time before the verb; English mostly after it.
    int distance = std::abs(static_cast<int>(tok) - static_cast<int>(near_token));
    if (doc.korean && tok > near_token) distance += 50;
    if (!doc.korean && tok < near_token) distance *= 2;
    const int score = distance + (day ? 0 : any ? 1000 : 5000);
    if (score < best_score) {
      best_score = score;
      best = &t;
      best_anchor = from;
    }
  }
  if (best == nullptr) return out;
  out.found = true;
  CivilDate value = best->value;
  bool exact = !best->approximate && IsCompleteDate(value) &&
               !(IsCompleteDate(best->range_end) && DayNumber(best->range_end) != DayNumber(value));
  if (best->anchor == TimeAnchor::kEvent) {
    if (!IsCompleteDate(best_anchor)) return out;
    value = AddDays(best_anchor, best->offset_days);
    exact = true;
  }
  out.expression = best;
  if (exact) {
    out.day = value;
    out.date = IsoDay(value);
  } else if (value.year != 0 && value.month != 0) {
    out.hint = fmt::format("{:04d}-{:02d}", value.year, value.month);
  } else if (value.year != 0) {
    out.hint = fmt::format("{:04d}", value.year);
  }
  return out;
}

}  // namespace tg::extract
