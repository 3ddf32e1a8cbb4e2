// Tests for paths, neighbourhoods and rankings (src/query/query.h), with
// brute-force references on random graphs.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <queue>
#include <random>
#include <set>

#include "query/query.h"
#include "query/test_graph.h"
#include "testing/status_matchers.h"

namespace tg::query {
namespace {

// `n` people, `m` meetings of two or three of them with random statuses.
store::Graph RandomGraph(int n, int m, uint32_t seed) {
  std::mt19937 rng(seed);
  store::Graph g;
  for (int i = 1; i <= n; ++i) {
    g.entities.push_back(testing::Person(i, "Person " + std::to_string(i), "", "", "", 1));
  }
  const char* statuses[] = {"occurred", "occurred", "planned", "denied"};
  for (int e = 1; e <= m; ++e) {
    std::set<int64_t> who;
    const int k = 2 + static_cast<int>(rng() % 4 == 0);
    while (static_cast<int>(who.size()) < k) who.insert(1 + rng() % n);
    g.events.push_back(testing::Meeting(e, {who.begin(), who.end()}, "2024-01-01",
                                        statuses[rng() % 4], {}));
  }
  return g;
}

// Plain adjacency between store ids, from meetings passing kAny.
std::map<int64_t, std::set<int64_t>> Adjacency(const store::Graph& g) {
  std::map<int64_t, std::set<int64_t>> adj;
  for (const auto& e : g.entities) adj[e.id];
  for (const auto& ev : g.events) {
    if (ev.kind != "meeting" || ev.status == "denied") continue;
    for (int64_t a : ev.participants) {
      for (int64_t b : ev.participants) {
        if (a != b) adj[a].insert(b);
      }
    }
  }
  return adj;
}

// Distances and shortest-path counts from `s`.
void Bfs(const std::map<int64_t, std::set<int64_t>>& adj, int64_t s, std::map<int64_t, int>* dist,
         std::map<int64_t, double>* sigma) {
  std::queue<int64_t> q;
  (*dist)[s] = 0;
  (*sigma)[s] = 1;
  q.push(s);
  while (!q.empty()) {
    const int64_t v = q.front();
    q.pop();
    for (int64_t w : adj.at(v)) {
      if (dist->count(w) == 0) {
        (*dist)[w] = (*dist)[v] + 1;
        q.push(w);
      }
      if ((*dist)[w] == (*dist)[v] + 1) (*sigma)[w] += (*sigma)[v];
    }
  }
}

// Betweenness by its definition: for each pair, the share of shortest paths through v.
std::map<int64_t, double> ReferenceBetweenness(const std::map<int64_t, std::set<int64_t>>& adj) {
  std::map<int64_t, std::map<int64_t, int>> dist;
  std::map<int64_t, std::map<int64_t, double>> sigma;
  for (const auto& [v, _] : adj) Bfs(adj, v, &dist[v], &sigma[v]);
  std::map<int64_t, double> bc;
  for (const auto& [s, _] : adj) {
    for (const auto& [t, __] : adj) {
      if (s >= t || dist[s].count(t) == 0) continue;
      for (const auto& [v, ___] : adj) {
        if (v == s || v == t || dist[s].count(v) == 0 || dist[v].count(t) == 0) continue;
        if (dist[s][v] + dist[v][t] == dist[s][t]) {
          bc[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
        }
      }
    }
  }
  return bc;
}

std::vector<int64_t> Ids(const TopResult& r) {
  std::vector<int64_t> ids;
  for (const RankedEntity& e : r.entries) ids.push_back(e.entity);
  return ids;
}

TEST(PathTest, AllShortestChainsInNameOrder) {
  const auto index = testing::BuildTestIndex();
  ASSERT_OK_AND_ASSIGN(PathResult r, FindPaths(*index, 1, 4, {}));
  EXPECT_EQ(r.hops, 2);
  ASSERT_EQ(r.paths.size(), 3u);
  // Through Han Ji-woo, Lena Strauss, Marta Quillon.
  EXPECT_EQ(r.paths[0].entities, (std::vector<int64_t>{1, 2, 4}));
  EXPECT_EQ(r.paths[1].entities, (std::vector<int64_t>{1, 6, 4}));
  EXPECT_EQ(r.paths[2].entities, (std::vector<int64_t>{1, 3, 4}));
  ASSERT_EQ(r.paths[2].hops.size(), 2u);
  EXPECT_EQ(r.paths[2].hops[0].events, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(r.paths[2].hops[1].events, (std::vector<int64_t>{3}));
  EXPECT_FALSE(r.truncated);
}

TEST(PathTest, FiltersLimitsAndEdgeCases) {
  const auto index = testing::BuildTestIndex();
  PathOptions occurred;
  occurred.status = StatusFilter::kOccurred;
  ASSERT_OK_AND_ASSIGN(PathResult r, FindPaths(*index, 1, 4, occurred));
  ASSERT_EQ(r.paths.size(), 3u);
  EXPECT_EQ(r.paths[2].hops[0].events, (std::vector<int64_t>{1}));  // not the planned one
  PathOptions planned;
  planned.status = StatusFilter::kPlanned;
  ASSERT_OK_AND_ASSIGN(r, FindPaths(*index, 1, 4, planned));
  EXPECT_EQ(r.hops, -1);
  PathOptions short_hops;
  short_hops.max_hops = 1;
  ASSERT_OK_AND_ASSIGN(r, FindPaths(*index, 1, 4, short_hops));
  EXPECT_EQ(r.hops, -1);
  EXPECT_TRUE(r.paths.empty());
  PathOptions two;
  two.max_paths = 2;
  ASSERT_OK_AND_ASSIGN(r, FindPaths(*index, 1, 4, two));
  EXPECT_EQ(r.paths.size(), 2u);
  EXPECT_TRUE(r.truncated);
  // Park -> Kim Do-yun (CEO): the denied meeting with Strauss is no link.
  ASSERT_OK_AND_ASSIGN(r, FindPaths(*index, 5, 7, {}));
  EXPECT_EQ(r.hops, 3);
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].entities, (std::vector<int64_t>{5, 1, 2, 7}));
  ASSERT_OK_AND_ASSIGN(r, FindPaths(*index, 1, 8, {}));  // the professor met no one
  EXPECT_EQ(r.hops, -1);
  ASSERT_OK_AND_ASSIGN(r, FindPaths(*index, 3, 3, {}));
  EXPECT_EQ(r.hops, 0);
  EXPECT_EQ(FindPaths(*index, 1, 404, {}).error().code(), StatusCode::kNotFound);
}

TEST(PathTest, MatchesBreadthFirstReferenceOnRandomGraphs) {
  for (uint32_t seed = 1; seed <= 8; ++seed) {
    const store::Graph g = RandomGraph(60, 70, seed);
    const auto adj = Adjacency(g);
    ASSERT_OK_AND_ASSIGN(auto index, GraphIndex::Build(g));
    PathOptions options;
    options.max_hops = 60;
    options.max_paths = 100000;
    for (int64_t s = 1; s <= 60; s += 7) {
      std::map<int64_t, int> dist;
      std::map<int64_t, double> sigma;
      Bfs(adj, s, &dist, &sigma);
      for (int64_t t = 1; t <= 60; t += 3) {
        ASSERT_OK_AND_ASSIGN(PathResult r, FindPaths(*index, s, t, options));
        SCOPED_TRACE("seed " + std::to_string(seed) + " " + std::to_string(s) + "->" +
                     std::to_string(t));
        if (dist.count(t) == 0) {
          EXPECT_EQ(r.hops, -1);
          continue;
        }
        EXPECT_EQ(r.hops, dist[t]);
        EXPECT_EQ(static_cast<double>(r.paths.size()), sigma[t]);
        std::set<std::vector<int64_t>> distinct;
        for (const Path& p : r.paths) {
          distinct.insert(p.entities);
          ASSERT_EQ(p.entities.size(), static_cast<size_t>(dist[t]) + 1);
          for (size_t i = 1; i < p.entities.size(); ++i) {
            EXPECT_EQ(adj.at(p.entities[i - 1]).count(p.entities[i]), 1u);
            EXPECT_FALSE(p.hops[i - 1].events.empty());
          }
        }
        EXPECT_EQ(distinct.size(), r.paths.size());
      }
    }
  }
}

TEST(EgoTest, NeighbourhoodByDepth) {
  const auto index = testing::BuildTestIndex();
  EgoOptions one;
  one.depth = 1;
  ASSERT_OK_AND_ASSIGN(EgoResult r, Ego(*index, 3, one));
  std::vector<int64_t> nodes;
  for (const EgoNode& n : r.nodes) nodes.push_back(n.entity);
  EXPECT_EQ(nodes, (std::vector<int64_t>{3, 1, 4}));
  ASSERT_EQ(r.edges.size(), 2u);
  EXPECT_EQ(r.edges[0].a, 1);
  EXPECT_EQ(r.edges[0].b, 3);
  EXPECT_EQ(r.edges[0].events, (std::vector<int64_t>{1, 2}));

  ASSERT_OK_AND_ASSIGN(r, Ego(*index, 3, {}));
  nodes.clear();
  for (const EgoNode& n : r.nodes) nodes.push_back(n.entity);
  EXPECT_EQ(nodes, (std::vector<int64_t>{3, 1, 4, 2, 6, 5}));
  EXPECT_EQ(r.nodes.back().depth, 2);
  EXPECT_EQ(r.edges.size(), 8u);  // not 5-6: that meeting was denied
  EXPECT_FALSE(r.truncated);

  EgoOptions small;
  small.max_nodes = 4;
  ASSERT_OK_AND_ASSIGN(r, Ego(*index, 3, small));
  EXPECT_EQ(r.nodes.size(), 4u);
  EXPECT_TRUE(r.truncated);
}

TEST(TopTest, DegreeOfPersonsAndOrgs) {
  const auto index = testing::BuildTestIndex();
  ASSERT_OK_AND_ASSIGN(TopResult r, Top(*index, {}));
  EXPECT_EQ(Ids(r), (std::vector<int64_t>{1, 2, 4, 6, 3, 7, 5}));
  EXPECT_EQ(r.entries[0].score, 4);
  EXPECT_EQ(r.entries[0].meetings, 4);

  TopOptions ai;
  ai.filter.topic = "AI";
  ASSERT_OK_AND_ASSIGN(r, Top(*index, ai));
  EXPECT_EQ(Ids(r), (std::vector<int64_t>{3, 1, 4}));

  TopOptions orgs;
  orgs.kind = EntityKind::kOrg;
  ASSERT_OK_AND_ASSIGN(r, Top(*index, orgs));
  std::vector<std::string> names;
  for (const RankedEntity& e : r.entries) names.push_back(index->FindEntity(e.entity)->name);
  EXPECT_EQ(names, (std::vector<std::string>{"Daeyang Electronics", "Daeyang Group",
                                             "Norvane Capital", "O'Hare, Quist & Co. <Berlin>",
                                             "Veltrix Systems", "Hanul Bio"}));
  TopOptions limited;
  limited.limit = 2;
  ASSERT_OK_AND_ASSIGN(r, Top(*index, limited));
  EXPECT_EQ(Ids(r), (std::vector<int64_t>{1, 2}));
}

TEST(TopTest, BetweennessMatchesDefinition) {
  for (uint32_t seed : {0u, 11u, 12u, 13u}) {
    const store::Graph g = seed == 0 ? testing::MakeTestGraph() : RandomGraph(40, 60, seed);
    const auto expected = ReferenceBetweenness(Adjacency(g));
    ASSERT_OK_AND_ASSIGN(auto index, GraphIndex::Build(g));
    TopOptions options;
    options.by = Measure::kBetweenness;
    options.limit = 1000;
    ASSERT_OK_AND_ASSIGN(TopResult r, Top(*index, options));
    EXPECT_FALSE(r.estimated);
    for (const RankedEntity& e : r.entries) {
      const double want = expected.count(e.entity) ? expected.at(e.entity) : 0.0;
      EXPECT_NEAR(e.score, want, 1e-9) << "seed " << seed << " entity " << e.entity;
    }
  }
}

TEST(TopTest, SampledBetweennessIsCloseOnALargerGraph) {
  const store::Graph g = RandomGraph(300, 600, 5);
  ASSERT_OK_AND_ASSIGN(auto index, GraphIndex::Build(g));
  TopOptions exact;
  exact.by = Measure::kBetweenness;
  exact.limit = 5;
  ASSERT_OK_AND_ASSIGN(TopResult want, Top(*index, exact));
  TopOptions sampled = exact;
  sampled.exact_betweenness_nodes = 10;
  sampled.betweenness_samples = 150;
  ASSERT_OK_AND_ASSIGN(TopResult got, Top(*index, sampled));
  EXPECT_TRUE(got.estimated);
  // The top entity's estimate is within 35% of the exact score.
  EXPECT_NEAR(got.entries[0].score, want.entries[0].score, 0.35 * want.entries[0].score);
}

TEST(TopTest, PageRankIsADistribution) {
  const auto index = testing::BuildTestIndex();
  TopOptions options;
  options.by = Measure::kPageRank;
  options.limit = 100;
  options.kind = EntityKind::kAny;
  ASSERT_OK_AND_ASSIGN(TopResult r, Top(*index, options));
  double persons = 0;
  for (const RankedEntity& e : r.entries) {
    EXPECT_GT(e.score, 0);
    if (index->FindEntity(e.entity)->type == "PERSON") persons += e.score;
  }
  EXPECT_NEAR(persons, 1.0, 1e-6);  // the person graph's ranks sum to one
  // Han Seo-jun (4 partners, 4 meetings) ranks first among persons.
  for (const RankedEntity& e : r.entries) {
    if (index->FindEntity(e.entity)->type != "PERSON") continue;
    EXPECT_EQ(e.entity, 1);
    break;
  }
  EXPECT_EQ(ParseMeasure("closeness").error().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tg::query
