// Events: GET /api/events (merged meetings and trips, filtered and
// paginated) and GET /api/events/{id} (one event with its sources, their
// evidence sentences and every document carrying it).
#include <charconv>

#include "query/json.h"
#include "query/query.h"
#include "serve/context.h"
#include "serve/params.h"

namespace tg::serve {

namespace {

HttpResponse ListEvents(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string entity_name = params.String("entity");
  const std::string kind = params.Choice("kind", "any", {"any", "meeting", "trip"});
  const query::EventFilter filter = ReadEventFilter(&params);
  const Page page = ReadPage(&params, context->options.default_page, context->options.max_page);
  if (!params.ok()) return params.Error();
  const std::shared_ptr<const GraphSnapshot> snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  auto keep = [&](uint32_t e) {
    return (kind == "any" || index.EventAt(e).kind == kind) &&
           query::EventMatches(index, e, filter);
  };
  std::vector<uint32_t> events;
  if (!entity_name.empty()) {
    NamedEntity named = ResolveNamed(index, entity_name);
    if (named.entity == 0) return named.response;
    for (uint32_t e : index.EventsOf(index.EntityIndex(named.entity))) {
      if (keep(e)) events.push_back(e);
    }
  } else {
    for (uint32_t e = 0; e < index.event_count(); ++e) {
      if (keep(e)) events.push_back(e);
    }
  }
  return JsonResponse(PageOf(request, events, page, [&](uint32_t e) {
    return query::EventJson(index, index.EventAt(e));
  }));
}

HttpResponse GetEvent(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string key = params.Path("id");
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec != std::errc() || ptr != key.data() + key.size()) {
    params.Fail("id", "event id must be a number, not '" + key + "'");
  }
  if (!params.ok()) return params.Error();
  const std::shared_ptr<const GraphSnapshot> snapshot = context->graph->Current();
  const store::GraphEvent* event = snapshot->index->FindEvent(id);
  if (event == nullptr) return ErrorResponse(404, kNotFound, "no event with id " + key);
  return JsonResponse(query::EventJson(*snapshot->index, *event));
}

}  // namespace

void AddEventRoutes(ServeContext* context, Router* router) {
  router->Add({"GET",
               "/api/events",
               {"entity", "kind", "since", "until", "topic", "status", "limit", "offset"},
               {},
               /*graph_only=*/true},
              [context](const HttpRequest& r) { return ListEvents(context, r); });
  router->Add({"GET", "/api/events/{id}", {}, {}, /*graph_only=*/true},
              [context](const HttpRequest& r) { return GetEvent(context, r); });
}

}  // namespace tg::serve
