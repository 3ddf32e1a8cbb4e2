// tiegraph docs: list stored documents, filtered by language, outlet and date.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace tg::cli {
namespace {

struct DocsArgs {
  GlobalOptions global;
  store::DocFilter filter;
  bool all = false;
};

std::string GroupCell(const store::DocSummary& d) {
  if (d.dup_group == d.id) return "-";
  return fmt::format("={} {}", d.dup_group, DupKindName(d.dup_kind));
}

void RunDocs(DocsArgs args, RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.global.db, /*read_only=*/true);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return;
  }
  if (args.all) args.filter.limit = 1 << 30;
  Result<std::vector<store::DocSummary>> docs = store->List(args.filter);
  if (!docs.has_value()) {
    PrintError(docs.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  switch (args.global.format) {
    case Format::kJson: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& d : *docs) out.push_back(SummaryToJson(d));
      PrintJson(out, /*pretty=*/true);
      return;
    }
    case Format::kJsonl:
      for (const auto& d : *docs) PrintJson(SummaryToJson(d), /*pretty=*/false);
      return;
    case Format::kText: {
      std::vector<std::vector<std::string>> rows = {
          {"ID", "LANG", "PUBLISHED", "OUTLET", "DUP OF", "TITLE"}};
      for (const auto& d : *docs) {
        rows.push_back({std::to_string(d.id), d.lang.empty() ? "-" : d.lang,
                        d.published.empty() ? "-" : d.published,
                        FitWidth(d.outlet.empty() ? "-" : d.outlet, 24), GroupCell(d),
                        FitWidth(d.title.empty() ? d.ext_id : d.title, 70)});
      }
      PrintTable(rows);
      std::cout << fmt::format("{} document{}\n", docs->size(), docs->size() == 1 ? "" : "s");
      return;
    }
  }
}

}  // namespace

void AddDocsCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<DocsArgs>();
  CLI::App* cmd = app.add_subcommand("docs", "List stored documents, newest first.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("--lang", args->filter.lang, "Only this language (en, ko, other)");
  cmd->add_option("--outlet", args->filter.outlet, "Only outlets containing this text");
  cmd->add_option("--since", args->filter.since, "Published on or after YYYY-MM-DD");
  cmd->add_option("--until", args->filter.until, "Published on or before YYYY-MM-DD");
  cmd->add_flag("--leaders", args->filter.leaders_only,
                "Only the first document of each duplicate group");
  cmd->add_option("--limit", args->filter.limit, "At most this many")->capture_default_str();
  cmd->add_option("--offset", args->filter.offset, "Skip this many")->capture_default_str();
  cmd->add_flag("--all", args->all, "No limit");
  cmd->callback([args, state]() { RunDocs(*args, state); });
}

}  // namespace tg::cli
