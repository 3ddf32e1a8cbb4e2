#include "ingest/http_response.h"

#include <zlib.h>

#include <cstring>

namespace tg::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Inflates with the given zlib window bits; nullopt-like failure via status.
Result<std::string> Inflate(std::string_view body, int window_bits, uint64_t limit) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status::Internal("zlib init failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zs.avail_in = static_cast<uInt>(body.size());
  std::string out;
  char buffer[64 << 10];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof(buffer);
    rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof(buffer) - zs.avail_out;
    if (out.size() + produced > limit) {
      inflateEnd(&zs);
      return Status::ResourceExhausted("decompressed payload larger than ", limit, " bytes");
    }
    out.append(buffer, produced);
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated: keep what was inflated
    if (rc != Z_OK) {
      inflateEnd(&zs);
      return Status::Corrupt("bad compressed payload");
    }
  }
  inflateEnd(&zs);
  if (out.empty() && !body.empty()) return Status::Corrupt("bad compressed payload");
  return out;
}

}  // namespace

Result<HttpResponseHead> ParseHttpResponseHead(std::string_view block) {
  if (block.substr(0, 5) != "HTTP/") return Status::Corrupt("no HTTP status line");
  HttpResponseHead head;
  size_t pos = 0;
  bool first = true;
  while (true) {
    const size_t nl = block.find('\n', pos);
    if (nl == std::string_view::npos) return Status::Corrupt("HTTP header block does not end");
    std::string_view line = block.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      first = false;
      const size_t space = line.find(' ');
      if (space != std::string_view::npos) {
        int status = 0;
        size_t i = space + 1;
        for (int digits = 0; i < line.size() && digits < 3 && line[i] >= '0' && line[i] <= '9';
             ++i, ++digits) {
          status = status * 10 + (line[i] - '0');
        }
        head.status = status;
      }
      continue;
    }
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = Lower(TrimSpace(line.substr(0, colon)));
    const std::string_view value = TrimSpace(line.substr(colon + 1));
    if (name == "content-type") {
      head.content_type = std::string(value);
    } else if (name == "transfer-encoding") {
      head.transfer_encoding = Lower(value);
    } else if (name == "content-encoding") {
      head.content_encoding = Lower(value);
    }
  }
  head.body_offset = pos;
  return head;
}

std::optional<std::string> DecodeChunked(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) return std::nullopt;
    std::string_view size_line = body.substr(pos, nl - pos);
    const size_t semicolon = size_line.find(';');  // chunk extensions
    if (semicolon != std::string_view::npos) size_line = size_line.substr(0, semicolon);
    size_line = TrimSpace(size_line);
    if (size_line.empty() || size_line.size() > 15) return std::nullopt;
    uint64_t size = 0;
    for (char c : size_line) {
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        return std::nullopt;
      }
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    pos = nl + 1;
    if (size == 0) return out;  // trailers, if any, are ignored
    if (size > body.size() - pos) return std::nullopt;
    out.append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    } else if (pos < body.size()) {
      return std::nullopt;
    }
  }
  return out;
}

Result<std::string> InflateBody(std::string_view body, uint64_t limit) {
  // 15 + 32: zlib or gzip, told apart by their headers.
  Result<std::string> out = Inflate(body, 15 + 32, limit);
  if (out.has_value() || out.error().code() == StatusCode::kResourceExhausted) return out;
  // Some servers send raw deflate for "Content-Encoding: deflate".
  return Inflate(body, -15, limit);
}

bool IsHtmlContentType(std::string_view content_type) {
  std::string type = Lower(TrimSpace(content_type.substr(0, content_type.find(';'))));
  return type == "text/html" || type == "application/xhtml+xml";
}

}  // namespace tg::ingest
