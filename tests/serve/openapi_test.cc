// Keeps src/serve/openapi.json in step with the route table: every route is
// described, with exactly the query parameters it accepts, and every
// described path and method is a route. Also checks that the description is
// the one the server sends and that its references resolve.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "serve/openapi.h"
#include "serve/serve_fixture.h"

namespace tg::serve::testing {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Follows a local "$ref" ("#/components/parameters/limit").
const json& Deref(const json& root, const json& node) {
  if (!node.contains("$ref")) return node;
  const std::string ref = node["$ref"];
  const json* at = &root;
  EXPECT_EQ(ref.rfind("#/", 0), 0u) << ref;
  size_t begin = 2;
  while (begin <= ref.size()) {
    size_t end = ref.find('/', begin);
    if (end == std::string::npos) end = ref.size();
    const std::string key = ref.substr(begin, end - begin);
    if (!at->contains(key)) {
      ADD_FAILURE() << "unresolved reference " << ref;
      static const json kNull;
      return kNull;
    }
    at = &(*at)[key];
    begin = end + 1;
  }
  return *at;
}

// Every "$ref" anywhere in `node` resolves.
void CheckRefs(const json& root, const json& node) {
  if (node.is_object()) {
    if (node.contains("$ref")) Deref(root, node);
    for (const auto& [key, value] : node.items()) CheckRefs(root, value);
  } else if (node.is_array()) {
    for (const auto& value : node) CheckRefs(root, value);
  }
}

class OpenApiTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    const std::string db = (dir_ / "empty.db").string();
    WriteGraphDb(db, store::Graph());
    StartServer(db);
    spec_ = json::parse(OpenApiText());
  }
  json spec_;
};

TEST_F(OpenApiTest, EveryRouteIsDescribedWithItsParameters) {
  const std::vector<RouteSpec> routes = server_->Routes();
  ASSERT_GE(routes.size(), 18u);
  const json& paths = spec_["paths"];
  for (const RouteSpec& route : routes) {
    SCOPED_TRACE(route.method + " " + route.path);
    ASSERT_TRUE(paths.contains(route.path));
    const std::string method = Lower(route.method);
    ASSERT_TRUE(paths[route.path].contains(method));
    const json& operation = paths[route.path][method];
    EXPECT_TRUE(operation.contains("summary"));
    EXPECT_TRUE(operation.contains("responses"));
    std::set<std::string> query_params, path_params;
    for (const json& p : operation.value("parameters", json::array())) {
      const json& param = Deref(spec_, p);
      (param["in"] == "path" ? path_params : query_params).insert(param["name"]);
    }
    EXPECT_EQ(query_params, std::set<std::string>(route.params.begin(), route.params.end()));
    std::set<std::string> template_params;
    for (const std::string& segment : SplitPath(route.path)) {
      if (segment.front() == '{') template_params.insert(segment.substr(1, segment.size() - 2));
    }
    EXPECT_EQ(path_params, template_params);
  }
}

TEST_F(OpenApiTest, EveryDescribedOperationIsARoute) {
  std::set<std::pair<std::string, std::string>> registered;
  for (const RouteSpec& route : server_->Routes())
    registered.insert({Lower(route.method), route.path});
  static const std::set<std::string> kMethods = {"get", "post", "put", "patch", "delete"};
  int described = 0;
  for (const auto& [path, item] : spec_["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      if (kMethods.count(method) == 0) continue;
      ++described;
      EXPECT_TRUE(registered.count({method, path})) << method << " " << path;
    }
  }
  EXPECT_EQ(described, static_cast<int>(registered.size()));
}

TEST_F(OpenApiTest, ServedAsWrittenAndReferencesResolve) {
  Reply served = Get("/api/openapi.json");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.json, spec_);
  EXPECT_EQ(spec_["openapi"].get<std::string>().substr(0, 2), "3.");
  CheckRefs(spec_, spec_);
  // Operation ids are unique, as code generators need.
  std::set<std::string> ids;
  for (const auto& [path, item] : spec_["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      ASSERT_TRUE(operation.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(ids.insert(operation["operationId"]).second) << operation["operationId"];
    }
  }
}

}  // namespace
}  // namespace tg::serve::testing
