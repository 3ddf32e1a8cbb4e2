#include "store/graph.h"

#include <unordered_set>

namespace tg::store {

Status ValidateGraph(const Graph& graph) {
  std::unordered_set<int64_t> ids;
  for (const GraphEntity& e : graph.entities) {
    if (e.id <= 0 || !ids.insert(e.id).second) {
      return Status::InvalidArgument("entity '", e.name, "': id ", e.id, " is not positive or not unique");
    }
  }
  std::unordered_set<int64_t> event_ids;
  for (const GraphEvent& ev : graph.events) {
    if (ev.id <= 0 || !event_ids.insert(ev.id).second) {
      return Status::InvalidArgument("event ", ev.id, ": id is not positive or not unique");
    }
    if (ev.kind != "meeting" && ev.kind != "trip") {
      return Status::InvalidArgument("event ", ev.id, ": unknown kind '", ev.kind, "'");
    }
    for (int64_t p : ev.participants) {
      if (!ids.count(p)) return Status::InvalidArgument("event ", ev.id, ": unknown entity ", p);
    }
    for (const EventSource& source : ev.sources) {
      for (int64_t p : source.participants) {
        if (!ids.count(p)) return Status::InvalidArgument("event ", ev.id, ": source names unknown entity ", p);
      }
    }
    if (ev.traveler != 0 && !ids.count(ev.traveler)) {
      return Status::InvalidArgument("event ", ev.id, ": unknown traveller ", ev.traveler);
    }
  }
  for (const ResolutionNote& n : graph.notes) {
    for (int64_t e : n.entities) {
      if (!ids.count(e)) return Status::InvalidArgument("note on '", n.name, "': unknown entity ", e);
    }
  }
  return Status::Ok();
}

}  // namespace tg::store
