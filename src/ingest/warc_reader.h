#pragma once
// Reads WARC/1.0 and WARC/1.1 files, plain or gzip-compressed (one gzip member
// per record as Common Crawl writes them, or one member for the whole file),
// streamed record by record: memory stays bounded by the largest page read.
// Single-threaded.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "ingest/byte_source.h"
#include "ingest/reader.h"

namespace tg::ingest {

struct WarcStats {
  uint64_t records = 0;         // well-formed record headers read
  uint64_t yielded = 0;         // HTML pages returned
  uint64_t skipped_type = 0;    // warcinfo, request, metadata, revisit, ... records
  uint64_t skipped_status = 0;  // responses with an HTTP status outside 200-299
  uint64_t skipped_media = 0;   // responses whose payload is not HTML (or is empty)
  uint64_t errors = 0;          // errors returned by Next()
};

// Yields the `response` records whose HTTP payload is HTML (Content-Type
// text/html or application/xhtml+xml; sniffed when absent) as kHtml pages:
// id and record_id = WARC-Record-ID without "<>", meta.url = WARC-Target-URI,
// source = "<path>#offset=N" with N the record's offset in the uncompressed
// stream. Chunked transfer coding and gzip/deflate content coding are undone;
// the HTTP charset goes to the decoder; raw_hash covers the payload so decoded.
//
// Errors, after which Next() may be called again:
//   "malformed WARC record at offset N: <reason>" (kCorrupt): a bad version line,
//     a missing or invalid Content-Length, a header block over
//     options.max_warc_header_bytes; reading resumes at the next line that
//     starts with "WARC/1.";
//   "WARC record at offset N too large: ..." (kResourceExhausted): an HTML
//     response over options.max_document_bytes, skipped without being held;
//   "WARC record at offset N: <reason>": a payload that cannot be decoded.
// Errors that end the stream (Next() then returns nullopt):
//   "truncated WARC record at offset N", "truncated gzip stream after N bytes",
//   and read errors.
class WarcReader : public DocumentStream {
 public:
  // Opens `path` ("-" for stdin); gzip is recognised by its magic bytes, not
  // the extension. Fails with kNotFound / kIOError when it cannot be opened.
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path,
                                                  const ReadOptions& options = {});
  // The same over an open source; `path` names it in sources and ids.
  static Result<std::unique_ptr<WarcReader>> Create(std::string path,
                                                    std::unique_ptr<ByteSource> source,
                                                    const ReadOptions& options = {});
  class Impl;
  explicit WarcReader(std::unique_ptr<Impl> impl);  // use Open() or Create()
  ~WarcReader() override;

  Result<std::optional<RawDocument>> Next() override;

  const WarcStats& stats() const;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tg::ingest
