#include "ingest/warc_reader.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/hash.h"
#include "ingest/encoding.h"
#include "ingest/http_response.h"
#include "ingest/input_format.h"
#include "ingest/single_page_reader.h"

namespace tg::ingest {
namespace {

// How much of a response record is read first to see its HTTP headers; a
// non-HTML or oversized record is then skipped without reading the rest.
constexpr uint64_t kHttpHeadBytes = 64 << 10;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string StripAngles(std::string_view s) {
  s = TrimSpace(s);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

bool IsBlank(std::string_view line) { return TrimSpace(line).empty(); }

std::optional<uint64_t> ParseLength(std::string_view s) {
  s = TrimSpace(s);
  if (s.empty() || s.size() > 18) return std::nullopt;
  uint64_t value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

using Headers = std::map<std::string, std::string>;  // lowercased names

std::string Get(const Headers& headers, const char* name) {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

}  // namespace

class WarcReader::Impl {
 public:
  Impl(std::string path, std::unique_ptr<ByteSource> source, const ReadOptions& options)
      : path_(std::move(path)),
        source_(std::move(source)),
        reader_(source_.get()),
        options_(options) {}

  Result<std::optional<RawDocument>> Next() {
    Result<std::optional<RawDocument>> out = NextImpl();
    if (!out.has_value()) {
      ++stats_.errors;
    } else if (out->has_value()) {
      ++stats_.yielded;
    }
    return out;
  }

  const WarcStats& stats() const { return stats_; }

 private:
  using Doc = Result<std::optional<RawDocument>>;

  Doc NextImpl() {
    while (!done_) {
      if (resync_) {
        resync_ = false;
        Result<bool> found = Resync();
        if (!found.has_value()) return End(found.error());
        if (!*found) break;
      }
      uint64_t record_offset = 0;
      std::string line;
      if (pending_line_.has_value()) {
        line = std::move(*pending_line_);
        record_offset = pending_offset_;
        pending_line_.reset();
      } else {
        bool got_line = false;
        while (!got_line) {
          record_offset = reader_.offset();
          Result<BufferedReader::LineStatus> status =
              reader_.ReadLine(options_.max_warc_header_bytes, &line);
          if (!status.has_value()) return End(status.error());
          switch (*status) {
            case BufferedReader::LineStatus::kEnd:
              done_ = true;
              return std::optional<RawDocument>();
            case BufferedReader::LineStatus::kTooLong:
              return Malformed(record_offset, "version line too long");
            case BufferedReader::LineStatus::kLine:
              got_line = !IsBlank(line);
              break;
          }
        }
      }
      if (line.rfind("WARC/1.", 0) != 0) return Malformed(record_offset, "bad version line");

      Headers headers;
      uint64_t header_bytes = line.size() + 2;
      std::string last_name;
      while (true) {
        const uint64_t budget = options_.max_warc_header_bytes > header_bytes
                                    ? options_.max_warc_header_bytes - header_bytes
                                    : 0;
        Result<BufferedReader::LineStatus> status = reader_.ReadLine(budget, &line);
        if (!status.has_value()) return End(status.error());
        if (*status == BufferedReader::LineStatus::kEnd) return Truncated(record_offset);
        if (*status == BufferedReader::LineStatus::kTooLong) {
          return Malformed(record_offset, "header block too big");
        }
        header_bytes += line.size() + 2;
        if (header_bytes > options_.max_warc_header_bytes) {
          return Malformed(record_offset, "header block too big");
        }
        if (line.empty()) break;
        if ((line[0] == ' ' || line[0] == '\t') && !last_name.empty()) {
          headers[last_name] += " " + std::string(TrimSpace(line));  // folded continuation
          continue;
        }
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;  // tolerated: not a header
        last_name = Lower(TrimSpace(std::string_view(line).substr(0, colon)));
        headers[last_name] = std::string(TrimSpace(std::string_view(line).substr(colon + 1)));
      }
      const auto length_it = headers.find("content-length");
      if (length_it == headers.end()) return Malformed(record_offset, "missing Content-Length");
      const std::optional<uint64_t> length = ParseLength(length_it->second);
      if (!length.has_value()) return Malformed(record_offset, "invalid Content-Length");
      ++stats_.records;

      if (Lower(Get(headers, "warc-type")) != "response") {
        ++stats_.skipped_type;
        TG_RETURN_IF_ERROR(SkipBody(record_offset, *length));
        continue;
      }
      Doc doc = ReadResponse(record_offset, *length, headers);
      if (!doc.has_value() || doc->has_value()) return doc;
    }
    return std::optional<RawDocument>();
  }

  // Reads one response record's block; nullopt when it is skipped.
  Doc ReadResponse(uint64_t record_offset, uint64_t length, const Headers& headers) {
    const std::string record_type = Lower(Get(headers, "content-type"));
    if (!record_type.empty() && record_type.rfind("application/http", 0) != 0) {
      ++stats_.skipped_media;
      TG_RETURN_IF_ERROR(SkipBody(record_offset, length));
      return std::optional<RawDocument>();
    }
    std::string block;
    const uint64_t head_length = std::min(length, kHttpHeadBytes);
    Result<uint64_t> got = reader_.ReadExact(head_length, &block);
    if (!got.has_value()) return End(got.error());
    if (*got < head_length) return Truncated(record_offset);
    const uint64_t rest = length - head_length;

    Result<HttpResponseHead> head = ParseHttpResponseHead(block);
    if (!head.has_value()) {
      TG_RETURN_IF_ERROR(SkipBody(record_offset, rest));
      return RecordError(record_offset, head.error());
    }
    if (head->status < 200 || head->status > 299) {
      ++stats_.skipped_status;
      TG_RETURN_IF_ERROR(SkipBody(record_offset, rest));
      return std::optional<RawDocument>();
    }
    if (!head->content_type.empty() && !IsHtmlContentType(head->content_type)) {
      ++stats_.skipped_media;
      TG_RETURN_IF_ERROR(SkipBody(record_offset, rest));
      return std::optional<RawDocument>();
    }
    if (length > options_.max_document_bytes) {
      TG_RETURN_IF_ERROR(SkipBody(record_offset, rest));
      return Status::ResourceExhausted("WARC record at offset ", record_offset,
                                       " too large: ", length, " bytes (limit ",
                                       options_.max_document_bytes, ")");
    }
    got = reader_.ReadExact(rest, &block);
    if (!got.has_value()) return End(got.error());
    if (*got < rest) return Truncated(record_offset);

    std::string payload = block.substr(head->body_offset);
    block.clear();
    if (head->transfer_encoding.find("chunked") != std::string::npos) {
      // Crawlers often store the payload already de-chunked but keep the
      // header; data that does not parse as chunks is taken as it is.
      if (std::optional<std::string> dechunked = DecodeChunked(payload)) {
        payload = std::move(*dechunked);
      }
    }
    const std::string& coding = head->content_encoding;
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      Result<std::string> inflated = InflateBody(payload, options_.max_document_bytes);
      if (inflated.has_value()) {
        payload = std::move(inflated).value();
      } else if (payload.rfind("\x1f\x8b", 0) == 0 ||
                 inflated.error().code() == StatusCode::kResourceExhausted) {
        return RecordError(record_offset, inflated.error());
      }
      // Otherwise the payload was stored decompressed already: use it as it is.
    } else if (!coding.empty() && coding != "identity") {
      return RecordError(record_offset,
                         Status::Unimplemented("unsupported Content-Encoding ", coding));
    }
    if (payload.empty() || (head->content_type.empty() && !LooksLikeHtml(payload))) {
      ++stats_.skipped_media;
      return std::optional<RawDocument>();
    }
    DecodeHints hints;
    hints.declared_charset = CharsetFromContentType(head->content_type);
    hints.html = true;
    Result<DecodedText> decoded = DecodeToUtf8(payload, hints);
    if (!decoded.has_value()) return RecordError(record_offset, decoded.error());

    RawDocument doc;
    doc.record_id = StripAngles(Get(headers, "warc-record-id"));
    doc.id = doc.record_id.empty() ? FileStem(path_) + "#offset=" + std::to_string(record_offset)
                                   : doc.record_id;
    doc.source = path_ + "#offset=" + std::to_string(record_offset);
    doc.kind = ContentKind::kHtml;
    doc.content = std::move(decoded->text);
    doc.encoding = std::move(decoded->encoding);
    doc.raw_hash = Hash64(payload);
    doc.raw_size = payload.size();
    doc.meta.url = StripAngles(Get(headers, "warc-target-uri"));
    return std::optional<RawDocument>(std::move(doc));
  }

  // Skips the rest of a record's block; a short skip means the input was cut.
  Status SkipBody(uint64_t record_offset, uint64_t n) {
    Result<uint64_t> skipped = reader_.Skip(n);
    if (!skipped.has_value()) return End(skipped.error()).error();
    if (*skipped < n) return Truncated(record_offset).error();
    return Status::Ok();
  }

  // Scans for the next line that starts a record; false at end of input.
  Result<bool> Resync() {
    std::string line;
    while (true) {
      const uint64_t offset = reader_.offset();
      TG_ASSIGN_OR_RETURN(BufferedReader::LineStatus status,
                          reader_.ReadLine(options_.max_warc_header_bytes, &line));
      if (status == BufferedReader::LineStatus::kEnd) return false;
      if (status == BufferedReader::LineStatus::kLine && line.rfind("WARC/1.", 0) == 0) {
        pending_line_ = std::move(line);
        pending_offset_ = offset;
        return true;
      }
    }
  }

  Doc Malformed(uint64_t offset, const char* reason) {
    resync_ = true;
    return Status::Corrupt("malformed WARC record at offset ", offset, ": ", reason);
  }

  Doc Truncated(uint64_t offset) {
    return End(Status::Corrupt("truncated WARC record at offset ", offset));
  }

  Doc End(const Status& status) {
    done_ = true;
    return status;
  }

  static Doc RecordError(uint64_t offset, const Status& status) {
    return Status(status.code(),
                  "WARC record at offset " + std::to_string(offset) + ": " + status.message());
  }

  std::string path_;
  std::unique_ptr<ByteSource> source_;
  BufferedReader reader_;
  ReadOptions options_;
  WarcStats stats_;
  std::optional<std::string> pending_line_;  // a version line found by Resync()
  uint64_t pending_offset_ = 0;
  bool resync_ = false;
  bool done_ = false;
};

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::~WarcReader() = default;

Result<std::optional<RawDocument>> WarcReader::Next() { return impl_->Next(); }

const WarcStats& WarcReader::stats() const { return impl_->stats(); }

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path,
                                                     const ReadOptions& options) {
  TG_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, OpenFileSource(path));
  return Create(path, std::move(source), options);
}

Result<std::unique_ptr<WarcReader>> WarcReader::Create(std::string path,
                                                       std::unique_ptr<ByteSource> source,
                                                       const ReadOptions& options) {
  // Look at the first two bytes for the gzip magic, then put them back.
  std::string magic(2, '\0');
  size_t have = 0;
  while (have < magic.size()) {
    TG_ASSIGN_OR_RETURN(size_t got, source->Read(magic.data() + have, magic.size() - have));
    if (got == 0) break;
    have += got;
  }
  magic.resize(have);
  const bool gzip = magic == "\x1f\x8b";
  std::unique_ptr<ByteSource> bytes = PrefixedSource(std::move(magic), std::move(source));
  if (gzip) bytes = GzipSource(std::move(bytes));
  return std::make_unique<WarcReader>(
      std::make_unique<Impl>(std::move(path), std::move(bytes), options));
}

}  // namespace tg::ingest
