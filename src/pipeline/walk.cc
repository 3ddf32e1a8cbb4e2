#include "pipeline/walk.h"

#include <chrono>
#include <memory>
#include <optional>
#include <utility>

namespace tg::pipeline {

Status WalkInputs(const std::vector<std::string>& paths, const ingest::ReadOptions& options,
                  const WalkCallbacks& callbacks) {
  using Clock = std::chrono::steady_clock;
  ingest::InputList inputs = ingest::ExpandInputs(paths);
  for (const auto& [path, status] : inputs.errors) callbacks.on_reject(path, status);
  const size_t total = inputs.files.size();
  size_t done = 0;
  for (const std::string& path : inputs.files) {
    Result<std::unique_ptr<ingest::DocumentStream>> stream = ingest::OpenInput(path, options);
    if (!stream.has_value()) {
      callbacks.on_reject(path, stream.error());
    } else {
      while (true) {
        const Clock::time_point start = Clock::now();
        Result<std::optional<RawDocument>> next = (*stream)->Next();
        if (callbacks.read_seconds != nullptr) {
          *callbacks.read_seconds += std::chrono::duration<double>(Clock::now() - start).count();
        }
        if (!next.has_value()) {
          // One record, or the rest of the input, could not be read; the
          // stream says by its next answer whether more follows.
          callbacks.on_reject(path, next.error());
          continue;
        }
        if (!next->has_value()) break;
        TG_RETURN_IF_ERROR(callbacks.on_document(**next).WithPrefix(path));
        if (callbacks.on_progress) callbacks.on_progress(done, total, path);
      }
    }
    ++done;
    if (callbacks.on_progress) callbacks.on_progress(done, total, path);
  }
  return Status::Ok();
}

ProgressReporter::ProgressReporter(std::function<void(const BatchProgress&)> report,
                                   int interval_ms)
    : report_(std::move(report)),
      interval_(interval_ms),
      start_(Clock::now()),
      last_(start_) {}

void ProgressReporter::Tick(size_t inputs_done, size_t inputs_total, const std::string& current,
                            int64_t documents, uint64_t bytes) {
  if (!report_) return;
  progress_.inputs_done = inputs_done;
  progress_.inputs_total = inputs_total;
  if (progress_.current != current) progress_.current = current;
  if (Clock::now() - last_ < interval_) return;
  Report(documents, bytes);
}

void ProgressReporter::Finish(int64_t documents, uint64_t bytes) {
  if (report_) Report(documents, bytes);
}

double ProgressReporter::Seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void ProgressReporter::Report(int64_t documents, uint64_t bytes) {
  last_ = Clock::now();
  progress_.documents = documents;
  progress_.bytes = bytes;
  progress_.seconds = std::chrono::duration<double>(last_ - start_).count();
  report_(progress_);
}

}  // namespace tg::pipeline
