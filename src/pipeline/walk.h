#pragma once
// Walks a batch of inputs: expands PATHs (files, directory trees, "-"), opens
// each with the reader for its format and hands every decoded document to a
// callback. A missing or unreadable input, or a bad record, goes to
// `on_reject` with the input's name, and the walk goes on. Used by ingest and
// by the commands that analyse without storing (entities, extract).
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "ingest/reader.h"

namespace tg::pipeline {

struct WalkCallbacks {
  // Called for every document; a non-ok status stops the walk and is returned.
  std::function<Status(const RawDocument&)> on_document;
  // Called for every rejected input or record: its name ("path",
  // "path#line=N", "path#offset=N") and why.
  std::function<void(const std::string& input, const Status& why)> on_reject;
  // Optional: called after each document and each input with the inputs done,
  // their total and the input being read.
  std::function<void(size_t inputs_done, size_t inputs_total, const std::string& current)>
      on_progress;
  // Optional: wall seconds spent reading and decoding are added here.
  double* read_seconds = nullptr;
};

// How far a batch has got, for a progress line.
struct BatchProgress {
  size_t inputs_done = 0;
  size_t inputs_total = 0;
  int64_t documents = 0;  // read so far
  uint64_t bytes = 0;     // raw bytes read so far
  double seconds = 0;     // since the batch started
  std::string current;    // the input being read
};

// Turns WalkCallbacks::on_progress ticks into BatchProgress reports: at most
// one every `interval_ms`, and a last one from Finish(). With an empty
// `report` it only keeps time. Not thread-safe.
class ProgressReporter {
 public:
  ProgressReporter(std::function<void(const BatchProgress&)> report, int interval_ms);

  // Records where the walk is and the documents and bytes read so far;
  // reports when the interval has passed since the last report.
  void Tick(size_t inputs_done, size_t inputs_total, const std::string& current,
            int64_t documents, uint64_t bytes);
  // Reports the final counts whatever the interval.
  void Finish(int64_t documents, uint64_t bytes);
  // Wall seconds since construction.
  double Seconds() const;

 private:
  using Clock = std::chrono::steady_clock;
  void Report(int64_t documents, uint64_t bytes);

  std::function<void(const BatchProgress&)> report_;
  std::chrono::milliseconds interval_;
  Clock::time_point start_;
  Clock::time_point last_;
  BatchProgress progress_;
};

// Returns ok when the walk reached the end (rejections included), else the
// status that stopped it.
Status WalkInputs(const std::vector<std::string>& paths, const ingest::ReadOptions& options,
                  const WalkCallbacks& callbacks);

}  // namespace tg::pipeline
