#include <algorithm>

#include "extract/trip_frames.h"

namespace tg::extract::trip {
namespace {

// Words that end a noun phrase's modifiers ("taking her on a trip").
constexpr std::string_view kFunctionWords[] = {"on", "in",  "a",  "an",   "the",
                                               "to", "for", "of", "with", "at"};
// Words after which an "-ing" travel word has the clause's subject ("is
// visiting", "before flying", ", visiting").
constexpr std::string_view kBeforeParticiple[] = {
    "is",     "are",   "was",   "were", "be",        "been",  "'s",   "'re",
    "before", "after", "while", "when", "on",        "upon",  "by",   "since",
    ",",      "and",   "also",  "now",  "currently", "still", "then", "not"};
// Words after which an English clause has a new subject.
constexpr std::string_view kSubordinators[] = {"when",    "after", "before", "while",
                                               "as",      "where", "since",  "until",
                                               "because", "who",   "which",  "that"};

bool IsSubject(std::string_view p) {
  return p == "은" || p == "는" || p == "이" || p == "가" || p == "께서";
}

}  // namespace

// The particle or punctuation mark that closes a Korean person mention,
// past its title and organisation words (박도현 한빛그룹 회장은 -> 은).
std::string_view Reader::NextMark(const SentenceRefs& s, const EntityRef& r) const {
  for (uint32_t i = r.last_token; i < s.last_token && i < r.last_token + 6; ++i) {
    if (i != r.last_token && doc_.PersonAt(s, i) != nullptr) return {};
    std::string_view w = doc_.Token(i);
    if (IsParticle(i) || (IsPunct(i) && w != "(" && w != ")")) return w;
  }
  return {};
}

std::string_view Reader::KoreanParticle(const SentenceRefs& s, const EntityRef& r) const {
  const std::string_view mark = NextMark(s, r);
  const auto lead = static_cast<unsigned char>(mark.empty() ? 0 : mark[0]);
  return lead >= 0xEA && lead <= 0xED ? mark : std::string_view();  // a Hangul syllable
}

// "Kwak said", "according to Kwak", "..., said Kwak." (not "said he flew").
bool Reader::IsSpeaker(const SentenceRefs& s, const EntityRef& r) const {
  if (r.last_token < s.last_token && doc_.Has(r.last_token, kCueSpeech)) return true;
  if (r.first_token == s.first_token || !doc_.Has(r.first_token - 1, kCueSpeech)) return false;
  return r.last_token >= s.last_token || IsPunct(r.last_token);
}

// English subject of the travel word at `t`: "X's trip", the first person
// after the last "when"/"after" before it (else the clause's first), not a
// speaker or an object of "with"; people joined to it by "and" travel too;
// "a trip ... by X"; "he", "the minister": the person meant (`from_topic`).
std::vector<int> Reader::EnglishTravelers(const SentenceRefs& s, uint32_t first, uint32_t last,
                                          const Trigger& t, bool* from_topic) const {
  *from_topic = false;
  if (t.noun) {
    std::vector<int> out;
    for (const EntityRef& r : s.persons) {
      if (r.last_token > t.token || r.last_token + 3 < t.token || r.first_token < first) continue;
      const std::string after = LowerAt(r.last_token, s);
      const std::string word = text::AsciiLower(doc_.Token(r.first_token));
      // "his first business trip", not "taking her on a trip".
      bool modifiers = true;
      for (uint32_t j = r.last_token; j < t.token && modifiers; ++j) {
        modifiers = !OneOf(std::string_view(LowerAt(j, s)), kFunctionWords);
      }
      if ((after == "'s" || after == "’s" || word == "his" || word == "her") && modifiers)
        out = {r.entity};
    }
    if (!out.empty()) return out;
  }
  // "Muslims traveling to the U.S.": a participle after a noun belongs to that noun.
  const std::string word = LowerAt(t.token, s);
  if (!t.noun && word.ends_with("ing") && t.token > first &&
      doc_.PersonAt(s, t.token - 1) == nullptr &&
      !OneOf(std::string_view(LowerAt(t.token - 1, s)), kBeforeParticiple)) {
    return {};
  }
  uint32_t boundary = first;
  bool meeting = false;  // the boundary is a meeting word, whose subject is the clause's
  for (uint32_t i = t.token; i-- > first;) {
    if (OneOf(LowerAt(i, s), kSubordinators) || doc_.Has(i, kCueMeet)) {
      boundary = i + 1;
      meeting = doc_.Has(i, kCueMeet);
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
  uint32_t limit = t.token;
  // "met Lam on Monday before flying home", "returned after a 22-day trip",
  // "sits down with X on Seoul trip": the clause's subject.
  const bool shared = meeting || boundary == t.token || t.noun;
  if (subject == nullptr && boundary != first && (shared || LowerAt(boundary - 1, s) == "who")) {
    subject = pick(first);
    if (LowerAt(boundary - 1, s) == "who") {
      // "Lee Jae-yong, who embarked on ...": the name (or names) before "who".
      limit = boundary - 1;
      const EntityRef* before = nullptr;
      for (const EntityRef& r : s.persons) {
        if (r.last_token + 2 >= boundary - 1 && r.last_token < boundary) before = &r;
      }
      if (before != nullptr &&
          (subject == nullptr || !Contains(Group(s, *subject, limit), before->entity))) {
        subject = before;
      }
    }
  }
  if (subject == nullptr && t.noun) {
    for (uint32_t i = t.token + 1; i < last && i < t.token + 10; ++i) {
      if (LowerAt(i, s) != "by") continue;
      for (const EntityRef& r : s.persons) {
        if (r.first_token > i && r.first_token < i + 8 && r.first_token < last) return {r.entity};
      }
    }
  }
  if (subject == nullptr) {
    int meant = Referent(s, boundary, t.token);
    if (meant < 0 && boundary != first && shared) {
      meant = Referent(s, first, t.token);  // "She ... before flying home"
    }
    *from_topic = meant >= 0;
    return meant >= 0 ? std::vector<int>{meant} : std::vector<int>{};
  }
  return Group(s, *subject, limit);
}

// The subject and the names joined to it by "and" before token `limit`
// ("Park and Jung flew in", titles between).
std::vector<int> Reader::Group(const SentenceRefs& s, const EntityRef& subject,
                               uint32_t limit) const {
  std::vector<int> out = {subject.entity};
  uint32_t end = subject.last_token;
  for (const EntityRef& r : s.persons) {
    if (r.first_token <= subject.first_token || r.first_token >= limit) continue;
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

// "He arrived ...", "The minister arrived ...", "The LG chief visited ...":
// he or she is the discourse topic; a role noun names the latest person
// whose title holds it; a generic one ("chief", "executive") the latest
// person of the organisation named before it, else nobody.
int Reader::Referent(const SentenceRefs& s, uint32_t from, uint32_t to) const {
  static constexpr std::string_view kGeneric[] = {"executive", "chief",       "boss",
                                                  "head",      "billionaire", "tycoon"};
  static constexpr std::string_view kRoles[] = {"chairman",  "chairwoman", "minister",
                                                "secretary", "president",  "ceo",
                                                "founder",   "governor",   "mayor"};
  if (from >= to) return -1;
  // "Okafor said he flew": the speaker; else "he" is the topic.
  for (uint32_t i = to; i-- > from && i + 4 > to;) {
    const std::string w = LowerAt(i, s);
    if (w != "he" && w != "she") continue;
    for (const EntityRef& r : s.persons) {
      if (r.last_token <= i && doc_.Has(r.last_token, kCueSpeech)) return r.entity;
    }
    return topic_;
  }
  const std::string w0 = LowerAt(from, s);
  if (w0 != "the") return -1;
  for (uint32_t i = from + 1; i < to && i < from + 5; ++i) {
    const std::string w = LowerAt(i, s);
    const bool generic = OneOf(std::string_view(w), kGeneric);
    if (!generic && !OneOf(std::string_view(w), kRoles)) continue;
    const EntityRef* org = nullptr;
    for (const EntityRef& r : s.orgs) {
      if (r.first_token > from && r.last_token <= i) org = &r;
    }
    std::string org_name =
        org != nullptr ? std::string(doc_.text.substr(org->begin, org->end - org->begin)) : "";
    for (uint32_t j = from + 1; j < i && org_name.empty(); ++j) {
      std::string_view word = doc_.Token(j);  // "The Hangyeol chief": a company's first word
      if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') org_name = std::string(word);
    }
    if (generic && org_name.empty()) return -1;
    // The latest person before this point with that title (or organisation).
    const size_t si = static_cast<size_t>(&s - doc_.sentences.data());
    for (size_t k = si + 1; k-- > 0 && k + 6 > si;) {
      const SentenceRefs& prev = doc_.sentences[k];
      for (auto it = prev.persons.rbegin(); it != prev.persons.rend(); ++it) {
        if (k == si && it->first_token >= from) continue;
        const DocEntity& e = doc_.entities->entities[it->entity];
        const bool match = generic ? e.org.starts_with(org_name)
                                   : text::AsciiLower(e.title).find(w) != std::string::npos &&
                                         (org_name.empty() || e.org.starts_with(org_name));
        if (match) return it->entity;
      }
    }
    return -1;
  }
  return -1;
}

// Korean traveller: "박 회장의 미국 출장", "저커버그 CEO 방한" (a name right before
// the word), else the clause's subject (은/는/이/가, with names joined to it
// by 와/과), else the discourse topic.
std::vector<int> Reader::KoreanTravelers(const SentenceRefs& s, uint32_t first, uint32_t last,
                                         const Trigger& t, bool* from_topic) const {
  *from_topic = false;
  for (auto it = s.persons.rbegin(); it != s.persons.rend(); ++it) {
    const EntityRef& r = *it;
    if (r.last_token > t.token || r.first_token < first) continue;
    if (r.last_token + 6 < t.token) break;
    bool direct = true;
    for (uint32_t j = r.last_token; direct && j < t.token; ++j) {
      std::string_view w = doc_.Token(j);
      if (IsParticle(j)) {
        direct = w == "의" && t.noun;
      } else {
        direct = !(IsPunct(j) && w != "(" && w != ")") && !IsKoreanVerbForm(w);
      }
    }
    if (direct) return {r.entity};
    break;
  }
  // "출국한 박 회장은", "방문한 왈리드 알무알렘 장관과": a word modifying a noun
  // travels with the person right after it, and with nobody else ("향하던 여객기").
  if (!t.noun && IsKoreanVerbForm(doc_.Token(t.token)) && !doc_.Token(t.token).ends_with("다")) {
    std::string_view w = doc_.Token(t.token);
    static constexpr std::string_view kBoundNouns[] = {"데",   "것",     "뒤",   "후",   "바",
                                                       "지",   "가운데", "직후", "이후", "때",
                                                       "만에", "적",     "채",   "만"};
    const bool bound =
        t.token + 1 < last && OneOf(doc_.Token(t.token + 1), kBoundNouns);  // 방문한 뒤
    if (!bound && !w.ends_with("고") && !w.ends_with("며") && !w.ends_with("해") &&
        !w.ends_with("서") && !w.ends_with("면서") && !w.ends_with("지만")) {
      for (const EntityRef& r : s.persons) {
        if (r.first_token > t.token && r.first_token <= t.token + 3 && r.first_token < last)
          return {r.entity};
      }
      return {};
    }
  }
  std::vector<int> out;
  const EntityRef* best = nullptr;
  for (const EntityRef& r : s.persons) {
    if (r.first_token < first || r.first_token >= last || !IsSubject(KoreanParticle(s, r)))
      continue;
    if (best == nullptr || r.first_token < t.token) best = &r;
  }
  if (best != nullptr) {
    for (const EntityRef& r : s.persons) {
      if (r.first_token < first || r.first_token >= best->first_token) continue;
      const std::string_view p = KoreanParticle(s, r);
      if ((p == "와" || p == "과") && r.last_token + 6 >= best->first_token)
        AddUnique(&out, r.entity);
    }
    AddUnique(&out, best->entity);
    return out;
  }
  for (const EntityRef& r : s.persons) {
    if (r.first_token >= first && r.first_token < last && r.entity == topic_) return {};
  }
  // "점검단은 ... 방북할 계획이다": a subject that is not a person (but not 그는).
  for (uint32_t j = first + 1; j < t.token; ++j) {
    if (!IsParticle(j) || !IsSubject(doc_.Token(j)) || doc_.PersonAt(s, j - 1) != nullptr) continue;
    const std::string_view w = doc_.Token(j - 1);
    if (w != "그" && w != "그녀" && w != "이들" && !IsPunct(j - 1)) return {};
  }
  // A bare noun ("이번 미국 방문은") may be anyone's trip; a verb ("출국했다",
  // "방문할 예정이다") without a subject is the topic's.
  const bool bare_noun = t.role == Role::kVisit && t.noun && doc_.Token(t.token).size() <= 6;
  if (topic_ >= 0 && !bare_noun) {
    *from_topic = true;
    return {topic_};
  }
  return {};
}

// The person the text is about after tokens [first, last): Korean the last
// one marked 은/는, English a person opening the clause.
void Reader::UpdateTopic(const SentenceRefs& s, uint32_t first, uint32_t last) {
  for (const EntityRef& r : s.persons) {
    if (r.first_token < first || r.first_token >= last) continue;
    if (doc_.korean) {
      const std::string_view p = KoreanParticle(s, r);
      if (p == "은" || p == "는") topic_ = r.entity;
    } else if (r.first_token < first + 4 && !IsSpeaker(s, r)) {
      topic_ = r.entity;
      break;
    }
  }
}

// "Y accompanied X on the trip", "Y joined X on the visit", "Y accompanied X
// to Kyoto", "X, accompanied by Y,"; "Y가 동행한다" without a meeting word;
// "Y 등과 함께".
std::vector<int> Reader::Companions(size_t si, const SentenceRefs& s, uint32_t first,
                                    uint32_t last) {
  static constexpr std::string_view kJoin[] = {"accompanied",  "accompany", "accompanies",
                                               "accompanying", "joined",    "join",
                                               "joins",        "joining"};
  // Not "tour": the host who "joined Lam on the tour" of a plant did not travel.
  static constexpr std::string_view kTripRef[] = {"trip", "visit", "journey"};
  std::vector<int> together;
  if (doc_.korean) {
    const bool meeting = doc_.AnyIn(first, last, kCueMeetingRef | kCueMeet);
    for (uint32_t i = first; i < last; ++i) {
      std::string_view w = doc_.Token(i);
      if (w.starts_with("함께")) {
        // "유영상 사장, 김주선 사장 등과 함께": the names joined by 와/과 to 함께.
        bool linked = false;
        for (auto it = s.persons.rbegin(); it != s.persons.rend(); ++it) {
          if (it->first_token >= i || it->first_token < first) continue;
          const std::string_view mark = NextMark(s, *it);
          if ((mark == "와" || mark == "과") && it->last_token + 6 >= i && !linked) {
            linked = true;
          } else if (!(mark == "," && linked)) {
            break;
          }
          AddUnique(&together, it->entity);
        }
        continue;
      }
      if (!w.starts_with("동행") || meeting) continue;
      CompanionNote note;  // "COO가 동행한다": with the trip just told
      note.sentence = si;
      for (const EntityRef& r : s.persons) {
        if (r.first_token < first || r.first_token >= i) continue;
        const std::string_view p = KoreanParticle(s, r);
        if (p == "이" || p == "가" || p == "도" || p == "은" || p == "는")
          AddUnique(&note.people, r.entity);
      }
      if (!note.people.empty()) out_.notes.push_back(std::move(note));
    }
    return together;
  }
  for (uint32_t i = first; i < last; ++i) {
    const std::string w = LowerAt(i, s);
    if (!OneOf(std::string_view(w), kJoin)) continue;
    CompanionNote note;
    note.sentence = si;
    if (w == "accompanied" && LowerAt(i + 1, s) == "by") {
      Trigger at;
      at.token = i;
      bool topic = false;
      std::vector<int> travelers = EnglishTravelers(s, first, last, at, &topic);
      if (travelers.empty()) continue;
      note.traveler = travelers.front();
      for (const EntityRef& r : s.persons) {
        if (r.first_token > i + 1 && r.first_token < i + 12 && r.first_token < last)
          AddUnique(&note.people, r.entity);
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
      bool topic = false;
      note.people = EnglishTravelers(s, first, last, at, &topic);
      note.traveler = object->entity;
      if (place != nullptr && !IsModifierPlace(s, *place) && !IsFacility(*place)) {
        Frame f;  // "accompanied Yoon to Kyoto": Yoon went to Kyoto
        f.sentence = si;
        f.travelers = {object->entity};
        f.dests = {PlaceDest(*place)};
        f.confidence = 0.6f;
        out_.frames.push_back(std::move(f));
      }
    }
    std::erase(note.people, note.traveler);
    if (!note.people.empty()) out_.notes.push_back(std::move(note));
  }
  return together;
}

}  // namespace tg::extract::trip
