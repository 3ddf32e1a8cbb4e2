#include "serve/graph_state.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <mutex>

#include "core/check.h"
#include "query/names.h"

namespace tg::serve {

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

const std::vector<uint32_t>& GraphSnapshot::EventsOfDocument(std::string_view ext_id) const {
  static const std::vector<uint32_t> kNone;
  auto it = events_by_doc.find(std::string(ext_id));
  return it == events_by_doc.end() ? kNone : it->second;
}

std::shared_ptr<const GraphSnapshot> MakeSnapshot(std::shared_ptr<const query::GraphIndex> index,
                                                  int64_t version) {
  auto snapshot = std::make_shared<GraphSnapshot>();
  for (uint32_t e = 0; e < index->event_count(); ++e) {
    const store::GraphEvent& event = index->EventAt(e);
    for (const store::EventSource& source : event.sources) {
      snapshot->events_by_doc[source.doc].push_back(e);
    }
    for (const std::string& doc : event.docs) snapshot->events_by_doc[doc].push_back(e);
    (event.kind == "trip" ? snapshot->trips : snapshot->meetings) += 1;
  }
  snapshot->name_keys.resize(index->entity_count());
  for (uint32_t i = 0; i < index->entity_count(); ++i) {
    const store::GraphEntity& entity = index->EntityAt(i);
    (index->IsPerson(i) ? snapshot->persons : snapshot->organisations) += 1;
    snapshot->entities_by_docs.push_back(i);
    std::string& keys = snapshot->name_keys[i];
    for (const std::string* name : {&entity.name, &entity.name_en, &entity.name_ko}) {
      if (!name->empty()) keys += query::NormalizeName(*name) + '\n';
    }
    for (const std::string& alias : entity.aliases) keys += query::NormalizeName(alias) + '\n';
  }
  std::stable_sort(
      snapshot->entities_by_docs.begin(), snapshot->entities_by_docs.end(),
      [&](uint32_t a, uint32_t b) { return index->EntityAt(a).docs > index->EntityAt(b).docs; });
  for (auto& [doc, events] : snapshot->events_by_doc) {
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
  }
  snapshot->index = std::move(index);
  snapshot->version = version;
  snapshot->loaded_at = NowUtc();
  return snapshot;
}

GraphState::GraphState() {
  Result<std::shared_ptr<const query::GraphIndex>> empty = query::GraphIndex::Build({});
  TG_CHECK(empty.has_value());
  current_.store(MakeSnapshot(std::move(empty).value(), 0));
}

void GraphState::Swap(std::shared_ptr<const query::GraphIndex> index) {
  std::lock_guard<std::mutex> lock(swap_mu_);
  current_.store(MakeSnapshot(std::move(index), current_.load()->version + 1));
}

Status GraphState::Reload(store::Store* store) {
  TG_ASSIGN_OR_RETURN(std::shared_ptr<const query::GraphIndex> index,
                      query::GraphIndex::Load(store));
  Swap(std::move(index));
  return Status::Ok();
}

}  // namespace tg::serve
