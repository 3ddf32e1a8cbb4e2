#pragma once
// Meeting frames of one document (see events.h for the contract): one frame
// per clause with a meeting word, participants from the clause's structure
// (subject, "with" partner or object, the discourse topic when the subject is
// left out, "the two" for the previous meeting's pair), people who joined
// attached from later sentences, lists of counterparts after a two-party
// verb split into separate meetings, status, date, place and topics.
// Internal to the event extractor. Pure function; thread-safe.
#include <vector>

#include "extract/event_doc.h"
#include "extract/events.h"

namespace tg::extract {

std::vector<Meeting> FindMeetings(const EventDoc& doc);

}  // namespace tg::extract
