#include "serve/router.h"

#include <algorithm>
#include <set>

#include "core/check.h"

namespace tg::serve {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    if (end > begin) segments.emplace_back(path.substr(begin, end - begin));
    begin = end + 1;
  }
  return segments;
}

namespace {

bool IsParamSegment(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "none" : out;
}

}  // namespace

void Router::Add(RouteSpec spec, Handler handler) {
  for (const Route& route : routes_) {
    TG_CHECK(!(route.spec.method == spec.method && route.spec.path == spec.path));
  }
  Route route;
  route.segments = SplitPath(spec.path);
  route.spec = std::move(spec);
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
}

bool Router::Matches(const Route& route, const std::vector<std::string>& segments,
                     std::map<std::string, std::string>* params) {
  if (route.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (IsParamSegment(want)) {
      if (segments[i].empty()) return false;
    } else if (want != segments[i]) {
      return false;
    }
  }
  if (params != nullptr) {
    for (size_t i = 0; i < segments.size(); ++i) {
      const std::string& want = route.segments[i];
      if (IsParamSegment(want)) (*params)[want.substr(1, want.size() - 2)] = segments[i];
    }
  }
  return true;
}

HttpResponse Router::Dispatch(HttpRequest* request) const {
  HttpResponse error;
  const Match match = Find(request, &error);
  return match.handler == nullptr ? error : (*match.handler)(*request);
}

Router::Match Router::Find(HttpRequest* request, HttpResponse* error) const {
  const std::string method = request->method == "HEAD" ? "GET" : request->method;
  // A literal segment beats a parameter ("/api/events/x" vs "/api/events/{id}"):
  // prefer the route with the most literal segments among those that match.
  const Route* best = nullptr;
  int best_literals = -1;
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    if (!Matches(route, request->segments, nullptr)) continue;
    allowed.insert(route.spec.method);
    if (route.spec.method != method) continue;
    const int literals =
        static_cast<int>(std::count_if(route.segments.begin(), route.segments.end(),
                                       [](const std::string& s) { return !IsParamSegment(s); }));
    if (literals > best_literals) {
      best = &route;
      best_literals = literals;
    }
  }
  if (best == nullptr) {
    if (allowed.empty()) {
      *error = ErrorResponse(404, kNotFound, "no such route: " + request->path);
      return {};
    }
    std::string allow;
    for (const std::string& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
    *error = ErrorResponse(405, kMethodNotAllowed,
                           request->method + " is not allowed on " + request->path,
                           {{"allowed", allowed}});
    error->headers.emplace_back("Allow", allow);
    return {};
  }
  const std::vector<std::string>& accepted = best->spec.params;
  for (auto it = request->query.begin(); it != request->query.end(); ++it) {
    const std::string& name = it->first;
    if (std::find(accepted.begin(), accepted.end(), name) == accepted.end()) {
      *error =
          ErrorResponse(400, kBadParameter,
                        "unknown parameter '" + name + "' (accepted: " + JoinNames(accepted) + ")",
                        {{"parameter", name}});
      return {};
    }
    const std::vector<std::string>& repeatable = best->spec.repeatable;
    if (request->query.count(name) > 1 &&
        std::find(repeatable.begin(), repeatable.end(), name) == repeatable.end()) {
      *error = ErrorResponse(400, kBadParameter, "parameter '" + name + "' given more than once",
                             {{"parameter", name}});
      return {};
    }
  }
  request->path_params.clear();
  Matches(*best, request->segments, &request->path_params);
  return {&best->spec, &best->handler};
}

std::vector<RouteSpec> Router::Routes() const {
  std::vector<RouteSpec> specs;
  specs.reserve(routes_.size());
  for (const Route& route : routes_) specs.push_back(route.spec);
  return specs;
}

}  // namespace tg::serve
