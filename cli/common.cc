#include "cli/common.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "core/hash.h"
#include "core/utf8.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace tg::cli {

void AddDbOption(CLI::App* cmd, std::string* db) {
  const char* env = std::getenv("TIEGRAPH_DB");
  *db = env != nullptr && *env != '\0' ? env : "tiegraph.db";
  cmd->add_option("--db", *db,
                  "SQLite database file, or a PostgreSQL URI postgresql://user@host/db[?schema=s] "
                  "(default: $TIEGRAPH_DB, else tiegraph.db)")
      ->capture_default_str();
}

void AddDataDirOption(CLI::App* cmd, std::string* data_dir) {
  cmd->add_option("--data-dir", *data_dir,
                  "Folder with kb/ and models/ (default: $TIEGRAPH_DATA, else the bundled data/)");
}

void AddFormatOption(CLI::App* cmd, Format* format, const std::vector<std::string>& choices) {
  std::map<std::string, Format> all = {
      {"text", Format::kText}, {"json", Format::kJson}, {"jsonl", Format::kJsonl}};
  std::map<std::string, Format> allowed;
  for (const std::string& choice : choices) allowed[choice] = all.at(choice);
  cmd->add_option("--format", *format, "Output format")
      ->transform(CLI::CheckedTransformer(allowed, CLI::ignore_case))
      ->default_str("text");
}

std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& db, bool read_only) {
  if (store::IsPostgresUri(db)) {
    // The URI may hold a password, so the message names the server as the
    // store describes it (without one) instead of repeating `db`.
    Result<store::PostgresOptions> options = store::PostgresOptionsFromUri(db);
    if (options.has_value()) options->read_only = read_only;
    Result<std::unique_ptr<store::Store>> opened =
        options.has_value() ? store::OpenPostgresStore(*options) : options.error();
    if (!opened.has_value()) {
      PrintError(opened.error().ToString());
      return nullptr;
    }
    return std::move(opened).value();
  }
  store::SqliteOptions options;
  options.path = db;
  options.read_only = read_only;
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(options);
  if (!opened.has_value()) {
    PrintError(db + ": " + opened.error().ToString());
    return nullptr;
  }
  return std::move(opened).value();
}

std::string DbLabel(const std::string& db) {
  if (!store::IsPostgresUri(db)) return db;
  const size_t scheme_end = db.find("://");
  const size_t at = db.find('@', scheme_end + 3);
  if (scheme_end == std::string::npos || at == std::string::npos) return db;
  const size_t colon = db.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon) + db.substr(at);  // user:secret@host -> user@host
}

void PrintError(const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "tiegraph: %s\n", message.c_str());
}

namespace {

nlohmann::json OrNull(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

}  // namespace

nlohmann::json DocumentToJson(const Document& doc, bool with_text) {
  nlohmann::json out = {
      {"id", doc.id},
      {"ext_id", doc.ext_id},
      {"source", doc.source},
      {"record_id", OrNull(doc.record_id)},
      {"kind", ContentKindName(doc.kind)},
      {"encoding", doc.encoding},
      {"raw_hash", HashHex(doc.raw_hash)},
      {"raw_size", doc.raw_size},
      {"text_hash", HashHex(doc.text_hash)},
      {"url", OrNull(doc.meta.url)},
      {"title", OrNull(doc.meta.title)},
      {"outlet", OrNull(doc.meta.outlet)},
      {"byline", OrNull(doc.meta.byline)},
      {"published", OrNull(doc.meta.published)},
      {"published_time", OrNull(doc.meta.published_time)},
      {"lang", OrNull(doc.meta.lang)},
      {"dup_group", doc.dup_group},
      {"dup_kind", OrNull(DupKindName(doc.dup_kind))},
      {"dup_similarity", doc.dup_similarity},
      {"ingested_at", doc.ingested_at},
      {"text_bytes", doc.text.size()},
  };
  if (with_text) out["text"] = doc.text;
  return out;
}

nlohmann::json SummaryToJson(const store::DocSummary& doc) {
  return {
      {"id", doc.id},
      {"ext_id", doc.ext_id},
      {"source", doc.source},
      {"title", OrNull(doc.title)},
      {"outlet", OrNull(doc.outlet)},
      {"published", OrNull(doc.published)},
      {"lang", OrNull(doc.lang)},
      {"dup_group", doc.dup_group},
      {"dup_kind", OrNull(DupKindName(doc.dup_kind))},
      {"text_bytes", doc.text_bytes},
  };
}

namespace {

// East Asian wide and fullwidth ranges that news text uses (Hangul, CJK,
// kana, fullwidth forms); enough for aligning tables, not a full UAX #11.
bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6);
}

}  // namespace

size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  size_t pos = 0;
  while (pos < text.size()) width += IsWide(NextCodePoint(text, &pos)) ? 2 : 1;
  return width;
}

std::string FitWidth(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width) return text;
  std::string out;
  size_t used = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(text, &pos);
    const size_t w = IsWide(cp) ? 2 : 1;
    if (used + w + 1 > width) break;
    out.append(text, start, pos - start);
    used += w;
  }
  return out + "…";
}

std::vector<std::string> FormatTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  std::vector<std::string> lines;
  lines.reserve(rows.size());
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    // Empty last cells would leave padding at the end of the line.
    line.erase(line.find_last_not_of(' ') + 1);
    lines.push_back(std::move(line));
  }
  return lines;
}

void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  for (const std::string& line : FormatTable(rows)) std::cout << line << '\n';
}

std::string HumanBytes(double bytes) {
  if (bytes >= 1e9) return fmt::format("{:.1f} GB", bytes / 1e9);
  if (bytes >= 1e6) return fmt::format("{:.1f} MB", bytes / 1e6);
  if (bytes >= 1e3) return fmt::format("{:.1f} KB", bytes / 1e3);
  return fmt::format("{} B", static_cast<uint64_t>(bytes));
}

void ProgressLine::Draw(const pipeline::BatchProgress& p) {
  if (p.seconds < delay_seconds_) return;
  const double rate = p.seconds > 0 ? p.bytes / p.seconds : 0;
  const int width = 24;
  const int filled =
      p.inputs_total == 0 ? width : static_cast<int>(width * p.inputs_done / p.inputs_total);
  std::string bar(filled, '=');
  if (filled < width) bar += '>';
  bar.resize(width, ' ');
  const std::string line =
      fmt::format("[{}] {}/{} inputs  {} docs  {}  {}/s", bar, p.inputs_done, p.inputs_total,
                  p.documents, HumanBytes(p.bytes), HumanBytes(rate));
  std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (drawn_) std::fprintf(stderr, "\r\x1b[K");
  drawn_ = false;
}

void PrintJson(const nlohmann::json& value, bool pretty) {
  // Replace ill-formed UTF-8 rather than throw: stored text is valid, but be safe.
  std::cout << value.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
}

}  // namespace tg::cli
