#pragma once
// The graph queries shared by cli/ and serve/: who-met, timeline, path, ego,
// top and topics over a GraphIndex. Each returns plain structs whose edges
// name the events behind them (store event ids); GraphIndex::FindEvent gives
// an event's documents and evidence sentences, and query/json.h writes the
// results with that provenance expanded. Pure functions of an immutable
// index: thread-safe. Entities are store ids; resolve names first (names.h).
// Filters are in filter.h and rankings (top) in rank.h, both included here.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "query/filter.h"
#include "query/graph_index.h"
#include "query/names.h"
#include "query/rank.h"

namespace tg::query {

// --- who-met ---------------------------------------------------------------
struct Counterpart {
  int64_t entity = 0;
  std::vector<int64_t> events;      // the meetings, in date order (undated last)
  std::string first_date;           // earliest / latest event date; empty when all undated
  std::string last_date;
  std::vector<std::string> places;  // distinct, in date order
  std::vector<std::string> topics;  // distinct, sorted
  int64_t sources = 0;              // distinct documents over the meetings
  bool occurred = false;            // at least one meeting reported as held
};
struct WhoMetResult {
  int64_t entity = 0;
  std::vector<Counterpart> counterparts;  // most meetings first, then latest, then name
  int64_t meetings = 0;                   // meetings matching the filter
};
// Fails with kNotFound for an unknown entity, kInvalidArgument for a bad filter.
Result<WhoMetResult> WhoMet(const GraphIndex& index, int64_t entity, const EventFilter& filter);

// --- timeline ----------------------------------------------------------------
struct TimelineEntry {
  int64_t event = 0;
  std::string date;        // EventDate, or the first report's publication date when undated
  bool undated = false;    // no date nor hint: `date` is when it was reported
};
struct TimelineResult {
  int64_t entity = 0;
  std::vector<TimelineEntry> entries;  // by date; an undated event at its report date
};
Result<TimelineResult> Timeline(const GraphIndex& index, int64_t entity,
                                const EventFilter& filter);

// --- path ----------------------------------------------------------------------
struct PathOptions {
  int max_hops = 6;     // longer chains are not searched
  int max_paths = 100;  // alternatives listed at most (PathResult::truncated beyond)
  StatusFilter status = StatusFilter::kAny;
};
struct PathHop {
  int64_t from = 0;
  int64_t to = 0;
  std::vector<int64_t> events;  // meetings of the pair passing the status filter
};
struct Path {
  std::vector<int64_t> entities;  // from ... to
  std::vector<PathHop> hops;      // entities.size() - 1
};
struct PathResult {
  int64_t from = 0;
  int64_t to = 0;
  int hops = -1;                // length of the shortest chains; -1 when none within max_hops
  std::vector<Path> paths;      // every shortest chain (up to max_paths), in name order
  bool truncated = false;
};
// Shortest chains of meetings between two entities (bidirectional BFS; all
// equal-length alternatives). from == to gives one path of zero hops.
Result<PathResult> FindPaths(const GraphIndex& index, int64_t from, int64_t to,
                             const PathOptions& options);

// --- ego ----------------------------------------------------------------------
struct EgoOptions {
  int depth = 2;         // 1: direct partners only
  int max_nodes = 500;   // nearest first; EgoResult::truncated when cut
  StatusFilter status = StatusFilter::kAny;
};
struct EgoNode {
  int64_t entity = 0;
  int depth = 0;  // hops from the centre
};
struct EgoEdge {
  int64_t a = 0;  // a < b
  int64_t b = 0;
  std::vector<int64_t> events;
};
struct EgoResult {
  int64_t center = 0;
  std::vector<EgoNode> nodes;  // by depth, then most meetings with the centre side
  std::vector<EgoEdge> edges;  // every meeting pair among `nodes`
  bool truncated = false;
};
Result<EgoResult> Ego(const GraphIndex& index, int64_t center, const EgoOptions& options);

// --- topics --------------------------------------------------------------------
struct TopicCount {
  std::string topic;
  int64_t events = 0;          // meetings and trips with this topic
  int64_t sources = 0;         // distinct documents over them
  std::string first_date;
  std::string last_date;
  std::vector<int64_t> event_ids;  // in date order
};
struct TopicsResult {
  std::vector<TopicCount> topics;  // most events first, then label
  int64_t events = 0;              // events considered
};
// Topics of the meetings `a` and `b` both took part in.
Result<TopicsResult> TopicsBetween(const GraphIndex& index, int64_t a, int64_t b,
                                   const EventFilter& filter);
// Topics of the events of an org's people (and the org itself).
Result<TopicsResult> TopicsOfOrg(const GraphIndex& index, int64_t org, const EventFilter& filter);
// Topics over the whole graph.
Result<TopicsResult> AllTopics(const GraphIndex& index, const EventFilter& filter);

}  // namespace tg::query
