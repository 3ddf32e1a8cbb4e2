#pragma once
// Walks a batch of inputs: expands PATHs (files, directory trees, "-"), opens
// each with the reader for its format and hands every decoded document to a
// callback. A missing or unreadable input, or a bad record, goes to
// `on_reject` with the input's name, and the walk goes on. Used by ingest and
// by the commands that analyse without storing (entities, extract).
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

// Returns ok when the walk reached the end (rejections included), else the
// status that stopped it.
Status WalkInputs(const std::vector<std::string>& paths, const ingest::ReadOptions& options,
                  const WalkCallbacks& callbacks);

}  // namespace tg::pipeline
