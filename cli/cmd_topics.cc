// tiegraph topics: what is discussed, between two people, by an organisation,
// or across the whole graph.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_output.h"
#include "query/json.h"

namespace tg::cli {
namespace {

struct TopicsArgs {
  GlobalOptions global;
  FilterArgs filter;
  std::vector<std::string> between;
  std::string org;
  int limit = 50;
};

void PrintText(const query::GraphIndex& index, const query::TopicsResult& r,
               const std::string& scope) {
  std::cout << fmt::format("{}: {} topic{} over {} event{}\n\n", scope, r.topics.size(),
                           r.topics.size() == 1 ? "" : "s", r.events, r.events == 1 ? "" : "s");
  if (r.topics.empty()) return;
  std::vector<std::vector<std::string>> rows = {
      {"TOPIC", "EVENTS", "SOURCES", "FIRST", "LAST", "EVENT IDS"}};
  for (const query::TopicCount& t : r.topics) {
    rows.push_back({t.topic, std::to_string(t.events), std::to_string(t.sources),
                    t.first_date.empty() ? "-" : t.first_date,
                    t.last_date.empty() ? "-" : t.last_date, EventIdsCell(t.event_ids)});
  }
  PrintTable(rows);
}

void RunTopics(const TopicsArgs& args, RunState* state) {
  if (!args.between.empty() && !args.org.empty()) {
    PrintError("give --between or --org, not both");
    state->exit_code = kExitError;
    return;
  }
  std::optional<query::EventFilter> filter = FilterOrReport(args.filter, state);
  if (!filter) return;
  auto index = LoadGraphOrReport(args.global.db, state);
  if (index == nullptr) return;
  Result<query::TopicsResult> r = query::TopicsResult{};
  std::string scope = "All events";
  const Format format = args.global.format;
  if (args.between.size() == 2) {
    std::optional<int64_t> a =
        ResolveOrReport(*index, args.between[0], query::EntityKind::kAny, format, state);
    if (!a) return;
    std::optional<int64_t> b =
        ResolveOrReport(*index, args.between[1], query::EntityKind::kAny, format, state);
    if (!b) return;
    r = query::TopicsBetween(*index, *a, *b, *filter);
    scope = EntityCell(*index, *a) + " and " + EntityCell(*index, *b);
  } else if (!args.org.empty()) {
    std::optional<int64_t> org =
        ResolveOrReport(*index, args.org, query::EntityKind::kOrg, format, state);
    if (!org) return;
    r = query::TopicsOfOrg(*index, *org, *filter);
    scope = EntityCell(*index, *org);
  } else {
    r = query::AllTopics(*index, *filter);
  }
  if (!r.has_value()) return ReportFailure(r.error(), state);
  if (args.limit >= 0 && r->topics.size() > static_cast<size_t>(args.limit)) {
    r->topics.resize(static_cast<size_t>(args.limit));
  }
  const bool printed = PrintJsonForms(
      format, [&] { return query::TopicsJson(*index, *r); }, r->topics,
      [&](const query::TopicCount& t) { return query::TopicCountJson(*index, t); });
  if (!printed) PrintText(*index, *r, scope);
}

}  // namespace

void AddTopicsCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<TopicsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "topics", "What is discussed: between two people (--between A B), by an organisation's "
                "people (--org), or everywhere.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json", "jsonl"});
  cmd->add_option("--between", args->between, "Two people")->expected(2);
  cmd->add_option("--org", args->org, "An organisation");
  cmd->add_option("--limit", args->limit, "At most this many topics")->capture_default_str();
  AddFilterOptions(cmd, &args->filter, /*with_topic=*/false);
  cmd->callback([args, state]() { RunTopics(*args, state); });
}

}  // namespace tg::cli
