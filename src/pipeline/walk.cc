#include "pipeline/walk.h"

#include <chrono>
#include <memory>
#include <optional>

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

}  // namespace tg::pipeline
