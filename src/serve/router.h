#pragma once
// The API's route table: each route is a method, a path template with
// {name} segments ("/api/entities/{id}") and the query parameters it accepts;
// Dispatch finds the handler, fills the path parameters and answers the
// routing errors itself: 404 for an unknown path, 405 (with Allow) for a
// known path under another method, 400 for a query parameter the route does
// not accept or one given twice (unless declared repeatable). The table is the list the OpenAPI
// test checks against /api/openapi.json. Built once, then read-only: Dispatch may run on many
// threads at once.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "serve/http.h"

namespace tg::serve {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

struct RouteSpec {
  std::string method;                        // "GET", "POST"
  std::string path;                          // template: literal segments and {name} segments
  std::vector<std::string> params;           // accepted query parameters
  std::vector<std::string> repeatable = {};  // of those, the ones that may be given more than once
  // The answer depends only on the request and the graph snapshot (not on
  // the documents store), so whole responses may be cached per snapshot.
  bool graph_only = false;
};

class Router {
 public:
  // Adds a route. A second route with the same method and template is a bug (TG_CHECK).
  void Add(RouteSpec spec, Handler handler);

  struct Match {
    const RouteSpec* spec = nullptr;
    const Handler* handler = nullptr;
  };
  // Finds the route of `request` (method, segments and query already set),
  // fills its path parameters and checks its query parameters. Returns a
  // match with null members and sets `*error` on a routing error.
  Match Find(HttpRequest* request, HttpResponse* error) const;

  // Find(), then the handler's response (or the routing error).
  HttpResponse Dispatch(HttpRequest* request) const;

  // Every route, in the order added.
  std::vector<RouteSpec> Routes() const;

 private:
  struct Route {
    RouteSpec spec;
    std::vector<std::string> segments;  // the template split at '/'
    Handler handler;
  };
  // True when `segments` fit the route's template; fills `params` then.
  static bool Matches(const Route& route, const std::vector<std::string>& segments,
                      std::map<std::string, std::string>* params);

  std::vector<Route> routes_;
};

// Splits a path at '/' into its non-empty segments ("/api/x/" -> {"api", "x"}).
std::vector<std::string> SplitPath(std::string_view path);

}  // namespace tg::serve
