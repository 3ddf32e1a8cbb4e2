#pragma once
// Cleaning: from a decoded page to its story text and metadata.
//  - HTML pages: main-text extraction on an HTML5 parse (html_extract.h).
//  - Text captures: line-shaped noise removal (clean_capture.h).
//  - Both: a body repeated within the page kept once; metadata (title, outlet,
//    byline, published date and time, language) from meta tags, <time>,
//    JSON-LD, the URL and text forms (html_extract.h, text_meta.h, dates.h, language.h).
// A Cleaner keeps corpus-wide line statistics that it updates with every page
// (repeated-line boilerplate detection), so it is not thread-safe: use one per thread.
#include <cstdint>
#include <memory>

#include "core/document.h"
#include "core/result.h"

namespace tg::text {

struct CleanOptions {
  // HTML element nesting deeper than this is cut off: the subtree below is
  // read as text only (html5 parsers recurse; a 100,000-deep page must not crash us).
  int max_html_depth = 400;
  // A line seen in at least this many earlier pages of the batch, and shaped
  // like boilerplate (short, no sentence end), is dropped as site furniture.
  int repeated_line_min_docs = 3;
  // Pages whose story text is shorter than this (in bytes) after cleaning are rejected.
  size_t min_text_bytes = 1;
};

class Cleaner {
 public:
  explicit Cleaner(CleanOptions options = {});
  ~Cleaner();
  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;

  // Cleans one page. Metadata the container gave (doc.meta) wins over what
  // the page says, field by field. Fails with kInvalidArgument when no story
  // text is left (for example an empty page or binary garbage).
  Result<CleanDocument> Clean(const RawDocument& doc);

 private:
  struct State;
  CleanOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace tg::text
