#include "ingest/single_page_reader.h"

#include <filesystem>
#include <optional>
#include <utility>

#include "core/hash.h"
#include "ingest/encoding.h"

namespace tg::ingest {
namespace {

class SinglePageReader : public DocumentStream {
 public:
  SinglePageReader(std::string path, std::unique_ptr<ByteSource> source, ContentKind kind,
                   const ReadOptions& options)
      : path_(std::move(path)), source_(std::move(source)), kind_(kind), options_(options) {}

  Result<std::optional<RawDocument>> Next() override {
    if (done_) return std::optional<RawDocument>();
    done_ = true;
    // The size check comes first so that a huge file is never read.
    if (std::optional<uint64_t> size = RegularFileSize(path_);
        size.has_value() && *size > options_.max_document_bytes) {
      return Status::ResourceExhausted("document too large: ", *size, " bytes (limit ",
                                       options_.max_document_bytes, ")");
    }
    TG_ASSIGN_OR_RETURN(std::string bytes, ReadAtMost(source_.get(), options_.max_document_bytes));
    if (bytes.empty()) return Status::InvalidArgument("empty document");
    DecodeHints hints;
    hints.html = kind_ == ContentKind::kHtml;
    TG_ASSIGN_OR_RETURN(DecodedText decoded, DecodeToUtf8(bytes, hints));
    RawDocument doc;
    doc.id = FileStem(path_);
    doc.source = path_;
    doc.kind = kind_;
    doc.content = std::move(decoded.text);
    doc.encoding = std::move(decoded.encoding);
    doc.raw_hash = Hash64(bytes);
    doc.raw_size = bytes.size();
    return std::optional<RawDocument>(std::move(doc));
  }

 private:
  std::string path_;
  std::unique_ptr<ByteSource> source_;
  ContentKind kind_;
  ReadOptions options_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentStream> NewSinglePageReader(std::string path,
                                                    std::unique_ptr<ByteSource> source,
                                                    ContentKind kind, const ReadOptions& options) {
  return std::make_unique<SinglePageReader>(std::move(path), std::move(source), kind, options);
}

std::string FileStem(const std::string& path) {
  if (path == "-") return "stdin";
  std::string stem = std::filesystem::path(path).filename().string();
  // Drop one extension ("dev-001.txt" -> "dev-001"), keeping dot files whole.
  const size_t dot = stem.rfind('.');
  if (dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem;
}

}  // namespace tg::ingest
