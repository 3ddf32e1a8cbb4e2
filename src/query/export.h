#pragma once
// Whole-graph exports for graph tools: GraphML (Cytoscape, Gephi, networkx),
// GEXF 1.3 with dynamic spells (Gephi's timeline), CSV (nodes.csv + edges.csv
// for sqlite3 .import and Neo4j LOAD CSV), JSONL (one node or edge object per
// line) and a Cypher script (CREATE / MERGE statements).
//
// Nodes are persons and orgs. Edges are of two types: "met" (two entities
// that took part in the same meetings; weight = meetings, start/end = first
// and last meeting date, topics, event ids) and "member_of" (a person and
// their org). Pure functions of an immutable index; thread-safe. The output
// layout of each format is described in docs/query.md.
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "query/graph_index.h"
#include "query/query.h"

namespace tg::query {

enum class ExportFormat { kGraphMl, kGexf, kCsv, kJsonl, kCypher };
// "graphml" | "gexf" | "csv" | "jsonl" | "cypher"; kInvalidArgument otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view text);

struct ExportOptions {
  EventFilter filter;         // which meetings make "met" edges
  bool members = true;        // include "member_of" edges
  bool isolated = true;       // include entities without any edge
};

// The graph to export, computed once and written by every format.
struct ExportNode {
  uint32_t pos = 0;  // GraphIndex position
};
struct ExportEdge {
  uint32_t a = 0;  // GraphIndex positions, a < b ("met"); person, org ("member_of")
  uint32_t b = 0;
  bool member = false;              // "member_of" rather than "met"
  std::vector<uint32_t> events;     // meetings, in date order
  std::vector<std::string> dates;   // distinct event dates, sorted (empty dates dropped)
  std::vector<std::string> topics;  // distinct, sorted
};
struct ExportGraph {
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;
};
ExportGraph CollectExportGraph(const GraphIndex& index, const ExportOptions& options);

// The attributes every format writes, in a fixed order. Lists (dates, topics,
// event ids) are joined with ";". Node: id, type, name, name_en, name_ko,
// display, title, org, kb_id, docs, events. Edge: type ("met" / "member_of"),
// weight (meetings; 1 for member_of), start, end (first / last meeting date,
// "YYYY[-MM[-DD]]"), dates, topics, events.
struct ExportField {
  std::string_view name;
  std::string value;
  bool numeric = false;
};
std::vector<ExportField> NodeFields(const store::GraphEntity& entity);
std::vector<ExportField> EdgeFields(const GraphIndex& index, const ExportEdge& edge);

// Single-stream writers. CSV needs two streams.
Status WriteGraphMl(const GraphIndex& index, const ExportGraph& graph, std::ostream& out);
Status WriteGexf(const GraphIndex& index, const ExportGraph& graph, std::ostream& out);
Status WriteJsonl(const GraphIndex& index, const ExportGraph& graph, std::ostream& out);
Status WriteCypher(const GraphIndex& index, const ExportGraph& graph, std::ostream& out);
Status WriteCsv(const GraphIndex& index, const ExportGraph& graph, std::ostream& nodes,
                std::ostream& edges);

// Writes one of the single-stream formats (kInvalidArgument for CSV).
Status WriteExport(const GraphIndex& index, const ExportGraph& graph, ExportFormat format,
                   std::ostream& out);

// Writes `format` to `path`: a file, or for CSV a directory (created if
// missing) receiving nodes.csv and edges.csv. Fails with kIOError.
Status ExportToPath(const GraphIndex& index, const ExportOptions& options, ExportFormat format,
                    const std::string& path);

}  // namespace tg::query
