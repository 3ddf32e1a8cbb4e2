#pragma once
// One function per verb: each adds its subcommand to `app`; the callback it
// installs runs the verb and leaves the exit status in `state`.
#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace tg::cli {

void AddIngestCommand(CLI::App& app, RunState* state);
void AddDocsCommand(CLI::App& app, RunState* state);
void AddShowCommand(CLI::App& app, RunState* state);
void AddSearchCommand(CLI::App& app, RunState* state);
void AddNerCommand(CLI::App& app, RunState* state);
void AddEntitiesCommand(CLI::App& app, RunState* state);
void AddExtractCommand(CLI::App& app, RunState* state);
// The graph query verbs (graph_output.h holds their shared pieces).
void AddWhoMetCommand(CLI::App& app, RunState* state);
void AddTimelineCommand(CLI::App& app, RunState* state);
void AddPathCommand(CLI::App& app, RunState* state);
void AddEgoCommand(CLI::App& app, RunState* state);
void AddTopCommand(CLI::App& app, RunState* state);
void AddTopicsCommand(CLI::App& app, RunState* state);
void AddExportCommand(CLI::App& app, RunState* state);
void AddEventsCommand(CLI::App& app, RunState* state);
void AddResolveCommand(CLI::App& app, RunState* state);
void AddServeCommand(CLI::App& app, RunState* state);

}  // namespace tg::cli
