// Routes about the service itself: GET /api/health, /api/stats and
// /api/openapi.json (the API's description, compiled in from openapi.json).
#include <chrono>

#include "serve/context.h"
#include "serve/ingester.h"
#include "serve/openapi.h"
#include "serve/response_cache.h"

namespace tg::serve {

namespace {

nlohmann::json GraphSummary(const GraphSnapshot& snapshot) {
  return {{"version", snapshot.version},
          {"loaded_at", snapshot.loaded_at},
          {"entities", snapshot.index->entity_count()},
          {"events", snapshot.index->event_count()}};
}

HttpResponse Health(ServeContext* context) {
  const std::shared_ptr<const GraphSnapshot> snapshot = context->graph->Current();
  return JsonResponse({{"status", "ok"},
                       {"graph", GraphSummary(*snapshot)},
                       {"ingest", context->ingester != nullptr}});
}

HttpResponse Stats(ServeContext* context) {
  Result<StorePool::Lease> store = context->readers->Acquire();
  if (!store.has_value()) return StatusResponse(store.error());
  Result<store::StoreStats> stats = (*store)->Stats();
  if (!stats.has_value()) return StatusResponse(stats.error());
  const std::shared_ptr<const GraphSnapshot> snapshot = context->graph->Current();
  const double uptime = std::chrono::duration<double>(Clock::now() - context->started).count();
  nlohmann::json out = {{"documents",
                         {{"total", stats->documents},
                          {"groups", stats->groups},
                          {"exact_duplicates", stats->exact_duplicates},
                          {"near_duplicates", stats->near_duplicates}}},
                        {"graph", GraphSummary(*snapshot)},
                        {"server",
                         {{"uptime_seconds", uptime},
                          {"requests", context->requests.load()},
                          {"client_errors", context->client_errors.load()},
                          {"server_errors", context->server_errors.load()},
                          {"read_connections", context->readers->opened()},
                          {"threads", context->options.threads},
                          {"ingest", context->ingester != nullptr}}}};
  out["graph"]["persons"] = snapshot->persons;
  out["graph"]["organisations"] = snapshot->organisations;
  out["graph"]["meetings"] = snapshot->meetings;
  out["graph"]["trips"] = snapshot->trips;
  if (context->ingester != nullptr) out["ingest"] = context->ingester->Counters();
  if (context->cache != nullptr) {
    const ResponseCache::Stats cache = context->cache->stats();
    out["server"]["cache"] = {{"hits", cache.hits},
                              {"misses", cache.misses},
                              {"entries", cache.entries},
                              {"bytes", cache.bytes}};
  }
  return JsonResponse(out);
}

}  // namespace

void AddServiceRoutes(ServeContext* context, Router* router) {
  router->Add({"GET", "/api/health", {}},
              [context](const HttpRequest&) { return Health(context); });
  router->Add({"GET", "/api/stats", {}}, [context](const HttpRequest&) { return Stats(context); });
  router->Add({"GET", "/api/openapi.json", {}}, [](const HttpRequest&) {
    HttpResponse response;
    response.body = std::string(OpenApiText());
    return response;
  });
}

}  // namespace tg::serve
