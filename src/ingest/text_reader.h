#pragma once
// Reads a plain-text page capture (.txt): the whole file is one kText page.
// See single_page_reader.h for ids, size limits and errors.
#include <memory>
#include <string>

#include "core/result.h"
#include "ingest/reader.h"

namespace tg::ingest {

// Opens `path` ("-" for stdin). Fails with kNotFound / kIOError when it cannot be opened.
Result<std::unique_ptr<DocumentStream>> OpenTextReader(const std::string& path,
                                                       const ReadOptions& options = {});

}  // namespace tg::ingest
