#pragma once
// Reads an HTML page (.html, .htm): the whole file is one kHtml page, decoded
// by BOM, <meta> charset, UTF-8 validity or detection (see encoding.h). See
// single_page_reader.h for ids, size limits and errors.
#include <memory>
#include <string>

#include "core/result.h"
#include "ingest/reader.h"

namespace tg::ingest {

// Opens `path` ("-" for stdin). Fails with kNotFound / kIOError when it cannot be opened.
Result<std::unique_ptr<DocumentStream>> OpenHtmlReader(const std::string& path,
                                                       const ReadOptions& options = {});

}  // namespace tg::ingest
