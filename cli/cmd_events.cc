// tiegraph events: the merged events of the resolved graph, one per
// real-world meeting or trip, with every document that reports it.
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_json.h"

namespace tg::cli {
namespace {

struct EventsArgs {
  GlobalOptions global;
  std::string kind = "all";
  bool group = false;
};

void RunEvents(const EventsArgs& args, RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.global.db, /*read_only=*/true);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return;
  }
  Result<store::Graph> graph = store->GetGraph();
  if (!graph.has_value()) {
    PrintError(DbLabel(args.global.db) + ": cannot read the graph: " + graph.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  const EntityIndex entities = IndexEntities(*graph);
  std::vector<std::vector<std::string>> rows = {
      {"ID", "KIND", "DATE", "STATUS", "PARTICIPANTS", "PLACE", "DOCS"}};
  for (const store::GraphEvent& ev : graph->events) {
    if (args.kind != "all" && ev.kind != args.kind) continue;
    if (args.global.format != Format::kText) {
      if (args.group) {
        std::cout << EventToJson(ev, entities).dump() << '\n';
      } else {
        for (const nlohmann::json& rec : PairEventsToJson(ev, entities)) std::cout << rec.dump() << '\n';
      }
      continue;
    }
    std::string people;
    for (int64_t p : ev.participants) {
      if (!people.empty()) people += ", ";
      auto it = entities.find(p);
      people += it != entities.end() ? DisplayName(*it->second) : std::to_string(p);
    }
    const std::string when = !ev.date.empty() ? ev.date : !ev.date_hint.empty() ? ev.date_hint : "-";
    std::string place = ev.kind == "trip" ? fmt::format("{}", fmt::join(ev.destinations, ", ")) : ev.place;
    rows.push_back({std::to_string(ev.id), ev.kind, when, ev.status, FitWidth(people, 70),
                    FitWidth(place.empty() ? "-" : place, 30), std::to_string(ev.docs.size())});
  }
  if (args.global.format == Format::kText) PrintTable(rows);
}

}  // namespace

void AddEventsCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "events",
      "List the merged events of the database: one per real-world meeting or trip, with the\n"
      "best-supported date and place, the status of the latest report, and every document\n"
      "and evidence sentence behind it. `ingest` keeps them up to date; see `resolve`.\n"
      "JSON output is pairwise by default: one record per pair of people who met (a meeting\n"
      "of three gives three records sharing its \"event\" id, each with the reports that\n"
      "name both); --group gives one record per meeting with all its participants.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("--kind", args->kind, "meeting, trip or all")
      ->check(CLI::IsMember({"meeting", "trip", "all"}))
      ->capture_default_str();
  cmd->add_flag("--group", args->group, "JSON: one record per meeting, not per pair");
  cmd->callback([args, state]() { RunEvents(*args, state); });
}

}  // namespace tg::cli
