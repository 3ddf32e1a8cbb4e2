#include "serve/ingester.h"

#include "pipeline/ingest.h"
#include "query/graph_index.h"

namespace tg::serve {

namespace {

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What happened to one article, from the summary counters before and after
// the pipeline took it.
std::string Outcome(int64_t id, const pipeline::IngestSummary& before,
                    const pipeline::IngestSummary& after) {
  if (id > 0) {
    if (after.exact_duplicates > before.exact_duplicates) return "exact_duplicate";
    if (after.near_duplicates > before.near_duplicates) return "near_duplicate";
    return "stored";
  }
  if (after.already_stored > before.already_stored) return "already_stored";
  return "rejected";
}

}  // namespace

Result<std::unique_ptr<Ingester>> Ingester::Create(const IngesterOptions& options,
                                                   std::unique_ptr<store::Store> writer,
                                                   GraphState* graph, ResolveFn resolve) {
  std::unique_ptr<Ingester> ingester(new Ingester());
  ingester->options_ = options;
  ingester->graph_ = graph;
  ingester->resolve_ = std::move(resolve);
  ingester->store_ = std::move(writer);
  extract::ExtractorOptions extractor_options;
  extractor_options.data_dir = options.data_dir;
  TG_ASSIGN_OR_RETURN(ingester->extractor_, extract::EntityExtractor::Create(extractor_options));
  return ingester;
}

Result<HttpResponse> Ingester::Ingest(std::string_view body, Clock::time_point deadline) {
  const Clock::time_point start = Clock::now();
  // Parse before taking the writer: a bad body never waits, nor makes others wait.
  TG_ASSIGN_OR_RETURN(std::vector<RawDocument> docs, ParseIngestBody(body, options_.body));
  std::unique_lock<std::timed_mutex> lock(writer_mu_, std::defer_lock);
  if (!lock.try_lock_until(deadline)) {
    return Status::Unavailable("another ingest is running; try again later");
  }

  pipeline::IngestOptions ingest_options;
  ingest_options.read.max_document_bytes = options_.body.max_document_bytes;
  ingest_options.extractor = extractor_.get();
  pipeline::IngestPipeline pipeline(store_.get(), std::move(ingest_options));

  nlohmann::json documents = nlohmann::json::array();
  bool timed_out = false;
  size_t done = 0;
  for (const RawDocument& doc : docs) {
    if (Clock::now() > deadline) {
      timed_out = true;
      break;
    }
    const pipeline::IngestSummary before = pipeline.summary();
    // A store failure stops the batch; what was stored so far is committed below.
    Result<int64_t> id = pipeline.Add(doc);
    if (!id.has_value()) {
      Status flushed = store_->Flush();
      (void)flushed;  // the first failure is the one to report
      return id.error();
    }
    nlohmann::json entry = {{"ext_id", doc.id},
                            {"outcome", Outcome(*id, before, pipeline.summary())}};
    entry["id"] = *id > 0 ? nlohmann::json(*id) : nlohmann::json(nullptr);
    if (*id > 0) entry["href"] = "/api/documents/" + std::to_string(*id);
    const std::vector<pipeline::Rejection>& rejections = pipeline.summary().rejections;
    if (rejections.size() > before.rejections.size()) entry["reason"] = rejections.back().reason;
    documents.push_back(std::move(entry));
    ++done;
  }
  TG_RETURN_IF_ERROR(store_->Flush());
  const pipeline::IngestSummary& summary = pipeline.summary();

  // Resolve again only when the graph can have changed.
  double resolve_seconds = 0;
  if (summary.stored > 0) {
    const Clock::time_point resolve_start = Clock::now();
    TG_ASSIGN_OR_RETURN(store::Graph graph, resolve_(store_.get()));
    TG_ASSIGN_OR_RETURN(std::shared_ptr<const query::GraphIndex> index,
                        query::GraphIndex::Build(std::move(graph)));
    graph_->Swap(std::move(index));
    resolve_seconds = SecondsSince(resolve_start);
  }
  const std::shared_ptr<const GraphSnapshot> snapshot = graph_->Current();
  const double seconds = SecondsSince(start);
  {
    std::lock_guard<std::mutex> counters(counters_mu_);
    ++runs_;
    documents_stored_ += summary.stored;
    last_run_at_ = NowUtc();
    last_seconds_ = seconds;
    last_resolve_seconds_ = resolve_seconds;
  }

  nlohmann::json out = {{"read", summary.read},
                        {"stored", summary.stored},
                        {"exact_duplicates", summary.exact_duplicates},
                        {"near_duplicates", summary.near_duplicates},
                        {"already_stored", summary.already_stored},
                        {"rejected", summary.rejected},
                        {"extracted", summary.extracted},
                        {"meetings", summary.meetings},
                        {"trips", summary.trips},
                        {"documents", std::move(documents)},
                        {"graph",
                         {{"version", snapshot->version},
                          {"entities", snapshot->index->entity_count()},
                          {"events", snapshot->index->event_count()}}},
                        {"seconds", seconds},
                        {"resolve_seconds", resolve_seconds}};
  if (timed_out) {
    return ErrorResponse(503, kTimeout,
                         "time limit reached after " + std::to_string(done) + " of " +
                             std::to_string(docs.size()) +
                             " articles; those are stored and resolved, send the body again to "
                             "go on (stored articles are skipped)",
                         {{"partial", std::move(out)}});
  }
  return JsonResponse(out, summary.stored > 0 ? 201 : 200);
}

nlohmann::json Ingester::Counters() const {
  std::lock_guard<std::mutex> lock(counters_mu_);
  return {{"runs", runs_},
          {"documents_stored", documents_stored_},
          {"last_run_at",
           last_run_at_.empty() ? nlohmann::json(nullptr) : nlohmann::json(last_run_at_)},
          {"last_seconds", last_seconds_},
          {"last_resolve_seconds", last_resolve_seconds_}};
}

}  // namespace tg::serve
