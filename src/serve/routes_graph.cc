// Graph queries, with the parameters of the matching CLI verbs:
// GET /api/who-met, /api/timeline, /api/path, /api/ego, /api/top,
// /api/topics, and GET /api/export (GraphML, GEXF, JSONL, Cypher). Each
// answers from one graph snapshot through src/query and writes the result
// with query/json.h, so the API and `--format json` agree.
#include <sstream>

#include "query/export.h"
#include "query/json.h"
#include "query/query.h"
#include "serve/context.h"
#include "serve/params.h"

namespace tg::serve {

namespace {

using SnapshotPtr = std::shared_ptr<const GraphSnapshot>;

// `tiegraph top --kind`: person (the default), org, or all.
query::EntityKind KindParam(ParamReader* params) {
  const std::string kind = params->Choice("kind", "person", {"person", "org", "all"});
  if (kind == "org") return query::EntityKind::kOrg;
  if (kind == "all") return query::EntityKind::kAny;
  return query::EntityKind::kPerson;
}

query::StatusFilter StatusParam(ParamReader* params) {
  Result<query::StatusFilter> status = query::ParseStatusFilter(
      params->Choice("status", "any", {"any", "occurred", "planned", "denied"}));
  return status.has_value() ? *status : query::StatusFilter::kAny;
}

// A query about one named entity whose answer lists items page by page:
// who-met (counterparts) and timeline (entries). `run` computes the result,
// `items` picks its list, `to_json` writes it.
template <typename Run, typename Items, typename ToJson>
HttpResponse PagedEntityQuery(ServeContext* context, const HttpRequest& request, Run run,
                              Items items, ToJson to_json) {
  ParamReader params(request);
  const std::string name = params.Required("name");
  const query::EventFilter filter = ReadEventFilter(&params);
  const Page page = ReadPage(&params, context->options.default_page, context->options.max_page);
  if (!params.ok()) return params.Error();
  const SnapshotPtr snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  NamedEntity named = ResolveNamed(index, name);
  if (named.entity == 0) return named.response;
  auto result = run(index, named.entity, filter);
  if (!result.has_value()) return StatusResponse(result.error());
  const int64_t total = Slice(&items(*result), page);
  nlohmann::json out = to_json(index, *result);
  out["page"] = PageInfo(request, page, total, page.offset + page.limit < total);
  return JsonResponse(out);
}

HttpResponse WhoMet(ServeContext* context, const HttpRequest& request) {
  return PagedEntityQuery(
      context, request, query::WhoMet,
      [](query::WhoMetResult& r) -> std::vector<query::Counterpart>& { return r.counterparts; },
      query::WhoMetJson);
}

HttpResponse Timeline(ServeContext* context, const HttpRequest& request) {
  return PagedEntityQuery(
      context, request, query::Timeline,
      [](query::TimelineResult& r) -> std::vector<query::TimelineEntry>& { return r.entries; },
      query::TimelineJson);
}

HttpResponse Path(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string from = params.Required("from");
  const std::string to = params.Required("to");
  query::PathOptions options;
  options.max_hops = static_cast<int>(params.Int("max-hops", options.max_hops, 0, 20));
  options.max_paths = static_cast<int>(params.Int("max-paths", options.max_paths, 1, 1000));
  options.status = StatusParam(&params);
  if (!params.ok()) return params.Error();
  const SnapshotPtr snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  NamedEntity a = ResolveNamed(index, from);
  if (a.entity == 0) return a.response;
  NamedEntity b = ResolveNamed(index, to);
  if (b.entity == 0) return b.response;
  Result<query::PathResult> result = query::FindPaths(index, a.entity, b.entity, options);
  if (!result.has_value()) return StatusResponse(result.error());
  return JsonResponse(query::PathJson(index, *result));
}

HttpResponse Ego(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string name = params.Required("name");
  query::EgoOptions options;
  options.depth = static_cast<int>(params.Int("depth", options.depth, 0, 4));
  options.max_nodes = static_cast<int>(params.Int("max-nodes", options.max_nodes, 1, 5000));
  options.status = StatusParam(&params);
  if (!params.ok()) return params.Error();
  const SnapshotPtr snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  NamedEntity named = ResolveNamed(index, name);
  if (named.entity == 0) return named.response;
  Result<query::EgoResult> result = query::Ego(index, named.entity, options);
  if (!result.has_value()) return StatusResponse(result.error());
  return JsonResponse(query::EgoJson(index, *result));
}

HttpResponse Top(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  query::TopOptions options;
  const std::string by = params.Choice("by", "degree", {"degree", "betweenness", "pagerank"});
  options.kind = KindParam(&params);
  options.filter = ReadEventFilter(&params);
  options.limit =
      static_cast<int>(params.Int("limit", options.limit, 1, context->options.max_page));
  if (!params.ok()) return params.Error();
  Result<query::Measure> measure = query::ParseMeasure(by);
  if (!measure.has_value()) return StatusResponse(measure.error());
  options.by = *measure;
  const SnapshotPtr snapshot = context->graph->Current();
  Result<query::TopResult> result = query::Top(*snapshot->index, options);
  if (!result.has_value()) return StatusResponse(result.error());
  return JsonResponse(query::TopJson(*snapshot->index, *result, options.by));
}

// Topics between two entities (between=A&between=B), of an organisation
// (org), or over the whole graph (neither).
HttpResponse Topics(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::vector<std::string> between = params.Strings("between");
  const std::string org = params.String("org");
  const query::EventFilter filter = ReadEventFilter(&params);
  const Page page = ReadPage(&params, context->options.default_page, context->options.max_page);
  if (!between.empty() && between.size() != 2) {
    params.Fail("between", "give 'between' twice: between=A&between=B");
  }
  if (!between.empty() && !org.empty()) params.Fail("org", "give 'between' or 'org', not both");
  if (!params.ok()) return params.Error();
  const std::string a = between.empty() ? "" : between[0];
  const std::string b = between.empty() ? "" : between[1];
  const SnapshotPtr snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  Result<query::TopicsResult> result = query::TopicsResult();
  nlohmann::json scope;
  if (!a.empty()) {
    NamedEntity first = ResolveNamed(index, a);
    if (first.entity == 0) return first.response;
    NamedEntity second = ResolveNamed(index, b);
    if (second.entity == 0) return second.response;
    result = query::TopicsBetween(index, first.entity, second.entity, filter);
    scope = {
        {"between",
         {query::EntityRefJson(index, first.entity), query::EntityRefJson(index, second.entity)}}};
  } else if (!org.empty()) {
    NamedEntity named = ResolveNamed(index, org, query::EntityKind::kOrg);
    if (named.entity == 0) return named.response;
    result = query::TopicsOfOrg(index, named.entity, filter);
    scope = {{"org", query::EntityRefJson(index, named.entity)}};
  } else {
    result = query::AllTopics(index, filter);
    scope = {{"all", true}};
  }
  if (!result.has_value()) return StatusResponse(result.error());
  const int64_t total = Slice(&result->topics, page);
  nlohmann::json out = query::TopicsJson(index, *result);
  out["scope"] = std::move(scope);
  out["page"] = PageInfo(request, page, total, page.offset + page.limit < total);
  return JsonResponse(out);
}

HttpResponse Export(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string format = params.Required("format");
  query::ExportOptions options;
  options.filter = ReadEventFilter(&params);
  options.members = params.Bool("members", true);
  options.isolated = params.Bool("isolated", true);
  if (!params.ok()) return params.Error();
  // CSV is two files; over HTTP the single-stream formats are offered.
  static const std::vector<std::pair<std::string, std::string>> kTypes = {
      {"graphml", "application/graphml+xml"},
      {"gexf", "application/gexf+xml"},
      {"jsonl", "application/x-ndjson"},
      {"cypher", "text/plain; charset=utf-8"}};
  auto type =
      std::find_if(kTypes.begin(), kTypes.end(), [&](const auto& t) { return t.first == format; });
  if (type == kTypes.end()) {
    return ErrorResponse(400, kBadParameter,
                         "parameter 'format' must be one of graphml, gexf, jsonl, cypher (csv: "
                         "use `tiegraph export`), not '" +
                             format + "'",
                         {{"parameter", "format"}});
  }
  Result<query::ExportFormat> parsed = query::ParseExportFormat(format);
  if (!parsed.has_value()) return StatusResponse(parsed.error());
  const SnapshotPtr snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  const query::ExportGraph graph = query::CollectExportGraph(index, options);
  std::ostringstream out;
  const Status written = query::WriteExport(index, graph, *parsed, out);
  if (!written.ok()) return StatusResponse(written);
  HttpResponse response;
  response.content_type = type->second;
  response.body = std::move(out).str();
  return response;
}

}  // namespace

void AddGraphRoutes(ServeContext* context, Router* router) {
  // Every route here answers from the graph snapshot alone.
  auto add = [&](std::string path, std::vector<std::string> params,
                 HttpResponse (*handler)(ServeContext*, const HttpRequest&),
                 std::vector<std::string> repeatable = {}) {
    router->Add({"GET", std::move(path), std::move(params), std::move(repeatable),
                 /*graph_only=*/true},
                [context, handler](const HttpRequest& r) { return handler(context, r); });
  };
  const std::vector<std::string> filter = {"since", "until", "topic", "status"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.end(), filter.begin(), filter.end());
    return extra;
  };
  add("/api/who-met", with({"name", "limit", "offset"}), WhoMet);
  add("/api/timeline", with({"name", "limit", "offset"}), Timeline);
  add("/api/path", {"from", "to", "max-hops", "max-paths", "status"}, Path);
  add("/api/ego", {"name", "depth", "max-nodes", "status"}, Ego);
  add("/api/top", with({"by", "kind", "limit"}), Top);
  add("/api/topics", {"between", "org", "since", "until", "status", "limit", "offset"}, Topics,
      {"between"});
  add("/api/export", with({"format", "members", "isolated"}), Export);
}

}  // namespace tg::serve
