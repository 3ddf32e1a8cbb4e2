#pragma once
// Readers turn input files into a stream of RawDocument, one per page, with the
// content decoded to UTF-8. One reader per format: text_reader (.txt),
// html_reader (.html/.htm), jsonl_reader (.jsonl), warc_reader (.warc, .warc.gz).
// Streams are single-threaded; different streams may run on different threads.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/result.h"

namespace tg::ingest {

struct ReadOptions {
  // Largest single page (a .txt/.html file, a JSONL line, a WARC record body).
  // Bigger ones are rejected with kResourceExhausted; 32 MiB is far past any news page.
  uint64_t max_document_bytes = 32ull << 20;
  // Largest WARC record header block; real ones are under 4 KiB.
  uint64_t max_warc_header_bytes = 64ull << 10;
};

class DocumentStream {
 public:
  virtual ~DocumentStream() = default;

  // Returns the next document, or std::nullopt when the input is exhausted.
  // An error rejects one page (or, when the input cannot be read further, the
  // rest of it): its message names the input and the reason, without the path
  // prefix (the caller adds it). After an error the caller may call Next()
  // again to go on with the remaining records; a stream that cannot go on
  // returns std::nullopt.
  virtual Result<std::optional<RawDocument>> Next() = 0;
};

// Opens one input: a file path, or "-" for standard input (format sniffed from
// the first bytes). The reader is chosen by extension: .txt, .html, .htm,
// .jsonl, .warc, .warc.gz; other extensions are sniffed (HTML if it looks like
// markup, else text). Fails with kNotFound / kIOError when the file cannot be opened.
Result<std::unique_ptr<DocumentStream>> OpenInput(const std::string& path,
                                                  const ReadOptions& options = {});

struct InputList {
  std::vector<std::string> files;  // in the order given; directories expanded in sorted order
  std::vector<std::pair<std::string, Status>> errors;  // path and why it was not usable
};

// Expands command-line PATHs: "-" stays as is; a directory is walked
// recursively keeping files whose extension a reader knows (hidden files and
// folders skipped); a file named explicitly is kept whatever its extension; a
// missing or unreadable path becomes an error entry.
InputList ExpandInputs(const std::vector<std::string>& paths);

}  // namespace tg::ingest
