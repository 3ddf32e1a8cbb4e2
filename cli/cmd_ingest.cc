// tiegraph ingest: read, clean, deduplicate and store news pages, with the
// meetings and trips of each new story.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "extract/entities.h"
#include "pipeline/ingest.h"
#include "pipeline/resolve.h"

namespace tg::cli {
namespace {

struct IngestArgs {
  GlobalOptions global;
  std::vector<std::string> paths;
  uint64_t max_doc_bytes = 32ull << 20;
  bool progress = true;
  bool extract = true;
  bool resolve = true;
  std::string data_dir;
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
          {"extracted", s.extracted},
          {"meetings", s.meetings},
          {"trips", s.trips},
          {"seconds", s.seconds},
          {"stage_seconds",
           {{"read", s.read_seconds},
            {"clean", s.clean_seconds},
            {"dedup", s.dedup_seconds},
            {"extract", s.extract_seconds},
            {"store", s.store_seconds}}},
          {"rejection_counts", counts},
          {"rejections", rejections}};
}

void PrintSummaryText(const pipeline::IngestSummary& s, const std::string& db, bool extracted) {
  const double rate = s.seconds > 0 ? s.bytes / s.seconds : 0;
  std::cout << fmt::format("read            {} documents, {} in {:.2f} s ({}/s, {:.0f} docs/s)\n",
                           s.read, HumanBytes(s.bytes), s.seconds, HumanBytes(rate),
                           s.seconds > 0 ? s.read / s.seconds : 0.0);
  std::cout << fmt::format("stored          {} into {}\n", s.stored, DbLabel(db));
  std::cout << fmt::format("duplicates      {} exact, {} near (stored, grouped with their first copy)\n",
                           s.exact_duplicates, s.near_duplicates);
  std::cout << fmt::format("already stored  {} (same bytes ingested before: nothing added)\n",
                           s.already_stored);
  if (extracted) {
    std::cout << fmt::format("events          {} meetings, {} trips from {} new stories ({:.2f} s)\n",
                             s.meetings, s.trips, s.extracted, s.extract_seconds);
  } else {
    std::cout << "events          not extracted (--no-extract)\n";
  }
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
  std::unique_ptr<extract::EntityExtractor> extractor;
  if (args.extract) {
    extract::ExtractorOptions extractor_options;
    extractor_options.data_dir = args.data_dir;
    Result<std::unique_ptr<extract::EntityExtractor>> created =
        extract::EntityExtractor::Create(extractor_options);
    if (!created.has_value()) {
      PrintError("cannot load the entity models: " + created.error().ToString());
      state->exit_code = kExitError;
      return;
    }
    extractor = std::move(created).value();
  }
  const bool tty = args.progress && ::isatty(STDERR_FILENO);
  ProgressLine progress_line;
  pipeline::IngestOptions options;
  options.read.max_document_bytes = args.max_doc_bytes;
  options.extractor = extractor.get();
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
  // Rebuild the cross-document graph from every stored extraction (old and
  // new); documents are not re-read.
  std::optional<pipeline::ResolveSummary> resolved;
  if (args.extract && args.resolve) {
    Result<resolve::Resolver> resolver = resolve::Resolver::Load(args.data_dir);
    Result<pipeline::ResolveSummary> r =
        resolver.has_value() ? pipeline::ResolveStore(store.get(), *resolver)
                             : Result<pipeline::ResolveSummary>(resolver.error());
    if (!r.has_value()) {
      PrintError(DbLabel(args.global.db) + ": documents stored, but resolution failed (run `tiegraph resolve`): " +
                 r.error().ToString());
      state->exit_code = kExitError;
      return;
    }
    resolved = *r;
  }
  if (args.global.format == Format::kJson) {
    nlohmann::json out = SummaryJson(*summary);
    if (resolved) {
      out["resolve"] = {{"entities", resolved->entities}, {"events", resolved->events},
                        {"merges", resolved->merges}, {"ambiguous", resolved->ambiguous},
                        {"seconds", resolved->read_seconds + resolved->resolve_seconds +
                                        resolved->write_seconds}};
    }
    PrintJson(out, /*pretty=*/false);
  } else {
    PrintSummaryText(*summary, args.global.db, args.extract);
    if (resolved) {
      std::cout << fmt::format("graph           {} entities, {} events across all {} stories ({:.2f} s)\n",
                               resolved->entities, resolved->events, resolved->documents,
                               resolved->read_seconds + resolved->resolve_seconds +
                                   resolved->write_seconds);
    }
  }
  state->exit_code = summary->rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read news pages (.txt, .html/.htm, .jsonl, .warc, .warc.gz; directories are walked;\n"
      "'-' reads stdin), clean them, group duplicates and store them, with the meetings and\n"
      "trips of each new story (the first copy of each duplicate group).\n"
      "Exit status: 0 all stored, 1 some inputs rejected (each named on stderr), 2 error.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json"});
  cmd->add_option("paths", args->paths, "Files, directories, or - for stdin")->required();
  cmd->add_option("--max-doc-bytes", args->max_doc_bytes,
                  "Reject pages (files, JSONL lines, WARC records) larger than this")
      ->capture_default_str();
  cmd->add_flag("!--no-progress", args->progress, "Do not draw a progress line on a terminal");
  cmd->add_flag("!--no-extract", args->extract,
                "Store documents only: no entity or event extraction (raw-throughput runs)");
  cmd->add_flag("!--no-resolve", args->resolve,
                "Do not rebuild the cross-document graph after storing (run `tiegraph resolve` later)");
  AddDataDirOption(cmd, &args->data_dir);
  cmd->callback([args, state]() { RunIngest(*args, state); });
}

}  // namespace tg::cli
