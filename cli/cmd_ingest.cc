// tiegraph ingest: read, clean, deduplicate and store news pages.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "pipeline/ingest.h"

namespace tg::cli {
namespace {

struct IngestArgs {
  GlobalOptions global;
  std::vector<std::string> paths;
  uint64_t max_doc_bytes = 32ull << 20;
  bool progress = true;
};

std::string HumanBytes(double bytes) {
  if (bytes >= 1e9) return fmt::format("{:.1f} GB", bytes / 1e9);
  if (bytes >= 1e6) return fmt::format("{:.1f} MB", bytes / 1e6);
  if (bytes >= 1e3) return fmt::format("{:.1f} KB", bytes / 1e3);
  return fmt::format("{} B", static_cast<uint64_t>(bytes));
}

// One status line on the terminal, redrawn in place.
class ProgressLine {
 public:
  void Draw(const pipeline::IngestProgress& p) {
    const double rate = p.seconds > 0 ? p.bytes / p.seconds : 0;
    const int width = 24;
    const int filled =
        p.inputs_total == 0 ? width : static_cast<int>(width * p.inputs_done / p.inputs_total);
    std::string bar(filled, '=');
    if (filled < width) bar += '>';
    bar.resize(width, ' ');
    std::string line = fmt::format("[{}] {}/{} inputs  {} docs  {}  {}/s", bar, p.inputs_done,
                                   p.inputs_total, p.documents, HumanBytes(p.bytes),
                                   HumanBytes(rate));
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r\x1b[K");
    drawn_ = false;
  }

 private:
  bool drawn_ = false;
};

nlohmann::json SummaryJson(const pipeline::IngestSummary& s) {
  nlohmann::json rejections = nlohmann::json::array();
  for (const auto& r : s.rejections) rejections.push_back({{"input", r.input}, {"reason", r.reason}});
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [reason, n] : s.rejection_counts) counts[reason] = n;
  return {{"read", s.read},
          {"stored", s.stored},
          {"exact_duplicates", s.exact_duplicates},
          {"near_duplicates", s.near_duplicates},
          {"already_stored", s.already_stored},
          {"rejected", s.rejected},
          {"bytes", s.bytes},
          {"seconds", s.seconds},
          {"stage_seconds",
           {{"read", s.read_seconds},
            {"clean", s.clean_seconds},
            {"dedup", s.dedup_seconds},
            {"store", s.store_seconds}}},
          {"rejection_counts", counts},
          {"rejections", rejections}};
}

void PrintSummaryText(const pipeline::IngestSummary& s, const std::string& db) {
  const double rate = s.seconds > 0 ? s.bytes / s.seconds : 0;
  std::cout << fmt::format("read            {} documents, {} in {:.2f} s ({}/s, {:.0f} docs/s)\n",
                           s.read, HumanBytes(s.bytes), s.seconds, HumanBytes(rate),
                           s.seconds > 0 ? s.read / s.seconds : 0.0);
  std::cout << fmt::format("stored          {} into {}\n", s.stored, db);
  std::cout << fmt::format("duplicates      {} exact, {} near (stored, grouped with their first copy)\n",
                           s.exact_duplicates, s.near_duplicates);
  std::cout << fmt::format("already stored  {} (same bytes ingested before: nothing added)\n",
                           s.already_stored);
  std::cout << fmt::format("rejected        {}\n", s.rejected);
  for (const auto& [reason, n] : s.rejection_counts) {
    std::cout << fmt::format("  {:>5}  {}\n", n, reason);
  }
}

void RunIngest(const IngestArgs& args, RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.global.db, /*read_only=*/false);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return;
  }
  const bool tty = args.progress && ::isatty(STDERR_FILENO);
  ProgressLine progress_line;
  pipeline::IngestOptions options;
  options.read.max_document_bytes = args.max_doc_bytes;
  if (tty) options.on_progress = [&](const pipeline::IngestProgress& p) { progress_line.Draw(p); };
  options.on_reject = [&](const pipeline::Rejection& r) {
    progress_line.Clear();
    PrintError("rejected " + r.input + ": " + r.reason);
  };
  pipeline::IngestPipeline pipeline(store.get(), std::move(options));
  Result<pipeline::IngestSummary> summary = pipeline.Run(args.paths);
  progress_line.Clear();
  if (!summary.has_value()) {
    PrintError("ingest stopped: " + summary.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  if (args.global.format == Format::kJson) {
    PrintJson(SummaryJson(*summary), /*pretty=*/false);
  } else {
    PrintSummaryText(*summary, args.global.db);
  }
  state->exit_code = summary->rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read news pages (.txt, .html/.htm, .jsonl, .warc, .warc.gz; directories are walked;\n"
      "'-' reads stdin), clean them, group duplicates and store them.\n"
      "Exit status: 0 all stored, 1 some inputs rejected (each named on stderr), 2 error.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json"});
  cmd->add_option("paths", args->paths, "Files, directories, or - for stdin")->required();
  cmd->add_option("--max-doc-bytes", args->max_doc_bytes,
                  "Reject pages (files, JSONL lines, WARC records) larger than this")
      ->capture_default_str();
  cmd->add_flag("!--no-progress", args->progress, "Do not draw a progress line on a terminal");
  cmd->callback([args, state]() { RunIngest(*args, state); });
}

}  // namespace tg::cli
