// tiegraph ner: train and evaluate the named-entity tagger (stub until it lands).
#include "cli/commands.h"

namespace tg::cli {

void AddNerCommand(CLI::App& app, RunState* state) {
  CLI::App* cmd = app.add_subcommand("ner", "Train and evaluate the named-entity tagger.");
  cmd->callback([state]() {
    PrintError("ner: not built yet");
    state->exit_code = kExitError;
  });
}

}  // namespace tg::cli
