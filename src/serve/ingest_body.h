#pragma once
// Turns the body of POST /api/documents into the pages the ingest pipeline
// reads: one JSON object (an article), a JSON array of articles, or JSONL
// (one article per line). An article is what a .jsonl input line holds for
// `tiegraph ingest`: "text" or "html", and optional "url", "title",
// "published", "outlet", "id", "lang", "byline"/"author". Each goes through
// the JSONL reader (ingest/jsonl_reader.h), so metadata is read exactly as
// from a file. An article without "id" takes its "url" as id, else
// "post:<hash of the article>". Pure; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/result.h"

namespace tg::serve {

struct IngestBodyOptions {
  size_t max_articles = 1000;                 // more in one body is refused
  uint64_t max_document_bytes = 32ull << 20;  // per article, as for files
};

// The articles of `body`, in order. Fails with kInvalidArgument naming the
// article ("article 3: no \"text\" or \"html\" field") when any article is
// not valid: then none is ingested. An empty body fails too.
Result<std::vector<RawDocument>> ParseIngestBody(std::string_view body,
                                                 const IngestBodyOptions& options = {});

}  // namespace tg::serve
