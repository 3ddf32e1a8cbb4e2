#pragma once
// Shared pieces of the graph query verbs (who-met, timeline, path, ego, top,
// topics, export): loading the resolved graph into a query::GraphIndex,
// resolving names with the candidates printed when ambiguous, the event
// filter options, and short text cells. Single-threaded, like every verb.
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/common.h"
#include "query/graph_index.h"
#include "query/names.h"
#include "query/query.h"

namespace tg::cli {

// --since, --until, --topic, --status as typed.
struct FilterArgs {
  std::string since;
  std::string until;
  std::string topic;
  std::string status = "any";
};
// Adds the four filter options; `with_topic` false leaves --topic out.
void AddFilterOptions(CLI::App* cmd, FilterArgs* args, bool with_topic = true);
// The filter, or nullopt after printing why it is bad (exit status set).
std::optional<query::EventFilter> FilterOrReport(const FilterArgs& args, RunState* state);

// Opens `db` read-only and indexes its resolved graph; prints the reason and
// sets kExitError on failure. An empty graph loads, with a hint on stderr.
std::shared_ptr<const query::GraphIndex> LoadGraphOrReport(const std::string& db,
                                                            RunState* state);

// Resolves `name`. Not found: a message, kExitNotFound. Ambiguous: the
// candidates (a table on stderr in text; the resolution JSON on stdout
// otherwise) and kExitError. Returns the entity id when found.
std::optional<int64_t> ResolveOrReport(const query::GraphIndex& index, const std::string& name,
                                       query::EntityKind kind, Format format, RunState* state);

// What a verb about one entity starts from: its filter, the graph, the entity.
struct Subject {
  query::EventFilter filter;
  std::shared_ptr<const query::GraphIndex> index;
  int64_t entity = 0;
};
// FilterOrReport, LoadGraphOrReport and ResolveOrReport (any kind) in turn;
// nullopt once one has reported.
std::optional<Subject> SubjectOrReport(const std::string& db, const std::string& name,
                                       const FilterArgs& filter, Format format, RunState* state);

// The JSON forms of a result: `whole()` pretty for kJson, `item(x)` per line
// for each of `items` with kJsonl. Returns false for kText (the verb prints).
template <typename Items, typename Whole, typename Item>
bool PrintJsonForms(Format format, Whole whole, const Items& items, Item item) {
  if (format == Format::kJson) {
    PrintJson(whole(), /*pretty=*/true);
    return true;
  }
  if (format != Format::kJsonl) return false;
  for (const auto& x : items) PrintJson(item(x), /*pretty=*/false);
  return true;
}

// Prints a query failure (kNotFound -> kExitNotFound, else kExitError).
void ReportFailure(const Status& status, RunState* state);

// "Lee Jae-yong (이재용)" for entity `id`, "#id" when unknown.
std::string EntityCell(const query::GraphIndex& index, int64_t id);
// "a, b, c" cut to `width` columns ("-" when empty).
std::string ListCell(const std::vector<std::string>& items, size_t width = 40);
// "#3 #7" for event ids, at most `max` of them then "…".
std::string EventIdsCell(const std::vector<int64_t>& ids, size_t max = 6);
// The event's date ("2024-03", "undated"), for tables.
std::string DateCell(const store::GraphEvent& event);
// The event ("  #12 2025-03-05 meeting occurred, Seoul") and one provenance
// line per report: "    doc (published): evidence".
void PrintEvidence(const store::GraphEvent& event);

}  // namespace tg::cli
