#pragma once
// Analysis without storing: read -> clean -> entities -> meetings and trips,
// the same code path as ingest (events.h). Used by `tiegraph entities` and
// `tiegraph extract`. Not thread-safe (the cleaner keeps batch line
// statistics): one DocumentAnalyzer per thread.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/result.h"
#include "extract/entities.h"
#include "extract/events.h"
#include "ingest/reader.h"
#include "pipeline/walk.h"
#include "text/cleaner.h"

namespace tg::pipeline {

struct AnalyzedDocument {
  std::string id;      // as RawDocument::id
  std::string source;
  uint64_t raw_size = 0;  // bytes as read, before decoding
  CleanDocument clean;
  extract::DocumentEntities entities;
  extract::DocumentEvents events;  // found on `entities`; indexes point into it
};

struct AnalyzeOptions {
  ingest::ReadOptions read;
  text::CleanOptions clean;
  extract::ExtractorOptions extractor;
  // Called by Run at most every progress_interval_ms, and once at the end.
  std::function<void(const BatchProgress&)> on_progress;
  int progress_interval_ms = 100;
};

class DocumentAnalyzer {
 public:
  // Loads the knowledge base and models; fails when they cannot be loaded.
  static Result<std::unique_ptr<DocumentAnalyzer>> Create(AnalyzeOptions options);

  // Cleans and analyses one decoded document; fails (kInvalidArgument) when
  // cleaning leaves no story text.
  Result<AnalyzedDocument> Analyze(const RawDocument& raw);

  // Walks PATHs (files, directories, "-") and calls `on_document` for each
  // analysed document in input order and `on_reject` for each rejected input
  // or page. Returns the number of rejections.
  int64_t Run(const std::vector<std::string>& paths,
              const std::function<void(const AnalyzedDocument&)>& on_document,
              const std::function<void(const std::string& input, const Status& why)>& on_reject);

 private:
  DocumentAnalyzer(AnalyzeOptions options, std::unique_ptr<extract::EntityExtractor> extractor);
  AnalyzeOptions options_;
  text::Cleaner cleaner_;
  std::unique_ptr<extract::EntityExtractor> extractor_;
};

}  // namespace tg::pipeline
