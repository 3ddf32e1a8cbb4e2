#pragma once
// The reader behind text_reader and html_reader: a whole file (or stdin) is one
// page. Single-threaded, like every DocumentStream.
#include <memory>
#include <string>

#include "core/document.h"
#include "ingest/byte_source.h"
#include "ingest/reader.h"

namespace tg::ingest {

// Yields one RawDocument for all of `source`, then nullopt. `path` names the
// input ("-" for stdin): it is the document's source, its file stem the id
// ("stdin" for "-"). A regular file's size is checked against
// options.max_document_bytes before anything is read; other inputs are read up
// to the limit + 1 byte. Errors (too large: kResourceExhausted; empty, binary or
// undecodable: kInvalidArgument; read errors: kIOError) take the place of the document.
// HTML pages are decoded with their <meta> charset in mind.
std::unique_ptr<DocumentStream> NewSinglePageReader(std::string path,
                                                    std::unique_ptr<ByteSource> source,
                                                    ContentKind kind, const ReadOptions& options);

// The id a whole-file input gets: the file name without its extension, "stdin" for "-".
std::string FileStem(const std::string& path);

}  // namespace tg::ingest
