#pragma once
// The sentence-level reading behind the meeting finder (meetings.h): Korean
// particles after a name, which tokens are meeting words (a meeting verb or
// noun, a visit to a person, a person's home), clauses of a sentence, who is
// only the speaker or the byline, and which clauses only add people to the
// meeting just reported. Internal to the event extractor. Pure functions.
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/event_doc.h"

namespace tg::extract::meeting_syntax {

struct Clause {
  uint32_t first = 0;  // token range
  uint32_t last = 0;
};

// A date expression that names a month ("June 11", "6월") / a weekday.
bool HasMonthWord(std::string_view words);
bool HasWeekdayWord(std::string_view words);

void AddUnique(std::vector<int>* people, int entity);
bool Contains(const std::vector<int>& people, int entity);

// Korean particles: subject (은/는/이/가/께서), case particles, topic (은/는), joining (와/과/및).
bool IsSubjectParticle(std::string_view p);
bool IsCaseParticle(std::string_view p);
bool IsTopicParticle(std::string_view p);
bool IsJoiningParticle(std::string_view p);

// The particle that closes a Korean person mention, skipping the title and
// organisation words and parentheses after the name; empty when another name
// or a comma comes first.
std::string_view ParticleAfter(const EventDoc& doc, const SentenceRefs& s, const EntityRef& r);

// The journalist of a byline: by title (기자, reporter) or by position
// ("윤채원 기자 =", "By Kim Ha-na" opening a line).
bool IsReporter(const DocEntity& e);
bool IsByline(const EventDoc& doc, const EntityRef& r);

// Token `i` is a meeting word: a meeting verb or noun, a visit whose object
// is a person ("visited Mark Zuckerberg", "손턴 CEO를 찾아", the participle
// ", meeting Kenta Morikawa"), or a person's home.
bool IsMeetingWord(const EventDoc& doc, uint32_t i);
bool IsPersonVisit(const EventDoc& doc, const SentenceRefs& s, uint32_t i);
bool IsPersonHome(const EventDoc& doc, const SentenceRefs& s, uint32_t i);
// English "held a 20-minute meeting backstage with", "had lunch on Thursday
// with": a meeting or meal noun after a light verb (held, had ...) with
// "with" a few words after it; a verb of meeting for the clause's subject.
bool IsHeldMeetingWith(const EventDoc& doc, const SentenceRefs& s, uint32_t i);
// Any of the above; also talks told by what was discussed or signed when
// nothing else in the sentence is a meeting or a join.
bool IsTrigger(const EventDoc& doc, const SentenceRefs& s, uint32_t i);

// Clauses of a sentence, cut only where both sides hold a meeting word (and
// always at a headline's ellipsis).
std::vector<Clause> SplitClauses(const EventDoc& doc, const SentenceRefs& s);

// English: a person named only as the source of a statement ("said Kwak").
bool IsSpeaker(const EventDoc& doc, const SentenceRefs& s, const EntityRef& r);

// A clause that only adds people to a meeting just reported ("accompanied
// Park at the dinner", "이 자리에는 ... 동석했다").
bool IsAttachClause(const EventDoc& doc, const SentenceRefs& s, const Clause& c);

// Reading one clause `c` of sentence `s` around its first meeting word `trigger`:
// asked about rather than reported ("whether he had met", 만났는지).
bool IsQuestion(const EventDoc& doc, const SentenceRefs& s, const Clause& c, uint32_t trigger);
// English ", who met": sets `subject` to the name before ", who"; true when it did.
bool RelativeClauseSubject(const EventDoc& doc, const Clause& c, uint32_t trigger,
                           const std::vector<const EntityRef*>& refs, std::vector<int>* subject);
// English "I" / "we" before the meeting word: the interviewee speaks.
bool FirstPersonBefore(const EventDoc& doc, const Clause& c, uint32_t trigger);
// A sentence that does not end with . ! ?: a headline or a subtitle.
bool IsHeadline(const EventDoc& doc, const SentenceRefs& s);
// Korean: a comma right after the name of `r` and its title words.
bool HeadlineComma(const EventDoc& doc, const Clause& c, const EntityRef& r);
// The join of the clause did not happen (불참, "did not attend", 예정이었으나).
bool StayedAway(const EventDoc& doc, const Clause& c);
// English: `r` is introduced by the join itself ("joined by X", "X also joined").
bool NamedByJoin(const EventDoc& doc, const SentenceRefs& s, const Clause& c, const EntityRef& r);

}  // namespace tg::extract::meeting_syntax
