#pragma once
// The HTTP response inside a WARC response record: status line and headers,
// chunked transfer coding, gzip/deflate content coding. Pure functions; thread-safe.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tg::ingest {

struct HttpResponseHead {
  int status = 0;                 // 200, 404, ...
  std::string content_type;       // Content-Type value as sent; empty when absent
  std::string transfer_encoding;  // lowercased; empty when absent
  std::string content_encoding;   // lowercased; empty when absent
  size_t body_offset = 0;         // where the payload starts in the block
};

// Parses the status line and headers at the start of `block`. Fails with
// kCorrupt when the block does not start with "HTTP/" or the header block does
// not end (blank line) within it.
Result<HttpResponseHead> ParseHttpResponseHead(std::string_view block);

// Removes the chunked transfer coding; nullopt when `body` is not well-formed
// chunked data (a missing final zero-size chunk is tolerated).
std::optional<std::string> DecodeChunked(std::string_view body);

// Inflates a gzip, zlib or raw deflate body. Fails with kCorrupt when it is
// none of those, kResourceExhausted past `limit` output bytes.
Result<std::string> InflateBody(std::string_view body, uint64_t limit);

// True for text/html and application/xhtml+xml (parameters and case ignored).
bool IsHtmlContentType(std::string_view content_type);

}  // namespace tg::ingest
