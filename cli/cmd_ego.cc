// tiegraph ego: a person's neighbourhood of meetings to a given depth.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "query/json.h"

namespace tg::cli {
namespace {

struct EgoArgs {
  GlobalOptions global;
  std::string name;
  query::EgoOptions options;
  std::string status = "any";
};

void PrintText(const query::GraphIndex& index, const query::EgoResult& r) {
  std::cout << fmt::format("{}: {} people and organisations within {} link{}, {} link{}{}\n\n",
                           EntityCell(index, r.center), r.nodes.size(), r.nodes.back().depth,
                           r.nodes.back().depth == 1 ? "" : "s", r.edges.size(),
                           r.edges.size() == 1 ? "" : "s",
                           r.truncated ? " (cut at --max-nodes)" : "");
  std::map<int64_t, int64_t> meetings;  // per node, over the edges shown
  for (const query::EgoEdge& e : r.edges) {
    meetings[e.a] += static_cast<int64_t>(e.events.size());
    meetings[e.b] += static_cast<int64_t>(e.events.size());
  }
  std::vector<std::vector<std::string>> rows = {{"DEPTH", "NAME", "TITLE", "ORG", "MEETINGS"}};
  for (const query::EgoNode& n : r.nodes) {
    const store::GraphEntity& e = *index.FindEntity(n.entity);
    rows.push_back({std::to_string(n.depth), FitWidth(query::DisplayName(e), 40),
                    e.title.empty() ? "-" : FitWidth(e.title, 24),
                    e.org.empty() ? "-" : FitWidth(e.org, 30), std::to_string(meetings[n.entity])});
  }
  PrintTable(rows);
  if (r.edges.empty()) return;
  std::cout << '\n';
  rows = {{"A", "B", "MEETINGS", "EVENTS"}};
  for (const query::EgoEdge& e : r.edges) {
    rows.push_back({FitWidth(EntityCell(index, e.a), 36), FitWidth(EntityCell(index, e.b), 36),
                    std::to_string(e.events.size()), EventIdsCell(e.events)});
  }
  PrintTable(rows);
}

void RunEgo(EgoArgs args, RunState* state) {
  Result<query::StatusFilter> status = query::ParseStatusFilter(args.status);
  if (!status.has_value()) return ReportFailure(status.error(), state);
  args.options.status = *status;
  auto index = LoadGraphOrReport(args.global.db, state);
  if (index == nullptr) return;
  std::optional<int64_t> id =
      ResolveOrReport(*index, args.name, query::EntityKind::kAny, args.global.format, state);
  if (!id) return;
  Result<query::EgoResult> r = query::Ego(*index, *id, args.options);
  if (!r.has_value()) return ReportFailure(r.error(), state);
  if (args.global.format == Format::kText) return PrintText(*index, *r);
  const nlohmann::json j = query::EgoJson(*index, *r);
  if (args.global.format == Format::kJson) return PrintJson(j, /*pretty=*/true);
  // JSONL: nodes, then edges, one object per line.
  for (const auto& n : j["nodes"]) PrintJson({{"kind", "node"}, {"node", n}}, false);
  for (const auto& e : j["edges"]) PrintJson({{"kind", "edge"}, {"edge", e}}, false);
}

}  // namespace

void AddEgoCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<EgoArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ego", "A person's neighbourhood: whom they met, whom those met, to --depth links.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("name", args->name, "Name in any language or alias form")->required();
  cmd->add_option("--depth", args->options.depth, "Links from the centre")
      ->capture_default_str()
      ->check(CLI::Range(0, 6));
  cmd->add_option("--max-nodes", args->options.max_nodes, "Nearest first, at most this many")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--status", args->status, "Meetings that count: any, occurred, planned, denied")
      ->capture_default_str();
  cmd->callback([args, state]() { RunEgo(*args, state); });
}

}  // namespace tg::cli
