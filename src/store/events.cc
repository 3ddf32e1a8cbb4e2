#include "store/events.h"

#include <string>

namespace tg::store {
namespace {

bool KnownStatus(const std::string& status) {
  return status == "occurred" || status == "planned" || status == "denied";
}

Status CheckOne(const char* kind, size_t index, const std::string& status, uint32_t begin,
                uint32_t end, uint64_t text_bytes) {
  if (!KnownStatus(status)) {
    return Status::InvalidArgument(kind, " ", index, ": unknown status '", status, "'");
  }
  if (begin > end || end > text_bytes) {
    return Status::InvalidArgument(kind, " ", index, ": evidence span [", begin, ", ", end,
                                   ") outside the text (", text_bytes, " bytes)");
  }
  return Status::Ok();
}

std::string Slice(std::string_view text, uint32_t begin, uint32_t end) {
  // Spans were validated against this text when stored; clamp anyway so a
  // hand-edited database cannot make this read out of bounds.
  if (begin >= text.size() || begin >= end) return "";
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

Status ValidateEvents(const StoredEvents& events, uint64_t text_bytes) {
  for (size_t i = 0; i < events.meetings.size(); ++i) {
    const StoredMeeting& m = events.meetings[i];
    TG_RETURN_IF_ERROR(
        CheckOne("meeting", i, m.status, m.evidence_begin, m.evidence_end, text_bytes));
  }
  for (size_t i = 0; i < events.trips.size(); ++i) {
    const StoredTrip& t = events.trips[i];
    TG_RETURN_IF_ERROR(CheckOne("trip", i, t.status, t.evidence_begin, t.evidence_end, text_bytes));
  }
  return Status::Ok();
}

void FillEvidence(std::string_view text, StoredEvents* events) {
  for (StoredMeeting& m : events->meetings) {
    m.evidence = Slice(text, m.evidence_begin, m.evidence_end);
  }
  for (StoredTrip& t : events->trips) t.evidence = Slice(text, t.evidence_begin, t.evidence_end);
}

}  // namespace tg::store
