#pragma once
// GraphIndex: the resolved graph (store/graph.h) frozen for queries. Built once
// from a store::Graph (moved in), then immutable: one index may be shared by
// any number of threads through std::shared_ptr<const GraphIndex>.
//
// It keeps the graph's entities and events and adds, in dense positions
// (0..N-1, the order of graph().entities / graph().events):
// - each entity's events (meetings and trips), in event order;
// - each entity's meeting partners with the meetings behind each pair;
// - organisations: a person's `org` is matched to an ORG entity by name; an
//   org name no ORG entity carries becomes a synthesised ORG entity (id above
//   every stored id, key "org:<normalised name>", docs 0) so that orgs can be
//   ranked and queried whatever resolution produced. Synthesised ids are not
//   stable across rebuilds;
// - a name index for Resolve (name_resolver.h).
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "store/graph.h"
#include "store/store.h"

namespace tg::query {

inline constexpr uint32_t kNoIndex = 0xffffffffu;

// Bits of Neighbor::statuses and of EventStatusBit().
inline constexpr uint8_t kOccurredBit = 1;
inline constexpr uint8_t kPlannedBit = 2;
inline constexpr uint8_t kDeniedBit = 4;
inline constexpr uint8_t kOtherStatusBit = 8;  // empty or unknown status
uint8_t EventStatusBit(std::string_view status);

// One meeting partner of an entity: another entity's position and the
// meetings they both took part in (a range of GraphIndex::EdgeEvents).
struct Neighbor {
  uint32_t entity = 0;
  uint32_t first = 0;    // into the edge-event array
  uint32_t count = 0;    // number of shared meetings
  uint8_t statuses = 0;  // union of the shared meetings' status bits
};

class NameIndex;

class GraphIndex {
 public:
  // Indexes `graph`. Fails with kCorrupt when an event names an entity id the
  // graph does not hold, or when two entities or two events share an id.
  static Result<std::shared_ptr<const GraphIndex>> Build(store::Graph graph);
  // Store::GetGraph() then Build().
  static Result<std::shared_ptr<const GraphIndex>> Load(store::Store* store);

  ~GraphIndex();
  GraphIndex(const GraphIndex&) = delete;
  GraphIndex& operator=(const GraphIndex&) = delete;

  // The graph as given, plus synthesised ORG entities at the end of `entities`.
  const store::Graph& graph() const { return graph_; }
  size_t entity_count() const { return graph_.entities.size(); }
  size_t event_count() const { return graph_.events.size(); }

  // By store id; null when unknown.
  const store::GraphEntity* FindEntity(int64_t id) const;
  const store::GraphEvent* FindEvent(int64_t id) const;

  // Dense positions, for the algorithms in query/ (and serve/ if it needs them).
  uint32_t EntityIndex(int64_t id) const;  // kNoIndex when unknown
  uint32_t EventIndex(int64_t id) const;   // kNoIndex when unknown
  const store::GraphEntity& EntityAt(uint32_t i) const { return graph_.entities[i]; }
  const store::GraphEvent& EventAt(uint32_t i) const { return graph_.events[i]; }
  bool IsPerson(uint32_t i) const { return graph_.entities[i].type == "PERSON"; }
  bool IsOrg(uint32_t i) const { return graph_.entities[i].type == "ORG"; }
  bool IsSynthesised(uint32_t i) const { return i >= first_synthesised_; }

  // Events entity `i` takes part in (participant or traveller), ascending.
  std::span<const uint32_t> EventsOf(uint32_t i) const;
  // Meeting partners of entity `i`, ascending by position.
  std::span<const Neighbor> NeighborsOf(uint32_t i) const;
  // The meetings behind one partner pair, ascending.
  std::span<const uint32_t> EdgeEvents(const Neighbor& n) const;
  // The ORG position of person `i`'s organisation, kNoIndex when none.
  uint32_t OrgOf(uint32_t i) const { return org_of_[i]; }
  // Persons whose organisation is org `i`, ascending.
  std::span<const uint32_t> MembersOf(uint32_t i) const;
  // Status bits of event `e`.
  uint8_t EventStatus(uint32_t e) const { return event_status_[e]; }

  const NameIndex& names() const { return *names_; }

 private:
  GraphIndex();
  Status Index();

  store::Graph graph_;
  uint32_t first_synthesised_ = 0;
  // Store id -> position: a dense table when ids are compact, else a hash map.
  std::vector<uint32_t> entity_pos_dense_, event_pos_dense_;
  std::unordered_map<int64_t, uint32_t> entity_pos_sparse_, event_pos_sparse_;
  // CSR arrays.
  std::vector<uint32_t> events_start_, events_of_;
  std::vector<uint32_t> nbr_start_;
  std::vector<Neighbor> nbrs_;
  std::vector<uint32_t> edge_events_;
  std::vector<uint32_t> members_start_, members_;
  std::vector<uint32_t> org_of_;
  std::vector<uint8_t> event_status_;
  std::unique_ptr<NameIndex> names_;
};

}  // namespace tg::query
