#pragma once
// Meetings and trips as the store keeps them: one document's events with
// every person and place written out by name (and knowledge-base id), not as
// indexes into an entity list, so the store needs nothing of extract/. The
// pipeline converts extract::DocumentEvents into this form
// (pipeline/events.h). Plain value types; the helpers are pure functions.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tg::store {

// A person (or, later, an organisation) taking part in an event.
struct EventPerson {
  std::string name;             // the document's full name for them (DocEntity::name)
  std::string kb_id;            // knowledge-base id, empty when unknown
  std::string type = "PERSON";  // entity type name ("PERSON", "ORG")
  std::string name_en;          // English and Korean forms when known
  std::string name_ko;
  std::string title;  // role as the document gives it ("CEO", "회장")
  std::string org;    // organisation as the document gives it
  bool operator==(const EventPerson&) const = default;
};

struct EventPlace {
  std::string name;   // display name as the document writes it
  std::string kb_id;  // knowledge-base id, empty when unknown
  bool operator==(const EventPlace&) const = default;
};

struct StoredMeeting {
  std::vector<EventPerson> participants;
  std::string date;       // "YYYY-MM-DD" or empty
  std::string date_hint;  // "YYYY-MM" or "YYYY" when only that is known, else empty
  EventPlace place;       // empty name when none
  std::string status;     // "occurred", "planned" or "denied"
  std::vector<std::string> topics;
  uint32_t evidence_begin = 0;  // byte span of the stating sentence in the clean text
  uint32_t evidence_end = 0;
  std::string evidence;   // text[evidence_begin, evidence_end); GetEvents fills it
  double confidence = 0;  // in [0, 1]
  bool operator==(const StoredMeeting&) const = default;
};

struct StoredTrip {
  EventPerson traveler;
  std::vector<EventPlace> destinations;  // in text order
  std::string start;                     // "YYYY-MM-DD" or empty
  std::string end;
  std::vector<EventPerson> companions;
  std::string status;  // "occurred", "planned" or "denied"
  uint32_t evidence_begin = 0;
  uint32_t evidence_end = 0;
  std::string evidence;  // filled by GetEvents
  double confidence = 0;
  bool operator==(const StoredTrip&) const = default;
};

// Everything extraction found in one document; empty lists when it found
// nothing (as opposed to a document never run through extraction).
struct StoredEvents {
  std::vector<StoredMeeting> meetings;
  std::vector<StoredTrip> trips;
  bool operator==(const StoredEvents&) const = default;
};

// Checks what every backend requires of PutEvents: statuses are one of the
// three names and every evidence span lies inside a text of `text_bytes`
// bytes. Fails with kInvalidArgument naming the first bad event.
Status ValidateEvents(const StoredEvents& events, uint64_t text_bytes);

// Sets every event's `evidence` to its span of `text` (the document's clean text).
void FillEvidence(std::string_view text, StoredEvents* events);

}  // namespace tg::store
