#include "extract/events.h"

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
  (void)text; (void)entities; (void)lang; (void)published; (void)kb;
  return {};
}

}  // namespace tg::extract
