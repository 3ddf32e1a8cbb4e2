// OpenInput and ExpandInputs (reader.h): choosing a reader per input, and
// turning command-line paths into a list of files.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "ingest/byte_source.h"
#include "ingest/input_format.h"
#include "ingest/jsonl_reader.h"
#include "ingest/reader.h"
#include "ingest/single_page_reader.h"
#include "ingest/warc_reader.h"

namespace tg::ingest {
namespace {

namespace fs = std::filesystem;

// Enough of an input to tell markup, WARC, JSONL and text apart.
constexpr size_t kSniffBytes = 4 << 10;

Status FromErrorCode(const std::error_code& ec) {
  if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
    return Status::NotFound("no such file or directory");
  }
  if (ec == std::errc::permission_denied || ec == std::errc::operation_not_permitted) {
    return Status::IOError("permission denied");
  }
  return Status::IOError(ec.message());
}

Status CheckReadable(const std::string& path) {
  if (access(path.c_str(), R_OK) == 0) return Status::Ok();
  return FromErrorCode(std::error_code(errno, std::generic_category()));
}

void Walk(const fs::path& dir, InputList* out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out->errors.emplace_back(dir.string(), FromErrorCode(ec));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  if (ec) out->errors.emplace_back(dir.string(), FromErrorCode(ec));
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path().filename() < b.path().filename();
            });
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    // Symlinked folders are not followed, so a link cycle cannot loop forever.
    if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
      Walk(entry.path(), out);
      continue;
    }
    if (!entry.is_regular_file(type_ec) || !FormatFromPath(name).has_value()) continue;
    const std::string path = entry.path().string();
    if (Status readable = CheckReadable(path); !readable.ok()) {
      out->errors.emplace_back(path, readable);
      continue;
    }
    out->files.push_back(path);
  }
}

}  // namespace

Result<std::unique_ptr<DocumentStream>> OpenInput(const std::string& path,
                                                  const ReadOptions& options) {
  const std::optional<InputFormat> by_name = path == "-" ? std::nullopt : FormatFromPath(path);
  TG_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, OpenFileSource(path));
  InputFormat format = by_name.value_or(InputFormat::kText);
  if (!by_name.has_value()) {
    std::string head(kSniffBytes, '\0');
    size_t have = 0;
    while (have < head.size()) {
      TG_ASSIGN_OR_RETURN(size_t got, source->Read(head.data() + have, head.size() - have));
      if (got == 0) break;
      have += got;
    }
    head.resize(have);
    format = SniffFormat(head);
    source = PrefixedSource(std::move(head), std::move(source));
  }
  switch (format) {
    case InputFormat::kText:
      return NewSinglePageReader(path, std::move(source), ContentKind::kText, options);
    case InputFormat::kHtml:
      return NewSinglePageReader(path, std::move(source), ContentKind::kHtml, options);
    case InputFormat::kJsonl:
      return NewJsonlReader(path, std::move(source), options);
    case InputFormat::kWarc: {
      TG_ASSIGN_OR_RETURN(std::unique_ptr<WarcReader> warc,
                          WarcReader::Create(path, std::move(source), options));
      return std::unique_ptr<DocumentStream>(std::move(warc));
    }
  }
  return Status::Internal("unknown input format");
}

InputList ExpandInputs(const std::vector<std::string>& paths) {
  InputList out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.files.push_back(path);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.errors.emplace_back(
          path, ec ? FromErrorCode(ec) : Status::NotFound("no such file or directory"));
      continue;
    }
    if (fs::is_directory(status)) {
      Walk(path, &out);
      continue;
    }
    if (Status readable = CheckReadable(path); !readable.ok()) {
      out.errors.emplace_back(path, readable);
      continue;
    }
    out.files.push_back(path);
  }
  return out;
}

}  // namespace tg::ingest
