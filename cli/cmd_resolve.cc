// tiegraph resolve: rebuilds the resolved graph (entities and events across
// documents) from the stored extractions, and reports its decisions.
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_json.h"
#include "pipeline/resolve.h"
#include "resolve/names.h"

namespace tg::cli {
namespace {

struct ResolveArgs {
  GlobalOptions global;
  std::string data_dir;
  bool report = false;
};

bool HasHangul(const std::string& s) {
  const resolve::Script script = resolve::ScriptOf(s);
  return script == resolve::Script::kHangul || script == resolve::Script::kMixed;
}

void PrintReport(const store::Graph& graph, Format format) {
  const EntityIndex entities = IndexEntities(graph);
  std::vector<std::vector<std::string>> rows = {{"KIND", "SCORE", "NAME", "ENTITIES", "REASON"}};
  for (const store::ResolutionNote& n : graph.notes) {
    // The report lists merges across scripts and every ambiguous match.
    if (n.kind == "merge" && n.reason.rfind("across scripts", 0) != 0 && !HasHangul(n.name)) continue;
    if (format != Format::kText) {
      std::cout << NoteToJson(n, entities).dump() << '\n';
      continue;
    }
    std::string names;
    for (int64_t id : n.entities) {
      if (!names.empty()) names += " | ";
      auto it = entities.find(id);
      names += it != entities.end() ? DisplayName(*it->second) : std::to_string(id);
    }
    rows.push_back({n.kind, fmt::format("{:.2f}", n.score), FitWidth(n.name, 50), FitWidth(names, 60),
                    n.reason});
  }
  if (format == Format::kText) PrintTable(rows);
}

void RunResolve(const ResolveArgs& args, RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.global.db, /*read_only=*/false);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return;
  }
  Result<resolve::Resolver> resolver = resolve::Resolver::Load(args.data_dir);
  if (!resolver.has_value()) {
    PrintError("cannot load the resolver's data: " + resolver.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  Result<pipeline::ResolveSummary> summary = pipeline::ResolveStore(store.get(), *resolver);
  if (!summary.has_value()) {
    PrintError(DbLabel(args.global.db) + ": resolution failed: " + summary.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  if (args.report) {
    Result<store::Graph> graph = store->GetGraph();
    if (!graph.has_value()) {
      PrintError(DbLabel(args.global.db) + ": cannot read the graph: " + graph.error().ToString());
      state->exit_code = kExitError;
      return;
    }
    PrintReport(*graph, args.global.format);
    return;
  }
  const pipeline::ResolveSummary& s = *summary;
  if (args.global.format != Format::kText) {
    std::cout << nlohmann::json{{"documents", s.documents}, {"entities", s.entities},
                                {"events", s.events},       {"merges", s.merges},
                                {"ambiguous", s.ambiguous}, {"read_seconds", s.read_seconds},
                                {"resolve_seconds", s.resolve_seconds},
                                {"write_seconds", s.write_seconds}}
                     .dump()
              << '\n';
    return;
  }
  std::cout << fmt::format("resolved  {} documents into {} entities and {} events\n", s.documents,
                           s.entities, s.events);
  std::cout << fmt::format("decisions {} merges of differently written names, {} ambiguous left apart\n",
                           s.merges, s.ambiguous);
  std::cout << fmt::format("time      read {:.2f} s, resolve {:.2f} s, write {:.2f} s\n",
                           s.read_seconds, s.resolve_seconds, s.write_seconds);
}

}  // namespace

void AddResolveCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<ResolveArgs>();
  CLI::App* cmd = app.add_subcommand(
      "resolve",
      "Rebuild the graph of the database from its stored extractions: one entity per person\n"
      "and organisation across documents and languages, one event per real-world meeting or\n"
      "trip. `ingest` does this after every run; use it after changing the data folder.\n"
      "--report lists every merge across scripts and every ambiguous match left apart.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  AddDataDirOption(cmd, &args->data_dir);
  cmd->add_flag("--report", args->report, "List merges across scripts and ambiguous matches");
  cmd->callback([args, state]() { RunResolve(*args, state); });
}

}  // namespace tg::cli
