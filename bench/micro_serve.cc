// Load test of the HTTP API (src/serve): requests per second for
// GET /api/who-met on loopback, from 1-8 client threads, each with its own
// keep-alive connection (our own client: wrk is not installed), against an
// in-process server over a generated resolved graph of ~100,000+ documents'
// worth of events (40,000 people in 1,500 organisations, 250,000 meetings
// and trips with 1-3 reports each, about 330,000 reports). The server runs
// on the same machine as the clients, so the figure is for both together.
//
// Three request mixes: who-met for people drawn uniformly from all 40,000
// (each person as likely to be asked about: the headline figure); who-met
// drawn as people are mentioned, so a fifth of the requests ask about the 1%
// of hubs with thousands of meetings (a stress mix, bounded by the query and
// its JSON); and /api/health, the HTTP floor of the server and client. The
// who-met mixes run against two servers over the same database: /cache:0
// without the answer cache, /cache:1 with it (64 MiB, answers that took 2 ms
// or more); cache_hit_rate is the cache's hits over lookups during the run.
//
// Counters: requests_per_second (all threads), p50_ms and p99_ms per request,
// errors (non-200 answers; must be 0), bytes_per_request.
#include <benchmark/benchmark.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/check.h"
#include "serve/http.h"
#include "serve/server.h"
#include "store/sqlite_store.h"

namespace tg::serve {
namespace {

namespace fs = std::filesystem;

constexpr int kPeople = 40000;
constexpr int kOrgs = 1500;
constexpr int kEvents = 250000;

// Picks from [0, n) with a heavy head: a few people meet very many.
uint32_t Popular(std::mt19937_64& rng, uint32_t n) {
  const double u = std::uniform_real_distribution<double>(0, 1)(rng);
  return std::min(n - 1, static_cast<uint32_t>(n * u * u * u));
}

// A generated graph: fictional names, dates over ten years, a few topics.
store::Graph MakeGraph() {
  std::mt19937_64 rng(2025);
  static const char* kFamily[] = {"Arnott", "Brisk", "Calder", "Dunmore", "Elling", "Farrow",
                                  "Gasket", "Holm",  "Ives",   "Jessop",  "Kettle", "Lorne"};
  static const char* kFirst[] = {"Ada", "Bo", "Cy",  "Di", "Eli", "Fay", "Gus", "Hal",
                                 "Ida", "Jo", "Kit", "Lu", "Mo",  "Ned", "Oz",  "Pia"};
  static const char* kTopic[] = {"AI chips", "batteries", "shipbuilding", "cloud",
                                 "trade",    "robotics",  "biotech",      "steel"};
  store::Graph graph;
  for (int i = 0; i < kPeople; ++i) {
    store::GraphEntity person;
    person.id = i + 1;
    person.key = "bench:" + std::to_string(i);
    person.name =
        std::string(kFirst[rng() % 16]) + " " + kFamily[rng() % 12] + "-" + std::to_string(i);
    person.name_en = person.name;
    person.aliases = {person.name};
    person.title = rng() % 2 ? "CEO" : "Chairman";
    person.org = "Corvale " + std::to_string(Popular(rng, kOrgs)) + " Group";
    person.docs = 1 + static_cast<int64_t>(rng() % 40);
    graph.entities.push_back(std::move(person));
  }
  int64_t report = 0;
  for (int e = 0; e < kEvents; ++e) {
    store::GraphEvent event;
    event.id = e + 1;
    event.kind = e % 12 == 0 ? "trip" : "meeting";
    const size_t people = event.kind == "trip" ? 1 : 2 + (rng() % 6 == 0);
    while (event.participants.size() < people) {
      const int64_t id = 1 + Popular(rng, kPeople);
      if (std::find(event.participants.begin(), event.participants.end(), id) ==
          event.participants.end()) {
        event.participants.push_back(id);
      }
    }
    std::sort(event.participants.begin(), event.participants.end());
    if (event.kind == "trip") event.traveler = event.participants[0];
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2016 + static_cast<int>(rng() % 10),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    event.date = date;
    event.place = rng() % 3 ? "Seoul" : "Busan";
    event.status = rng() % 6 == 0 ? "planned" : "occurred";
    event.topics = {kTopic[rng() % 8]};
    event.confidence = 0.8;
    for (int r = 1 + (rng() % 4 == 0) + (rng() % 10 == 0); r > 0; --r) {
      store::EventSource source;
      source.doc_id = ++report;
      source.doc = "bench-doc-" + std::to_string(report);
      source.published = event.date;
      source.status = event.status;
      source.date = event.date;
      source.evidence = "Generated report " + std::to_string(report) + " of event " +
                        std::to_string(event.id) + ".";
      event.docs.push_back(source.doc);
      event.sources.push_back(std::move(source));
    }
    graph.events.push_back(std::move(event));
  }
  return graph;
}

struct Fixture {
  fs::path dir;
  std::unique_ptr<Server> servers[2];  // without and with the answer cache
  std::vector<std::string> uniform;    // who-met requests, one for every person
  std::vector<std::string> popular;    // ... for people drawn as mentioned (hubs often)
  std::vector<std::string> health;
  int64_t reports = 0;
};

// The server and its database, built once for every benchmark run.
Fixture& Shared() {
  static Fixture* fixture = [] {
    auto f = new Fixture();
    f->dir = fs::temp_directory_path() / ("tg-bench-serve-" + std::to_string(::getpid()));
    fs::create_directories(f->dir);
    const std::string db = (f->dir / "bench.db").string();
    store::Graph graph = MakeGraph();
    for (const store::GraphEvent& e : graph.events) f->reports += e.sources.size();
    // Requests by name, so name resolution is part of each.
    std::mt19937_64 rng(9);
    auto who_met = [&](uint32_t person) {
      return "/api/who-met?limit=20&name=" + EncodeQueryValue(graph.entities[person].name);
    };
    for (uint32_t i = 0; i < kPeople; ++i) f->uniform.push_back(who_met(i));
    for (int i = 0; i < 4000; ++i) f->popular.push_back(who_met(Popular(rng, kPeople)));
    f->health = {"/api/health"};
    {
      store::SqliteOptions options;
      options.path = db;
      auto store = store::OpenSqliteStore(options);
      TG_CHECK(store.has_value());
      TG_CHECK((*store)->PutGraph(graph).ok());
    }
    for (int cached = 0; cached < 2; ++cached) {
      ServerOptions options;
      options.db = db;
      options.port = 0;
      options.threads = 16;
      options.cache_bytes = cached ? size_t{64} << 20 : 0;
      auto server = Server::Create(options);
      TG_CHECK(server.has_value());
      f->servers[cached] = std::move(server).value();
      TG_CHECK(f->servers[cached]->Start().ok());
    }
    std::atexit([] {
      Fixture& s = Shared();
      for (auto& server : s.servers) server->Stop();
      std::error_code ec;
      fs::remove_all(s.dir, ec);
    });
    return f;
  }();
  return *fixture;
}

// The answer cache's hits and lookups so far, from /api/stats.
std::pair<double, double> CacheCounts(int port) {
  httplib::Client client("127.0.0.1", port);
  httplib::Result stats = client.Get("/api/stats");
  if (!stats || stats->status != 200) return {0, 0};
  const nlohmann::json cache = nlohmann::json::parse(stats->body)["server"].value(
      "cache", nlohmann::json{{"hits", 0}, {"misses", 0}});
  const double hits = cache["hits"];
  return {hits, hits + cache["misses"].get<double>()};
}

// Each benchmark thread is one client with its own keep-alive connection,
// sending requests drawn from `targets` back to back to server `which`.
void RunLoad(benchmark::State& state, const std::vector<std::string>& targets, int which) {
  Fixture& fixture = Shared();
  const int port = fixture.servers[which]->port();
  const std::pair<double, double> cache_before =
      state.thread_index() == 0 ? CacheCounts(port) : std::pair<double, double>();
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  // A new request sequence for every run and thread, so that a run does not
  // find the answers of an earlier run with the same seed in the cache.
  static std::atomic<uint64_t> runs{0};
  std::mt19937_64 rng(runs.fetch_add(1) + 1);
  std::vector<double> ms;
  int64_t errors = 0, bytes = 0;
  // Every thread runs the same number of iterations between two barriers (the
  // loop's start and end), so thread 0's wall time spans all the requests.
  const auto wall_start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const std::string& target = targets[rng() % targets.size()];
    const auto start = std::chrono::steady_clock::now();
    httplib::Result result = client.Get(target);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    if (!result || result->status != 200) {
      ++errors;
    } else {
      bytes += static_cast<int64_t>(result->body.size());
    }
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  std::sort(ms.begin(), ms.end());
  const double n = static_cast<double>(ms.size());
  // Counters are summed over threads: only thread 0 reports the total rate.
  state.counters["requests_per_second"] =
      state.thread_index() == 0 ? n * state.threads() / std::max(wall, 1e-9) : 0.0;
  state.counters["errors"] = benchmark::Counter(static_cast<double>(errors));
  state.counters["bytes_per_request"] = benchmark::Counter(
      static_cast<double>(bytes) / std::max(1.0, n), benchmark::Counter::kAvgThreads);
  state.counters["p50_ms"] =
      benchmark::Counter(ms.empty() ? 0 : ms[ms.size() / 2], benchmark::Counter::kAvgThreads);
  state.counters["p99_ms"] = benchmark::Counter(ms.empty() ? 0 : ms[ms.size() * 99 / 100],
                                                benchmark::Counter::kAvgThreads);
  state.counters["reports"] =
      benchmark::Counter(static_cast<double>(fixture.reports), benchmark::Counter::kAvgThreads);
  if (state.thread_index() == 0 && which == 1) {
    const std::pair<double, double> cache_after = CacheCounts(port);
    const double lookups = cache_after.second - cache_before.second;
    state.counters["cache_hit_rate"] =
        lookups > 0 ? (cache_after.first - cache_before.first) / lookups : 0;
  }
}
void BM_ServeWhoMet(benchmark::State& state) {
  RunLoad(state, Shared().uniform, static_cast<int>(state.range(0)));
}
void BM_ServeWhoMetHubs(benchmark::State& state) {
  RunLoad(state, Shared().popular, static_cast<int>(state.range(0)));
}
void BM_ServeHealth(benchmark::State& state) { RunLoad(state, Shared().health, 0); }

BENCHMARK(BM_ServeWhoMet)
    ->ArgName("cache")
    ->Arg(0)
    ->Arg(1)
    ->ThreadRange(1, 8)
    ->UseRealTime()
    ->MinTime(3.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ServeWhoMetHubs)
    ->ArgName("cache")
    ->Arg(0)
    ->Arg(1)
    ->Threads(4)
    ->UseRealTime()
    ->MinTime(3.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ServeHealth)->Threads(4)->UseRealTime()->MinTime(3.0)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace tg::serve
