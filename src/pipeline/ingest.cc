#include "pipeline/ingest.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "dedup/seen_filter.h"
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

// The input file a document came from: its source without the "#line=N" or
// "#offset=N" of a JSONL line or WARC record, as the walk names it in errors.
std::string InputOf(const std::string& source) {
  for (const char* mark : {"#line=", "#offset="}) {
    const size_t at = source.rfind(mark);
    if (at != std::string::npos) return source.substr(0, at);
  }
  return source;
}

}  // namespace

// A document on its way from the cleaner to the store. `clean_error` is set
// when cleaning rejected it; `signature` and `band_keys` are empty when they
// were not computed yet.
struct IngestPipeline::Prepared {
  std::string source;
  uint64_t raw_size = 0;
  std::optional<Status> clean_error;
  Document doc;
  dedup::Signature signature;
  std::vector<uint64_t> band_keys;
};

namespace {

// What the reading thread hands to the storing thread, in input order.
struct WorkItem {
  enum class Kind {
    kDocument,     // a cleaned (or cleaning-rejected) document
    kCheckRaw,     // is `raw_hash` stored? The reader waits for the answer.
    kReject,       // the walk rejected an input or record
    kProgress,     // the walk's position
  };
  Kind kind = Kind::kDocument;
  std::unique_ptr<IngestPipeline::Prepared> prepared;  // kDocument
  uint64_t raw_hash = 0;                               // kCheckRaw
  uint64_t raw_size = 0;                               // kCheckRaw
  std::string input;                                   // kReject, kProgress
  Status why;                                          // kReject
  size_t done = 0, total = 0;                          // kProgress
};

// A bounded queue from the reading thread to the storing thread, with one
// question at a time going back (WorkItem::kCheckRaw). The storing thread
// takes items in batches: it is woken once kBatch items wait (or a question,
// or the end), not for every item, which spares two thread switches a page
// when the two sides run at about the same speed. Thread-safe.
class Handoff {
 public:
  // Reader side. Push returns false once the storing side has stopped.
  // `urgent`: wake the storing thread now (the reader is about to wait).
  bool Push(WorkItem item, bool urgent = false) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < kCapacity || stopped_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    urgent_ |= urgent;
    if (urgent_ || items_.size() >= kBatch) not_empty_.notify_one();
    return true;
  }
  // Pushes a question and waits for the answer; nullopt once stopped.
  std::optional<bool> Ask(WorkItem item) {
    if (!Push(std::move(item), /*urgent=*/true)) return std::nullopt;
    std::unique_lock lock(mutex_);
    answered_.wait(lock, [&] { return answer_.has_value() || stopped_; });
    if (stopped_) return std::nullopt;
    const bool answer = *answer_;
    answer_.reset();
    return answer;
  }
  // No more items: `walked` is how the walk ended.
  void Close(Status walked) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    walked_ = std::move(walked);
    not_empty_.notify_one();
  }

  // Storing side. Moves every waiting item, in order, into the empty
  // `*batch`; returns false when the reader closed and all is taken.
  bool PopAll(std::deque<WorkItem>* batch) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return items_.size() >= kBatch || urgent_ || closed_; });
    if (items_.empty()) return false;
    batch->swap(items_);
    urgent_ = false;
    not_full_.notify_one();
    return true;
  }
  void Answer(bool answer) {
    std::lock_guard lock(mutex_);
    answer_ = answer;
    answered_.notify_one();
  }
  // The reader gives up at its next Push or Ask.
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    not_full_.notify_one();
    answered_.notify_one();
  }
  Status walked() {
    std::lock_guard lock(mutex_);
    return walked_;
  }

 private:
  // Enough to ride out one slow page (a large HTML file) on either side;
  // small enough that the documents in flight (up to twice this: the queue
  // and the batch being stored) take little memory.
  static constexpr size_t kCapacity = 64;
  static constexpr size_t kBatch = 16;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_, answered_;
  std::deque<WorkItem> items_;
  std::optional<bool> answer_;
  bool urgent_ = false;
  bool closed_ = false;
  bool stopped_ = false;
  Status walked_;
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

void IngestPipeline::Prepare(const RawDocument& raw, bool with_signature, Prepared* out,
                             double* clean_seconds, double* dedup_seconds) {
  out->source = raw.source;
  out->raw_size = raw.raw_size;
  Result<CleanDocument> clean = [&] {
    StageTimer timer(clean_seconds);
    return cleaner_.Clean(raw);
  }();
  if (!clean.has_value()) {
    out->clean_error = clean.error();
    return;
  }
  Document& doc = out->doc;
  doc.ext_id = raw.id;
  doc.source = raw.source;
  doc.record_id = raw.record_id;
  doc.kind = raw.kind;
  doc.encoding = raw.encoding;
  doc.raw_hash = raw.raw_hash;
  doc.raw_size = raw.raw_size;
  doc.text = std::move(clean->text);
  doc.meta = std::move(clean->meta);

  StageTimer timer(dedup_seconds);
  if (with_signature) {
    doc.text_hash = hasher_.HashAndCompute(doc.text, &out->signature);
    out->band_keys = hasher_.BandKeys(out->signature);
  } else {
    doc.text_hash = dedup::ExactTextHash(doc.text);
  }
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
  // The signature waits until the text hash has found no exact duplicate.
  Prepared prepared;
  Prepare(raw, false, &prepared, &summary_.clean_seconds, &summary_.dedup_seconds);
  return Commit(prepared);
}

Result<int64_t> IngestPipeline::Commit(Prepared& prepared) {
  if (prepared.clean_error.has_value()) {
    Reject(prepared.source, *prepared.clean_error);
    return int64_t{0};
  }
  Document& doc = prepared.doc;
  dedup::Signature& signature = prepared.signature;
  std::vector<uint64_t>& band_keys = prepared.band_keys;

  std::optional<StageTimer> dedup_timer(std::in_place, &summary_.dedup_seconds);
  TG_ASSIGN_OR_RETURN(std::optional<store::DocRef> exact, store_->FindByTextHash(doc.text_hash));
  if (exact.has_value()) {
    doc.dup_group = exact->dup_group;
    doc.dup_kind = DupKind::kExact;
    doc.dup_similarity = 1.0;
    // An exact duplicate is stored without a signature: its leader's stands for it.
    signature.clear();
    band_keys.clear();
  } else {
    if (signature.empty()) {
      signature = hasher_.Compute(doc.text);
      band_keys = hasher_.BandKeys(signature);
    }
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

Status IngestPipeline::RunPipelined(const std::vector<std::string>& paths,
                                    ProgressReporter& progress) {
  Handoff handoff;
  // Raw hashes of the pages cleaned so far in this run. A page not in it
  // cannot be stored yet, so the reading thread cleans it without asking the
  // store; on a "maybe" (a repeated page, or rarely a false positive) it asks
  // the storing thread. 4 MiB, whatever the batch size.
  dedup::SeenFilter seen(25);
  // The reading thread's stage times, added to the summary once it is done.
  double read_seconds = 0, clean_seconds = 0, dedup_seconds = 0;
  std::thread reader([&] {
    WalkCallbacks callbacks;
    callbacks.read_seconds = &read_seconds;
    callbacks.on_reject = [&](const std::string& input, const Status& why) {
      WorkItem item;
      item.kind = WorkItem::Kind::kReject;
      item.input = input;
      item.why = why;
      handoff.Push(std::move(item));
    };
    callbacks.on_document = [&](const RawDocument& raw) -> Status {
      static const Status kStopped = Status::Unavailable("ingest stopped");
      // Whether the page is stored already decides whether it is cleaned at
      // all (and so whether it counts in the cleaner's line statistics):
      // only a page cleaned earlier in this run can be, and only the storing
      // thread, which has stored everything before it by then, knows.
      if (raw.raw_hash != 0 && seen.MayContain(raw.raw_hash)) {
        WorkItem question;
        question.kind = WorkItem::Kind::kCheckRaw;
        question.raw_hash = raw.raw_hash;
        question.raw_size = raw.raw_size;
        const std::optional<bool> stored = handoff.Ask(std::move(question));
        if (!stored.has_value()) return kStopped;
        if (*stored) return Status::Ok();
      }
      WorkItem item;
      item.prepared = std::make_unique<Prepared>();
      Prepare(raw, true, item.prepared.get(), &clean_seconds, &dedup_seconds);
      if (!item.prepared->clean_error.has_value() && raw.raw_hash != 0) seen.Add(raw.raw_hash);
      return handoff.Push(std::move(item)) ? Status::Ok() : kStopped;
    };
    callbacks.on_progress = [&](size_t done, size_t total, const std::string& current) {
      WorkItem item;
      item.kind = WorkItem::Kind::kProgress;
      item.done = done;
      item.total = total;
      item.input = current;
      handoff.Push(std::move(item));
    };
    handoff.Close(WalkInputs(paths, options_.read, callbacks));
  });

  Status stored = Status::Ok();
  std::deque<WorkItem> batch;
  while (!batch.empty() || handoff.PopAll(&batch)) {
    WorkItem item = std::move(batch.front());
    batch.pop_front();
    if (!stored.ok()) continue;  // drain what the reader pushed before it saw Stop()
    switch (item.kind) {
      case WorkItem::Kind::kDocument: {
        Prepared& prepared = *item.prepared;
        ++summary_.read;
        summary_.bytes += prepared.raw_size;
        // Only another process writing the same database can have stored it.
        Result<std::optional<store::DocRef>> seen_before = [&] {
          StageTimer timer(&summary_.store_seconds);
          return store_->FindByRawHash(prepared.doc.raw_hash);
        }();
        Status status = seen_before.status();
        if (status.ok() && seen_before->has_value()) {
          ++summary_.already_stored;
        } else if (status.ok()) {
          status = Commit(prepared).status();
        }
        if (!status.ok()) stored = status.WithPrefix(InputOf(prepared.source));
        break;
      }
      case WorkItem::Kind::kCheckRaw: {
        Result<std::optional<store::DocRef>> found = [&] {
          StageTimer timer(&summary_.store_seconds);
          return store_->FindByRawHash(item.raw_hash);
        }();
        if (!found.has_value()) {
          stored = found.error();
          break;
        }
        if (found->has_value()) {
          ++summary_.read;
          summary_.bytes += item.raw_size;
          ++summary_.already_stored;
        }
        handoff.Answer(found->has_value());
        break;
      }
      case WorkItem::Kind::kReject:
        Reject(item.input, item.why);
        break;
      case WorkItem::Kind::kProgress:
        progress.Tick(item.done, item.total, item.input, summary_.read, summary_.bytes);
        break;
    }
    if (!stored.ok()) handoff.Stop();
  }
  reader.join();
  summary_.read_seconds += read_seconds;
  summary_.clean_seconds += clean_seconds;
  summary_.dedup_seconds += dedup_seconds;
  if (!stored.ok()) return stored;
  return handoff.walked();
}

Result<IngestSummary> IngestPipeline::Run(const std::vector<std::string>& paths) {
  ProgressReporter progress(options_.on_progress, options_.progress_interval_ms);
  bool pipelined = options_.pipelined;
  if (pipelined) {
    store::DocFilter any;
    any.limit = 1;
    Result<std::vector<store::DocSummary>> stored = store_->List(any);
    pipelined = stored.has_value() && stored->empty();
  }
  Status walked;
  if (pipelined) {
    walked = RunPipelined(paths, progress);
  } else {
    WalkCallbacks callbacks;
    callbacks.read_seconds = &summary_.read_seconds;
    callbacks.on_reject = [&](const std::string& input, const Status& why) { Reject(input, why); };
    callbacks.on_document = [&](const RawDocument& raw) { return Add(raw).status(); };
    callbacks.on_progress = [&](size_t done, size_t total, const std::string& current) {
      progress.Tick(done, total, current, summary_.read, summary_.bytes);
    };
    walked = WalkInputs(paths, options_.read, callbacks);
  }
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
