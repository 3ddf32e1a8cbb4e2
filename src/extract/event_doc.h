#pragma once
// The view of one document that the meeting and trip finders share: for each
// sentence, the person, place and organisation mentions in it (with token
// ranges), its time expressions, and the event cues of every token; plus the
// choice of an event's place and date from a token range. Internal to the
// event extractor. Built once per document; read-only afterwards.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/event_cues.h"
#include "extract/kb.h"

namespace tg::extract {

struct EntityRef {
  int entity = -1;           // index into DocumentEntities::entities
  uint32_t begin = 0;        // byte span of the mention
  uint32_t end = 0;
  uint32_t first_token = 0;  // token range [first_token, last_token)
  uint32_t last_token = 0;
};

struct SentenceRefs {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t first_token = 0;
  uint32_t last_token = 0;
  std::vector<EntityRef> persons;  // in text order
  std::vector<EntityRef> places;
  std::vector<EntityRef> orgs;
  std::vector<int> times;  // indexes into DocumentEntities::times
};

struct EventDoc {
  std::string_view text;
  const DocumentEntities* entities = nullptr;
  const KnowledgeBase* kb = nullptr;
  bool korean = false;
  CivilDate published;
  TokenCues cues;
  std::vector<SentenceRefs> sentences;

  const std::vector<text::Token>& tokens() const { return entities->analysis.tokens; }
  std::string_view Token(uint32_t i) const { return tokens()[i].In(text); }
  bool Has(uint32_t token, uint32_t cue) const { return (cues.bits[token] & cue) != 0; }
  // True when any token in [first, last) starts a cue of `cue`.
  bool AnyIn(uint32_t first, uint32_t last, uint32_t cue) const;
  // The person entity, if any, whose mention covers token `i`.
  const EntityRef* PersonAt(const SentenceRefs& s, uint32_t i) const;
};

// True for a person entity that can take part in events: known to the KB,
// given a title or found by a pattern, or else (the tagger alone) named like a
// person: a surname-led Korean name of 3-4 syllables, a spaced foreign name
// in Hangul, or two or more capitalised English words with no company word.
bool IsLikelyPerson(const DocEntity& e);

// Sentences with their person mentions (persons that IsLikelyPerson accepts),
// places, organisations and times.
EventDoc BuildEventDoc(std::string_view text, const DocumentEntities& entities,
                       std::string_view lang, const CivilDate& published, const KnowledgeBase* kb);

// A place chosen for an event: the most specific one in a token range.
struct PlaceChoice {
  std::string name;   // display name (English KB name when known, else as written)
  std::string kb_id;
  int rank = 0;       // 5 site, 4 city, 3 district, 2 region or state, 1 country, 0 none
};

// The most specific place in tokens [first, last) of sentence `s`: a site built
// from an organisation and a site word ("Kestrel's headquarters", "the
// company's Seattle headquarters", "시라카와로보틱스 본사"), else a place mention
// that is not a modifier of a title or organisation ("Georgia Governor",
// "미국 상무장관").
PlaceChoice ChoosePlace(const EventDoc& doc, const SentenceRefs& s, uint32_t first, uint32_t last);

// A date chosen for an event.
struct DateChoice {
  CivilDate day;          // year, month and day when certain
  std::string date;       // "YYYY-MM-DD" when certain
  std::string hint;       // "YYYY-MM" or "YYYY" otherwise, when known
  bool found = false;     // a time expression was used
  const TimeExpression* expression = nullptr;  // the one used
};

// The time expression in [first, last) of sentence `s` nearest `near_token`
// (preferring one that fixes a day); relative ones ("the following day",
// "이튿날", "전날") count from the latest exact day named before them in the
// sentence, else from `anchor` (an earlier event's day; may be invalid), else
// from the publication date.
DateChoice ChooseDate(const EventDoc& doc, const SentenceRefs& s, uint32_t first, uint32_t last,
                      uint32_t near_token, const CivilDate& anchor);

// "YYYY-MM-DD" for a full date.
std::string IsoDay(const CivilDate& d);

}  // namespace tg::extract
