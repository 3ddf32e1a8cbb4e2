// tiegraph path: the shortest chains of meetings between two people.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "query/json.h"

namespace tg::cli {
namespace {

struct PathArgs {
  GlobalOptions global;
  std::string from;
  std::string to;
  query::PathOptions options;
  std::string status = "any";
  bool evidence = false;
};

// "#10 2024-10-01 Berlin" for the latest dated meeting of a hop (the events
// come in date order, undated last), plus "(+2 more)".
std::string HopCell(const query::GraphIndex& index, const query::PathHop& hop) {
  if (hop.events.empty()) return "";
  const store::GraphEvent* latest = index.FindEvent(hop.events.back());
  for (auto it = hop.events.rbegin(); it != hop.events.rend(); ++it) {
    const store::GraphEvent* ev = index.FindEvent(*it);
    if (!query::EventDate(*ev).empty()) {
      latest = ev;
      break;
    }
  }
  const store::GraphEvent& last = *latest;
  std::string out = fmt::format("#{} {}", last.id, DateCell(last));
  if (!last.place.empty()) out += " " + last.place;
  if (hop.events.size() > 1) out += fmt::format(" (+{} more)", hop.events.size() - 1);
  return out;
}

void PrintText(const query::GraphIndex& index, const query::PathResult& r, int max_hops,
               bool evidence) {
  const std::string from = EntityCell(index, r.from);
  const std::string to = EntityCell(index, r.to);
  if (r.hops < 0) {
    std::cout << fmt::format("No chain of meetings links {} and {} within {} hops.\n", from, to,
                             max_hops);
    return;
  }
  std::cout << fmt::format("{} → {}: {} shortest chain{} of {} meeting link{}{}\n", from, to,
                           r.paths.size(), r.paths.size() == 1 ? "" : "s", r.hops,
                           r.hops == 1 ? "" : "s", r.truncated ? " (more not shown)" : "");
  for (size_t i = 0; i < r.paths.size(); ++i) {
    const query::Path& p = r.paths[i];
    std::string chain;
    for (int64_t id : p.entities) chain += (chain.empty() ? "" : " → ") + EntityCell(index, id);
    std::cout << fmt::format("\n{}. {}\n", i + 1, chain);
    std::vector<std::vector<std::string>> rows;
    for (const query::PathHop& hop : p.hops) {
      rows.push_back({"  " + EntityCell(index, hop.from), "—", EntityCell(index, hop.to),
                      HopCell(index, hop)});
    }
    PrintTable(rows);
    if (!evidence) continue;
    for (const query::PathHop& hop : p.hops) {
      std::cout << fmt::format("  {} — {}\n", EntityCell(index, hop.from), EntityCell(index, hop.to));
      for (int64_t id : hop.events) PrintEvidence(*index.FindEvent(id));
    }
  }
}

void RunPath(PathArgs args, RunState* state) {
  Result<query::StatusFilter> status = query::ParseStatusFilter(args.status);
  if (!status.has_value()) return ReportFailure(status.error(), state);
  args.options.status = *status;
  auto index = LoadGraphOrReport(args.global.db, state);
  if (index == nullptr) return;
  std::optional<int64_t> from =
      ResolveOrReport(*index, args.from, query::EntityKind::kAny, args.global.format, state);
  if (!from) return;
  std::optional<int64_t> to =
      ResolveOrReport(*index, args.to, query::EntityKind::kAny, args.global.format, state);
  if (!to) return;
  Result<query::PathResult> r = query::FindPaths(*index, *from, *to, args.options);
  if (!r.has_value()) return ReportFailure(r.error(), state);
  if (args.global.format == Format::kJson) {
    PrintJson(query::PathJson(*index, *r), /*pretty=*/true);
  } else {
    PrintText(*index, *r, args.options.max_hops, args.evidence);
  }
  // No chain is an answer, not an error; scripts can tell by "hops": null.
}

}  // namespace

void AddPathCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<PathArgs>();
  CLI::App* cmd = app.add_subcommand(
      "path", "The shortest chains of meetings between two people, every alternative of equal "
              "length.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json"});
  cmd->add_option("from", args->from, "First person (any language or alias form)")->required();
  cmd->add_option("to", args->to, "Second person")->required();
  cmd->add_option("--max-hops", args->options.max_hops, "Longest chain searched")
      ->capture_default_str()
      ->check(CLI::Range(0, 20));
  cmd->add_option("--max-paths", args->options.max_paths, "Alternatives listed at most")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--status", args->status, "Meetings that count: any, occurred, planned, denied")
      ->capture_default_str();
  cmd->add_flag("--evidence", args->evidence, "Text: list each link's reports and sentences");
  cmd->callback([args, state]() { RunPath(*args, state); });
}

}  // namespace tg::cli
