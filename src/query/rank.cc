// Rankings (Top): degree, betweenness (Brandes; sampled sources on large
// graphs) and PageRank over the person graph or the org graph.
#include "query/rank.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

#include "query/query_internal.h"

namespace tg::query {
namespace {

// A compact undirected weighted graph over local node ids.
struct LocalGraph {
  std::vector<uint32_t> pos;    // local id -> GraphIndex position
  std::vector<uint32_t> start;  // CSR offsets, size nodes + 1
  std::vector<uint32_t> adj;
  std::vector<double> weight;
  std::vector<int64_t> meetings;  // per node: events counted
  size_t size() const { return pos.size(); }
};

// Sorted (local a, local b, weight) triples -> CSR; both directions included.
LocalGraph FromTriples(std::vector<uint32_t> pos,
                       std::vector<std::tuple<uint32_t, uint32_t, double>> triples) {
  std::sort(triples.begin(), triples.end());
  LocalGraph g;
  g.pos = std::move(pos);
  g.start.assign(g.pos.size() + 1, 0);
  g.meetings.assign(g.pos.size(), 0);
  for (const auto& [a, b, w] : triples) ++g.start[a + 1];
  for (size_t i = 0; i < g.pos.size(); ++i) g.start[i + 1] += g.start[i];
  for (const auto& [a, b, w] : triples) {
    g.adj.push_back(b);
    g.weight.push_back(w);
  }
  return g;
}

std::vector<char> PassingEvents(const GraphIndex& index, const EventFilter& filter) {
  std::vector<char> pass(index.event_count());
  for (uint32_t e = 0; e < pass.size(); ++e) {
    pass[e] = index.EventAt(e).kind == "meeting" && EventMatches(index, e, filter);
  }
  return pass;
}

// Entities joined by their meetings: every pair with a passing meeting.
LocalGraph PersonGraph(const GraphIndex& index, const std::vector<char>& pass) {
  std::vector<uint32_t> local(index.entity_count(), kNoIndex);
  std::vector<uint32_t> pos;
  std::vector<std::tuple<uint32_t, uint32_t, double>> triples;
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // (other position, weight)
  std::vector<int64_t> meetings;
  for (uint32_t p = 0; p < index.entity_count(); ++p) {
    edges.clear();
    for (const Neighbor& n : index.NeighborsOf(p)) {
      uint32_t w = 0;
      for (uint32_t e : index.EdgeEvents(n)) w += pass[e] ? 1 : 0;
      if (w > 0) edges.emplace_back(n.entity, w);
    }
    if (edges.empty()) continue;
    if (local[p] == kNoIndex) {
      local[p] = static_cast<uint32_t>(pos.size());
      pos.push_back(p);
    }
    int64_t count = 0;
    for (uint32_t e : index.EventsOf(p)) count += pass[e] ? 1 : 0;
    meetings.resize(pos.size(), 0);
    meetings[local[p]] = count;
    for (const auto& [q, w] : edges) {
      if (local[q] == kNoIndex) {
        local[q] = static_cast<uint32_t>(pos.size());
        pos.push_back(q);
      }
      triples.emplace_back(local[p], local[q], w);
    }
  }
  meetings.resize(pos.size(), 0);
  LocalGraph g = FromTriples(std::move(pos), std::move(triples));
  g.meetings = std::move(meetings);
  return g;
}

// Orgs joined when their people (or they themselves) met: one unit of weight
// per meeting for every pair of distinct orgs among its participants.
LocalGraph OrgGraph(const GraphIndex& index, const std::vector<char>& pass) {
  std::vector<uint32_t> local(index.entity_count(), kNoIndex);
  std::vector<uint32_t> pos;
  std::unordered_map<uint64_t, double> weights;
  std::vector<int64_t> meetings;
  std::vector<uint32_t> orgs;
  for (uint32_t e = 0; e < index.event_count(); ++e) {
    if (!pass[e]) continue;
    orgs.clear();
    for (int64_t id : index.EventAt(e).participants) {
      const uint32_t p = index.EntityIndex(id);
      const uint32_t org = index.IsOrg(p) ? p : index.OrgOf(p);
      if (org != kNoIndex) orgs.push_back(org);
    }
    std::sort(orgs.begin(), orgs.end());
    orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
    if (orgs.size() < 2) continue;
    for (uint32_t o : orgs) {
      if (local[o] == kNoIndex) {
        local[o] = static_cast<uint32_t>(pos.size());
        pos.push_back(o);
        meetings.push_back(0);
      }
      ++meetings[local[o]];
    }
    for (size_t i = 0; i < orgs.size(); ++i) {
      for (size_t j = i + 1; j < orgs.size(); ++j) {
        const uint64_t x = local[orgs[i]], y = local[orgs[j]];
        weights[(x << 32) | y] += 1;
        weights[(y << 32) | x] += 1;
      }
    }
  }
  std::vector<std::tuple<uint32_t, uint32_t, double>> triples;
  triples.reserve(weights.size());
  for (const auto& [key, w] : weights) {
    triples.emplace_back(static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key), w);
  }
  LocalGraph g = FromTriples(std::move(pos), std::move(triples));
  g.meetings = std::move(meetings);
  return g;
}

// Brandes' accumulation from the given sources (unweighted shortest paths).
// Each unordered pair is counted from both ends, hence the halving.
std::vector<double> Betweenness(const LocalGraph& g, const std::vector<uint32_t>& sources,
                                double scale) {
  const size_t n = g.size();
  std::vector<double> score(n, 0), delta(n), sigma(n);
  std::vector<int32_t> dist(n);
  std::vector<uint32_t> order, queue;
  order.reserve(n);
  queue.reserve(n);
  for (uint32_t s : sources) {
    std::fill(dist.begin(), dist.end(), -1);
    std::fill(sigma.begin(), sigma.end(), 0);
    std::fill(delta.begin(), delta.end(), 0);
    order.clear();
    queue.assign(1, s);
    dist[s] = 0;
    sigma[s] = 1;
    for (size_t head = 0; head < queue.size(); ++head) {
      const uint32_t v = queue[head];
      order.push_back(v);
      for (uint32_t k = g.start[v]; k < g.start[v + 1]; ++k) {
        const uint32_t w = g.adj[k];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const uint32_t w = *it;
      for (uint32_t k = g.start[w]; k < g.start[w + 1]; ++k) {
        const uint32_t v = g.adj[k];
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
      }
      if (w != s) score[w] += delta[w];
    }
  }
  for (double& x : score) x *= scale / 2;
  return score;
}

// Weighted PageRank, damping 0.85; a node's rank flows to its partners in
// proportion to meetings. Every node here has an edge, so none dangles.
std::vector<double> PageRank(const LocalGraph& g) {
  const size_t n = g.size();
  if (n == 0) return {};
  std::vector<double> out_weight(n, 0);
  for (size_t v = 0; v < n; ++v) {
    for (uint32_t k = g.start[v]; k < g.start[v + 1]; ++k) out_weight[v] += g.weight[k];
  }
  constexpr double kDamping = 0.85;
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int iter = 0; iter < 100; ++iter) {
    std::fill(next.begin(), next.end(), (1 - kDamping) / n);
    for (size_t v = 0; v < n; ++v) {
      const double share = kDamping * rank[v] / out_weight[v];
      for (uint32_t k = g.start[v]; k < g.start[v + 1]; ++k) next[g.adj[k]] += share * g.weight[k];
    }
    double change = 0;
    for (size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < 1e-10) break;
  }
  return rank;
}

void Score(const GraphIndex& index, const LocalGraph& g, const TopOptions& options,
           TopResult* result) {
  std::vector<double> score;
  switch (options.by) {
    case Measure::kDegree:
      score.resize(g.size());
      for (size_t v = 0; v < g.size(); ++v) score[v] = g.start[v + 1] - g.start[v];
      break;
    case Measure::kBetweenness: {
      std::vector<uint32_t> sources(g.size());
      for (uint32_t v = 0; v < sources.size(); ++v) sources[v] = v;
      double scale = 1;
      if (g.size() > static_cast<size_t>(options.exact_betweenness_nodes) &&
          g.size() > static_cast<size_t>(options.betweenness_samples)) {
        std::mt19937_64 rng(options.seed);
        std::shuffle(sources.begin(), sources.end(), rng);
        sources.resize(static_cast<size_t>(std::max(1, options.betweenness_samples)));
        scale = static_cast<double>(g.size()) / sources.size();
        result->estimated = true;
      }
      score = Betweenness(g, sources, scale);
      break;
    }
    case Measure::kPageRank:
      score = PageRank(g);
      break;
  }
  for (size_t v = 0; v < g.size(); ++v) {
    const uint32_t p = g.pos[v];
    const bool wanted = options.kind == EntityKind::kAny ||
                        (options.kind == EntityKind::kPerson && index.IsPerson(p)) ||
                        (options.kind == EntityKind::kOrg && index.IsOrg(p));
    if (!wanted) continue;
    result->entries.push_back(RankedEntity{index.EntityAt(p).id, score[v],
                                           static_cast<int64_t>(g.start[v + 1] - g.start[v]),
                                           g.meetings[v]});
  }
}

}  // namespace

Result<Measure> ParseMeasure(std::string_view text) {
  if (text == "degree") return Measure::kDegree;
  if (text == "betweenness") return Measure::kBetweenness;
  if (text == "pagerank") return Measure::kPageRank;
  return Status::InvalidArgument("measure must be degree, betweenness or pagerank, not \"", text,
                                 "\"");
}

Result<TopResult> Top(const GraphIndex& index, const TopOptions& options) {
  TG_RETURN_IF_ERROR(ValidateFilter(options.filter));
  if (options.limit < 0) return Status::InvalidArgument("limit must be >= 0");
  const std::vector<char> pass = PassingEvents(index, options.filter);
  TopResult result;
  if (options.kind != EntityKind::kOrg) {
    TopOptions persons = options;
    persons.kind = EntityKind::kPerson;
    Score(index, PersonGraph(index, pass), persons, &result);
  }
  if (options.kind != EntityKind::kPerson) {
    TopOptions orgs = options;
    orgs.kind = EntityKind::kOrg;
    Score(index, OrgGraph(index, pass), orgs, &result);
  }
  auto before = [&](const RankedEntity& a, const RankedEntity& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.meetings != b.meetings) return a.meetings > b.meetings;
    const std::string& na = index.FindEntity(a.entity)->name;
    const std::string& nb = index.FindEntity(b.entity)->name;
    if (na != nb) return na < nb;
    return a.entity < b.entity;
  };
  const size_t keep = std::min(result.entries.size(), static_cast<size_t>(options.limit));
  std::partial_sort(result.entries.begin(), result.entries.begin() + keep, result.entries.end(),
                    before);
  result.entries.resize(keep);
  return result;
}

}  // namespace tg::query
