// The exported graph (CollectExportGraph) and writing it to files; the
// writers are in export_xml.cc (GraphML, GEXF) and export_text.cc (CSV,
// JSONL, Cypher).
#include "query/export.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "query/json.h"  // DisplayName
#include "query/query_internal.h"

namespace tg::query {

Result<ExportFormat> ParseExportFormat(std::string_view text) {
  if (text == "graphml") return ExportFormat::kGraphMl;
  if (text == "gexf") return ExportFormat::kGexf;
  if (text == "csv") return ExportFormat::kCsv;
  if (text == "jsonl") return ExportFormat::kJsonl;
  if (text == "cypher") return ExportFormat::kCypher;
  return Status::InvalidArgument("export format must be graphml, gexf, csv, jsonl or cypher, not \"",
                                 text, "\"");
}

ExportGraph CollectExportGraph(const GraphIndex& index, const ExportOptions& options) {
  std::vector<char> pass(index.event_count());
  for (uint32_t e = 0; e < pass.size(); ++e) {
    pass[e] = index.EventAt(e).kind == "meeting" && EventMatches(index, e, options.filter);
  }
  ExportGraph graph;
  std::vector<char> touched(index.entity_count(), 0);
  for (uint32_t p = 0; p < index.entity_count(); ++p) {
    for (const Neighbor& n : index.NeighborsOf(p)) {
      if (n.entity <= p) continue;
      ExportEdge edge;
      edge.a = p;
      edge.b = n.entity;
      for (uint32_t e : index.EdgeEvents(n)) {
        if (pass[e]) edge.events.push_back(e);
      }
      if (edge.events.empty()) continue;
      SortByDate(index, &edge.events);
      for (uint32_t e : edge.events) {
        const store::GraphEvent& ev = index.EventAt(e);
        if (!EventDate(ev).empty()) edge.dates.push_back(EventDate(ev));
        edge.topics.insert(edge.topics.end(), ev.topics.begin(), ev.topics.end());
      }
      for (auto* list : {&edge.dates, &edge.topics}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
      }
      touched[p] = touched[n.entity] = 1;
      graph.edges.push_back(std::move(edge));
    }
  }
  if (options.members) {
    for (uint32_t p = 0; p < index.entity_count(); ++p) {
      const uint32_t org = index.OrgOf(p);
      if (org == kNoIndex) continue;
      ExportEdge edge;
      edge.a = p;
      edge.b = org;
      edge.member = true;
      touched[p] = touched[org] = 1;
      graph.edges.push_back(std::move(edge));
    }
  }
  for (uint32_t p = 0; p < index.entity_count(); ++p) {
    if (options.isolated || touched[p]) graph.nodes.push_back(ExportNode{p});
  }
  return graph;
}

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

}  // namespace

std::vector<ExportField> NodeFields(const store::GraphEntity& e) {
  return {{"id", std::to_string(e.id), true},
          {"type", e.type},
          {"name", e.name},
          {"name_en", e.name_en},
          {"name_ko", e.name_ko},
          {"display", DisplayName(e)},
          {"title", e.title},
          {"org", e.org},
          {"kb_id", e.kb_id},
          {"docs", std::to_string(e.docs), true},
          {"events", std::to_string(e.events), true}};
}

std::vector<ExportField> EdgeFields(const GraphIndex& index, const ExportEdge& edge) {
  std::vector<std::string> ids;
  for (uint32_t e : edge.events) ids.push_back(std::to_string(index.EventAt(e).id));
  return {{"type", edge.member ? "member_of" : "met"},
          {"weight", std::to_string(edge.member ? 1 : edge.events.size()), true},
          {"start", edge.dates.empty() ? "" : edge.dates.front()},
          {"end", edge.dates.empty() ? "" : edge.dates.back()},
          {"dates", Join(edge.dates)},
          {"topics", Join(edge.topics)},
          {"events", Join(ids)}};
}

Status WriteExport(const GraphIndex& index, const ExportGraph& graph, ExportFormat format,
                   std::ostream& out) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return WriteGraphMl(index, graph, out);
    case ExportFormat::kGexf:
      return WriteGexf(index, graph, out);
    case ExportFormat::kJsonl:
      return WriteJsonl(index, graph, out);
    case ExportFormat::kCypher:
      return WriteCypher(index, graph, out);
    case ExportFormat::kCsv:
      break;
  }
  return Status::InvalidArgument("CSV is two files: export it to a folder");
}

Status ExportToPath(const GraphIndex& index, const ExportOptions& options, ExportFormat format,
                    const std::string& path) {
  const ExportGraph graph = CollectExportGraph(index, options);
  namespace fs = std::filesystem;
  if (format == ExportFormat::kCsv) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return Status::IOError(path, ": ", ec.message());
    std::ofstream nodes(fs::path(path) / "nodes.csv", std::ios::binary);
    std::ofstream edges(fs::path(path) / "edges.csv", std::ios::binary);
    if (!nodes || !edges) return Status::IOError(path, ": cannot create nodes.csv / edges.csv");
    TG_RETURN_IF_ERROR(WriteCsv(index, graph, nodes, edges));
    nodes.close();
    edges.close();
    if (!nodes || !edges) return Status::IOError(path, ": write failed");
    return Status::Ok();
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError(path, ": cannot create");
  TG_RETURN_IF_ERROR(WriteExport(index, graph, format, out));
  out.close();
  if (!out) return Status::IOError(path, ": write failed");
  return Status::Ok();
}

}  // namespace tg::query
