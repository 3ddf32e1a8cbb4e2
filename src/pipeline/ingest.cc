#include "pipeline/ingest.h"

#include <chrono>
#include <utility>

#include "pipeline/events.h"
#include "pipeline/walk.h"

namespace tg::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The reason without its input-specific tail ("line 12: not JSON: ..." ->
// "not JSON"), so that summaries can count rejections by kind.
std::string ReasonKind(const Status& status) {
  std::string message = status.message();
  // Drop leading "line N: " / "malformed WARC record at offset N: " style locators.
  if (message.rfind("line ", 0) == 0) {
    const size_t colon = message.find(": ");
    if (colon != std::string::npos) message = message.substr(colon + 2);
  }
  const size_t colon = message.find(": ");
  std::string kind = colon == std::string::npos ? message : message.substr(0, colon);
  // Numbers vary per input ("byte 17", "offset 2048"): fold them.
  std::string folded;
  for (char c : kind) {
    if (c >= '0' && c <= '9') {
      if (folded.empty() || folded.back() != 'N') folded += 'N';
    } else {
      folded += c;
    }
  }
  return folded;
}

// Adds the wall time of its own lifetime to `*total`.
class StageTimer {
 public:
  explicit StageTimer(double* total) : total_(total), start_(Clock::now()) {}
  ~StageTimer() { *total_ += SecondsSince(start_); }
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  double* total_;
  Clock::time_point start_;
};

}  // namespace

IngestPipeline::IngestPipeline(store::Store* store, IngestOptions options)
    : store_(store),
      options_(std::move(options)),
      cleaner_(options_.clean),
      hasher_(options_.minhash) {}

void IngestPipeline::Reject(const std::string& input, const Status& status) {
  Rejection rejection{input, status.ToString()};
  ++summary_.rejected;
  ++summary_.rejection_counts[ReasonKind(status)];
  if (options_.on_reject) options_.on_reject(rejection);
  summary_.rejections.push_back(std::move(rejection));
}

Result<int64_t> IngestPipeline::Add(const RawDocument& raw) {
  ++summary_.read;
  summary_.bytes += raw.raw_size;

  std::optional<store::DocRef> seen;
  {
    StageTimer timer(&summary_.store_seconds);
    TG_ASSIGN_OR_RETURN(seen, store_->FindByRawHash(raw.raw_hash));
  }
  if (seen.has_value()) {
    ++summary_.already_stored;
    return int64_t{0};
  }

  Result<CleanDocument> clean = [&] {
    StageTimer timer(&summary_.clean_seconds);
    return cleaner_.Clean(raw);
  }();
  if (!clean.has_value()) {
    Reject(raw.source, clean.error());
    return int64_t{0};
  }

  Document doc;
  doc.ext_id = raw.id;
  doc.source = raw.source;
  doc.record_id = raw.record_id;
  doc.kind = raw.kind;
  doc.encoding = raw.encoding;
  doc.raw_hash = raw.raw_hash;
  doc.raw_size = raw.raw_size;
  doc.text = std::move(clean->text);
  doc.meta = std::move(clean->meta);

  dedup::Signature signature;
  std::vector<uint64_t> band_keys;
  std::optional<StageTimer> dedup_timer(std::in_place, &summary_.dedup_seconds);
  doc.text_hash = dedup::ExactTextHash(doc.text);
  TG_ASSIGN_OR_RETURN(std::optional<store::DocRef> exact, store_->FindByTextHash(doc.text_hash));
  if (exact.has_value()) {
    doc.dup_group = exact->dup_group;
    doc.dup_kind = DupKind::kExact;
    doc.dup_similarity = 1.0;
  } else {
    signature = hasher_.Compute(doc.text);
    band_keys = hasher_.BandKeys(signature);
    TG_ASSIGN_OR_RETURN(std::vector<store::NearDupCandidate> candidates,
                        store_->FindNearDupCandidates(band_keys));
    // Join the group of the most similar candidate above the threshold; ties
    // go to the earliest stored document, so the result does not depend on
    // the order the store returns candidates in.
    double best = -1;
    int64_t best_id = 0;
    for (const store::NearDupCandidate& candidate : candidates) {
      const double similarity = dedup::EstimateJaccard(signature, candidate.signature);
      if (similarity < options_.minhash.threshold) continue;
      if (similarity > best || (similarity == best && candidate.id < best_id)) {
        best = similarity;
        best_id = candidate.id;
        doc.dup_group = candidate.dup_group;
      }
    }
    if (best_id != 0) {
      doc.dup_kind = DupKind::kNear;
      doc.dup_similarity = best;
    }
  }

  dedup_timer.reset();

  std::optional<StageTimer> store_timer(std::in_place, &summary_.store_seconds);
  TG_ASSIGN_OR_RETURN(int64_t id, store_->Insert(doc, signature, band_keys));
  store_timer.reset();
  doc.id = id;
  if (doc.dup_group == 0) doc.dup_group = id;
  ++summary_.stored;
  if (doc.dup_kind == DupKind::kExact) ++summary_.exact_duplicates;
  if (doc.dup_kind == DupKind::kNear) ++summary_.near_duplicates;

  // Duplicates repeat their leader's story, whose events are stored already.
  if (options_.extractor != nullptr && doc.dup_kind == DupKind::kNone) {
    store::StoredEvents events;
    {
      StageTimer timer(&summary_.extract_seconds);
      const DocumentExtraction found = ExtractDocument(*options_.extractor, doc.text, doc.meta);
      events = ToStoredEvents(doc.text, found.entities, found.events);
    }
    {
      StageTimer timer(&summary_.store_seconds);
      TG_RETURN_IF_ERROR(store_->PutEvents(id, events));
    }
    ++summary_.extracted;
    summary_.meetings += static_cast<int64_t>(events.meetings.size());
    summary_.trips += static_cast<int64_t>(events.trips.size());
  }
  if (options_.on_stored) options_.on_stored(doc);
  return id;
}

Result<IngestSummary> IngestPipeline::Run(const std::vector<std::string>& paths) {
  ProgressReporter progress(options_.on_progress, options_.progress_interval_ms);
  WalkCallbacks callbacks;
  callbacks.read_seconds = &summary_.read_seconds;
  callbacks.on_reject = [&](const std::string& input, const Status& why) { Reject(input, why); };
  callbacks.on_document = [&](const RawDocument& raw) { return Add(raw).status(); };
  callbacks.on_progress = [&](size_t done, size_t total, const std::string& current) {
    progress.Tick(done, total, current, summary_.read, summary_.bytes);
  };
  Status walked = WalkInputs(paths, options_.read, callbacks);
  if (!walked.ok()) {
    // Only the store fails a document, and the batch cannot go on without
    // it; keep what was stored so far.
    (void)store_->Flush();
    return walked;
  }
  {
    StageTimer timer(&summary_.store_seconds);
    TG_RETURN_IF_ERROR(store_->Flush());
  }
  summary_.seconds = progress.Seconds();
  progress.Finish(summary_.read, summary_.bytes);
  return summary_;
}

}  // namespace tg::pipeline
