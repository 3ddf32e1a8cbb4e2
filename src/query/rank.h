#pragma once
// Rankings of the most connected people or organisations: degree,
// betweenness (Brandes; sampled sources on large graphs) and PageRank. Pure
// functions of an immutable index; thread-safe.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "query/filter.h"
#include "query/graph_index.h"
#include "query/names.h"

namespace tg::query {

enum class Measure { kDegree, kBetweenness, kPageRank };
Result<Measure> ParseMeasure(std::string_view text);  // "degree" | "betweenness" | "pagerank"

struct TopOptions {
  Measure by = Measure::kDegree;
  // kPerson: the person graph; kOrg: the org graph; kAny: both lists merged,
  // each entity scored on its own graph.
  EntityKind kind = EntityKind::kPerson;
  EventFilter filter;
  int limit = 20;
  // Betweenness is exact (Brandes) up to this many nodes with edges; above,
  // it is estimated from `betweenness_samples` sampled sources, scaled
  // (Brandes-Pich), and TopResult::estimated is set.
  int exact_betweenness_nodes = 4000;
  int betweenness_samples = 256;
  uint64_t seed = 1;  // sampling seed, for reproducible estimates
};
struct RankedEntity {
  int64_t entity = 0;
  double score = 0;     // the measure: partners (degree), betweenness, or PageRank
  int64_t degree = 0;   // distinct partners (persons) or partner orgs (orgs)
  int64_t meetings = 0; // meetings counted
};
struct TopResult {
  std::vector<RankedEntity> entries;  // highest score first, then name
  bool estimated = false;             // betweenness was sampled
};
// Persons rank on the person graph (an edge per pair that met); orgs on the
// org graph, where two orgs are joined when people of each met (or the orgs
// themselves took part), weighted by meetings.
Result<TopResult> Top(const GraphIndex& index, const TopOptions& options);

}  // namespace tg::query
