// tiegraph top: the most connected people or organisations.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "query/json.h"

namespace tg::cli {
namespace {

struct TopArgs {
  GlobalOptions global;
  FilterArgs filter;
  std::string by = "degree";
  std::string kind = "person";
  int limit = 20;
};

void PrintText(const query::GraphIndex& index, const query::TopResult& r, const TopArgs& args) {
  // Degree is the partner count itself: no separate score column then.
  const bool degree = args.by == "degree";
  std::vector<std::vector<std::string>> rows = {
      {"RANK", "NAME", "TYPE", "TITLE / ORG", degree ? "" : "SCORE",
       args.kind == "org" ? "PARTNER ORGS" : "PARTNERS", "MEETINGS"}};
  for (size_t i = 0; i < r.entries.size(); ++i) {
    const query::RankedEntity& e = r.entries[i];
    const store::GraphEntity& g = *index.FindEntity(e.entity);
    std::string role = g.title;
    if (!g.org.empty()) role += (role.empty() ? "" : ", ") + g.org;
    const std::string score = args.by == "degree"        ? fmt::format("{:.0f}", e.score)
                              : args.by == "pagerank"    ? fmt::format("{:.4f}", e.score)
                                                         : fmt::format("{:.1f}", e.score);
    rows.push_back({std::to_string(i + 1), FitWidth(query::DisplayName(g), 40),
                    g.type == "ORG" ? "org" : "person", role.empty() ? "-" : FitWidth(role, 36),
                    score, std::to_string(e.degree), std::to_string(e.meetings)});
  }
  if (degree) {
    for (auto& row : rows) row.erase(row.begin() + 4);
  }
  PrintTable(rows);
  if (r.estimated) std::cout << "(betweenness estimated from sampled sources)\n";
}

void RunTop(const TopArgs& args, RunState* state) {
  std::optional<query::EventFilter> filter = FilterOrReport(args.filter, state);
  if (!filter) return;
  Result<query::Measure> by = query::ParseMeasure(args.by);
  if (!by.has_value()) return ReportFailure(by.error(), state);
  query::TopOptions options;
  options.by = *by;
  options.filter = *filter;
  options.limit = args.limit;
  options.kind = args.kind == "org"   ? query::EntityKind::kOrg
                 : args.kind == "all" ? query::EntityKind::kAny
                                      : query::EntityKind::kPerson;
  auto index = LoadGraphOrReport(args.global.db, state);
  if (index == nullptr) return;
  Result<query::TopResult> r = query::Top(*index, options);
  if (!r.has_value()) return ReportFailure(r.error(), state);
  const bool printed = PrintJsonForms(
      args.global.format, [&] { return query::TopJson(*index, *r, *by); }, r->entries,
      [&](const query::RankedEntity& e) { return query::RankedEntityJson(*index, e); });
  if (!printed) PrintText(*index, *r, args);
}

}  // namespace

void AddTopCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<TopArgs>();
  CLI::App* cmd = app.add_subcommand(
      "top", "The most connected people or organisations (an org links through its people).");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("--by", args->by, "degree, betweenness or pagerank")
      ->capture_default_str()
      ->check(CLI::IsMember({"degree", "betweenness", "pagerank"}));
  cmd->add_option("--kind", args->kind, "person, org or all")
      ->capture_default_str()
      ->check(CLI::IsMember({"person", "org", "all"}));
  cmd->add_option("--limit", args->limit, "At most this many")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([args, state]() { RunTop(*args, state); });
}

}  // namespace tg::cli
