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

}  // namespace tg::cli
