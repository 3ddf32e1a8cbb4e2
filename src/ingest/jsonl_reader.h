#pragma once
// Reads JSONL article dumps: one JSON object per line with "text" (a kText
// page) or "html" (a kHtml page; "text" wins when both are set), and optional
// "id", "url", "title", "outlet", "published", "byline"/"author", "lang".
// Lines are read one at a time; the file is never held in memory.
#include <memory>
#include <string>

#include "core/result.h"
#include "ingest/byte_source.h"
#include "ingest/reader.h"

namespace tg::ingest {

// Each document: id = the "id" field (string or integer), else
// "<file stem>:<line number>"; source = "<path>#line=N"; raw_hash/raw_size over
// the line's bytes; meta from the fields ("published" normalised to YYYY-MM-DD,
// with published_time when it carries a time; unparsable dates are dropped).
// A bad line yields an error "line N: <reason>" (kInvalidArgument; a line over
// options.max_document_bytes: kResourceExhausted) and the next Next() goes on
// with the following line. Blank lines are skipped. A read error ends the stream.
Result<std::unique_ptr<DocumentStream>> OpenJsonlReader(const std::string& path,
                                                        const ReadOptions& options = {});

// The same over an already open source; `path` names it in ids and sources.
std::unique_ptr<DocumentStream> NewJsonlReader(std::string path, std::unique_ptr<ByteSource> source,
                                               const ReadOptions& options = {});

}  // namespace tg::ingest
