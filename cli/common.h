#pragma once
// Shared pieces of the command-line verbs: options every verb takes, output
// formats, opening the database, JSON forms of stored records, and aligned
// tables that count Hangul as two columns.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/result.h"
#include "pipeline/walk.h"
#include "store/store.h"

namespace tg::cli {

// Exit statuses of the binary (documented in docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;  // the command ran, some inputs were rejected
inline constexpr int kExitError = 2;     // bad usage or a failure that stopped the command
inline constexpr int kExitNotFound = 3;  // an unknown document, person or organisation
inline constexpr int kExitAmbiguous = 4;  // a name that fits several entities (candidates listed)

enum class Format { kText, kJson, kJsonl };

struct GlobalOptions {
  std::string db;  // database file
  Format format = Format::kText;
};

// The exit status a verb's callback leaves for main() to return.
struct RunState {
  int exit_code = kExitOk;
};

// Adds --db (default $TIEGRAPH_DB, else "tiegraph.db") to `cmd`.
void AddDbOption(CLI::App* cmd, std::string* db);
// Adds --format with the given choices ("text", "json", "jsonl").
void AddFormatOption(CLI::App* cmd, Format* format, const std::vector<std::string>& choices);
// Adds --data-dir (the folder holding kb/ and models/) to `cmd`.
void AddDataDirOption(CLI::App* cmd, std::string* data_dir);

// Opens the database; prints "tiegraph: <db>: <reason>" and returns null on failure.
std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& db, bool read_only);

// How messages name the database `db`: the path, or a PostgreSQL URI without
// its password ("postgresql://tg@host/db"), so errors never print a secret.
std::string DbLabel(const std::string& db);

// Prints "tiegraph: <message>" on stderr.
void PrintError(const std::string& message);

nlohmann::json DocumentToJson(const Document& doc, bool with_text);
nlohmann::json SummaryToJson(const store::DocSummary& doc);

// Display width of UTF-8 text on a terminal (wide East Asian characters count 2).
size_t DisplayWidth(const std::string& text);
// Cuts `text` to at most `width` columns, ending with "…" when cut.
std::string FitWidth(const std::string& text, size_t width);

// Formats rows as left-aligned columns separated by two spaces, one string
// per row; the last column is not padded.
std::vector<std::string> FormatTable(const std::vector<std::vector<std::string>>& rows);
// Prints FormatTable(rows), one line each. `rows[0]` is the header.
void PrintTable(const std::vector<std::vector<std::string>>& rows);

// "12.3 MB", "4.0 KB", "17 B" (powers of 1000).
std::string HumanBytes(double bytes);

// One progress line on stderr, redrawn in place: inputs done, documents,
// bytes and rate. Draws nothing until the run is `delay_seconds` old, so
// short runs leave no trace. The caller decides whether stderr is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(double delay_seconds = 0) : delay_seconds_(delay_seconds) {}
  void Draw(const pipeline::BatchProgress& progress);
  // Erases the line (before printing anything else on the terminal).
  void Clear();

 private:
  double delay_seconds_;
  bool drawn_ = false;
};

// Writes `value` as one JSON document (pretty) or as one line.
void PrintJson(const nlohmann::json& value, bool pretty);

}  // namespace tg::cli
