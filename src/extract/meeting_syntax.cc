#include "extract/meeting_syntax.h"

#include <algorithm>
#include <string>

#include "extract/titles.h"
#include "text/line_stats.h"  // AsciiLower

namespace tg::extract::meeting_syntax {

using text::TokenKind;

bool HasMonthWord(std::string_view words) {
  static constexpr std::string_view kMonths[] = {"월", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                  "Aug", "Sep", "Oct", "Nov", "Dec", "/", "-"};
  for (std::string_view m : kMonths) {
    if (words.find(m) != std::string_view::npos) return true;
  }
  return false;
}

bool HasWeekdayWord(std::string_view words) {
  static constexpr std::string_view kDays[] = {"day", "요일"};
  for (std::string_view d : kDays) {
    if (words.find(d) != std::string_view::npos) return true;
  }
  return false;
}

void AddUnique(std::vector<int>* people, int entity) {
  if (std::find(people->begin(), people->end(), entity) == people->end()) people->push_back(entity);
}

bool Contains(const std::vector<int>& people, int entity) {
  return std::find(people.begin(), people.end(), entity) != people.end();
}

bool IsSubjectParticle(std::string_view p) {
  return p == "은" || p == "는" || p == "이" || p == "가" || p == "께서";
}

bool IsCaseParticle(std::string_view p) {
  static constexpr std::string_view kCase[] = {"을", "를", "이", "가", "은", "는", "의", "과", "와",
                                               "도", "에", "으로", "로", "에서", "에는", "만"};
  for (std::string_view c : kCase) {
    if (p == c) return true;
  }
  return false;
}

bool IsTopicParticle(std::string_view p) { return p == "은" || p == "는"; }

bool IsJoiningParticle(std::string_view p) { return p == "와" || p == "과" || p == "및"; }

// The particle that closes a Korean person mention, skipping the title and
// organisation words and parentheses that follow the name (박도현 한빛그룹
// 회장은, 손턴 최고경영자(CEO)와); empty when another name or a comma comes first.
std::string_view ParticleAfter(const EventDoc& doc, const SentenceRefs& s, const EntityRef& r) {
  const auto& tokens = doc.tokens();
  for (uint32_t i = r.last_token; i < s.last_token && i < r.last_token + 6; ++i) {
    if (i != r.last_token && doc.PersonAt(s, i) != nullptr) return {};
    const text::Token& t = tokens[i];
    std::string_view w = doc.Token(i);
    // A "particle" right before a title is the end of a company's name that
    // the splitter cut off (베르크+만 회장은), not the name's case.
    if (t.kind == TokenKind::kParticle && !(i + 1 < s.last_token && tokens[i + 1].kind == TokenKind::kWord &&
                                            LookupTitle(doc.text, tokens[i + 1].begin).length > 0)) {
      return w;
    }
    if (t.kind == TokenKind::kPunct && w != "(" && w != ")") return {};
  }
  return {};
}

// The journalist of a byline ("윤채원 기자 =", "reporter Kim") reports the meeting.
bool IsReporter(const DocEntity& e) {
  static constexpr std::string_view kTitles[] = {"기자", "특파원", "reporter", "correspondent",
                                                 "Reporter", "Correspondent"};
  for (std::string_view t : kTitles) {
    if (e.title == t) return true;
  }
  return false;
}

// A byline written into the sentence: "윤채원 기자 =", "By Kim Ha-na".
bool IsByline(const EventDoc& doc, const EntityRef& r) {
  const auto& tokens = doc.tokens();
  if (r.last_token < tokens.size()) {
    const std::string_view next = doc.Token(r.last_token);
    if (next == "기자" || next == "특파원") return true;
  }
  // "By Kim Ha-na" opening a line; "accompanied by Moon" is no byline.
  return r.first_token > 0 && doc.Token(r.first_token - 1) == "By" &&
         (r.first_token == 1 || doc.text.substr(tokens[r.first_token - 2].end,
                                                tokens[r.first_token - 1].begin - tokens[r.first_token - 2].end)
                                        .find('\n') != std::string_view::npos);
}

bool IsMeetingWord(const EventDoc& doc, uint32_t i) { return doc.Has(i, kCueMeet | kCueGroupEvent); }

// "visited Mark Zuckerberg", "손턴 CEO를 찾아": a visit is a meeting when a
// person is what is visited.
bool IsPersonVisit(const EventDoc& doc, const SentenceRefs& s, uint32_t i) {
  // A participle: "she was in Tokyo, meeting Kenta Morikawa" (not "the
  // meeting", which names one).
  bool participle = false;
  if (!doc.korean && doc.Token(i) == "meeting") {
    // Only after a comma or a conjunction: "Monday's meeting between A and B"
    // names a meeting, "..., meeting A" / "after meeting A" reports one.
    // Also the progressive: "he is meeting A tomorrow".
    static constexpr std::string_view kBefore[] = {",", "while", "after", "before", "when", "and", "also", "then",
                                                   "is", "are", "was", "were", "be", "been", "am", "'s", "'re"};
    const std::string before = i > s.first_token ? text::AsciiLower(doc.Token(i - 1)) : std::string();
    participle = std::find(std::begin(kBefore), std::end(kBefore), before) != std::end(kBefore);
  }
  if (!participle && !doc.Has(i, kCueVisit)) return false;
  if (!doc.korean) {
    for (uint32_t j = i + 1; j < s.last_token && j < i + 6; ++j) {
      if (doc.PersonAt(s, j) != nullptr) return true;
      if (doc.tokens()[j].kind == TokenKind::kPunct) break;
      if (!s.places.empty()) {
        for (const EntityRef& p : s.places) {
          if (p.first_token == j) return false;
        }
      }
    }
    return false;
  }
  if (i < 2) return false;
  std::string_view particle = doc.Token(i - 1);
  if (particle != "를" && particle != "을") return false;
  for (const EntityRef& r : s.persons) {
    if (r.last_token <= i - 1 && r.last_token + 4 >= i - 1 && ParticleAfter(doc, s, r) == particle) return true;
  }
  return false;
}

// "at Zuckerberg's house", "the Palo Alto home of Nathan Brandt", "브랜트 CEO의 자택".
bool IsPersonHome(const EventDoc& doc, const SentenceRefs& s, uint32_t i) {
  if (!doc.Has(i, kCueHome)) return false;
  for (const EntityRef& r : s.persons) {
    if (r.last_token <= i && r.last_token + 3 >= i) return true;        // X's home, X의 자택
    if (!doc.korean && r.first_token > i && r.first_token <= i + 8 && i + 1 < s.last_token &&
        doc.Token(i + 1) == "of") {
      return true;  // the home of Meridian founder Nathan Brandt
    }
  }
  return false;
}

bool IsTrigger(const EventDoc& doc, const SentenceRefs& s, uint32_t i) {
  if (doc.Has(i, kCueDiscuss) && !doc.Has(i, kCueMeet | kCueGroupEvent)) {
    // "A 회장과 B 대표는 ... 방안을 논의했다": what was discussed tells of
    // talks, unless the sentence has a meeting word, a gathering or a join of its
    // own ("참석해 ... 논의했다" joins the meeting just reported).
    for (uint32_t j = s.first_token; j < s.last_token; ++j) {
      if (j != i && (IsMeetingWord(doc, j) || doc.Has(j, kCueJoin))) return false;
    }
    return true;
  }
  return IsMeetingWord(doc, i) || IsPersonVisit(doc, s, i) || IsPersonHome(doc, s, i) ||
         IsHeldMeetingWith(doc, s, i);
}

bool IsHeldMeetingWith(const EventDoc& doc, const SentenceRefs& s, uint32_t i) {
  if (doc.korean || !doc.Has(i, kCueMeetingRef)) return false;
  static constexpr std::string_view kNouns[] = {"meeting", "talks", "conversation", "discussions", "call",
                                                 "dinner", "lunch", "breakfast", "coffee"};
  static constexpr std::string_view kVerbs[] = {"held", "had", "hold", "holds", "holding", "having", "has", "have"};
  const std::string noun = text::AsciiLower(doc.Token(i));
  if (std::find(std::begin(kNouns), std::end(kNouns), noun) == std::end(kNouns)) return false;
  bool verb = false;
  for (uint32_t j = i; j-- > s.first_token && j + 4 > i && !verb;) {
    const std::string w = text::AsciiLower(doc.Token(j));
    verb = std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
    if (doc.tokens()[j].kind == TokenKind::kPunct && w != "-") break;
  }
  if (!verb) return false;
  // "held a 20-minute meeting backstage with X": "with" a few words on, no
  // punctuation between.
  for (uint32_t j = i + 1; j < s.last_token && j <= i + 5; ++j) {
    const std::string_view w = doc.Token(j);
    if (w == "with") return true;
    if (doc.tokens()[j].kind == TokenKind::kPunct && w != "-") return false;
  }
  return false;
}

// Clauses of a sentence, cut at clause boundaries only where both sides hold a
// meeting word: "Chey met Huang in April, and Koo met Keller" is two clauses,
// "The two last met in March, when Lam visited" one.
std::vector<Clause> SplitClauses(const EventDoc& doc, const SentenceRefs& s) {
  std::vector<Clause> raw;
  uint32_t start = s.first_token;
  // English: a second meeting verb after a comma or "that" starts its own
  // clause ("Chey, who met Huang last week, said that he would meet Nadella").
  std::vector<bool> cut_before(s.last_token - s.first_token + 1, false);
  if (!doc.korean) {
    uint32_t last_verb = s.last_token;
    uint32_t boundary = s.last_token;
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      const std::string_view w = doc.Token(i);
      if (last_verb != s.last_token && (w == "," || w == "that") && i > last_verb) boundary = i;
      if (doc.Has(i, kCueMeet) && !doc.Has(i, kCueGroupMark)) {
        if (last_verb != s.last_token && boundary != s.last_token) cut_before[boundary - s.first_token] = true;
        last_verb = i;
        boundary = s.last_token;
      }
    }
  }
  for (uint32_t i = s.first_token; i < s.last_token; ++i) {
    if (cut_before[i - s.first_token] && i > start) {
      raw.push_back({start, i});
      start = i;
    }
    if (!doc.Has(i, kCueClauseEnd)) continue;
    const uint32_t cut = doc.korean ? i + 1 : i;
    if (cut > start) raw.push_back({start, cut});
    start = cut;
  }
  if (start < s.last_token) raw.push_back({start, s.last_token});
  std::vector<Clause> out;
  auto has_trigger = [&](const Clause& c) {
    for (uint32_t i = c.first; i < c.last; ++i) {
      if (IsTrigger(doc, s, i)) return true;
    }
    return false;
  };
  for (const Clause& c : raw) {
    // A headline's ellipsis ("최태원, 미국 출장길…구광모, 짐 켈러 등 만나") always
    // separates what it joins.
    const std::string_view before = c.first > s.first_token ? doc.Token(c.first - 1) : "";
    const std::string_view first_word = doc.Token(c.first);
    const bool hard = before == "…" || before == "..." || first_word == "…" || first_word == "...";
    if (!out.empty() && !hard && (!has_trigger(c) || !has_trigger(out.back()))) {
      out.back().last = c.last;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// English: a person named as the source of a statement ("said Kwak Jin-seo",
// "Kwak said", "according to Kwak") is not a participant by that mention.
bool IsSpeaker(const EventDoc& doc, const SentenceRefs& s, const EntityRef& r) {
  if (doc.korean) return false;
  if (r.last_token < s.last_token && doc.Has(r.last_token, kCueSpeech)) return true;
  for (uint32_t j = r.first_token; j > s.first_token && j + 3 > r.first_token; --j) {
    if (doc.Has(j - 1, kCueSpeech)) return true;
  }
  return false;
}

bool IsAttachClause(const EventDoc& doc, const SentenceRefs& s, const Clause& c) {
  if (!doc.AnyIn(c.first, c.last, kCueJoin)) return false;
  if (!doc.korean) {
    for (uint32_t i = c.first; i < c.last; ++i) {
      if (doc.Has(i, kCueMeet) || IsPersonVisit(doc, s, i)) return false;
    }
    return doc.AnyIn(c.first, c.last, kCueMeetingRef) || !doc.AnyIn(c.first, c.last, kCueTrip);
  }
  for (uint32_t i = c.first; i < c.last; ++i) {
    // Taking a seat at the table, not travelling along: 배석, 동석, 함께 자리했다.
    const std::string_view w = doc.Token(i);
    // (A delegation's members: "대표단에는 A와 B가 포함됐다".)
    if (doc.Has(i, kCueJoin) && (w.rfind("배석", 0) == 0 || w.rfind("동석", 0) == 0 ||
                                 w.rfind("자리했", 0) == 0 || w.rfind("함께했", 0) == 0 ||
                                 w.rfind("포함", 0) == 0)) {
      return true;
    }
    if (doc.Has(i, kCueMeetingRef) && (w == "이" || w == "그")) return true;
    if (doc.Has(i, kCueMeetingRef) && i + 1 < c.last) {
      std::string_view next = doc.Token(i + 1);
      if (doc.tokens()[i + 1].kind == TokenKind::kParticle &&
          (next == "에" || next == "에는" || next == "에도" || next == "엔")) {
        return true;
      }
    }
  }
  return false;
}

// "Kwon was asked whether he had met Lowe", "만났는지 묻자": a question
// before an English meeting word, or a Korean one ending in -는지.
bool IsQuestion(const EventDoc& doc, const SentenceRefs& s, const Clause& c, uint32_t trigger) {
  if (!doc.korean) return doc.AnyIn(trigger >= c.first + 6 ? trigger - 6 : c.first, trigger, kCueQuestion);
  for (uint32_t i = trigger; i < c.last; ++i) {
    if (IsTrigger(doc, s, i) && doc.Token(i).ends_with("는지")) return true;
  }
  return false;
}

// "Ahn Ji-ho is the chairman; Ahn Se-rin, who met Whitmore this
// morning, is the president": the subject of "who met" is the name just
// before ", who", not every name before the verb.
bool RelativeClauseSubject(const EventDoc& doc, const Clause& c, uint32_t trigger,
                           const std::vector<const EntityRef*>& refs, std::vector<int>* subject) {
  for (uint32_t w = trigger; w > c.first + 1 && w + 5 > trigger; --w) {
    if (doc.Token(w - 1) != "who") continue;
    for (const EntityRef* r : refs) {
      if (r->last_token + 2 == w && doc.Token(r->last_token) == ",") {
        subject->assign(1, r->entity);
        return true;
      }
    }
    return false;
  }
  return false;
}

// English: "I" or "we" before the meeting word ("I was on a video call
// with ..."): the speaker of an interview, the person the text is about.
bool FirstPersonBefore(const EventDoc& doc, const Clause& c, uint32_t trigger) {
  if (doc.korean) return false;
  for (uint32_t i = c.first; i < trigger; ++i) {
    const std::string_view w = doc.Token(i);
    // (Contractions are one token: "I'll", "We've", "I’m".)
    const std::string_view stem = w.substr(0, std::min(w.find('\''), w.find("\xE2\x80\x99")));
    if (stem == "I" || stem == "we" || stem == "We") return true;
  }
  return false;
}

// A sentence that does not end with a period: a headline or a subtitle.
bool IsHeadline(const EventDoc& doc, const SentenceRefs& s) {
  if (s.last_token <= s.first_token) return false;
  const std::string_view last = doc.Token(s.last_token - 1);
  return last != "." && last != "!" && last != "?";
}

// A comma right after the name and its title words, before any particle.
bool HeadlineComma(const EventDoc& doc, const Clause& c, const EntityRef& r) {
  for (uint32_t j = r.last_token; j < c.last && j < r.last_token + 4; ++j) {
    if (doc.Token(j) == ",") return true;
    const TokenKind kind = doc.tokens()[j].kind;
    if (kind == TokenKind::kParticle || kind == TokenKind::kPunct) return false;
  }
  return false;
}

// The join of clause `c` did not happen: a denial or a past plan in the
// clause, or a negation next to the join word ("did not attend", "참석하지
// 않았다"; not the "no" of "(no relation)").
bool StayedAway(const EventDoc& doc, const Clause& c) {
  if (doc.AnyIn(c.first, c.last, kCueDenied | kCuePastPlan)) return true;
  for (uint32_t j = c.first; j < c.last; ++j) {
    if (!doc.Has(j, kCueJoin)) continue;
    if (doc.korean ? doc.AnyIn(j + 1, std::min(j + 4, c.last), kCueNegation)
                   : doc.AnyIn(j >= c.first + 3 ? j - 3 : c.first, j, kCueNegation)) {
      return true;
    }
  }
  return false;
}

// English: a person the join itself introduces, as its subject ("Ardent's
// CTO, Pyeon Jae-woo, also joined the call") or after "joined by" /
// "accompanied by" ("Lin was joined by Halden's CFO, Lin Shu-fen").
bool NamedByJoin(const EventDoc& doc, const SentenceRefs& s, const Clause& c, const EntityRef& r) {
  if (doc.korean) return false;
  for (uint32_t j = c.first; j < c.last; ++j) {
    if (!doc.Has(j, kCueJoin)) continue;
    const std::string_view w = doc.Token(j);
    const bool join_verb = w.starts_with("join") || w.starts_with("accompan") || w.starts_with("attend");
    if (!join_verb) continue;
    // "joined by X", "was joined at the meeting by X".
    for (uint32_t b = j + 1; b < c.last && b <= j + 5; ++b) {
      if (doc.Token(b) == "by" && r.first_token > b && r.first_token <= b + 9) return true;
      if (doc.Token(b) == "," || doc.Token(b) == "by") break;
    }
    if (r.last_token <= j && r.last_token + 3 >= j) return true;
    // The subject with a relative clause before the verb ("Travis Odom, who
    // chairs the county partnership, joined the talks").
    if (r.first_token <= c.first + 1 && r.last_token + 1 < j && doc.Token(r.last_token) == "," &&
        doc.Token(r.last_token + 1) == "who") {
      return true;
    }
  }
  return false;
}

}  // namespace tg::extract::meeting_syntax
