#include "extract/trips.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "extract/timex_calendar.h"

namespace tg::extract {
namespace {

using text::TokenKind;

// What a travel word says about the trip.
enum class Role : uint8_t {
  kDepart,  // left, flew to, travelled to, 출국, 출장길, 향해: its date is the start
  kArrive,  // arrived in, landed, flew in, 도착: its date is the start
  kReturn,  // returned, due back, flying home, 귀국: its date is the end; no destinations
  kVisit,   // visit, trip, toured, 방문, 출장, 찾아, 방한: dates only with "starting"/ranges
};

struct Trigger {
  uint32_t token = 0;
  uint32_t length = 1;
  Role role = Role::kVisit;
  bool needs_dest = false;  // "visited", "찾아": without a place it is not about travel
  bool dest_for = false;    // "left for", "headed for": "for PLACE" is a destination
  bool origin_next = false; // "left Seoul", "departed Seoul": the next place is the origin
  bool noun = false;        // "trip", "visit", 출장: may take a possessive traveller
  const char* fixed = nullptr;  // 방한 -> "kr", 방미 -> "us"
};

struct Dest {
  std::string name;
  std::string kb_id;
};

struct Frame {
  std::vector<int> travelers;
  std::vector<Dest> dests;
  CivilDate start, end;  // stated days (complete dates) or unknown
  int duration = 0;      // days, from "a 10-day trip", "열흘간"
  std::string hint;      // "YYYY-MM" of an undated frame, to keep trips of other months apart
  std::vector<int> companions;
  EventStatus status = EventStatus::kOccurred;
  bool past_plan = false;
  bool sets_status = true;  // false for return words: "will return on the 12th" plans nothing
  size_t sentence = 0;
  float confidence = 0.7f;
  bool date_claimed = false;
};

bool Contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }
void AddUnique(std::vector<int>* v, int x) {
  if (!Contains(*v, x)) v->push_back(x);
}
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
template <size_t N>
bool OneOf(std::string_view w, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Fixed destinations of Korean visit nouns: 방한 (a visit to Korea), 방미, 방일, 방중.
struct FixedVisit {
  std::string_view word;
  const char* place;
};
constexpr FixedVisit kFixedVisits[] = {{"방한", "kr"}, {"방미", "us"}, {"방일", "jp"}, {"방중", "cn"}};
// What may follow such a noun in the same word: verb endings, not 방한복 ("winter clothes").
constexpr std::string_view kVerbTails[] = {"",   "한", "해", "했", "할", "하", "중",
                                           "길", "일", "시", "을", "은", "이"};

// A Korean word (particles split off) that ends a clause or modifies a noun:
// 가로지르는, 마련된, 회동한, 출국해, 했다. Ends the search for a travel word's
// places. Two syllables at least; a syllable closed by ㄴ counts (한, 된, 친).
bool IsKoreanVerbForm(std::string_view w) {
  static constexpr std::string_view kEnds[] = {"는", "던", "고", "며", "해", "다", "서", "지만", "면서"};
  if (w.size() < 6) return false;
  for (std::string_view e : kEnds) {
    if (EndsWith(w, e)) return true;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(w.data() + w.size() - 3);
  if ((p[0] & 0xF0) != 0xE0) return false;
  const int cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3 && (cp - 0xAC00) % 28 == 4;
}

// Continents and world regions, which the knowledge base does not hold as
// parents of countries.
constexpr std::string_view kBroadRegions[] = {
    "Europe", "Asia", "North America", "South America", "Latin America", "Africa", "Middle East",
    "Southeast Asia", "East Asia", "Oceania", "유럽", "아시아", "북미", "남미", "중남미", "아프리카",
    "중동", "동남아", "동남아시아", "동아시아", "오세아니아"};

constexpr std::string_view kSubordinators[] = {"when", "after", "before", "while", "as", "where",
                                               "since", "until", "because", "who", "which", "that"};
constexpr std::string_view kHabitual[] = {"every", "annually", "regularly", "often", "매년", "해마다",
                                          "매해", "자주"};

class TripFinder {
 public:
  explicit TripFinder(const EventDoc& doc) : doc_(doc) {}

  std::vector<Trip> Run() {
    for (size_t si = 0; si < doc_.sentences.size(); ++si) {
      const SentenceRefs& s = doc_.sentences[si];
      for (const auto& [first, last] : Clauses(s)) Clause(si, s, first, last);
      UpdateTopic(s);
    }
    return Finish();
  }

 private:
  std::string LowerAt(uint32_t i, const SentenceRefs& s) const {
    return i < s.last_token ? Lower(doc_.Token(i)) : std::string();
  }
  bool IsPunct(uint32_t i) const { return doc_.tokens()[i].kind == TokenKind::kPunct; }
  bool IsParticle(uint32_t i) const { return doc_.tokens()[i].kind == TokenKind::kParticle; }

  static const EntityRef* RefAt(const std::vector<EntityRef>& refs, uint32_t i) {
    for (const EntityRef& r : refs) {
      if (r.first_token <= i && i < r.last_token) return &r;
    }
    return nullptr;
  }
  static const EntityRef* RefStarting(const std::vector<EntityRef>& refs, uint32_t i) {
    for (const EntityRef& r : refs) {
      if (r.first_token == i) return &r;
    }
    return nullptr;
  }
  // A place mention starting at token i, or at i + 1 after "the".
  const EntityRef* PlaceNear(const SentenceRefs& s, uint32_t i) const {
    if (const EntityRef* r = RefStarting(s.places, i)) return r;
    return LowerAt(i, s) == "the" ? RefStarting(s.places, i + 1) : nullptr;
  }

  // Clauses cut at ";", ", and", 했고, 하며 (event_cues.h).
  std::vector<std::pair<uint32_t, uint32_t>> Clauses(const SentenceRefs& s) const {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    uint32_t start = s.first_token;
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      if (!doc_.Has(i, kCueClauseEnd)) continue;
      const uint32_t cut = doc_.korean ? i + 1 : i;
      if (cut > start) out.emplace_back(start, cut);
      start = cut;
    }
    if (start < s.last_token) out.emplace_back(start, s.last_token);
    return out;
  }

  // ---- Travel words -------------------------------------------------------

  std::vector<Trigger> Triggers(const SentenceRefs& s, uint32_t first, uint32_t last) const {
    std::vector<Trigger> out;
    for (uint32_t i = first; i < last; ++i) {
      if (RefAt(s.persons, i) != nullptr || RefAt(s.orgs, i) != nullptr) continue;
      Trigger t;
      t.token = i;
      if (doc_.korean ? KoreanTrigger(s, i, &t) : EnglishTrigger(s, i, last, &t)) {
        out.push_back(t);
        i += t.length - 1;
      }
    }
    return out;
  }

  bool EnglishTrigger(const SentenceRefs& s, uint32_t i, uint32_t last, Trigger* t) const {
    static constexpr std::string_view kLeave[] = {"left", "leave", "leaves", "leaving"};
    static constexpr std::string_view kDepartW[] = {"depart", "departs", "departed", "departing"};
    static constexpr std::string_view kHead[] = {"head", "heads", "headed", "heading"};
    static constexpr std::string_view kFly[] = {"fly", "flies", "flew", "flying"};
    static constexpr std::string_view kTravel[] = {"travel", "travels", "traveled", "travelled",
                                                   "traveling", "travelling"};
    static constexpr std::string_view kTravelNext[] = {"to", "through", "across", "around",
                                                       "abroad", "overseas"};
    static constexpr std::string_view kEmbark[] = {"embark", "embarks", "embarked", "embarking"};
    static constexpr std::string_view kArriveW[] = {"arrive", "arrives", "arrived", "arriving",
                                                    "land", "lands", "landed"};
    static constexpr std::string_view kReturnW[] = {"return", "returns", "returned", "returning"};
    static constexpr std::string_view kBackAfter[] = {"due", "be", "is", "was", "were", "came",
                                                      "come", "comes", "get", "got", "flew"};
    static constexpr std::string_view kVisitVerb[] = {"visited", "visiting", "toured", "touring"};
    static constexpr std::string_view kVisitNoun[] = {"trip", "trips", "journey", "visit", "visits"};
    static constexpr std::string_view kVerbBefore[] = {"to", "will", "would", "'ll", "also",
                                                       "not", "may", "might", "could", "should"};
    const std::string w = LowerAt(i, s), n1 = LowerAt(i + 1, s), n2 = LowerAt(i + 2, s);
    const bool place_next = PlaceNear(s, i + 1) != nullptr;
    if (OneOf(w, kLeave) || OneOf(w, kDepartW)) {
      bool for_after = false;
      for (uint32_t j = i + 1; j < last && j < i + 7 && !IsPunct(j); ++j) {
        for_after = for_after || LowerAt(j, s) == "for";
      }
      if (w == "left" && !for_after && !place_next && n1 != "on") return false;  // "left the company"
      t->role = for_after || place_next || OneOf(w, kDepartW) ? Role::kDepart : Role::kReturn;
      t->dest_for = for_after;
      t->origin_next = place_next;
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
      const bool to_place = n1 == "to" && (PlaceNear(s, i + 2) != nullptr);
      if (!to_place && n1 != "home" && n1 != "on" && !(n1 == "from" && PlaceNear(s, i + 2))) return false;
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
      const std::string prev = i > s.first_token ? LowerAt(i - 1, s) : std::string();
      t->noun = !OneOf(prev, kVerbBefore) && doc_.PersonAt(s, i - 1) == nullptr;
      t->needs_dest = !t->noun;
      return true;
    }
    if ((w == "tour" && n1 == "of") || (w == "swing" && n1 == "through")) {
      t->noun = true;
      return true;
    }
    return false;
  }

  bool KoreanTrigger(const SentenceRefs& s, uint32_t i, Trigger* t) const {
    if (doc_.tokens()[i].script != text::Script::kHangul || IsParticle(i)) return false;
    std::string_view w = doc_.Token(i);
    (void)s;
    for (const FixedVisit& f : kFixedVisits) {
      if (StartsWith(w, f.word) && OneOf(w.substr(f.word.size(), 3), kVerbTails) &&
          (w.size() == f.word.size() || w.size() >= f.word.size() + 3)) {
        t->fixed = f.place;
        t->noun = true;
        return true;
      }
    }
    if (StartsWith(w, "출국")) {
      t->role = Role::kDepart;
      return true;
    }
    if (StartsWith(w, "출장길")) {
      t->role = Role::kDepart;
      t->noun = true;
      return true;
    }
    if (StartsWith(w, "출장") || StartsWith(w, "순방")) {
      t->noun = true;
      return true;
    }
    if (StartsWith(w, "귀국")) {
      t->role = Role::kReturn;
      return true;
    }
    if (StartsWith(w, "도착") || StartsWith(w, "입국")) {
      t->role = Role::kArrive;
      return true;
    }
    if (StartsWith(w, "방문") && !StartsWith(w, "방문객") && !StartsWith(w, "방문자")) {
      t->noun = true;
      return true;
    }
    static constexpr std::string_view kNeedDest[] = {"찾아", "찾았", "찾은", "찾을", "찾는", "오가",
                                                      "이동해", "이동한", "이동할", "이동했"};
    for (std::string_view p : kNeedDest) {
      if (StartsWith(w, p)) {
        t->needs_dest = true;
        return true;
      }
    }
    static constexpr std::string_view kGo[] = {"떠나", "떠났", "떠난", "떠날", "향했",
                                               "향해", "향한", "향하", "향할"};
    for (std::string_view p : kGo) {
      if (StartsWith(w, p)) {
        t->role = Role::kDepart;
        t->needs_dest = true;
        return true;
      }
    }
    return false;
  }

  // ---- Destinations --------------------------------------------------------

  Dest PlaceDest(const EntityRef& r) const {
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

  Dest FixedDest(const char* id) const {
    const KbEntry* entry = doc_.kb != nullptr ? doc_.kb->Find(id) : nullptr;
    if (entry != nullptr) return {entry->name_en, entry->id};
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"kr", "South Korea"}, {"us", "United States"}, {"jp", "Japan"}, {"cn", "China"}};
    for (const auto& [id_, name] : kNames) {
      if (id_ == id) return {std::string(name), std::string(id_)};
    }
    return {};
  }

  // A place written as a modifier ("Georgia Governor", "미국 상무장관"): ChoosePlace
  // on the mention alone rejects it.
  bool IsModifierPlace(const SentenceRefs& s, const EntityRef& r) const {
    return ChoosePlace(doc_, s, r.first_token, r.last_token).rank == 0;
  }

  // English: places the word points at, up to the next person, meeting word or
  // travel word: "to", "in", "into", "through" or a list after an accepted one;
  // "for" after "left"; the object of "visited"; not "from" (the origin).
  std::vector<Dest> EnglishDests(const SentenceRefs& s, const Trigger& t, uint32_t stop) const {
    static constexpr std::string_view kTo[] = {"to", "in", "into", "through", "across", "around",
                                               "including", "toward", "towards"};
    std::vector<Dest> out;
    bool last_ok = false;
    const uint32_t end = std::min(stop, t.token + t.length + 18);
    for (uint32_t i = t.token + t.length; i < end; ++i) {
      if (const EntityRef* p = doc_.PersonAt(s, i)) {
        const std::string after = LowerAt(p->last_token, s);
        const std::string text = Lower(doc_.Token(p->first_token));
        if (after != "'s" && after != "’s" && text != "his" && text != "her" && text != "their") break;
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
        ok = last_ok;
      } else {
        ok = OneOf(prev, kTo) || (prev == "for" && t.dest_for) || (prev == "at" && t.role == Role::kArrive);
      }
      if (ok && !IsModifierPlace(s, *r)) out.push_back(PlaceDest(*r));
      last_ok = ok;
      i = r->last_token - 1;
    }
    return out;
  }

  // The particle or separator after a Korean place mention ("=" when the
  // travel word follows directly, "" when another place does, "?" for anything else); parentheses
  // after the name ("아랍에미리트(UAE)") are skipped.
  std::string_view KoreanLink(const SentenceRefs& s, const EntityRef& r, uint32_t trigger) const {
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
  std::vector<Dest> KoreanDests(const SentenceRefs& s, const Trigger& t, uint32_t stop) const {
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
          if (IsKoreanVerbForm(doc_.Token(i))) break;
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
        // "미국 워싱턴DC를 방문", "샌프란시스코 오리슨랩스 본사를 찾아": the object.
        ok = t.role == Role::kVisit && ObjectBefore(s, r->last_token, t.token);
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
      if (IsModifierPlace(s, *r) && !(org_next && link == "?")) continue;
      out.insert(out.begin(), PlaceDest(*r));
    }
    if (t.fixed != nullptr) out.push_back(FixedDest(t.fixed));
    return out;
  }

  // True when the words from `from` to the trigger at `to` form one noun phrase
  // ending in 을/를 (no other particle but 의 between).
  bool ObjectBefore(const SentenceRefs& s, uint32_t from, uint32_t to) const {
    if (to == 0 || to - 1 < from) return false;
    const std::string_view last = doc_.Token(to - 1);
    if (last != "을" && last != "를") return false;
    for (uint32_t i = from; i + 1 < to; ++i) {
      if (IsParticle(i) && doc_.Token(i) != "의") return false;
      if (IsPunct(i) || doc_.PersonAt(s, i) != nullptr) return false;
    }
    return true;
  }

  // ---- Travellers -------------------------------------------------------------

  std::string_view KoreanParticle(const SentenceRefs& s, const EntityRef& r) const {
    for (uint32_t i = r.last_token; i < s.last_token && i < r.last_token + 6; ++i) {
      if (i != r.last_token && doc_.PersonAt(s, i) != nullptr) return {};
      std::string_view w = doc_.Token(i);
      if (IsParticle(i)) return w;
      if (IsPunct(i) && w != "(" && w != ")") return {};
    }
    return {};
  }
  static bool IsSubject(std::string_view p) {
    return p == "은" || p == "는" || p == "이" || p == "가" || p == "께서";
  }

  bool IsSpeaker(const SentenceRefs& s, const EntityRef& r) const {
    if (r.last_token < s.last_token && doc_.Has(r.last_token, kCueSpeech)) return true;
    return r.first_token > s.first_token && doc_.Has(r.first_token - 1, kCueSpeech);
  }

  // English subject of the travel word at `t`: "X's trip", the first person
  // after the last "when"/"after" before it (else the clause's first), not a
  // speaker or an object of "with"; people joined to it by "and" travel too;
  // "a trip ... by X".
  std::vector<int> EnglishTravelers(const SentenceRefs& s, uint32_t first, uint32_t last,
                                    const Trigger& t) const {
    std::vector<int> out;
    if (t.noun) {
      for (const EntityRef& r : s.persons) {
        if (r.last_token > t.token || r.last_token + 3 < t.token || r.first_token < first) continue;
        const std::string after = LowerAt(r.last_token, s);
        const std::string word = Lower(doc_.Token(r.first_token));
        if (after == "'s" || after == "’s" || word == "his" || word == "her") out = {r.entity};
      }
      if (!out.empty()) return out;
    }
    uint32_t boundary = first;
    for (uint32_t i = t.token; i-- > first;) {
      if (OneOf(LowerAt(i, s), kSubordinators) || doc_.Has(i, kCueMeet)) {
        boundary = i + 1;
        break;
      }
    }
    auto pick = [&](uint32_t from) -> const EntityRef* {
      for (const EntityRef& r : s.persons) {
        if (r.first_token < from || r.first_token >= t.token || IsSpeaker(s, r)) continue;
        const std::string prev = r.first_token > s.first_token ? LowerAt(r.first_token - 1, s) : "";
        if (prev == "with" || prev == "by" || prev == "from" || prev == "of") continue;
        return &r;
      }
      return nullptr;
    };
    const EntityRef* subject = pick(boundary);
    if (subject == nullptr && boundary != first && LowerAt(boundary - 1, s) == "who") {
      // "Lee Jae-yong, who embarked on ...": the name before "who".
      for (const EntityRef& r : s.persons) {
        if (r.last_token + 2 >= boundary - 1 && r.last_token < boundary) subject = &r;
      }
    } else if (subject == nullptr && boundary != first) {
      subject = pick(first);  // "met Lam on Monday before flying home": the main subject
    }
    if (subject == nullptr && t.noun) {
      for (uint32_t i = t.token + 1; i < last && i < t.token + 10; ++i) {
        if (LowerAt(i, s) != "by") continue;
        for (const EntityRef& r : s.persons) {
          if (r.first_token > i && r.first_token < i + 8 && r.first_token < last) return {r.entity};
        }
      }
      return {};
    }
    if (subject == nullptr) return {};
    out.push_back(subject->entity);
    // "Park and Jung flew in": names joined by "and" (titles between).
    uint32_t end = subject->last_token;
    for (const EntityRef& r : s.persons) {
      if (r.first_token <= subject->first_token || r.first_token >= t.token) continue;
      bool joined = end < r.first_token && LowerAt(end, s) == "and";
      for (uint32_t j = end + 1; joined && j < r.first_token; ++j) {
        std::string_view w = doc_.Token(j);
        joined = !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || RefAt(s.orgs, j) != nullptr);
      }
      if (!joined) break;
      AddUnique(&out, r.entity);
      end = r.last_token;
    }
    return out;
  }

  // Korean traveller: "박 회장의 미국 출장", "저커버그 CEO 방한" (a name right before
  // the word), else the clause's subject (은/는/이/가, with names joined to it
  // by 와/과), else the discourse topic.
  std::vector<int> KoreanTravelers(const SentenceRefs& s, uint32_t first, uint32_t last,
                                   const Trigger& t, bool* from_topic) const {
    *from_topic = false;
    for (auto it = s.persons.rbegin(); it != s.persons.rend(); ++it) {
      const EntityRef& r = *it;
      if (r.last_token > t.token || r.first_token < first) continue;
      if (r.last_token + 6 < t.token) break;
      const std::string_view p = KoreanParticle(s, r);
      bool direct = p.empty() || (p == "의" && t.noun);
      for (uint32_t j = r.last_token; direct && j < t.token; ++j) {
        direct = !(IsParticle(j) && doc_.Token(j) != "의") && !(IsPunct(j) && doc_.Token(j) != "(" &&
                                                                doc_.Token(j) != ")");
      }
      if (direct) return {r.entity};
      break;
    }
    std::vector<int> out;
    const EntityRef* best = nullptr;
    for (const EntityRef& r : s.persons) {
      if (r.first_token < first || r.first_token >= last || !IsSubject(KoreanParticle(s, r))) continue;
      if (best == nullptr || r.first_token < t.token) best = &r;
    }
    if (best != nullptr) {
      for (const EntityRef& r : s.persons) {
        if (r.first_token < first || r.first_token >= best->first_token) continue;
        const std::string_view p = KoreanParticle(s, r);
        if ((p == "와" || p == "과") && r.last_token + 6 >= best->first_token) AddUnique(&out, r.entity);
      }
      AddUnique(&out, best->entity);
      return out;
    }
    for (const EntityRef& r : s.persons) {
      if (r.first_token >= first && r.first_token < last && r.entity == topic_) return {};
    }
    if (topic_ >= 0) {
      *from_topic = true;
      return {topic_};
    }
    return {};
  }

  void UpdateTopic(const SentenceRefs& s) {
    if (doc_.korean) {
      for (const EntityRef& r : s.persons) {
        const std::string_view p = KoreanParticle(s, r);
        if (p == "은" || p == "는") topic_ = r.entity;
      }
    } else if (!s.persons.empty() && s.persons.front().first_token < s.first_token + 4) {
      topic_ = s.persons.front().entity;
    }
  }

  // ---- Frames of one clause ------------------------------------------------

  struct Timex {
    const TimeExpression* t;
    uint32_t first;  // token range
    uint32_t last;
  };

  std::vector<Timex> ClauseTimes(const SentenceRefs& s, uint32_t first, uint32_t last) const {
    std::vector<Timex> out;
    const auto& tokens = doc_.tokens();
    for (int index : s.times) {
      const TimeExpression& t = doc_.entities->times[index];
      auto at = [&](uint32_t byte) {
        return static_cast<uint32_t>(
            std::upper_bound(tokens.begin(), tokens.end(), byte,
                             [](uint32_t b, const text::Token& tok) { return b < tok.end; }) -
            tokens.begin());
      };
      const uint32_t a = at(t.begin), b = std::max(a + 1, at(t.end - 1) + 1);
      if (a >= first && a < last) out.push_back({&t, a, b});
    }
    return out;
  }

  static bool IsDay(const TimeExpression& t) {
    return t.anchor != TimeAnchor::kDuration && t.anchor != TimeAnchor::kEvent && !t.approximate &&
           IsCompleteDate(t.value);
  }

  // The date a travel word claims: English the first one after it ("left on
  // Sunday", "returned on the 12th"), Korean the one right before it ("13일
  // 출국"); with `fallback`, one close on the other side ("On Thursday he
  // travelled", "귀국은 22일로").
  int ClaimDate(const std::vector<Timex>& times, const std::vector<bool>& used, const Trigger& t,
                uint32_t prev_trigger, uint32_t next_trigger, bool fallback) const {
    int best = -1;
    for (size_t k = 0; k < times.size(); ++k) {
      const Timex& x = times[k];
      if (used[k] || x.t->anchor == TimeAnchor::kDuration) continue;
      const bool after = x.first >= t.token + t.length && x.first < next_trigger;
      const bool before = x.last <= t.token && x.first >= prev_trigger;
      bool ok;
      if (!fallback) {
        ok = doc_.korean ? (before && x.last + 5 >= t.token) : (after && x.first < t.token + 12);
      } else {
        ok = doc_.korean ? (after && x.first < t.token + 5) : (before && x.last + 4 >= t.token);
      }
      if (!ok) continue;
      // English takes the first after (or the last before); Korean the last before (or the first after).
      best = static_cast<int>(k);
      if (doc_.korean == fallback) break;
    }
    return best;
  }

  void SetDate(const Timex& x, const Trigger& t, const SentenceRefs& s, Frame* f) const {
    const TimeExpression& e = *x.t;
    if (!IsDay(e)) {
      if (e.value.year != 0 && e.value.month != 0 && e.anchor != TimeAnchor::kEvent) {
        f->hint = IsoDay(CivilDate{e.value.year, e.value.month, 1}).substr(0, 7);
      }
      return;
    }
    if (IsCompleteDate(e.range_end) && t.role != Role::kReturn) {
      f->start = e.value;  // "17일부터 나흘간", "Aug. 18-22"
      f->end = e.range_end;
      return;
    }
    std::string before = x.first > s.first_token ? LowerAt(x.first - 1, s) : "";
    if (before == "on" && x.first > s.first_token + 1) before = LowerAt(x.first - 2, s);
    switch (t.role) {
      case Role::kDepart:
      case Role::kArrive: f->start = e.value; break;
      case Role::kReturn: f->end = e.value; break;
      case Role::kVisit:
        if (before == "starting" || before == "from" || before == "beginning") f->start = e.value;
        if (before == "through" || before == "until" || before == "till") f->end = e.value;
        break;
    }
  }

  void SetStatus(const Trigger& t, uint32_t first, uint32_t last, uint32_t next_trigger, Frame* f) const {
    const uint32_t i = t.token;
    bool denied, planned, past;
    if (doc_.korean) {
      const uint32_t after = std::min(last, i + 4);
      denied = doc_.AnyIn(i + 1, after, kCueNegation | kCueDenied);
      std::string_view w = doc_.Token(i);
      planned = EndsWith(w, "할") || EndsWith(w, "을") || EndsWith(w, "날");
      past = false;
      for (uint32_t j = i + 1; j < next_trigger; ++j) {
        if (doc_.Token(j) == "오는") continue;
        planned = planned || doc_.Has(j, kCuePlanned | kCuePastPlan);
        past = past || doc_.Has(j, kCuePastPlan);
      }
    } else {
      const uint32_t from = i >= first + 6 ? i - 6 : first;
      denied = doc_.AnyIn(i >= first + 3 ? i - 3 : first, i, kCueNegation) ||
               doc_.AnyIn(i >= first + 5 ? i - 5 : first, std::min(last, i + 6), kCueDenied);
      planned = doc_.AnyIn(from, i, kCuePlanned | kCuePastPlan);
      past = doc_.AnyIn(from, i, kCuePastPlan);
      // Headlines: "Orison CEO Owen Pryce to visit Seoul next week".
      if (i >= first + 2 && Lower(doc_.Token(i - 1)) == "to" && doc_.PersonAt(doc_.sentences[f->sentence], i - 2)) {
        planned = true;
      }
    }
    if (denied) {
      f->status = EventStatus::kDenied;
    } else if (planned) {
      f->status = EventStatus::kPlanned;
      f->past_plan = past;
    }
  }

  void Clause(size_t si, const SentenceRefs& s, uint32_t first, uint32_t last) {
    for (uint32_t i = first; i < last; ++i) {
      if (OneOf(std::string_view(LowerAt(i, s)), kHabitual)) return;  // "has visited ... every year"
    }
    std::vector<Trigger> triggers = Triggers(s, first, last);
    if (doc_.korean) {
      // "방한 일정을 마치고 25일 출국했다": leaving Korea ends the visit.
      bool visit_kr = false;
      for (Trigger& t : triggers) {
        if (t.fixed != nullptr && std::string_view(t.fixed) == "kr") visit_kr = true;
        if (visit_kr && t.role == Role::kDepart && StartsWith(doc_.Token(t.token), "출국")) t.role = Role::kReturn;
      }
    }
    Companions(si, s, first, last);
    if (triggers.empty()) return;
    const std::vector<Timex> times = ClauseTimes(s, first, last);
    std::vector<bool> used(times.size(), false);
    std::vector<Frame> frames;
    for (size_t k = 0; k < triggers.size(); ++k) {
      const Trigger& t = triggers[k];
      const uint32_t prev = k > 0 ? triggers[k - 1].token + triggers[k - 1].length : first;
      const uint32_t next = k + 1 < triggers.size() ? triggers[k + 1].token : last;
      Frame f;
      f.sentence = si;
      bool from_topic = false;
      f.travelers = doc_.korean ? KoreanTravelers(s, first, last, t, &from_topic)
                                : EnglishTravelers(s, first, last, t);
      f.dests = doc_.korean ? KoreanDests(s, t, k > 0 ? prev : first) : EnglishDests(s, t, next);
      if (f.travelers.empty() || (t.needs_dest && f.dests.empty())) {
        frames.push_back(Frame{});  // keeps indexes aligned with triggers
        frames.back().sentence = SIZE_MAX;
        continue;
      }
      f.confidence = (t.role == Role::kVisit ? 0.7f : 0.8f) - (from_topic ? 0.1f : 0.f);
      f.sets_status = t.role != Role::kReturn;
      SetStatus(t, first, last, next, &f);
      frames.push_back(std::move(f));
    }
    // Dates: departure, arrival and return words choose first, then visits;
    // each side of a word before the other.
    for (int pass = 0; pass < 4; ++pass) {
      for (size_t k = 0; k < triggers.size(); ++k) {
        const Trigger& t = triggers[k];
        if (frames[k].sentence == SIZE_MAX || (t.role == Role::kVisit) != (pass % 2 == 1) ||
            frames[k].date_claimed) {
          continue;
        }
        const uint32_t prev = k > 0 ? triggers[k - 1].token + triggers[k - 1].length : first;
        const uint32_t next = k + 1 < triggers.size() ? triggers[k + 1].token : last;
        const int d = ClaimDate(times, used, t, prev, next, pass >= 2);
        if (d < 0) continue;
        used[d] = true;
        frames[k].date_claimed = true;
        SetDate(times[d], t, s, &frames[k]);
      }
    }
    // Lengths ("a 10-day trip", "열흘간의 출장") go to the nearest travel word.
    for (const Timex& x : times) {
      if (x.t->anchor != TimeAnchor::kDuration || x.t->duration_days <= 0 || x.t->approximate ||
          x.t->duration_days > 90) {
        continue;
      }
      int best = -1, best_distance = 7;
      for (size_t k = 0; k < triggers.size(); ++k) {
        const int distance = std::min(std::abs(static_cast<int>(triggers[k].token) - static_cast<int>(x.last)),
                                      std::abs(static_cast<int>(triggers[k].token) - static_cast<int>(x.first)));
        if (frames[k].sentence != SIZE_MAX && distance < best_distance) {
          best = static_cast<int>(k);
          best_distance = distance;
        }
      }
      if (best >= 0) frames[best].duration = std::max(frames[best].duration, x.t->duration_days);
    }
    // A word without destinations joins the nearest one with them in the
    // clause ("left Seoul on Sunday for a 10-day trip to the United States").
    for (size_t k = 0; k < frames.size(); ++k) {
      Frame& f = frames[k];
      if (f.sentence == SIZE_MAX || !f.dests.empty()) continue;
      int host = -1;
      for (size_t h = 0; h < frames.size(); ++h) {
        if (frames[h].sentence == SIZE_MAX || frames[h].dests.empty() || frames[h].travelers != f.travelers) continue;
        if (host < 0 || (h < k && static_cast<int>(h) > host) || (host > static_cast<int>(k) && h < static_cast<size_t>(host))) {
          host = static_cast<int>(h);
        }
      }
      if (host >= 0) {
        Absorb(f, &frames[host]);
        f.sentence = SIZE_MAX;
      }
    }
    // Stops told in one clause are one journey ("flew to Tokyo on Monday and
    // on to Osaka on Wednesday") unless their dates say otherwise.
    for (size_t k = 0; k < frames.size(); ++k) {
      Frame& f = frames[k];
      if (f.sentence == SIZE_MAX || f.dests.empty()) continue;
      for (size_t h = 0; h < k; ++h) {
        Frame& host = frames[h];
        if (host.sentence == SIZE_MAX || host.dests.empty() || host.travelers != f.travelers ||
            StatusClash(host, f)) {
          continue;
        }
        const bool legs = !IsCompleteDate(host.end) && !IsCompleteDate(f.end) && host.duration == 0;
        if (DateRelation(host, f) >= 0 || (legs && host.hint.empty() && f.hint.empty())) {
          Merge(f, &host);
          f.sentence = SIZE_MAX;
          break;
        }
      }
    }
    for (Frame& f : frames) {
      if (f.sentence == SIZE_MAX) continue;
      // One frame per traveller; people travelling together are each other's companions.
      for (int traveler : f.travelers) {
        Frame one = f;
        one.travelers = {traveler};
        for (int other : f.travelers) {
          if (other != traveler) AddUnique(&one.companions, other);
        }
        frames_.push_back(std::move(one));
      }
    }
  }

  // Dates, length, companions and hint of `from` into `to` (same trip).
  static void Absorb(const Frame& from, Frame* to) {
    if (!IsCompleteDate(to->start)) to->start = from.start;
    if (!IsCompleteDate(to->end)) to->end = from.end;
    to->duration = std::max(to->duration, from.duration);
    if (to->hint.empty()) to->hint = from.hint;
    for (int c : from.companions) AddUnique(&to->companions, c);
  }

  // ---- Companions ------------------------------------------------------------

  struct CompanionNote {
    int traveler = -1;  // -1: the latest trip before the note
    std::vector<int> people;
    size_t sentence = 0;
  };

  // "Y accompanied X on the trip", "Y joined X on the visit", "Y accompanied X
  // to Kyoto", "X, accompanied by Y,"; "Y가 동행한다" without a meeting word;
  // "Y 등과 함께".
  void Companions(size_t si, const SentenceRefs& s, uint32_t first, uint32_t last) {
    static constexpr std::string_view kJoin[] = {"accompanied", "accompany", "accompanies",
                                                 "accompanying", "joined", "join", "joins", "joining"};
    static constexpr std::string_view kTripRef[] = {"trip", "visit", "journey", "tour"};
    if (doc_.korean) {
      const bool meeting = doc_.AnyIn(first, last, kCueMeetingRef | kCueMeet);
      for (uint32_t i = first; i < last; ++i) {
        std::string_view w = doc_.Token(i);
        const bool together = StartsWith(w, "함께");
        if (!(StartsWith(w, "동행") && !meeting) && !together) continue;
        CompanionNote note;
        note.sentence = si;
        for (const EntityRef& r : s.persons) {
          if (r.first_token < first || r.first_token >= i) continue;
          const std::string_view p = KoreanParticle(s, r);
          if (together ? ((p == "와" || p == "과") && r.last_token + 4 >= i)
                       : (p == "이" || p == "가" || p == "도" || p == "은" || p == "는")) {
            AddUnique(&note.people, r.entity);
          }
        }
        if (!note.people.empty()) notes_.push_back(std::move(note));
      }
      return;
    }
    for (uint32_t i = first; i < last; ++i) {
      const std::string w = LowerAt(i, s);
      if (!OneOf(std::string_view(w), kJoin)) continue;
      CompanionNote note;
      note.sentence = si;
      if (w == "accompanied" && LowerAt(i + 1, s) == "by") {
        Trigger at;
        at.token = i;
        std::vector<int> travelers = EnglishTravelers(s, first, last, at);
        if (travelers.empty()) continue;
        note.traveler = travelers.front();
        for (const EntityRef& r : s.persons) {
          if (r.first_token > i + 1 && r.first_token < i + 12 && r.first_token < last) AddUnique(&note.people, r.entity);
        }
      } else {
        const EntityRef* object = nullptr;
        for (const EntityRef& r : s.persons) {
          if (r.first_token > i && r.first_token <= i + 2 && r.first_token < last) object = &r;
        }
        if (object == nullptr) continue;
        bool trip = false;
        const EntityRef* place = nullptr;
        if (LowerAt(object->last_token, s) == "to") place = PlaceNear(s, object->last_token + 1);
        for (uint32_t j = object->last_token; j < last && j < object->last_token + 5; ++j) {
          trip = trip || OneOf(std::string_view(LowerAt(j, s)), kTripRef);
        }
        if (!trip && place == nullptr) continue;
        Trigger at;
        at.token = i;
        note.people = EnglishTravelers(s, first, last, at);
        note.traveler = object->entity;
        if (place != nullptr && !IsModifierPlace(s, *place)) {
          Frame f;  // "accompanied Yoon to Kyoto": Yoon went to Kyoto
          f.sentence = si;
          f.travelers = {object->entity};
          f.dests = {PlaceDest(*place)};
          f.confidence = 0.6f;
          frames_.push_back(std::move(f));
        }
      }
      std::erase(note.people, note.traveler);
      if (!note.people.empty()) notes_.push_back(std::move(note));
    }
  }

  // ---- One trip per journey ---------------------------------------------------

  bool IsAncestor(const std::string& a, const std::string& b) const {
    if (doc_.kb == nullptr || a.empty() || b.empty()) return false;
    const KbEntry* e = doc_.kb->Find(b);
    for (int depth = 0; e != nullptr && depth < 8; ++depth) {
      if (e->parent == a) return true;
      e = e->parent.empty() ? nullptr : doc_.kb->Find(e->parent);
    }
    return false;
  }
  bool Related(const Dest& a, const Dest& b) const {
    if (!a.kb_id.empty() && a.kb_id == b.kb_id) return true;
    return a.name == b.name || IsAncestor(a.kb_id, b.kb_id) || IsAncestor(b.kb_id, a.kb_id);
  }
  bool DestOverlap(const Frame& a, const Frame& b) const {
    for (const Dest& x : a.dests) {
      for (const Dest& y : b.dests) {
        if (Related(x, y)) return true;
      }
    }
    return false;
  }

  // Day numbers a frame may cover: stated days, stretched by its length; a
  // start alone leaves the end open and an end alone the start. False when
  // the frame has no day.
  static bool Span(const Frame& f, int64_t* lo, int64_t* hi, bool* closed) {
    constexpr int64_t kOpen = int64_t{1} << 40;
    const bool s = IsCompleteDate(f.start), e = IsCompleteDate(f.end);
    if (!s && !e) return false;
    const int64_t length = f.duration > 0 ? f.duration - 1 : -1;
    *lo = s ? DayNumber(f.start) : length >= 0 ? DayNumber(f.end) - length : -kOpen;
    *hi = e ? DayNumber(f.end) : length >= 0 ? DayNumber(f.start) + length : kOpen;
    *closed = (s && e) || length >= 0;
    return true;
  }
  // -1 the dates say different journeys, +1 both are bounded and overlap, 0
  // they fit together or nothing is known.
  static int DateRelation(const Frame& a, const Frame& b) {
    int64_t alo, ahi, blo, bhi;
    bool ac = false, bc = false;
    const bool as = Span(a, &alo, &ahi, &ac), bs = Span(b, &blo, &bhi, &bc);
    if (as && bs) {
      if (alo > bhi + 1 || blo > ahi + 1) return -1;
      // Both bounded, or a stated day of one inside the other's bounded
      // stretch: one person is on one journey at a time.
      auto inside = [](const Frame& f, int64_t lo, int64_t hi) {
        return (IsCompleteDate(f.start) && DayNumber(f.start) + 1 >= lo && DayNumber(f.start) <= hi + 1) ||
               (IsCompleteDate(f.end) && DayNumber(f.end) + 1 >= lo && DayNumber(f.end) <= hi + 1);
      };
      return (ac && bc) || (ac && inside(b, alo, ahi)) || (bc && inside(a, blo, bhi)) ? 1 : 0;
    }
    if (!a.hint.empty() && !b.hint.empty()) return a.hint == b.hint ? 0 : -1;
    const Frame* dated = as ? &a : bs ? &b : nullptr;
    const Frame* hinted = !a.hint.empty() ? &a : !b.hint.empty() ? &b : nullptr;
    if (dated != nullptr && hinted != nullptr && dated != hinted) {
      const CivilDate day = IsCompleteDate(dated->start) ? dated->start : dated->end;
      const std::string month = IsoDay(day).substr(0, 7);
      // A hint a month or more away from the trip's first known day.
      const int64_t gap = DayNumber(ParseMonth(hinted->hint)) - DayNumber(CivilDate{day.year, day.month, 1});
      if (month != hinted->hint && (gap < -31 || gap > 31)) return -1;
    }
    return 0;
  }
  static CivilDate ParseMonth(const std::string& hint) {  // "YYYY-MM", written by SetDate
    auto number = [&](size_t from, size_t n) {
      int v = 0;
      for (size_t i = from; i < from + n && i < hint.size(); ++i) v = v * 10 + (hint[i] - '0');
      return v;
    };
    return CivilDate{number(0, 4), number(5, 2), 1};
  }
  static bool StatusClash(const Frame& a, const Frame& b) {
    const bool ad = a.status == EventStatus::kDenied, bd = b.status == EventStatus::kDenied;
    return (ad && b.status == EventStatus::kOccurred) || (bd && a.status == EventStatus::kOccurred);
  }

  void Merge(const Frame& f, Frame* t) const {
    Absorb(f, t);
    for (const Dest& d : f.dests) {
      bool seen = false;
      for (const Dest& e : t->dests) seen = seen || (d.name == e.name && d.kb_id == e.kb_id);
      if (!seen) t->dests.push_back(d);
    }
    if (f.sets_status) {
      if (!t->sets_status) {
        t->status = f.status;
      } else if (f.status == EventStatus::kDenied || t->status == EventStatus::kDenied) {
        t->status = EventStatus::kDenied;
      } else if (f.status == EventStatus::kOccurred) {
        t->status = EventStatus::kOccurred;
      }
      t->past_plan = t->past_plan && f.past_plan;
      t->sets_status = true;
    }
    t->sentence = std::min(t->sentence, f.sentence);
    t->confidence = std::max(t->confidence, f.confidence);
  }

  std::vector<Trip> Finish() {
    std::vector<Frame> trips;
    // Frames with destinations make trips; the same journey told twice is one.
    for (const Frame& f : frames_) {
      if (f.dests.empty()) continue;
      Frame* host = nullptr;
      for (Frame& t : trips) {
        if (t.travelers != f.travelers || StatusClash(t, f)) continue;
        const int dates = DateRelation(t, f);
        if ((DestOverlap(t, f) && dates >= 0) || dates > 0) {
          host = &t;
          break;
        }
      }
      if (host != nullptr) {
        Merge(f, host);
      } else {
        trips.push_back(f);
      }
    }
    // Frames without: dates and companions for the traveller's trip that the
    // dates fit, else the latest one told before, else the first one after.
    for (const Frame& f : frames_) {
      if (!f.dests.empty()) continue;
      Frame* host = nullptr;
      auto rank = [&](const Frame& t) {  // higher is better
        if (DateRelation(t, f) > 0) return 3;
        return t.sentence <= f.sentence ? 2 : 1;
      };
      for (Frame& t : trips) {
        if (t.travelers != f.travelers || DateRelation(t, f) < 0) continue;
        if (host == nullptr || rank(t) > rank(*host) ||
            (rank(t) == rank(*host) && rank(t) == 2 && t.sentence >= host->sentence)) {
          host = &t;
        }
      }
      if (host == nullptr || (IsCompleteDate(f.start) && IsCompleteDate(host->start) &&
                              DayNumber(f.start) != DayNumber(host->start)) ||
          (IsCompleteDate(f.end) && IsCompleteDate(host->end) && DayNumber(f.end) != DayNumber(host->end))) {
        continue;
      }
      const size_t keep = host->sentence;  // the evidence states a destination
      Merge(f, host);
      host->sentence = keep;
    }
    for (const CompanionNote& note : notes_) {
      Frame* host = nullptr;
      for (Frame& t : trips) {
        if (note.traveler >= 0 ? t.travelers.front() != note.traveler
                               : (t.sentence > note.sentence || t.sentence + 2 < note.sentence)) {
          continue;
        }
        if (host == nullptr || (t.sentence <= note.sentence && t.sentence >= host->sentence)) host = &t;
      }
      if (host == nullptr) continue;
      for (int p : note.people) {
        if (p != host->travelers.front()) AddUnique(&host->companions, p);
      }
    }
    ResolvePastPlans(&trips);
    // Companions make the same trip.
    const size_t own = trips.size();
    for (size_t k = 0; k < own; ++k) {
      for (int c : trips[k].companions) {
        Frame copy = trips[k];
        copy.travelers = {c};
        copy.companions = {trips[k].travelers.front()};
        for (int other : trips[k].companions) {
          if (other != c) copy.companions.push_back(other);
        }
        copy.confidence = std::min(copy.confidence, 0.6f);
        bool merged = false;
        for (Frame& t : trips) {
          if (t.travelers == copy.travelers && DestOverlap(t, copy) && DateRelation(t, copy) >= 0) {
            for (int p : copy.companions) AddUnique(&t.companions, p);
            merged = true;
            break;
          }
        }
        if (!merged) trips.push_back(std::move(copy));
      }
    }
    std::stable_sort(trips.begin(), trips.end(),
                     [](const Frame& a, const Frame& b) { return a.sentence < b.sentence; });
    std::vector<Trip> out;
    for (const Frame& f : trips) out.push_back(ToTrip(f));
    return out;
  }

  // "was supposed to visit ... but the trip was cancelled": a past plan
  // followed by a cancellation within three sentences is denied.
  void ResolvePastPlans(std::vector<Frame>* trips) const {
    for (Frame& f : *trips) {
      if (!f.past_plan || f.status != EventStatus::kPlanned) continue;
      for (size_t k = f.sentence + 1; k < doc_.sentences.size() && k <= f.sentence + 3; ++k) {
        const SentenceRefs& s = doc_.sentences[k];
        if (doc_.AnyIn(s.first_token, s.last_token, kCueDenied)) {
          f.status = EventStatus::kDenied;
          break;
        }
      }
    }
  }

  Trip ToTrip(const Frame& f) const {
    Trip t;
    t.traveler = f.travelers.front();
    // Most specific stops: a place that contains another one is left out, and
    // so is a continent or world region when anything else is named.
    for (const Dest& d : f.dests) {
      bool broader = OneOf(std::string_view(d.name), kBroadRegions) && f.dests.size() > 1;
      for (const Dest& e : f.dests) broader = broader || IsAncestor(d.kb_id, e.kb_id);
      if (broader) continue;
      t.destinations.push_back(d.name);
      t.destination_kb_ids.push_back(d.kb_id);
    }
    CivilDate start = f.start, end = f.end;
    if (f.duration > 0 && IsCompleteDate(start) && !IsCompleteDate(end)) end = AddDays(start, f.duration - 1);
    if (f.duration > 0 && IsCompleteDate(end) && !IsCompleteDate(start)) start = AddDays(end, 1 - f.duration);
    if (IsCompleteDate(start) && IsCompleteDate(end) && DayNumber(end) < DayNumber(start)) end = CivilDate{};
    if (IsCompleteDate(start)) t.start = IsoDay(start);
    if (IsCompleteDate(end)) t.end = IsoDay(end);
    t.companions = f.companions;
    t.status = f.status;
    // A trip that starts after publication has not happened yet.
    if (t.status == EventStatus::kOccurred && IsCompleteDate(doc_.published)) {
      const std::string pub = IsoDay(doc_.published);
      if ((!t.start.empty() && t.start > pub) || (t.start.empty() && !f.hint.empty() && f.hint > pub.substr(0, 7))) {
        t.status = EventStatus::kPlanned;
      }
    }
    const SentenceRefs& s = doc_.sentences[f.sentence];
    t.evidence_begin = s.begin;
    t.evidence_end = s.end;
    t.confidence = std::min(0.95f, f.confidence + (t.start.empty() && t.end.empty() ? 0.f : 0.05f));
    return t;
  }

  const EventDoc& doc_;
  std::vector<Frame> frames_;
  std::vector<CompanionNote> notes_;
  int topic_ = -1;
};

}  // namespace

std::vector<Trip> FindTrips(const EventDoc& doc) { return TripFinder(doc).Run(); }

}  // namespace tg::extract
