// tiegraph timeline: someone's meetings and trips in date order.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "query/json.h"

namespace tg::cli {
namespace {

struct TimelineArgs {
  GlobalOptions global;
  FilterArgs filter;
  std::string name;
  bool evidence = false;
};

// Who else took part: the other participants, or for a trip its destinations
// and companions.
std::string WhatCell(const query::GraphIndex& index, const store::GraphEvent& ev,
                     int64_t self) {
  std::vector<std::string> others;
  for (int64_t p : ev.participants) {
    if (p != self && p != ev.traveler) others.push_back(EntityCell(index, p));
  }
  if (ev.kind != "trip") return ListCell(others, 48);
  std::string out = "to " + ListCell(ev.destinations, 30);
  if (ev.traveler != self) out += " (" + EntityCell(index, ev.traveler) + "'s trip)";
  if (!others.empty()) out += " with " + ListCell(others, 30);
  return FitWidth(out, 60);
}

void PrintText(const query::GraphIndex& index, const query::TimelineResult& r, bool evidence) {
  std::cout << fmt::format("{}: {} event{}\n\n", EntityCell(index, r.entity), r.entries.size(),
                           r.entries.size() == 1 ? "" : "s");
  if (r.entries.empty()) return;
  std::vector<std::vector<std::string>> rows = {
      {"DATE", "KIND", "WITH / WHERE", "PLACE", "STATUS", "TOPICS", "SOURCES", "EVENT"}};
  bool any_undated = false;
  for (const query::TimelineEntry& e : r.entries) {
    const store::GraphEvent& ev = *index.FindEvent(e.event);
    any_undated = any_undated || e.undated;
    rows.push_back({e.date.empty() ? "undated" : e.date + (e.undated ? "*" : ""), ev.kind,
                    WhatCell(index, ev, r.entity), ev.place.empty() ? "-" : ev.place, ev.status,
                    ListCell(ev.topics, 30), std::to_string(ev.sources.size()),
                    "#" + std::to_string(ev.id)});
  }
  PrintTable(rows);
  if (any_undated) std::cout << "* undated: placed at the date of its first report\n";
  if (!evidence) return;
  std::cout << '\n';
  for (const query::TimelineEntry& e : r.entries) PrintEvidence(*index.FindEvent(e.event));
}

void RunTimeline(const TimelineArgs& args, RunState* state) {
  std::optional<Subject> subject =
      SubjectOrReport(args.global.db, args.name, args.filter, args.global.format, state);
  if (!subject) return;
  const query::GraphIndex& index = *subject->index;
  Result<query::TimelineResult> r = query::Timeline(index, subject->entity, subject->filter);
  if (!r.has_value()) return ReportFailure(r.error(), state);
  const bool printed = PrintJsonForms(
      args.global.format, [&] { return query::TimelineJson(index, *r); }, r->entries,
      [&](const query::TimelineEntry& e) { return query::TimelineEntryJson(index, e); });
  if (!printed) PrintText(index, *r, args.evidence);
}

}  // namespace

void AddTimelineCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand(
      "timeline", "A person's (or an organisation's people's) meetings and trips in date order.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("name", args->name, "Name in any language or alias form")->required();
  AddFilterOptions(cmd, &args->filter);
  cmd->add_flag("--evidence", args->evidence, "Text: list each event's reports and sentences");
  cmd->callback([args, state]() { RunTimeline(*args, state); });
}

}  // namespace tg::cli
