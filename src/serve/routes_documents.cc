// Documents: GET /api/documents (filtered, paginated list), GET
// /api/documents/{id} (one document, by store id or external id, with the
// merged events it reports) and GET /api/search (full-text search).
// POST /api/documents (ingest) lives in routes_ingest.cc.
#include <charconv>

#include "query/json.h"
#include "serve/context.h"
#include "serve/params.h"

namespace tg::serve {

namespace {

nlohmann::json OrNull(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json DuplicateJson(int64_t id, int64_t group, DupKind kind) {
  if (group == 0 || group == id) return nullptr;
  return {{"of", group}, {"kind", DupKindName(kind)}};
}

nlohmann::json ListedDocumentJson(const store::DocSummary& doc) {
  return {{"id", doc.id},
          {"ext_id", doc.ext_id},
          {"title", OrNull(doc.title)},
          {"outlet", OrNull(doc.outlet)},
          {"published", OrNull(doc.published)},
          {"lang", OrNull(doc.lang)},
          {"duplicate", DuplicateJson(doc.id, doc.dup_group, doc.dup_kind)},
          {"text_bytes", doc.text_bytes},
          {"href", "/api/documents/" + std::to_string(doc.id)}};
}

nlohmann::json FullDocumentJson(const Document& doc, bool with_text) {
  nlohmann::json out = {{"id", doc.id},
                        {"ext_id", doc.ext_id},
                        {"source", doc.source},
                        {"url", OrNull(doc.meta.url)},
                        {"title", OrNull(doc.meta.title)},
                        {"outlet", OrNull(doc.meta.outlet)},
                        {"byline", OrNull(doc.meta.byline)},
                        {"published", OrNull(doc.meta.published)},
                        {"lang", OrNull(doc.meta.lang)},
                        {"encoding", doc.encoding},
                        {"duplicate", DuplicateJson(doc.id, doc.dup_group, doc.dup_kind)},
                        {"ingested_at", doc.ingested_at},
                        {"text_bytes", doc.text.size()}};
  if (with_text) out["text"] = doc.text;
  return out;
}

// "2025" -> "2025-12-31", "2025-03" -> "2025-03-31": documents carry full
// dates, compared as strings, so a partial upper bound must reach the
// period's last day.
std::string EndOfPeriod(const std::string& date) {
  if (date.size() == 4) return date + "-12-31";
  if (date.size() == 7) return date + "-31";
  return date;
}

HttpResponse ListDocuments(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  store::DocFilter filter;
  filter.lang = params.String("lang");
  filter.outlet = params.String("outlet");
  filter.since = params.Date("since");
  filter.until = EndOfPeriod(params.Date("until"));
  filter.leaders_only = params.Bool("leaders", false);
  const Page page = ReadPage(&params, context->options.default_page, context->options.max_page);
  if (!params.ok()) return params.Error();
  // One more than asked tells whether another page follows.
  filter.limit = static_cast<int>(page.limit + 1);
  filter.offset = static_cast<int>(page.offset);
  Result<StorePool::Lease> store = context->readers->Acquire();
  if (!store.has_value()) return StatusResponse(store.error());
  Result<std::vector<store::DocSummary>> docs = (*store)->List(filter);
  if (!docs.has_value()) return StatusResponse(docs.error());
  const bool has_more = static_cast<int64_t>(docs->size()) > page.limit;
  if (has_more) docs->resize(static_cast<size_t>(page.limit));
  nlohmann::json items = nlohmann::json::array();
  for (const store::DocSummary& doc : *docs) items.push_back(ListedDocumentJson(doc));
  return JsonResponse(PageJson(request, std::move(items), page, std::nullopt, has_more));
}

HttpResponse GetDocument(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string key = params.Path("id");
  const bool with_text = params.Bool("text", true);
  if (!params.ok()) return params.Error();
  Result<StorePool::Lease> store = context->readers->Acquire();
  if (!store.has_value()) return StatusResponse(store.error());
  // A number is a store id; anything else (or a number no document has) an external id.
  Result<std::optional<Document>> doc = std::optional<Document>();
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec == std::errc() && ptr == key.data() + key.size()) doc = (*store)->Get(id);
  if (doc.has_value() && !doc->has_value()) doc = (*store)->GetByExtId(key);
  if (!doc.has_value()) return StatusResponse(doc.error());
  if (!doc->has_value()) return ErrorResponse(404, kNotFound, "no document '" + key + "'");
  const Document& found = **doc;
  nlohmann::json out = FullDocumentJson(found, with_text);
  const std::shared_ptr<const GraphSnapshot> snapshot = context->graph->Current();
  nlohmann::json events = nlohmann::json::array();
  for (uint32_t e : snapshot->EventsOfDocument(found.ext_id)) {
    events.push_back(query::EventJson(*snapshot->index, snapshot->index->EventAt(e)));
  }
  out["events"] = std::move(events);
  return JsonResponse(out);
}

HttpResponse Search(ServeContext* context, const HttpRequest& request) {
  ParamReader params(request);
  const std::string query = params.Required("q");
  const Page page = ReadPage(&params, context->options.default_page, context->options.max_page);
  if (!params.ok()) return params.Error();
  Result<StorePool::Lease> store = context->readers->Acquire();
  if (!store.has_value()) return StatusResponse(store.error());
  Result<std::vector<store::SearchHit>> hits =
      (*store)->Search(query, static_cast<int>(page.offset + page.limit + 1));
  if (!hits.has_value()) return StatusResponse(hits.error());
  const bool has_more = static_cast<int64_t>(hits->size()) > page.offset + page.limit;
  nlohmann::json items = nlohmann::json::array();
  for (int64_t i = page.offset;
       i < static_cast<int64_t>(hits->size()) && i < page.offset + page.limit; ++i) {
    const store::SearchHit& hit = (*hits)[static_cast<size_t>(i)];
    items.push_back({{"id", hit.id},
                     {"ext_id", hit.ext_id},
                     {"title", OrNull(hit.title)},
                     {"snippet", hit.snippet},
                     {"score", hit.score},
                     {"href", "/api/documents/" + std::to_string(hit.id)}});
  }
  return JsonResponse(PageJson(request, std::move(items), page, std::nullopt, has_more));
}

}  // namespace

void AddDocumentRoutes(ServeContext* context, Router* router) {
  router->Add(
      {"GET", "/api/documents", {"lang", "outlet", "since", "until", "leaders", "limit", "offset"}},
      [context](const HttpRequest& r) { return ListDocuments(context, r); });
  router->Add({"GET", "/api/documents/{id}", {"text"}},
              [context](const HttpRequest& r) { return GetDocument(context, r); });
  router->Add({"GET", "/api/search", {"q", "limit", "offset"}},
              [context](const HttpRequest& r) { return Search(context, r); });
}

}  // namespace tg::serve
