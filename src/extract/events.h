#pragma once
// Meetings and trips of one document, found on top of its entity layer
// (entities.h): who met whom, when, where, about what, with the sentence that
// says it; who travelled where, when, with whom. Works from each sentence's
// structure: the meeting word ("met", "held talks with", "hosted ... for
// dinner", "만나", "회동", "면담", "만찬"), the subject before it, the "with" /
// "와·과" partner or object after it, people who "accompanied" or "joined"
// (동행, 배석, 동석, 참석) in the same or a following sentence, and status cues
// ("will", "is expected to", "did not meet", "만날 예정", "무산"). Relative
// dates ("the following day", "이튿날") resolve against the previous dated
// meeting. Pure function of its inputs; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/kb.h"

namespace tg::extract {

enum class EventStatus : uint8_t { kOccurred, kPlanned, kDenied };

// "occurred", "planned", "denied".
std::string_view EventStatusName(EventStatus status);

struct Meeting {
  std::vector<int> participants;  // indexes of person entities in DocumentEntities::entities, >= 2
  std::string date;               // "YYYY-MM-DD" when the day is certain, else empty
  std::string date_hint;          // "YYYY-MM" or "YYYY" when only that is known, else empty
  std::string place;              // most specific place or site, display name; empty when none
  std::string place_kb_id;        // knowledge-base id of the place, when known
  EventStatus status = EventStatus::kOccurred;
  std::vector<std::string> topics;  // short English labels ("AI", "HBM", "foundry")
  uint32_t evidence_begin = 0;      // byte span of the sentence that states the meeting
  uint32_t evidence_end = 0;
  float confidence = 0;  // in (0, 1]
};

struct Trip {
  int traveler = -1;                      // person entity index
  std::vector<std::string> destinations;  // display names, most specific stops, in text order
  std::vector<std::string> destination_kb_ids;  // parallel to destinations; empty string when unknown
  std::string start;                      // "YYYY-MM-DD" when certain, else empty
  std::string end;
  std::vector<int> companions;  // person entity indexes
  EventStatus status = EventStatus::kOccurred;
  uint32_t evidence_begin = 0;
  uint32_t evidence_end = 0;
  float confidence = 0;
};

struct DocumentEvents {
  std::vector<Meeting> meetings;  // in order of first statement
  std::vector<Trip> trips;
};

// Finds the meetings and trips of a document. `text` is the clean text that
// `entities` was computed on; `lang` is "en" or "ko" (other languages use the
// English cues); `published` anchors dates (may be invalid); `kb` may be null.
DocumentEvents ExtractEvents(std::string_view text, const DocumentEntities& entities,
                             std::string_view lang, const CivilDate& published,
                             const KnowledgeBase* kb);

}  // namespace tg::extract
