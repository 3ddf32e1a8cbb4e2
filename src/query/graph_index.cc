#include "query/graph_index.h"

#include <algorithm>
#include <utility>

#include "core/utf8.h"
#include "query/query_internal.h"
#include "query/names.h"

namespace tg::query {
namespace {

// Ids are dense (1..N) when resolution assigned them; a table is then faster
// than hashing. A graph with large gaps falls back to a hash map.
bool UseDenseTable(int64_t max_id, size_t count) {
  return max_id >= 0 && static_cast<uint64_t>(max_id) <= 2 * count + 1024;
}

template <typename T>
Status IndexIds(const std::vector<T>& items, const char* what, std::vector<uint32_t>* dense,
                std::unordered_map<int64_t, uint32_t>* sparse) {
  int64_t max_id = 0;
  bool negative = false;
  for (const T& item : items) {
    max_id = std::max(max_id, item.id);
    negative = negative || item.id < 0;
  }
  if (!negative && UseDenseTable(max_id, items.size())) {
    dense->assign(static_cast<size_t>(max_id) + 1, kNoIndex);
    for (uint32_t i = 0; i < items.size(); ++i) {
      uint32_t& slot = (*dense)[static_cast<size_t>(items[i].id)];
      if (slot != kNoIndex) return Status::Corrupt("two ", what, " with id ", items[i].id);
      slot = i;
    }
    return Status::Ok();
  }
  sparse->reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) {
    if (!sparse->emplace(items[i].id, i).second) {
      return Status::Corrupt("two ", what, " with id ", items[i].id);
    }
  }
  return Status::Ok();
}

uint32_t Lookup(int64_t id, const std::vector<uint32_t>& dense,
                const std::unordered_map<int64_t, uint32_t>& sparse) {
  if (!dense.empty()) {
    return id >= 0 && static_cast<uint64_t>(id) < dense.size() ? dense[static_cast<size_t>(id)]
                                                               : kNoIndex;
  }
  auto it = sparse.find(id);
  return it == sparse.end() ? kNoIndex : it->second;
}

// Turns per-row counts into CSR start offsets (size rows + 1).
std::vector<uint32_t> StartsFromCounts(const std::vector<uint32_t>& counts) {
  std::vector<uint32_t> start(counts.size() + 1, 0);
  for (size_t i = 0; i < counts.size(); ++i) start[i + 1] = start[i] + counts[i];
  return start;
}

}  // namespace

uint8_t EventStatusBit(std::string_view status) {
  if (status == "occurred") return kOccurredBit;
  if (status == "planned") return kPlannedBit;
  if (status == "denied") return kDeniedBit;
  return kOtherStatusBit;
}

GraphIndex::GraphIndex() = default;
GraphIndex::~GraphIndex() = default;

Result<std::shared_ptr<const GraphIndex>> GraphIndex::Build(store::Graph graph) {
  std::shared_ptr<GraphIndex> index(new GraphIndex());
  index->graph_ = std::move(graph);
  TG_RETURN_IF_ERROR(index->Index());
  return std::shared_ptr<const GraphIndex>(std::move(index));
}

Result<std::shared_ptr<const GraphIndex>> GraphIndex::Load(store::Store* store) {
  TG_ASSIGN_OR_RETURN(store::Graph graph, store->GetGraph());
  return Build(std::move(graph));
}

const store::GraphEntity* GraphIndex::FindEntity(int64_t id) const {
  const uint32_t i = EntityIndex(id);
  return i == kNoIndex ? nullptr : &graph_.entities[i];
}

const store::GraphEvent* GraphIndex::FindEvent(int64_t id) const {
  const uint32_t i = EventIndex(id);
  return i == kNoIndex ? nullptr : &graph_.events[i];
}

uint32_t GraphIndex::EntityIndex(int64_t id) const {
  return Lookup(id, entity_pos_dense_, entity_pos_sparse_);
}

uint32_t GraphIndex::EventIndex(int64_t id) const {
  return Lookup(id, event_pos_dense_, event_pos_sparse_);
}

std::span<const uint32_t> GraphIndex::EventsOf(uint32_t i) const {
  return {events_of_.data() + events_start_[i], events_start_[i + 1] - events_start_[i]};
}

std::span<const Neighbor> GraphIndex::NeighborsOf(uint32_t i) const {
  return {nbrs_.data() + nbr_start_[i], nbr_start_[i + 1] - nbr_start_[i]};
}

std::span<const uint32_t> GraphIndex::EdgeEvents(const Neighbor& n) const {
  return {edge_events_.data() + n.first, n.count};
}

std::span<const uint32_t> GraphIndex::MembersOf(uint32_t i) const {
  return {members_.data() + members_start_[i], members_start_[i + 1] - members_start_[i]};
}

Status GraphIndex::Index() {
  std::vector<store::GraphEntity>& entities = graph_.entities;
  std::vector<store::GraphEvent>& events = graph_.events;
  if (entities.size() >= kNoIndex || events.size() >= kNoIndex) {
    return Status::ResourceExhausted("graph too large to index");
  }

  // Organisations: every normalised name of an ORG entity, then a synthesised
  // ORG for each person's org no ORG entity carries.
  int64_t max_id = 0;
  std::unordered_map<std::string, uint32_t> org_by_name;
  for (uint32_t i = 0; i < entities.size(); ++i) {
    const store::GraphEntity& e = entities[i];
    max_id = std::max(max_id, e.id);
    if (e.type != "ORG") continue;
    for (const std::string* name : {&e.name, &e.name_en, &e.name_ko}) {
      if (!name->empty()) org_by_name.emplace(NormalizeName(*name), i);
    }
    for (const std::string& alias : e.aliases) org_by_name.emplace(NormalizeName(alias), i);
  }
  first_synthesised_ = static_cast<uint32_t>(entities.size());
  org_of_.assign(entities.size(), kNoIndex);
  // Room for every synthesised org first: org_by_spelling views the persons' strings.
  size_t with_org = 0;
  for (const store::GraphEntity& e : entities) with_org += e.org.empty() ? 0 : 1;
  entities.reserve(entities.size() + with_org);
  std::unordered_map<std::string_view, uint32_t> org_by_spelling;  // raw org -> position
  for (uint32_t i = 0; i < first_synthesised_; ++i) {
    if (entities[i].type != "PERSON" || entities[i].org.empty()) continue;
    if (auto seen = org_by_spelling.find(entities[i].org); seen != org_by_spelling.end()) {
      org_of_[i] = seen->second;
      continue;
    }
    std::string key = NormalizeName(entities[i].org);
    if (key.empty()) continue;
    auto [it, added] = org_by_name.emplace(key, static_cast<uint32_t>(entities.size()));
    if (added) {
      store::GraphEntity org;
      org.id = ++max_id;
      org.key = "org:" + key;
      org.type = "ORG";
      org.name = entities[i].org;
      (HasHangul(org.name) ? org.name_ko : org.name_en) = org.name;
      org.aliases = {org.name};
      entities.push_back(std::move(org));
      org_of_.push_back(kNoIndex);
    }
    org_of_[i] = it->second;
    org_by_spelling.emplace(entities[i].org, it->second);
  }

  TG_RETURN_IF_ERROR(IndexIds(entities, "entities", &entity_pos_dense_, &entity_pos_sparse_));
  TG_RETURN_IF_ERROR(IndexIds(events, "events", &event_pos_dense_, &event_pos_sparse_));
  const size_t n = entities.size();

  // Members of each org.
  std::vector<uint32_t> counts(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    if (org_of_[i] != kNoIndex) ++counts[org_of_[i]];
  }
  members_start_ = StartsFromCounts(counts);
  members_.resize(members_start_[n]);
  std::fill(counts.begin(), counts.end(), 0);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t org = org_of_[i];
    if (org != kNoIndex) members_[members_start_[org] + counts[org]++] = i;
  }

  // Participant positions per event (traveller included), checked once.
  std::vector<uint32_t> part_start(events.size() + 1, 0);
  std::vector<uint32_t> parts;
  parts.reserve(events.size() * 3);
  event_status_.resize(events.size());
  for (uint32_t e = 0; e < events.size(); ++e) {
    store::GraphEvent& ev = events[e];
    event_status_[e] = EventStatusBit(ev.status);
    const size_t begin = parts.size();
    auto add = [&](int64_t id) -> Status {
      const uint32_t p = EntityIndex(id);
      if (p == kNoIndex || p >= first_synthesised_) {
        return Status::Corrupt("event ", ev.id, " names unknown entity ", id);
      }
      parts.push_back(p);
      return Status::Ok();
    };
    for (int64_t id : ev.participants) TG_RETURN_IF_ERROR(add(id));
    if (ev.traveler != 0) TG_RETURN_IF_ERROR(add(ev.traveler));
    std::sort(parts.begin() + begin, parts.end());
    parts.erase(std::unique(parts.begin() + begin, parts.end()), parts.end());
    part_start[e + 1] = static_cast<uint32_t>(parts.size());
  }

  // Events of each entity.
  std::fill(counts.begin(), counts.end(), 0);
  for (uint32_t p : parts) ++counts[p];
  events_start_ = StartsFromCounts(counts);
  events_of_.resize(events_start_[n]);
  std::fill(counts.begin(), counts.end(), 0);
  for (uint32_t e = 0; e < events.size(); ++e) {
    for (uint32_t k = part_start[e]; k < part_start[e + 1]; ++k) {
      const uint32_t p = parts[k];
      events_of_[events_start_[p] + counts[p]++] = e;
    }
  }

  // Meeting partners: every ordered pair of a meeting's participants, bucketed
  // by the first, then each bucket sorted by (partner, event) and grouped.
  // Trips join no one: companions travel together but are not said to meet.
  std::fill(counts.begin(), counts.end(), 0);
  for (uint32_t e = 0; e < events.size(); ++e) {
    if (events[e].kind != "meeting") continue;
    const uint32_t k = part_start[e + 1] - part_start[e];
    if (k < 2) continue;
    for (uint32_t j = part_start[e]; j < part_start[e + 1]; ++j) counts[parts[j]] += k - 1;
  }
  std::vector<uint32_t> pair_start = StartsFromCounts(counts);
  std::vector<std::pair<uint32_t, uint32_t>> pairs(pair_start[n]);  // (partner, event)
  std::fill(counts.begin(), counts.end(), 0);
  for (uint32_t e = 0; e < events.size(); ++e) {
    if (events[e].kind != "meeting") continue;
    for (uint32_t a = part_start[e]; a < part_start[e + 1]; ++a) {
      for (uint32_t b = part_start[e]; b < part_start[e + 1]; ++b) {
        if (a == b) continue;
        const uint32_t pa = parts[a];
        pairs[pair_start[pa] + counts[pa]++] = {parts[b], e};
      }
    }
  }
  nbr_start_.assign(n + 1, 0);
  edge_events_.resize(pairs.size());
  for (uint32_t i = 0; i < n; ++i) {
    auto begin = pairs.begin() + pair_start[i];
    auto end = pairs.begin() + pair_start[i + 1];
    std::sort(begin, end);
    for (auto it = begin; it != end; ++it) {
      const uint32_t slot = static_cast<uint32_t>(it - pairs.begin());
      edge_events_[slot] = it->second;
      if (it == begin || (it - 1)->first != it->first) {
        nbrs_.push_back(Neighbor{it->first, slot, 0, 0});
      }
      nbrs_.back().count++;
      nbrs_.back().statuses |= event_status_[it->second];
    }
    nbr_start_[i + 1] = static_cast<uint32_t>(nbrs_.size());
  }

  names_ = std::make_unique<NameIndex>(graph_.entities);
  return Status::Ok();
}

}  // namespace tg::query
