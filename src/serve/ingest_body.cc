#include "serve/ingest_body.h"

#include <cstring>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "ingest/byte_source.h"
#include "ingest/jsonl_reader.h"

namespace tg::serve {

namespace {

using nlohmann::json;

// The reader's input: the articles re-written one per line.
class StringSource : public ingest::ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buffer, size_t n) override {
    const size_t count = std::min(n, bytes_.size() - pos_);
    std::memcpy(buffer, bytes_.data() + pos_, count);
    pos_ += count;
    return count;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Splits the body into article objects: the body as one JSON value (an
// object or an array of them), else one JSON object per non-blank line.
Result<std::vector<json>> SplitArticles(std::string_view body) {
  std::vector<json> articles;
  json whole = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (whole.is_object()) {
    articles.push_back(std::move(whole));
    return articles;
  }
  if (whole.is_array()) {
    for (size_t i = 0; i < whole.size(); ++i) {
      if (!whole[i].is_object()) {
        return Status::InvalidArgument("article ", i + 1, ": not a JSON object");
      }
      articles.push_back(std::move(whole[i]));
    }
    return articles;
  }
  size_t begin = 0;
  size_t line_number = 0;
  while (begin < body.size()) {
    size_t end = body.find('\n', begin);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (IsBlank(line)) continue;
    json article = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (article.is_discarded()) {
      return Status::InvalidArgument("line ", line_number,
                                     ": not valid JSON (send one JSON object, an array of them, "
                                     "or one object per line)");
    }
    if (!article.is_object()) {
      return Status::InvalidArgument("line ", line_number, ": not a JSON object");
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

}  // namespace

Result<std::vector<RawDocument>> ParseIngestBody(std::string_view body,
                                                 const IngestBodyOptions& options) {
  if (IsBlank(body)) return Status::InvalidArgument("empty body: send one or more articles");
  TG_ASSIGN_OR_RETURN(std::vector<json> articles, SplitArticles(body));
  if (articles.empty()) return Status::InvalidArgument("no article in the body");
  if (articles.size() > options.max_articles) {
    return Status::InvalidArgument(articles.size(), " articles in one body; at most ",
                                   options.max_articles, " are taken");
  }
  std::string lines;
  for (json& article : articles) {
    const auto id = article.find("id");
    if (id == article.end() || id->is_null() ||
        (id->is_string() && id->get<std::string>().empty())) {
      const auto url = article.find("url");
      if (url != article.end() && url->is_string() && !url->get<std::string>().empty()) {
        article["id"] = *url;
      } else {
        article["id"] = "post:" + HashHex(Hash64(article.dump()));
      }
    }
    // Invalid UTF-8 cannot come out of the parser, so dump() does not throw.
    lines += article.dump();
    lines += '\n';
  }
  ingest::ReadOptions read;
  read.max_document_bytes = options.max_document_bytes;
  std::unique_ptr<ingest::DocumentStream> reader =
      ingest::NewJsonlReader("post", std::make_unique<StringSource>(std::move(lines)), read);
  std::vector<RawDocument> docs;
  for (;;) {
    Result<std::optional<RawDocument>> next = reader->Next();
    if (!next.has_value()) {
      // The reader names the line, which is the article's position here.
      std::string message = next.error().message();
      if (message.rfind("line ", 0) == 0) message.replace(0, 5, "article ");
      return Status(next.error().code(), message);
    }
    if (!next->has_value()) break;
    docs.push_back(std::move(**next));
  }
  return docs;
}

}  // namespace tg::serve
