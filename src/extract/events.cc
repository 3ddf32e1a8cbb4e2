#include "extract/events.h"

#include "extract/event_doc.h"
#include "extract/meetings.h"
#include "extract/trips.h"

namespace tg::extract {

std::string_view EventStatusName(EventStatus status) {
  switch (status) {
    case EventStatus::kOccurred: return "occurred";
    case EventStatus::kPlanned: return "planned";
    case EventStatus::kDenied: return "denied";
  }
  return "occurred";
}

DocumentEvents ExtractEvents(std::string_view text, const DocumentEntities& entities,
                             std::string_view lang, const CivilDate& published,
                             const KnowledgeBase* kb) {
  const EventDoc doc = BuildEventDoc(text, entities, lang, published, kb);
  DocumentEvents events;
  events.meetings = FindMeetings(doc);
  events.trips = FindTrips(doc);
  return events;
}

}  // namespace tg::extract
