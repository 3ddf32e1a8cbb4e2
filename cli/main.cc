// tiegraph: turns business news pages into a graph of who met whom.
// Dispatches to one verb per cmd_<verb>.cc; see docs/cli.md.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common.h"

int main(int argc, char** argv) {
  CLI::App app{
      "tiegraph: turns business news pages (English and Korean; text, HTML, JSONL, WARC)\n"
      "into a graph of who met whom, every fact traced to its sentence.",
      "tiegraph"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tiegraph 0.1.0");
  tg::cli::RunState state;
  tg::cli::AddIngestCommand(app, &state);
  tg::cli::AddDocsCommand(app, &state);
  tg::cli::AddShowCommand(app, &state);
  tg::cli::AddSearchCommand(app, &state);
  tg::cli::AddEntitiesCommand(app, &state);
  tg::cli::AddExtractCommand(app, &state);
  tg::cli::AddResolveCommand(app, &state);
  tg::cli::AddEventsCommand(app, &state);
  tg::cli::AddServeCommand(app, &state);
  for (auto add : {tg::cli::AddWhoMetCommand, tg::cli::AddTimelineCommand, tg::cli::AddPathCommand,
                   tg::cli::AddEgoCommand, tg::cli::AddTopCommand, tg::cli::AddTopicsCommand,
                   tg::cli::AddExportCommand}) {
    add(app, &state);  // the graph query verbs (query/)
  }
  tg::cli::AddNerCommand(app, &state);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // --help and --version are successes; any other parse error is bad usage.
    return code == 0 ? 0 : tg::cli::kExitError;
  }
  return state.exit_code;
}
