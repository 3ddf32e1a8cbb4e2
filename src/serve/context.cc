#include "serve/context.h"

#include <charconv>

#include "query/json.h"
#include "query/query.h"

namespace tg::serve {

NamedEntity ResolveNamed(const query::GraphIndex& index, std::string_view name,
                         query::EntityKind kind) {
  NamedEntity out;
  // All digits: an entity id, as the API's own answers give them.
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), id);
  if (!name.empty() && ec == std::errc() && ptr == name.data() + name.size()) {
    const store::GraphEntity* entity = index.FindEntity(id);
    const bool kind_fits =
        entity != nullptr && (kind == query::EntityKind::kAny ||
                              (kind == query::EntityKind::kPerson) == (entity->type == "PERSON"));
    if (!kind_fits) {
      out.response = ErrorResponse(404, kNotFound, "no entity with id " + std::string(name));
      return out;
    }
    out.entity = id;
    return out;
  }
  const query::Resolution resolution = index.names().Resolve(name, kind);
  switch (resolution.status) {
    case query::ResolveStatus::kFound:
      out.entity = resolution.entity;
      return out;
    case query::ResolveStatus::kNotFound:
      out.response = ErrorResponse(404, kNotFound,
                                   "no person or organisation named '" + std::string(name) + "'",
                                   {{"name", name}});
      return out;
    case query::ResolveStatus::kAmbiguous: {
      nlohmann::json candidates = query::ResolutionJson(index, name, resolution)["candidates"];
      std::string message(name);
      message += " fits " + std::to_string(resolution.candidates.size()) +
                 " entities; ask again with one of the candidates' ids";
      out.response = ErrorResponse(
          409, kAmbiguous, message,
          {{"name", name}, {"matched_by", resolution.how}, {"candidates", std::move(candidates)}});
      return out;
    }
  }
  out.response = ErrorResponse(500, kInternal, "unknown resolution status");
  return out;
}

query::EventFilter ReadEventFilter(ParamReader* params) {
  query::EventFilter filter;
  filter.since = params->Date("since");
  filter.until = params->Date("until");
  filter.topic = params->String("topic");
  const std::string status =
      params->Choice("status", "any", {"any", "occurred", "planned", "denied"});
  Result<query::StatusFilter> parsed = query::ParseStatusFilter(status);
  if (parsed.has_value()) filter.status = *parsed;
  if (params->ok()) {
    const Status valid = query::ValidateFilter(filter);
    if (!valid.ok()) params->Fail("since", valid.message());
  }
  return filter;
}

}  // namespace tg::serve
