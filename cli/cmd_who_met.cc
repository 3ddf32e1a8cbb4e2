// tiegraph who-met: the people (and orgs) someone met, with dates, places,
// topics and how many documents report it.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "query/json.h"

namespace tg::cli {
namespace {

struct WhoMetArgs {
  GlobalOptions global;
  FilterArgs filter;
  std::string name;
  bool evidence = false;
};

void PrintText(const query::GraphIndex& index, const query::WhoMetResult& r, bool evidence) {
  const store::GraphEntity& who = *index.FindEntity(r.entity);
  std::string role = who.title;
  if (!who.org.empty()) role += (role.empty() ? "" : ", ") + who.org;
  std::cout << fmt::format("{}{}: {} meeting{} with {} counterpart{}\n\n", query::DisplayName(who),
                           role.empty() ? "" : " — " + role, r.meetings,
                           r.meetings == 1 ? "" : "s", r.counterparts.size(),
                           r.counterparts.size() == 1 ? "" : "s");
  if (r.counterparts.empty()) return;
  std::vector<std::vector<std::string>> rows = {
      {"COUNTERPART", "MEETINGS", "FIRST", "LAST", "PLACES", "TOPICS", "SOURCES", "EVENTS"}};
  for (const query::Counterpart& c : r.counterparts) {
    rows.push_back({FitWidth(EntityCell(index, c.entity), 36),
                    std::to_string(c.events.size()) + (c.occurred ? "" : " (planned)"),
                    c.first_date.empty() ? "-" : c.first_date,
                    c.last_date.empty() ? "-" : c.last_date, ListCell(c.places, 24),
                    ListCell(c.topics, 36), std::to_string(c.sources), EventIdsCell(c.events)});
  }
  PrintTable(rows);
  if (!evidence) return;
  for (const query::Counterpart& c : r.counterparts) {
    std::cout << '\n' << EntityCell(index, c.entity) << '\n';
    for (int64_t id : c.events) PrintEvidence(*index.FindEvent(id));
  }
}

void RunWhoMet(const WhoMetArgs& args, RunState* state) {
  std::optional<Subject> subject =
      SubjectOrReport(args.global.db, args.name, args.filter, args.global.format, state);
  if (!subject) return;
  const query::GraphIndex& index = *subject->index;
  Result<query::WhoMetResult> r = query::WhoMet(index, subject->entity, subject->filter);
  if (!r.has_value()) return ReportFailure(r.error(), state);
  const bool printed = PrintJsonForms(
      args.global.format, [&] { return query::WhoMetJson(index, *r); }, r->counterparts,
      [&](const query::Counterpart& c) { return query::CounterpartJson(index, c); });
  if (!printed) PrintText(index, *r, args.evidence);
}

}  // namespace

void AddWhoMetCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<WhoMetArgs>();
  CLI::App* cmd = app.add_subcommand(
      "who-met",
      "Whom a person (or an organisation's people) met: dates, places, topics, sources.\n"
      "An ambiguous name lists the candidates (exit 4); an unknown one exits 3.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("name", args->name, "Name in any language or alias form (\"이재용\", \"Chairman Lee\")")
      ->required();
  AddFilterOptions(cmd, &args->filter);
  cmd->add_flag("--evidence", args->evidence, "Text: list each meeting's reports and sentences");
  cmd->callback([args, state]() { RunWhoMet(*args, state); });
}

}  // namespace tg::cli
