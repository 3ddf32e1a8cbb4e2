#include "ingest/jsonl_reader.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "core/hash.h"
#include "ingest/published_date.h"
#include "ingest/single_page_reader.h"

namespace tg::ingest {
namespace {

using nlohmann::json;

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// The field as a string: strings as they are, numbers printed; "" otherwise.
std::string StringField(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  return "";
}

std::string FirstField(const json& object, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    std::string value = StringField(object, name);
    if (!value.empty()) return value;
  }
  return "";
}

std::string NormalizeLang(std::string lang) {
  for (char& c : lang) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lang.empty()) return "";
  if (lang.rfind("en", 0) == 0 || lang == "english") return "en";
  if (lang.rfind("ko", 0) == 0 || lang == "korean") return "ko";
  return "other";
}

class JsonlReader : public DocumentStream {
 public:
  JsonlReader(std::string path, std::unique_ptr<ByteSource> source, const ReadOptions& options)
      : path_(std::move(path)),
        stem_(FileStem(path_)),
        source_(std::move(source)),
        reader_(source_.get()),
        options_(options) {}

  Result<std::optional<RawDocument>> Next() override {
    std::string line;
    while (!done_) {
      Result<BufferedReader::LineStatus> status =
          reader_.ReadLine(options_.max_document_bytes, &line);
      if (!status.has_value()) {
        done_ = true;
        return status.error();
      }
      if (*status == BufferedReader::LineStatus::kEnd) break;
      ++line_number_;
      if (*status == BufferedReader::LineStatus::kTooLong) {
        return Status::ResourceExhausted("line ", line_number_, ": longer than the limit of ",
                                         options_.max_document_bytes, " bytes");
      }
      if (line_number_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (IsBlank(line)) continue;
      Result<RawDocument> doc = ParseLine(line);
      if (!doc.has_value()) {
        return Status(doc.error().code(),
                      "line " + std::to_string(line_number_) + ": " + doc.error().message());
      }
      return std::optional<RawDocument>(std::move(doc).value());
    }
    done_ = true;
    return std::optional<RawDocument>();
  }

 private:
  // True when `text`, past leading white space, begins with `title`.
  static bool StartsWithHeadline(std::string_view text, std::string_view title) {
    const size_t start = text.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && text.substr(start).rfind(title, 0) == 0;
  }

  Result<RawDocument> ParseLine(const std::string& line) const {
    json object;
    try {
      object = json::parse(line);
    } catch (const json::exception& e) {
      return Status::InvalidArgument("not valid JSON (", e.what(), ")");
    }
    if (!object.is_object()) return Status::InvalidArgument("not a JSON object");
    RawDocument doc;
    for (const char* field : {"text", "html"}) {
      const auto it = object.find(field);
      if (it != object.end() && !it->is_string() && !it->is_null()) {
        return Status::InvalidArgument("\"", field, "\" is not a string");
      }
    }
    std::string text = StringField(object, "text");
    std::string html = StringField(object, "html");
    if (!text.empty()) {
      doc.kind = ContentKind::kText;
      doc.content = std::move(text);
    } else if (!html.empty()) {
      doc.kind = ContentKind::kHtml;
      doc.content = std::move(html);
    } else {
      return Status::InvalidArgument("no \"text\" or \"html\" field");
    }
    doc.id = StringField(object, "id");
    if (doc.id.empty()) doc.id = stem_ + ":" + std::to_string(line_number_);
    doc.source = path_ + "#line=" + std::to_string(line_number_);
    doc.encoding = "UTF-8";  // JSON text is UTF-8; the parser rejects anything else
    doc.raw_hash = Hash64(line);
    doc.raw_size = line.size();
    doc.meta.url = StringField(object, "url");
    doc.meta.title = StringField(object, "title");
    doc.meta.outlet = FirstField(object, {"outlet", "site_name"});
    doc.meta.byline = FirstField(object, {"byline", "author"});
    doc.meta.lang = NormalizeLang(FirstField(object, {"lang", "language"}));
    // A page's text starts with its headline; feeds usually carry the
    // headline only in "title". Put it in front, so that the same story read
    // from a page and from a feed cleans to the same text.
    if (doc.kind == ContentKind::kText && !doc.meta.title.empty() &&
        !StartsWithHeadline(doc.content, doc.meta.title)) {
      doc.content = doc.meta.title + "\n" + doc.content;
    }
    const PublishedDate published =
        NormalizePublished(FirstField(object, {"published", "published_at", "date"}));
    doc.meta.published = published.date;
    doc.meta.published_time = published.time;
    return doc;
  }

  std::string path_;
  std::string stem_;
  std::unique_ptr<ByteSource> source_;
  BufferedReader reader_;
  ReadOptions options_;
  uint64_t line_number_ = 0;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentStream> NewJsonlReader(std::string path, std::unique_ptr<ByteSource> source,
                                               const ReadOptions& options) {
  return std::make_unique<JsonlReader>(std::move(path), std::move(source), options);
}

Result<std::unique_ptr<DocumentStream>> OpenJsonlReader(const std::string& path,
                                                        const ReadOptions& options) {
  TG_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, OpenFileSource(path));
  return NewJsonlReader(path, std::move(source), options);
}

}  // namespace tg::ingest
