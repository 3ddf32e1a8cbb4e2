// POST /api/documents: ingest one article (a JSON object), an array of
// them, or JSONL. Off unless the server has an ingest token; then the
// request must carry "Authorization: Bearer <token>" (401 without it, 403
// with another token). The work is done by the single writer (ingester.h).
#include "serve/context.h"
#include "serve/ingester.h"

namespace tg::serve {

namespace {

// Compares without an early exit, so the time taken does not tell how much
// of a guessed token was right.
bool SameToken(std::string_view given, std::string_view expected) {
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i]) ^
            static_cast<unsigned char>(expected.empty() ? 0 : expected[i % expected.size()]);
  }
  return diff == 0;
}

bool AcceptedContentType(const std::string& type) {
  if (type.empty()) return true;
  for (std::string_view ok : {"json", "ndjson", "jsonl", "text/plain"}) {
    if (type.find(ok) != std::string::npos) return true;
  }
  return false;
}

HttpResponse PostDocuments(ServeContext* context, const HttpRequest& request) {
  if (context->ingester == nullptr) {
    return ErrorResponse(403, kIngestDisabled,
                         "ingest is off: start the server with --ingest-token or "
                         "$TIEGRAPH_INGEST_TOKEN to accept documents");
  }
  const std::string authorization = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() <= kBearer.size() ||
      authorization.compare(0, kBearer.size(), kBearer) != 0) {
    HttpResponse response = ErrorResponse(
        401, kUnauthorized, "ingest needs the header 'Authorization: Bearer <token>'");
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tiegraph\"");
    return response;
  }
  if (!SameToken(std::string_view(authorization).substr(kBearer.size()),
                 context->options.ingest_token)) {
    return ErrorResponse(403, kForbidden, "wrong ingest token");
  }
  const std::string type = request.Header("content-type");
  if (!AcceptedContentType(type)) {
    return ErrorResponse(415, kBadBody,
                         "send application/json (one article or an array) or "
                         "application/x-ndjson (one article per line), not " +
                             type);
  }
  Result<HttpResponse> response = context->ingester->Ingest(request.body, request.deadline);
  if (!response.has_value()) {
    if (response.error().code() == StatusCode::kInvalidArgument) {
      return ErrorResponse(400, kBadBody, response.error().message());
    }
    return StatusResponse(response.error());
  }
  return std::move(response).value();
}

}  // namespace

void AddIngestRoutes(ServeContext* context, Router* router) {
  router->Add({"POST", "/api/documents", {}},
              [context](const HttpRequest& r) { return PostDocuments(context, r); });
}

}  // namespace tg::serve
