#include "serve/params.h"

#include <charconv>

namespace tg::serve {

const std::string* ParamReader::Find(std::string_view name) const {
  auto it = request_.query.find(std::string(name));
  return it == request_.query.end() ? nullptr : &it->second;
}

void ParamReader::Fail(std::string_view name, std::string message) {
  if (!error_.empty()) return;
  error_param_ = std::string(name);
  error_ = std::move(message);
}

HttpResponse ParamReader::Error() const {
  return ErrorResponse(400, kBadParameter, error_, {{"parameter", error_param_}});
}

std::string ParamReader::String(std::string_view name, std::string fallback) {
  const std::string* value = Find(name);
  return value == nullptr ? std::move(fallback) : *value;
}

std::vector<std::string> ParamReader::Strings(std::string_view name) const {
  std::vector<std::string> values;
  auto [begin, end] = request_.query.equal_range(std::string(name));
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  return values;
}

std::string ParamReader::Required(std::string_view name) {
  const std::string* value = Find(name);
  if (value == nullptr || value->empty()) {
    Fail(name, "parameter '" + std::string(name) + "' is required");
    return "";
  }
  return *value;
}

std::string ParamReader::Path(std::string_view name) const {
  auto it = request_.path_params.find(std::string(name));
  return it == request_.path_params.end() ? std::string() : it->second;
}

int64_t ParamReader::Int(std::string_view name, int64_t fallback, int64_t min, int64_t max) {
  const std::string* value = Find(name);
  if (value == nullptr) return fallback;
  int64_t parsed = 0;
  const char* end = value->data() + value->size();
  auto [ptr, ec] = std::from_chars(value->data(), end, parsed);
  if (value->empty() || ec != std::errc() || ptr != end || parsed < min || parsed > max) {
    Fail(name, "parameter '" + std::string(name) + "' must be an integer from " +
                   std::to_string(min) + " to " + std::to_string(max) + ", not '" + *value + "'");
    return fallback;
  }
  return parsed;
}

namespace {

// YYYY, YYYY-MM or YYYY-MM-DD with a month 01..12 and a day 01..31.
bool IsDateShape(std::string_view s) {
  auto digits = [&](size_t pos, size_t n) {
    if (pos + n > s.size()) return false;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  auto number = [&](size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); };
  if (!digits(0, 4)) return false;
  if (s.size() == 4) return true;
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2) || number(5) < 1 || number(5) > 12) {
    return false;
  }
  if (s.size() == 7) return true;
  return s.size() == 10 && s[7] == '-' && digits(8, 2) && number(8) >= 1 && number(8) <= 31;
}

}  // namespace

std::string ParamReader::Date(std::string_view name) {
  const std::string* value = Find(name);
  if (value == nullptr) return "";
  if (!IsDateShape(*value)) {
    Fail(name, "parameter '" + std::string(name) + "' must be a date YYYY-MM-DD (or YYYY-MM, " +
                   "YYYY), not '" + *value + "'");
    return "";
  }
  return *value;
}

std::string ParamReader::Choice(std::string_view name, std::string fallback,
                                const std::vector<std::string>& choices) {
  const std::string* value = Find(name);
  if (value == nullptr) return fallback;
  for (const std::string& choice : choices) {
    if (*value == choice) return choice;
  }
  std::string list;
  for (const std::string& choice : choices) list += (list.empty() ? "" : ", ") + choice;
  Fail(name,
       "parameter '" + std::string(name) + "' must be one of " + list + ", not '" + *value + "'");
  return fallback;
}

bool ParamReader::Bool(std::string_view name, bool fallback) {
  const std::string* value = Find(name);
  if (value == nullptr) return fallback;
  if (*value == "true" || *value == "1" || *value == "yes") return true;
  if (*value == "false" || *value == "0" || *value == "no") return false;
  Fail(name, "parameter '" + std::string(name) + "' must be true or false, not '" + *value + "'");
  return fallback;
}

Page ReadPage(ParamReader* params, int64_t default_limit, int64_t max_limit) {
  Page page;
  page.limit = params->Int("limit", default_limit, 1, max_limit);
  page.offset = params->Int("offset", 0, 0, int64_t{1} << 40);
  return page;
}

nlohmann::json PageInfo(const HttpRequest& request, const Page& page, std::optional<int64_t> total,
                        bool has_more) {
  nlohmann::json out = {{"limit", page.limit}, {"offset", page.offset}};
  out["total"] = total.has_value() ? nlohmann::json(*total) : nlohmann::json(nullptr);
  if (!has_more) {
    out["next"] = nullptr;
    return out;
  }
  // The same request with offset moved on; the other parameters in their order.
  std::string next = request.path;
  char separator = '?';
  for (const auto& [name, value] : request.query) {
    if (name == "offset") continue;
    next += separator + EncodeQueryValue(name) + "=" + EncodeQueryValue(value);
    separator = '&';
  }
  next += separator + std::string("offset=") + std::to_string(page.offset + page.limit);
  out["next"] = next;
  return out;
}

nlohmann::json PageJson(const HttpRequest& request, nlohmann::json items, const Page& page,
                        std::optional<int64_t> total, bool has_more) {
  nlohmann::json out = PageInfo(request, page, total, has_more);
  out["items"] = std::move(items);
  return out;
}

}  // namespace tg::serve
