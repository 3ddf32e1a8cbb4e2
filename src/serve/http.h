#pragma once
// The HTTP request and response as route handlers see them, free of the
// server library: decoded path and query parameters, the headers handlers
// read, the body, and the request's deadline. Helpers build JSON bodies and
// the API's error form {"error": {"code", "message", ...}} and map a
// tg::Status to its status code. Plain value types; the helpers are pure.
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace tg::serve {

using Clock = std::chrono::steady_clock;

struct HttpRequest {
  std::string method;                 // "GET", "POST", ... ("HEAD" is routed as "GET")
  std::string path;                   // percent-decoded, without the query string
  std::vector<std::string> segments;  // the path split at '/', each segment decoded on its own
  std::map<std::string, std::string> path_params;  // filled by the router from {name} segments
  std::multimap<std::string, std::string> query;   // decoded query parameters, in order
  std::map<std::string, std::string> headers;      // names lower-cased; the last value wins
  std::string_view body;  // borrowed from the server for the handler's call
  Clock::time_point deadline = Clock::time_point::max();  // when the time limit runs out

  // The header's value, or "" when absent. `name` in lower case.
  std::string Header(std::string_view name) const;
  bool PastDeadline() const { return Clock::now() > deadline; }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, Location)
};

// Machine-readable error codes of the API (the "code" field); docs/api.md lists them.
inline constexpr std::string_view kBadParameter = "bad_parameter";
inline constexpr std::string_view kBadBody = "bad_body";
inline constexpr std::string_view kNotFound = "not_found";
inline constexpr std::string_view kAmbiguous = "ambiguous";
inline constexpr std::string_view kMethodNotAllowed = "method_not_allowed";
inline constexpr std::string_view kPayloadTooLarge = "payload_too_large";
inline constexpr std::string_view kUnauthorized = "unauthorized";
inline constexpr std::string_view kForbidden = "forbidden";
inline constexpr std::string_view kIngestDisabled = "ingest_disabled";
inline constexpr std::string_view kTimeout = "timeout";
inline constexpr std::string_view kUnavailable = "unavailable";
inline constexpr std::string_view kInternal = "internal";

// `value` serialised as the body, with `status`.
HttpResponse JsonResponse(const nlohmann::json& value, int status = 200);

// {"error": {"code": code, "message": message}} plus the fields of `details`
// (an object, or null) inside "error".
HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message,
                           const nlohmann::json& details = nullptr);

// The error response for a failed Status: kInvalidArgument 400, kNotFound
// 404, kResourceExhausted 413, kUnavailable 503, anything else 500.
HttpResponse StatusResponse(const Status& status);

// The standard reason phrase of an HTTP status ("Not Found"), "" when unknown.
std::string_view ReasonPhrase(int status);

// Percent-encodes `value` for a query string (unreserved characters kept).
std::string EncodeQueryValue(std::string_view value);
// Decodes %XX escapes (and '+' as space when `plus_is_space`); bad escapes stay as they are.
std::string DecodePercent(std::string_view text, bool plus_is_space);

}  // namespace tg::serve
