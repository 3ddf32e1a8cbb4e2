#pragma once
// The OpenAPI 3 description of the API, served at /api/openapi.json. It is
// written by hand in src/serve/openapi.json (compiled in at build time) and
// checked against the route table by tests/serve/openapi_test.cc: every
// route is described with exactly its query parameters, and every described
// path is a route. Immutable; thread-safe.
#include <string_view>

namespace tg::serve {

// The JSON text of openapi.json.
std::string_view OpenApiText();

}  // namespace tg::serve
