#include "pipeline/analyze.h"

#include "pipeline/events.h"
#include "pipeline/walk.h"

namespace tg::pipeline {

Result<std::unique_ptr<DocumentAnalyzer>> DocumentAnalyzer::Create(AnalyzeOptions options) {
  TG_ASSIGN_OR_RETURN(std::unique_ptr<extract::EntityExtractor> extractor,
                      extract::EntityExtractor::Create(options.extractor));
  return std::unique_ptr<DocumentAnalyzer>(
      new DocumentAnalyzer(std::move(options), std::move(extractor)));
}

DocumentAnalyzer::DocumentAnalyzer(AnalyzeOptions options,
                                   std::unique_ptr<extract::EntityExtractor> extractor)
    : options_(std::move(options)),
      cleaner_(options_.clean),
      extractor_(std::move(extractor)) {}

Result<AnalyzedDocument> DocumentAnalyzer::Analyze(const RawDocument& raw) {
  TG_ASSIGN_OR_RETURN(CleanDocument clean, cleaner_.Clean(raw));
  AnalyzedDocument out;
  out.id = raw.id;
  out.source = raw.source;
  out.raw_size = raw.raw_size;
  DocumentExtraction found = ExtractDocument(*extractor_, clean.text, clean.meta);
  out.entities = std::move(found.entities);
  out.events = std::move(found.events);
  out.clean = std::move(clean);
  return out;
}

int64_t DocumentAnalyzer::Run(
    const std::vector<std::string>& paths,
    const std::function<void(const AnalyzedDocument&)>& on_document,
    const std::function<void(const std::string& input, const Status& why)>& on_reject) {
  int64_t rejected = 0;
  int64_t documents = 0;
  uint64_t bytes = 0;
  ProgressReporter progress(options_.on_progress, options_.progress_interval_ms);
  WalkCallbacks callbacks;
  callbacks.on_reject = [&](const std::string& input, const Status& why) {
    ++rejected;
    on_reject(input, why);
  };
  callbacks.on_document = [&](const RawDocument& raw) {
    ++documents;
    bytes += raw.raw_size;
    Result<AnalyzedDocument> doc = Analyze(raw);
    if (doc.has_value()) {
      on_document(*doc);
    } else {
      ++rejected;
      on_reject(raw.source, doc.error());
    }
    return Status::Ok();
  };
  callbacks.on_progress = [&](size_t done, size_t total, const std::string& current) {
    progress.Tick(done, total, current, documents, bytes);
  };
  // Analysis never stops the walk, so its status is always ok.
  static_cast<void>(WalkInputs(paths, options_.read, callbacks));
  progress.Finish(documents, bytes);
  return rejected;
}

}  // namespace tg::pipeline
