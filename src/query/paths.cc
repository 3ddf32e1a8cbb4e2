// Shortest chains of meetings (FindPaths) and neighbourhoods (Ego).
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "query/query.h"
#include "query/query_internal.h"

namespace tg::query {
namespace {

const Neighbor* FindNeighbor(const GraphIndex& index, uint32_t a, uint32_t b) {
  std::span<const Neighbor> nbrs = index.NeighborsOf(a);
  auto it = std::lower_bound(nbrs.begin(), nbrs.end(), b,
                             [](const Neighbor& n, uint32_t v) { return n.entity < v; });
  return it != nbrs.end() && it->entity == b ? &*it : nullptr;
}

// The pair's meetings whose status passes, as store ids in date order.
std::vector<int64_t> PairEvents(const GraphIndex& index, uint32_t a, uint32_t b,
                                StatusFilter status) {
  std::vector<uint32_t> events;
  if (const Neighbor* n = FindNeighbor(index, a, b); n != nullptr) {
    for (uint32_t e : index.EdgeEvents(*n)) {
      if (StatusPasses(index.EventStatus(e), status)) events.push_back(e);
    }
  }
  SortByDate(index, &events);
  return EventIds(index, events);
}

// One side of the bidirectional search: distances from its root, and the
// frontier of the last completed layer.
struct Side {
  std::vector<int32_t> dist;
  std::vector<uint32_t> frontier;
  int32_t depth = 0;
};

// Expands `side` by one layer; returns the nodes reached that `other` has seen.
std::vector<uint32_t> Expand(const GraphIndex& index, StatusFilter status, Side* side,
                             const Side& other) {
  std::vector<uint32_t> next;
  std::vector<uint32_t> met;
  const int32_t d = side->depth + 1;
  for (uint32_t u : side->frontier) {
    for (const Neighbor& n : index.NeighborsOf(u)) {
      if (side->dist[n.entity] >= 0 || !StatusPasses(n.statuses, status)) continue;
      side->dist[n.entity] = d;
      next.push_back(n.entity);
      if (other.dist[n.entity] >= 0) met.push_back(n.entity);
    }
  }
  side->frontier = std::move(next);
  side->depth = d;
  return met;
}

// Every shortest chain from `v` back to the side's root (root first),
// following nodes one layer nearer; stops adding at `limit` chains.
void ChainsToRoot(const GraphIndex& index, StatusFilter status, const Side& side, uint32_t v,
                  size_t limit, std::vector<std::vector<uint32_t>>* out) {
  std::vector<uint32_t> chain = {v};
  std::function<void(uint32_t)> walk = [&](uint32_t u) {
    if (out->size() >= limit) return;
    if (side.dist[u] == 0) {
      out->emplace_back(chain.rbegin(), chain.rend());
      return;
    }
    for (const Neighbor& n : index.NeighborsOf(u)) {
      if (side.dist[n.entity] != side.dist[u] - 1 || !StatusPasses(n.statuses, status)) continue;
      chain.push_back(n.entity);
      walk(n.entity);
      chain.pop_back();
    }
  };
  walk(v);
}

}  // namespace

Result<PathResult> FindPaths(const GraphIndex& index, int64_t from, int64_t to,
                             const PathOptions& options) {
  if (options.max_hops < 0 || options.max_paths < 1) {
    return Status::InvalidArgument("max_hops must be >= 0 and max_paths >= 1");
  }
  TG_ASSIGN_OR_RETURN(uint32_t pa, EntityPosition(index, from));
  TG_ASSIGN_OR_RETURN(uint32_t pb, EntityPosition(index, to));
  PathResult result;
  result.from = from;
  result.to = to;
  if (pa == pb) {
    result.hops = 0;
    result.paths.push_back(Path{{from}, {}});
    return result;
  }
  Side a, b;
  a.dist.assign(index.entity_count(), -1);
  b.dist.assign(index.entity_count(), -1);
  a.dist[pa] = 0;
  b.dist[pb] = 0;
  a.frontier = {pa};
  b.frontier = {pb};
  std::vector<uint32_t> met;
  bool a_expanded = false;
  while (met.empty() && a.depth + b.depth < options.max_hops && !a.frontier.empty() &&
         !b.frontier.empty()) {
    a_expanded = a.frontier.size() <= b.frontier.size();
    met = a_expanded ? Expand(index, options.status, &a, b) : Expand(index, options.status, &b, a);
  }
  if (met.empty()) return result;
  result.hops = a.depth + b.depth;
  // Every shortest chain crosses the layer just reached at one of `met`:
  // join each chain from A to it with each chain from it to B.
  const size_t limit = static_cast<size_t>(options.max_paths) + 1;
  std::vector<std::vector<uint32_t>> chains;
  std::sort(met.begin(), met.end());
  for (uint32_t m : met) {
    std::vector<std::vector<uint32_t>> left, right;
    ChainsToRoot(index, options.status, a, m, limit, &left);
    ChainsToRoot(index, options.status, b, m, limit, &right);
    for (const auto& l : left) {
      for (const auto& r : right) {
        if (chains.size() >= limit) break;
        std::vector<uint32_t> chain = l;
        chain.insert(chain.end(), r.rbegin() + 1, r.rend());
        chains.push_back(std::move(chain));
      }
    }
  }
  if (chains.size() > static_cast<size_t>(options.max_paths)) {
    chains.resize(static_cast<size_t>(options.max_paths));
    result.truncated = true;
  }
  // Name order, so that output is stable whatever the positions.
  auto names = [&](const std::vector<uint32_t>& chain) {
    std::vector<std::string_view> n;
    for (uint32_t p : chain) n.push_back(index.EntityAt(p).name);
    return n;
  };
  std::sort(chains.begin(), chains.end(),
            [&](const auto& x, const auto& y) { return names(x) < names(y); });
  for (const auto& chain : chains) {
    Path path;
    for (size_t i = 0; i < chain.size(); ++i) {
      path.entities.push_back(index.EntityAt(chain[i]).id);
      if (i == 0) continue;
      path.hops.push_back(PathHop{index.EntityAt(chain[i - 1]).id, index.EntityAt(chain[i]).id,
                                  PairEvents(index, chain[i - 1], chain[i], options.status)});
    }
    result.paths.push_back(std::move(path));
  }
  return result;
}

Result<EgoResult> Ego(const GraphIndex& index, int64_t center, const EgoOptions& options) {
  if (options.depth < 0 || options.max_nodes < 1) {
    return Status::InvalidArgument("depth must be >= 0 and max_nodes >= 1");
  }
  TG_ASSIGN_OR_RETURN(uint32_t c, EntityPosition(index, center));
  EgoResult result;
  result.center = center;
  std::unordered_map<uint32_t, int> depth_of = {{c, 0}};
  std::vector<uint32_t> layer = {c};
  std::vector<uint32_t> kept = {c};
  for (int d = 1; d <= options.depth && !layer.empty() && !result.truncated; ++d) {
    // Strength of each new node: meetings with the layer before it.
    std::unordered_map<uint32_t, uint32_t> strength;
    for (uint32_t u : layer) {
      for (const Neighbor& n : index.NeighborsOf(u)) {
        if (depth_of.count(n.entity) > 0 || !StatusPasses(n.statuses, options.status)) continue;
        strength[n.entity] += n.count;
      }
    }
    std::vector<std::pair<uint32_t, uint32_t>> next(strength.begin(), strength.end());
    std::sort(next.begin(), next.end(), [&](const auto& x, const auto& y) {
      if (x.second != y.second) return x.second > y.second;
      return index.EntityAt(x.first).id < index.EntityAt(y.first).id;
    });
    layer.clear();
    for (const auto& [p, s] : next) {
      if (kept.size() >= static_cast<size_t>(options.max_nodes)) {
        result.truncated = true;
        break;
      }
      depth_of[p] = d;
      layer.push_back(p);
      kept.push_back(p);
    }
  }
  for (uint32_t p : kept) result.nodes.push_back(EgoNode{index.EntityAt(p).id, depth_of[p]});
  for (uint32_t u : kept) {
    for (const Neighbor& n : index.NeighborsOf(u)) {
      if (depth_of.count(n.entity) == 0 || !StatusPasses(n.statuses, options.status)) continue;
      const int64_t a = index.EntityAt(u).id;
      const int64_t b = index.EntityAt(n.entity).id;
      if (a >= b) continue;
      std::vector<int64_t> events = PairEvents(index, u, n.entity, options.status);
      if (!events.empty()) result.edges.push_back(EgoEdge{a, b, std::move(events)});
    }
  }
  std::sort(result.edges.begin(), result.edges.end(), [](const EgoEdge& x, const EgoEdge& y) {
    return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
  });
  return result;
}

}  // namespace tg::query
