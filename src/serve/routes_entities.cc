// Entities: GET /api/entities (list or name search, paginated) and
// GET /api/entities/{id} (one entity, by id or by name in any language).
#include <set>

#include "query/json.h"
#include "serve/context.h"
#include "serve/params.h"

namespace tg::serve {

namespace {

query::EntityKind KindOf(const std::string& type) {
  if (type == "person") return query::EntityKind::kPerson;
  if (type == "org") return query::EntityKind::kOrg;
  return query::EntityKind::kAny;
}

bool KindFits(const query::GraphIndex& index, uint32_t pos, query::EntityKind kind) {
  if (kind == query::EntityKind::kAny) return true;
  return (kind == query::EntityKind::kPerson) == index.IsPerson(pos);
}

nlohmann::json ListedEntityJson(const query::GraphIndex& index, uint32_t pos) {
  nlohmann::json out = query::EntityJson(index.EntityAt(pos));
  out["href"] = "/api/entities/" + std::to_string(index.EntityAt(pos).id);
  return out;
}

// With q: the entity the name resolves to (or its candidates when
// ambiguous) first, then every other entity with a name or alias containing
// q, most documents first. Without q: all entities of the type, most
// documents first.
HttpResponse ListEntities(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string q = params.String("q");
  const query::EntityKind kind = KindOf(params.Choice("type", "any", {"any", "person", "org"}));
  const Page page = ReadPage(&params, context->options.default_page, context->options.max_page);
  if (!params.ok()) return params.Error();
  const std::shared_ptr<const GraphSnapshot> snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  std::vector<uint32_t> matches;
  nlohmann::json resolution = nullptr;
  if (q.empty()) {
    for (uint32_t pos : snapshot->entities_by_docs) {
      if (KindFits(index, pos, kind)) matches.push_back(pos);
    }
  } else {
    const query::Resolution resolved = index.names().Resolve(q, kind);
    resolution = query::ResolutionJson(index, q, resolved);
    std::set<uint32_t> seen;
    auto add = [&](uint32_t pos) {
      if (pos != query::kNoIndex && seen.insert(pos).second) matches.push_back(pos);
    };
    if (resolved.status == query::ResolveStatus::kFound) add(index.EntityIndex(resolved.entity));
    for (int64_t id : resolved.candidates) add(index.EntityIndex(id));
    const std::string key = query::NormalizeName(q);
    if (!key.empty()) {
      for (uint32_t pos : snapshot->entities_by_docs) {
        if (KindFits(index, pos, kind) && snapshot->name_keys[pos].find(key) != std::string::npos) {
          add(pos);
        }
      }
    }
  }
  nlohmann::json out =
      PageOf(request, matches, page, [&](uint32_t pos) { return ListedEntityJson(index, pos); });
  if (!q.empty()) out["resolution"] = std::move(resolution);
  return JsonResponse(out);
}

HttpResponse GetEntity(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string key = params.Path("id");
  if (!params.ok()) return params.Error();
  const std::shared_ptr<const GraphSnapshot> snapshot = context->graph->Current();
  const query::GraphIndex& index = *snapshot->index;
  NamedEntity named = ResolveNamed(index, key);
  if (named.entity == 0) return named.response;
  const uint32_t pos = index.EntityIndex(named.entity);
  nlohmann::json out = query::EntityJson(index.EntityAt(pos));
  out["partners"] = index.NeighborsOf(pos).size();
  if (index.IsPerson(pos) && index.OrgOf(pos) != query::kNoIndex) {
    out["organisation"] = query::EntityRefJson(index, index.EntityAt(index.OrgOf(pos)).id);
  }
  if (index.IsOrg(pos)) {
    nlohmann::json members = nlohmann::json::array();
    for (uint32_t member : index.MembersOf(pos)) {
      members.push_back(query::EntityRefJson(index, index.EntityAt(member).id));
    }
    out["members"] = std::move(members);
  }
  const std::string id = std::to_string(named.entity);
  out["links"] = {{"who_met", "/api/who-met?name=" + id},
                  {"timeline", "/api/timeline?name=" + id},
                  {"ego", "/api/ego?name=" + id},
                  {"events", "/api/events?entity=" + id}};
  return JsonResponse(out);
}

}  // namespace

void AddEntityRoutes(ServeContext* context, Router* router) {
  router->Add({"GET", "/api/entities", {"q", "type", "limit", "offset"}, {}, /*graph_only=*/true},
              [context](const HttpRequest& r) { return ListEntities(context, r); });
  router->Add({"GET", "/api/entities/{id}", {}, {}, /*graph_only=*/true},
              [context](const HttpRequest& r) { return GetEntity(context, r); });
}

}  // namespace tg::serve
