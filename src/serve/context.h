#pragma once
// What the route handlers share: the server's options, the pool of read
// connections, the current graph snapshot, the ingest writer (null when
// ingest is off) and request counters; plus the helpers every route file
// uses to turn an entity name or id into an entity. Everything here is safe
// to use from many request threads at once.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/graph_index.h"
#include "query/names.h"
#include "query/query.h"
#include "serve/graph_state.h"
#include "serve/http.h"
#include "serve/params.h"
#include "serve/router.h"
#include "serve/server.h"
#include "serve/store_pool.h"

namespace tg::serve {

class Ingester;
class ResponseCache;

struct ServeContext {
  ServerOptions options;
  StorePool* readers = nullptr;
  GraphState* graph = nullptr;
  Ingester* ingester = nullptr;    // null when ingest is off
  ResponseCache* cache = nullptr;  // null when caching is off
  Clock::time_point started = Clock::now();
  std::atomic<int64_t> requests{0};
  std::atomic<int64_t> client_errors{0};  // 4xx answers
  std::atomic<int64_t> server_errors{0};  // 5xx answers
};

// An entity named in a request: a numeric id, or a name in any language or
// alias form resolved through the snapshot's name index. On failure
// `response` is the answer to send: 404 unknown, 409 ambiguous (with the
// candidates), and `entity` is 0.
struct NamedEntity {
  int64_t entity = 0;
  HttpResponse response;
};
NamedEntity ResolveNamed(const query::GraphIndex& index, std::string_view name,
                         query::EntityKind kind = query::EntityKind::kAny);

// Reads the event filter parameters shared by the event and graph routes:
// since, until (dates), topic, status (any|occurred|planned|denied).
query::EventFilter ReadEventFilter(ParamReader* params);

// Each route file registers its routes; `context` must outlive `router`.
void AddServiceRoutes(ServeContext* context, Router* router);   // health, stats, openapi
void AddDocumentRoutes(ServeContext* context, Router* router);  // documents, search
void AddEntityRoutes(ServeContext* context, Router* router);    // entities
void AddEventRoutes(ServeContext* context, Router* router);     // events
void AddGraphRoutes(ServeContext* context, Router* router);     // who-met ... topics, export
void AddIngestRoutes(ServeContext* context, Router* router);    // POST /api/documents

}  // namespace tg::serve
