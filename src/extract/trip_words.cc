#include <algorithm>

#include "extract/trip_frames.h"

namespace tg::extract::trip {
namespace {

using text::TokenKind;

// Fixed destinations of Korean visit nouns: 방한 (a visit to Korea), 방미, 방일, 방중.
struct FixedVisit {
  std::string_view word;
  const char* place;
};
constexpr FixedVisit kFixedVisits[] = {{"방한", "kr"}, {"방미", "us"}, {"방일", "jp"},
                                       {"방중", "cn"}, {"방북", "kp"}, {"방러", "ru"}};
// What may follow such a noun in the same word: verb endings, not 방한복 ("winter clothes").
constexpr std::string_view kVerbTails[] = {"",   "한", "해", "했", "할", "하", "중",
                                           "길", "일", "시", "을", "은", "이"};

// True when a Korean travel word is a noun (방문, 방한 시, 출장 중, 출장길), not a
// verb form (방문한, 방한해, 순방했다).
bool NounForm(std::string_view w, std::string_view stem) {
  static constexpr std::string_view kNounTails[] = {"", "길", "중", "시", "일정", "단", "길에"};
  return OneOf(w.substr(stem.size()), kNounTails);
}

}  // namespace

// A Korean word (particles split off) that ends a clause or modifies a noun:
// 가로지르는, 마련된, 회동한, 출국해, 했다. Ends the search for a travel word's
// places. Two syllables at least; a syllable closed by ㄴ counts (한, 된, 친).
bool IsKoreanVerbForm(std::string_view w) {
  static constexpr std::string_view kEnds[] = {"는", "던", "고",   "며",  "해",
                                               "다", "서", "지만", "면서"};
  if (w.size() < 6) return false;
  for (std::string_view e : kEnds) {
    if (w.ends_with(e)) return true;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(w.data() + w.size() - 3);
  if ((p[0] & 0xF0) != 0xE0) return false;
  const int cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3 && (cp - 0xAC00) % 28 == 4;
}

std::string Reader::LowerAt(uint32_t i, const SentenceRefs& s) const {
  return i < s.last_token ? text::AsciiLower(doc_.Token(i)) : std::string();
}

const EntityRef* Reader::RefAt(const std::vector<EntityRef>& refs, uint32_t i) {
  for (const EntityRef& r : refs) {
    if (r.first_token <= i && i < r.last_token) return &r;
  }
  return nullptr;
}

const EntityRef* Reader::RefStarting(const std::vector<EntityRef>& refs, uint32_t i) {
  for (const EntityRef& r : refs) {
    if (r.first_token == i) return &r;
  }
  return nullptr;
}

// A place mention starting at token i, or at i + 1 after "the".
const EntityRef* Reader::PlaceNear(const SentenceRefs& s, uint32_t i) const {
  if (const EntityRef* r = RefStarting(s.places, i)) return r;
  return LowerAt(i, s) == "the" ? RefStarting(s.places, i + 1) : nullptr;
}

std::vector<Trigger> Reader::Triggers(const SentenceRefs& s, uint32_t first, uint32_t last) const {
  std::vector<Trigger> out;
  for (uint32_t i = first; i < last; ++i) {
    if (RefAt(s.persons, i) != nullptr || RefAt(s.orgs, i) != nullptr) continue;
    Trigger t;
    t.token = i;
    if (doc_.korean ? KoreanTrigger(i, &t) : EnglishTrigger(s, i, last, &t)) {
      out.push_back(t);
      i += t.length - 1;
    }
  }
  return out;
}

bool Reader::EnglishTrigger(const SentenceRefs& s, uint32_t i, uint32_t last, Trigger* t) const {
  static constexpr std::string_view kLeave[] = {"left", "leave", "leaves", "leaving"};
  static constexpr std::string_view kDepartW[] = {"depart", "departs", "departed", "departing"};
  static constexpr std::string_view kHead[] = {"head", "heads", "headed", "heading"};
  static constexpr std::string_view kFly[] = {"fly", "flies", "flew", "flying"};
  static constexpr std::string_view kTravel[] = {"travel",    "travels",   "traveled",
                                                 "travelled", "traveling", "travelling"};
  static constexpr std::string_view kTravelNext[] = {"to",     "through", "across",
                                                     "around", "abroad",  "overseas"};
  static constexpr std::string_view kEmbark[] = {"embark", "embarks", "embarked", "embarking"};
  // Not "land": "bought land in Texas".
  static constexpr std::string_view kArriveW[] = {"arrive", "arrives", "arrived", "arriving",
                                                  "landed"};
  static constexpr std::string_view kReturnW[] = {"return", "returns", "returned", "returning"};
  static constexpr std::string_view kBackAfter[] = {"due",  "be",    "is",  "was", "were", "came",
                                                    "come", "comes", "get", "got", "flew"};
  static constexpr std::string_view kVisitVerb[] = {"visited", "visiting", "toured", "touring"};
  static constexpr std::string_view kVisitNoun[] = {"trip", "trips", "journey", "visit", "visits"};
  static constexpr std::string_view kVerbBefore[] = {"to",  "will", "would", "'ll",   "also",
                                                     "not", "may",  "might", "could", "should"};
  {
    // Every trigger below starts with a word of these lists, "set", "back",
    // "tour" or "swing": other tokens are turned away before their neighbours
    // are lower-cased.
    const std::string_view token = i < s.last_token ? doc_.Token(i) : std::string_view();
    char buf[16];
    if (token.size() < 3 || token.size() > sizeof(buf)) return false;
    text::AsciiLowerInto(token, buf);
    const std::string_view lw(buf, token.size());
    if (!OneOf(lw, kLeave) && !OneOf(lw, kDepartW) && !OneOf(lw, kHead) && !OneOf(lw, kFly) &&
        !OneOf(lw, kTravel) && !OneOf(lw, kEmbark) && !OneOf(lw, kArriveW) &&
        !OneOf(lw, kReturnW) && !OneOf(lw, kVisitVerb) && !OneOf(lw, kVisitNoun) && lw != "set" &&
        lw != "back" && lw != "tour" && lw != "swing") {
      return false;
    }
  }
  const std::string w = LowerAt(i, s), n1 = LowerAt(i + 1, s), n2 = LowerAt(i + 2, s);
  const bool place_next = PlaceNear(s, i + 1) != nullptr;
  if (OneOf(w, kLeave) || OneOf(w, kDepartW)) {
    bool for_after = false;
    for (uint32_t j = i + 1; j < last && j < i + 7 && !IsPunct(j); ++j) {
      for_after = for_after || LowerAt(j, s) == "for";
    }
    // Not "left the company", "on maternity leave": a place, "for", or a day must follow.
    static constexpr std::string_view kWhen[] = {"on",       "later", "this",   "next",
                                                 "tomorrow", "today", "tonight"};
    if (!for_after && !place_next && !OneOf(n1, kWhen)) return false;
    t->role = for_after || place_next || OneOf(w, kDepartW) ? Role::kDepart : Role::kReturn;
    t->dest_for = for_after;
    t->origin_next = place_next;
    t->onward = for_after && !place_next;
    return true;
  }
  if (OneOf(w, kHead) || OneOf(w, kFly)) {
    if (n1 == "home" || n1 == "back") {
      t->role = Role::kReturn;
      t->length = 2;
      return true;
    }
    if (OneOf(w, kFly) && (n1 == "in" || n1 == "into")) {
      t->role = Role::kArrive;
      return true;
    }
    if (n1 == "to" || n1 == "for" || (OneOf(w, kFly) && place_next)) {
      t->role = Role::kDepart;
      t->dest_for = n1 == "for";
      return true;
    }
    return false;
  }
  if (OneOf(w, kTravel) && (OneOf(n1, kTravelNext) || place_next)) {
    t->role = Role::kDepart;
    return true;
  }
  if (OneOf(w, kEmbark) && n1 == "on") {
    t->role = Role::kDepart;
    return true;
  }
  if (w == "set" && (n1 == "off" || n1 == "out") && (n2 == "for" || n2 == "to" || n2 == "on")) {
    t->role = Role::kDepart;
    t->dest_for = n2 == "for";
    t->length = 2;
    return true;
  }
  if (OneOf(w, kArriveW) && (n1 == "in" || n1 == "on" || n1 == "at" || place_next)) {
    t->role = Role::kArrive;
    return true;
  }
  if (OneOf(w, kReturnW)) {
    // "returned to Seoul", "returned home", "returned on the 12th", "returned from
    // Tokyo"; not "returns on equity", "returned to profit".
    const bool to_place = n1 == "to" && PlaceNear(s, i + 2) != nullptr;
    const bool on_day = n1 == "on" && (w == "returned" || w == "returning");
    if (!to_place && n1 != "home" && !on_day && !(n1 == "from" && PlaceNear(s, i + 2))) {
      return false;
    }
    t->role = Role::kReturn;
    return true;
  }
  if (w == "back" && i > s.first_token && OneOf(LowerAt(i - 1, s), kBackAfter)) {
    t->role = Role::kReturn;
    return true;
  }
  if (OneOf(w, kVisitVerb)) {
    t->needs_dest = true;
    return true;
  }
  if (OneOf(w, kVisitNoun)) {
    static constexpr std::string_view kEarlier[] = {"previous", "last", "earlier", "prior", "past"};
    const std::string prev = i > s.first_token ? LowerAt(i - 1, s) : std::string();
    const std::string prev2 = i > s.first_token + 1 ? LowerAt(i - 2, s) : std::string();
    t->noun = !OneOf(prev, kVerbBefore) && doc_.PersonAt(s, i - 1) == nullptr;
    t->earlier = t->noun && (OneOf(prev, kEarlier) || OneOf(prev2, kEarlier));
    t->needs_dest = !t->noun || t->earlier;
    return true;
  }
  if ((w == "tour" && n1 == "of") || (w == "swing" && n1 == "through")) {
    t->noun = true;
    return true;
  }
  return false;
}

bool Reader::KoreanTrigger(uint32_t i, Trigger* t) const {
  if (doc_.tokens()[i].script != text::Script::kHangul || IsParticle(i)) return false;
  std::string_view w = doc_.Token(i);
  // "도착하려면": a condition, not a journey.
  if (w.ends_with("면") && w.size() > 6) return false;
  // Every travel word below starts with one of these syllables; most words start none.
  static constexpr std::string_view kFirstSyllables[] = {"방", "출", "순", "귀", "도", "입",
                                                         "찾", "오", "이", "떠", "향"};
  if (w.size() < 3 || !OneOf(w.substr(0, 3), kFirstSyllables)) return false;
  for (const FixedVisit& f : kFixedVisits) {
    if (w.starts_with(f.word) && OneOf(w.substr(f.word.size(), 3), kVerbTails) &&
        (w.size() == f.word.size() || w.size() >= f.word.size() + 3)) {
      t->fixed = f.place;
      t->noun = NounForm(w, f.word);
      return true;
    }
  }
  if (w.starts_with("출국")) {
    t->role = Role::kDepart;
    return true;
  }
  if (w.starts_with("출장길")) {
    t->role = Role::kDepart;
    t->noun = true;
    return true;
  }
  if (w.starts_with("출장") || w.starts_with("순방")) {
    t->noun = NounForm(w, w.substr(0, 6));
    return true;
  }
  if (w.starts_with("귀국")) {
    t->role = Role::kReturn;
    return true;
  }
  if (w.starts_with("도착") || w.starts_with("입국")) {
    t->role = Role::kArrive;
    return true;
  }
  if (w.starts_with("방문") && !w.starts_with("방문객") && !w.starts_with("방문자") &&
      !w.starts_with("방문지")) {
    t->noun = NounForm(w, "방문");
    return true;
  }
  static constexpr std::string_view kNeedDest[] = {"찾아", "찾았",   "찾은",   "찾을",   "찾는",
                                                   "오가", "이동해", "이동한", "이동할", "이동했"};
  for (std::string_view p : kNeedDest) {
    if (w.starts_with(p)) {
      t->needs_dest = true;
      return true;
    }
  }
  static constexpr std::string_view kGo[] = {"떠나", "떠났", "떠난", "떠날", "향했",
                                             "향해", "향한", "향하", "향할"};
  for (std::string_view p : kGo) {
    if (w.starts_with(p)) {
      t->role = Role::kDepart;
      t->needs_dest = true;
      return true;
    }
  }
  return false;
}

Dest Reader::PlaceDest(const EntityRef& r) const {
  const DocEntity& e = doc_.entities->entities[r.entity];
  const KbEntry* entry = doc_.kb != nullptr && !e.kb_id.empty() ? doc_.kb->Find(e.kb_id) : nullptr;
  Dest d;
  d.kb_id = e.kb_id;
  d.name = entry != nullptr && !entry->name_en.empty()
               ? entry->name_en
               : std::string(doc_.text.substr(r.begin, r.end - r.begin));
  if (!d.name.empty() && d.name[0] == '~') d.name.erase(0, 1);
  return d;
}

Dest Reader::FixedDest(const char* id) const {
  const KbEntry* entry = doc_.kb != nullptr ? doc_.kb->Find(id) : nullptr;
  if (entry != nullptr) return {entry->name_en, entry->id};
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"kr", "South Korea"}, {"us", "United States"}, {"jp", "Japan"},
      {"cn", "China"},       {"kp", "North Korea"},   {"ru", "Russia"}};
  for (const auto& [id_, name] : kNames) {
    if (id_ == id) return {std::string(name), std::string(id_)};
  }
  return {};
}

// A place the knowledge base does not know, named like a building or a
// village rather than a city ("메디클리닉심장병원", "봉하마을", "Union Station"):
// where someone goes within a trip, not the trip's destination.
bool Reader::IsFacility(const EntityRef& r) const {
  static constexpr std::string_view kHeads[] = {
      "병원",     "공장",         "센터",       "학교",    "대학",    "대학교", "마을",
      "공항",     "역",           "호텔",       "본사",    "사옥",    "캠퍼스", "전시관",
      "박물관",   "교회",         "성당",       "공원",    "경기장",  "청사",   "기념관",
      "Hospital", "School",       "University", "College", "Center",  "Centre", "Airport",
      "Station",  "Hotel",        "Museum",     "Park",    "Stadium", "Plant",  "Factory",
      "Campus",   "Headquarters", "Church",     "Temple",  "Village", "Hall",   "Building",
      "Tower",    "Square"};
  const DocEntity& e = doc_.entities->entities[r.entity];
  if (!e.kb_id.empty()) return false;
  const std::string_view name = doc_.text.substr(r.begin, r.end - r.begin);
  for (std::string_view head : kHeads) {
    if (name.ends_with(head)) return true;
  }
  return false;
}

// A place written as a modifier ("Georgia Governor", "미국 상무장관"): ChoosePlace
// on the mention alone rejects it.
bool Reader::IsModifierPlace(const SentenceRefs& s, const EntityRef& r) const {
  return ChoosePlace(doc_, s, r.first_token, r.last_token).rank == 0;
}

// English: places the word points at, up to the next person, meeting word or
// travel word: "to", "in", "into", "through" or a list after an accepted one;
// "for" after "left"; the object of "visited"; not "from" (the origin).
std::vector<Dest> Reader::EnglishDests(const SentenceRefs& s, const Trigger& t, uint32_t stop,
                                       std::vector<Dest>* origins) const {
  static constexpr std::string_view kTo[] = {"to",     "in",        "into",   "through", "across",
                                             "around", "including", "toward", "towards"};
  std::vector<Dest> out;
  // "Seoul trip", "U.S. business trip": a place right before the noun.
  if (t.noun && t.token > s.first_token) {
    for (const EntityRef& r : s.places) {
      const bool right_before =
          r.last_token == t.token ||
          (r.last_token + 1 == t.token && doc_.Token(r.last_token) != "'s" &&
           !IsPunct(r.last_token) && doc_.PersonAt(s, r.last_token) == nullptr);
      if (right_before && !IsModifierPlace(s, r) && !IsFacility(r)) out.push_back(PlaceDest(r));
    }
  }
  bool last_ok = false;
  uint32_t last_end = 0;
  const uint32_t end = std::min(stop, t.token + t.length + 18);
  for (uint32_t i = t.token + t.length; i < end; ++i) {
    if (const EntityRef* p = doc_.PersonAt(s, i)) {
      const std::string after = LowerAt(p->last_token, s);
      const std::string text = text::AsciiLower(doc_.Token(p->first_token));
      if (after != "'s" && after != "’s" && text != "his" && text != "her" && text != "their")
        break;
    }
    if (doc_.Has(i, kCueMeet | kCueSpeech)) break;
    const EntityRef* r = RefStarting(s.places, i);
    if (r == nullptr) continue;
    uint32_t b = i;
    if (b > t.token + t.length && LowerAt(b - 1, s) == "the") --b;
    const std::string prev = b > s.first_token ? LowerAt(b - 1, s) : std::string();
    bool ok;
    if (t.role == Role::kReturn) {
      ok = prev == "from";
    } else if (b == t.token + t.length) {
      ok = !t.origin_next && (t.role == Role::kVisit || t.role == Role::kDepart);
    } else if (prev == "and" || prev == "," || prev == "or") {
      // A list right after an accepted place: "to Austin, Detroit and Washington".
      ok = last_ok;
      for (uint32_t j = last_end; ok && j < b; ++j) {
        const std::string w = LowerAt(j, s);
        ok = w == "," || w == "and" || w == "or";
      }
    } else {
      ok = OneOf(prev, kTo) || (prev == "for" && t.dest_for) ||
           (prev == "at" && t.role == Role::kArrive);
    }
    if (ok && !IsModifierPlace(s, *r) && !IsFacility(*r)) out.push_back(PlaceDest(*r));
    const bool origin =
        (b == t.token + t.length && t.origin_next) || (prev == "from" && t.role != Role::kReturn);
    if (origin) origins->push_back(PlaceDest(*r));
    last_ok = ok;
    last_end = r->last_token;
    i = r->last_token - 1;
  }
  return out;
}

// The particle or separator after a Korean place mention ("=" when the
// travel word follows directly, "" when another place does, "?" for anything else); parentheses
// after the name ("아랍에미리트(UAE)") are skipped.
std::string_view Reader::KoreanLink(const SentenceRefs& s, const EntityRef& r,
                                    uint32_t trigger) const {
  uint32_t i = r.last_token;
  if (i < s.last_token && doc_.Token(i) == ")") ++i;
  if (i < s.last_token && doc_.Token(i) == "(") {
    while (i < s.last_token && i < r.last_token + 6 && doc_.Token(i) != ")") ++i;
    ++i;
  }
  if (i >= s.last_token) return "?";
  if (i == trigger) return "=";
  if (RefStarting(s.places, i) != nullptr) return "";
  std::string_view w = doc_.Token(i);
  if (IsParticle(i) || w == "·" || w == ",") return w;
  return "?";
}

// Korean: places before the word, back to the previous verb, person or
// travel word: the object (를), goal (로, 에) or a place glued to the word
// (미국 출장), and lists joined by 와/과/및/·/, to an accepted one.
std::vector<Dest> Reader::KoreanDests(const SentenceRefs& s, const Trigger& t,
                                      uint32_t stop) const {
  static constexpr std::string_view kList[] = {"와", "과", "및", "·", ","};
  std::vector<Dest> out;
  if (t.role == Role::kReturn) return out;
  bool chain = false;
  uint32_t i = t.token;
  while (i > stop && i + 14 > t.token) {
    --i;
    if (doc_.PersonAt(s, i) != nullptr || doc_.Has(i, kCueMeet)) break;
    const EntityRef* r = RefAt(s.places, i);
    if (r == nullptr) {
      const text::Token& tok = doc_.tokens()[i];
      if (tok.kind == TokenKind::kWord && RefAt(s.orgs, i) == nullptr) {
        // "일본 교토에 있는 시라카와 본사를": the place is where the object is.
        const std::string_view w = doc_.Token(i);
        const bool located = (w == "있는" || w == "위치한") && i > 0 && doc_.Token(i - 1) == "에";
        if (IsKoreanVerbForm(w) && !located) break;
      }
      if (tok.kind == TokenKind::kPunct && doc_.Token(i) != "·" && doc_.Token(i) != "," &&
          doc_.Token(i) != "(" && doc_.Token(i) != ")") {
        break;
      }
      continue;
    }
    i = r->first_token;
    const std::string_view link = KoreanLink(s, *r, t.token);
    bool ok;
    if (link == "=") {
      ok = true;  // 미국 출장, 사우디아라비아·아랍에미리트(UAE) 순방
    } else if (OneOf(link, kList) || link.empty()) {
      ok = chain;
    } else if (link == "로" || link == "으로") {
      ok = t.role == Role::kDepart || t.role == Role::kVisit;
    } else if (link == "을" || link == "를") {
      ok = t.role == Role::kVisit;
    } else if (link == "의" || link == "?") {
      // "샌프란시스코 오리슨랩스 본사를 찾아": a known place inside the visited object.
      ok = t.role == Role::kVisit && ObjectBefore(s, r->last_token, t.token) &&
           !doc_.entities->entities[r->entity].kb_id.empty();
    } else if (link == "에") {
      ok = t.role == Role::kArrive || t.role == Role::kVisit;
    } else {
      ok = false;  // 에서, 부터, 은/는, 이/가: where something else happens, or the subject
    }
    chain = ok;
    if (!ok) continue;
    // A place before a title is a modifier (미국 상무장관); before an organisation
    // inside a visited object it names where the visit goes.
    const bool org_next = RefStarting(s.orgs, r->last_token) != nullptr;
    if ((IsModifierPlace(s, *r) && !(org_next && link == "?")) || IsFacility(*r)) continue;
    out.insert(out.begin(), PlaceDest(*r));
  }
  if (t.fixed != nullptr) out.push_back(FixedDest(t.fixed));
  return out;
}

// True when the words from `from` to the trigger at `to` form one noun phrase
// ending in 을/를 (no other particle but 의 between).
bool Reader::ObjectBefore(const SentenceRefs& s, uint32_t from, uint32_t to) const {
  if (to == 0 || to - 1 < from) return false;
  const std::string_view last = doc_.Token(to - 1);
  if (last != "을" && last != "를") return false;
  for (uint32_t i = from; i + 1 < to; ++i) {
    if (IsParticle(i) && doc_.Token(i) != "의") return false;
    if (IsPunct(i) || doc_.PersonAt(s, i) != nullptr) return false;
  }
  return true;
}

}  // namespace tg::extract::trip
