#include "cli/graph_output.h"

#include <iostream>

#include <fmt/format.h>

#include "query/json.h"

namespace tg::cli {

void AddFilterOptions(CLI::App* cmd, FilterArgs* args, bool with_topic) {
  cmd->add_option("--since", args->since, "Only events on or after this date (YYYY[-MM[-DD]])");
  cmd->add_option("--until", args->until, "Only events on or before this date");
  if (with_topic) {
    cmd->add_option("--topic", args->topic, "Only events with a topic containing these words");
  }
  cmd->add_option("--status", args->status,
                  "occurred, planned, any (occurred or planned) or denied")
      ->capture_default_str();
}

std::optional<query::EventFilter> FilterOrReport(const FilterArgs& args, RunState* state) {
  query::EventFilter filter;
  filter.since = args.since;
  filter.until = args.until;
  filter.topic = args.topic;
  Result<query::StatusFilter> status = query::ParseStatusFilter(args.status);
  Status ok = status.has_value() ? query::ValidateFilter(filter) : status.error();
  if (!ok.ok()) {
    PrintError(ok.message());
    state->exit_code = kExitError;
    return std::nullopt;
  }
  filter.status = *status;
  return filter;
}

std::shared_ptr<const query::GraphIndex> LoadGraphOrReport(const std::string& db,
                                                            RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(db, /*read_only=*/true);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return nullptr;
  }
  Result<std::shared_ptr<const query::GraphIndex>> index = query::GraphIndex::Load(store.get());
  if (!index.has_value()) {
    PrintError(DbLabel(db) + ": cannot load the graph: " + index.error().ToString());
    state->exit_code = kExitError;
    return nullptr;
  }
  if ((*index)->entity_count() == 0) {
    PrintError(DbLabel(db) + ": the graph is empty (ingest documents, or run `tiegraph resolve`)");
  }
  return *index;
}

std::optional<int64_t> ResolveOrReport(const query::GraphIndex& index, const std::string& name,
                                       query::EntityKind kind, Format format, RunState* state) {
  const query::Resolution r = index.names().Resolve(name, kind);
  if (r.status == query::ResolveStatus::kFound) return r.entity;
  if (r.status == query::ResolveStatus::kNotFound) {
    ReportFailure(query::ResolveOne(index, name, kind).error(), state);
    return std::nullopt;
  }
  state->exit_code = kExitAmbiguous;
  if (format != Format::kText) {
    PrintJson(query::ResolutionJson(index, name, r), format == Format::kJson);
    return std::nullopt;
  }
  PrintError("\"" + name + "\" is ambiguous; did you mean one of these?");
  std::vector<std::vector<std::string>> rows = {{"ID", "NAME", "TITLE", "ORG", "DOCS"}};
  for (int64_t id : r.candidates) {
    const store::GraphEntity* e = index.FindEntity(id);
    rows.push_back({std::to_string(id), query::DisplayName(*e), e->title.empty() ? "-" : e->title,
                    e->org.empty() ? "-" : e->org, std::to_string(e->docs)});
  }
  for (const std::string& line : FormatTable(rows)) std::cerr << "  " << line << '\n';
  return std::nullopt;
}

std::optional<Subject> SubjectOrReport(const std::string& db, const std::string& name,
                                       const FilterArgs& filter, Format format, RunState* state) {
  Subject subject;
  std::optional<query::EventFilter> parsed = FilterOrReport(filter, state);
  if (!parsed) return std::nullopt;
  subject.filter = *parsed;
  subject.index = LoadGraphOrReport(db, state);
  if (subject.index == nullptr) return std::nullopt;
  std::optional<int64_t> id =
      ResolveOrReport(*subject.index, name, query::EntityKind::kAny, format, state);
  if (!id) return std::nullopt;
  subject.entity = *id;
  return subject;
}

void ReportFailure(const Status& status, RunState* state) {
  PrintError(status.message());
  state->exit_code = status.code() == StatusCode::kNotFound ? kExitNotFound : kExitError;
}

std::string EntityCell(const query::GraphIndex& index, int64_t id) {
  const store::GraphEntity* e = index.FindEntity(id);
  return e == nullptr ? "#" + std::to_string(id) : query::DisplayName(*e);
}

std::string ListCell(const std::vector<std::string>& items, size_t width) {
  if (items.empty()) return "-";
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return FitWidth(out, width);
}

std::string EventIdsCell(const std::vector<int64_t>& ids, size_t max) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < max; ++i) {
    if (!out.empty()) out += ' ';
    out += '#' + std::to_string(ids[i]);
  }
  if (ids.size() > max) out += " …";
  return out;
}

std::string DateCell(const store::GraphEvent& event) {
  const std::string& d = query::EventDate(event);
  return d.empty() ? "undated" : d;
}

void PrintEvidence(const store::GraphEvent& event) {
  std::cout << fmt::format("  #{} {} {} {}{}\n", event.id, DateCell(event), event.kind,
                           event.status, event.place.empty() ? "" : ", " + event.place);
  for (const store::EventSource& s : event.sources) {
    std::cout << fmt::format("    {} ({}): {}\n", s.doc, s.published.empty() ? "?" : s.published,
                             s.evidence);
  }
}

}  // namespace tg::cli
