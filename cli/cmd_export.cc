// tiegraph export: the whole graph for graph tools (GraphML, GEXF, CSV,
// JSONL, Cypher).
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "query/export.h"

namespace tg::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::string format;
  std::string out;
  FilterArgs filter;
  bool no_members = false;
  bool no_isolated = false;
};

void RunExport(const ExportArgs& args, RunState* state) {
  Result<query::ExportFormat> format = query::ParseExportFormat(args.format);
  if (!format.has_value()) return ReportFailure(format.error(), state);
  if (*format == query::ExportFormat::kCsv && args.out.empty()) {
    PrintError("--format csv writes nodes.csv and edges.csv: give a folder with --out");
    state->exit_code = kExitError;
    return;
  }
  std::optional<query::EventFilter> filter = FilterOrReport(args.filter, state);
  if (!filter) return;
  auto index = LoadGraphOrReport(args.db, state);
  if (index == nullptr) return;
  query::ExportOptions options;
  options.filter = *filter;
  options.members = !args.no_members;
  options.isolated = !args.no_isolated;
  Status status;
  if (!args.out.empty()) {
    status = query::ExportToPath(*index, options, *format, args.out);
  } else {
    status = query::WriteExport(*index, query::CollectExportGraph(*index, options), *format,
                                std::cout);
    std::cout.flush();
  }
  if (!status.ok()) ReportFailure(status, state);
}

}  // namespace

void AddExportCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the graph for graph tools: graphml (Cytoscape, Gephi), gexf (Gephi, with time\n"
      "spells), csv (nodes.csv + edges.csv for sqlite3 .import or Neo4j LOAD CSV), jsonl,\n"
      "cypher (a Neo4j script). Nodes: persons and orgs; edges: met, member_of.");
  AddDbOption(cmd, &args->db);
  cmd->add_option("--format", args->format, "graphml, gexf, csv, jsonl or cypher")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "csv", "jsonl", "cypher"}));
  cmd->add_option("--out", args->out, "Output file (csv: a folder); standard output when absent");
  AddFilterOptions(cmd, &args->filter);
  cmd->add_flag("--no-members", args->no_members, "Leave out person -> org member_of edges");
  cmd->add_flag("--no-isolated", args->no_isolated, "Leave out entities without any edge");
  cmd->callback([args, state]() { RunExport(*args, state); });
}

}  // namespace tg::cli
