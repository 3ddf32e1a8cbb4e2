// tiegraph search: full-text search over clean text, English and Korean.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace tg::cli {
namespace {

struct SearchArgs {
  GlobalOptions global;
  std::string query;
  int limit = 20;
};

nlohmann::json HitToJson(const store::SearchHit& h) {
  return {{"id", h.id}, {"ext_id", h.ext_id}, {"title", h.title}, {"snippet", h.snippet},
          {"score", h.score}};
}

void RunSearch(const SearchArgs& args, RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.global.db, /*read_only=*/true);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return;
  }
  Result<std::vector<store::SearchHit>> hits = store->Search(args.query, args.limit);
  if (!hits.has_value()) {
    PrintError("search \"" + args.query + "\": " + hits.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  switch (args.global.format) {
    case Format::kJson: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& h : *hits) out.push_back(HitToJson(h));
      PrintJson(out, /*pretty=*/true);
      return;
    }
    case Format::kJsonl:
      for (const auto& h : *hits) PrintJson(HitToJson(h), /*pretty=*/false);
      return;
    case Format::kText:
      for (const auto& h : *hits) {
        // One line per hit on a terminal: paragraph breaks become " / ".
        std::string snippet;
        for (char c : h.snippet) {
          if (c == '\n') {
            snippet += " / ";
          } else {
            snippet += c;
          }
        }
        std::cout << fmt::format("{:>5}  {}\n       {}\n", h.id, FitWidth(h.title, 90),
                                 FitWidth(snippet, 110));
      }
      std::cout << fmt::format("{} hit{}\n", hits->size(), hits->size() == 1 ? "" : "s");
      return;
  }
}

}  // namespace

void AddSearchCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Full-text search over clean text. Words are all required; \"quoted phrases\"; OR.\n"
      "Korean words match without their particles: 회장 finds 회장이, 회장은.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("query", args->query, "Search query")->required();
  cmd->add_option("--limit", args->limit, "At most this many hits")->capture_default_str();
  cmd->callback([args, state]() { RunSearch(*args, state); });
}

}  // namespace tg::cli
