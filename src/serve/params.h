#pragma once
// Reads a request's query parameters with their checks, and the pagination
// envelope every list answers with. A ParamReader keeps the first bad
// parameter; the handler asks ok() once after reading them all and returns
// Error() (400, naming the parameter) when it is false. Not thread-safe; one
// reader per request.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/http.h"

namespace tg::serve {

class ParamReader {
 public:
  // `request` must outlive the reader.
  explicit ParamReader(const HttpRequest& request) : request_(request) {}

  // The parameter's value, `fallback` when absent.
  std::string String(std::string_view name, std::string fallback = "");
  // Every value of a repeatable parameter, in order.
  std::vector<std::string> Strings(std::string_view name) const;
  // A parameter that must be present and non-empty.
  std::string Required(std::string_view name);
  // A path parameter ({name} in the route), which the router guarantees.
  std::string Path(std::string_view name) const;
  // A decimal integer in [min, max]; `fallback` when absent.
  int64_t Int(std::string_view name, int64_t fallback, int64_t min, int64_t max);
  // A date as YYYY, YYYY-MM or YYYY-MM-DD (checked, not normalised); "" when absent.
  std::string Date(std::string_view name);
  // One of `choices`; `fallback` when absent.
  std::string Choice(std::string_view name, std::string fallback,
                     const std::vector<std::string>& choices);
  // "true"/"1"/"yes" or "false"/"0"/"no"; `fallback` when absent.
  bool Bool(std::string_view name, bool fallback);

  bool ok() const { return error_.empty(); }
  // The 400 response naming the first bad parameter.
  HttpResponse Error() const;
  // Records a problem found by the handler itself (e.g. two parameters that exclude each other).
  void Fail(std::string_view name, std::string message);

 private:
  const std::string* Find(std::string_view name) const;

  const HttpRequest& request_;
  std::string error_;
  std::string error_param_;
};

// A page of a list: `limit` items from `offset`.
struct Page {
  int64_t limit = 0;
  int64_t offset = 0;
};

// Reads "limit" (1..max_limit, default default_limit) and "offset" (>= 0).
Page ReadPage(ParamReader* params, int64_t default_limit, int64_t max_limit);

// The pagination fields: {"limit", "offset", "total" (null when unknown),
// "next" (the same request with the next offset, or null on the last page)}.
nlohmann::json PageInfo(const HttpRequest& request, const Page& page, std::optional<int64_t> total,
                        bool has_more);

// The list envelope: {"items", "limit", "offset", "total" (when known),
// "next" (the same request with the next offset, or null on the last page)}.
// `has_more` says whether items follow this page (used when `total` is unknown).
nlohmann::json PageJson(const HttpRequest& request, nlohmann::json items, const Page& page,
                        std::optional<int64_t> total, bool has_more);

// Slices [offset, offset + limit) of `all` into an envelope with its total.
template <typename T, typename ToJson>
nlohmann::json PageOf(const HttpRequest& request, const std::vector<T>& all, const Page& page,
                      ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  const int64_t total = static_cast<int64_t>(all.size());
  for (int64_t i = page.offset; i < total && i < page.offset + page.limit; ++i) {
    items.push_back(to_json(all[static_cast<size_t>(i)]));
  }
  return PageJson(request, std::move(items), page, total, page.offset + page.limit < total);
}

// Keeps [offset, offset + limit) of `items`; returns how many there were.
template <typename T>
int64_t Slice(std::vector<T>* items, const Page& page) {
  const int64_t total = static_cast<int64_t>(items->size());
  const int64_t begin = std::min(page.offset, total);
  const int64_t end = std::min(page.offset + page.limit, total);
  items->erase(items->begin() + end, items->end());
  items->erase(items->begin(), items->begin() + begin);
  return total;
}

}  // namespace tg::serve
