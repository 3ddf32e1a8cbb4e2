// CSV, JSONL and Cypher writers.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "query/export.h"
#include "query/json.h"

namespace tg::query {
namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string Csv(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvRow(const std::vector<ExportField>& fields, bool header, std::ostream& out,
            const std::vector<std::string>& lead = {}) {
  bool first = true;
  auto cell = [&](std::string_view v) {
    if (!first) out << ',';
    out << Csv(v);
    first = false;
  };
  for (const std::string& v : lead) cell(v);
  for (const ExportField& f : fields) cell(header ? std::string(f.name) : f.value);
  out << '\n';
}

// A Cypher string literal: single quotes, with backslash escapes for quotes,
// backslashes and control characters.
std::string CypherString(std::string_view text) {
  const std::string repaired = IsValidUtf8(text) ? std::string(text) : RepairUtf8(text);
  std::string out = "'";
  for (char c : repaired) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '\'';
  return out;
}

// "{name: 'x', docs: 3}" from fields; lists (dates, topics, events) become
// Cypher lists.
std::string CypherMap(const std::vector<ExportField>& fields) {
  std::string out;
  for (const ExportField& f : fields) {
    if (!out.empty()) out += ", ";
    out += std::string(f.name) + ": ";
    if (f.numeric) {
      out += f.value;
    } else if (f.name == "dates" || f.name == "topics" || f.name == "events") {
      out += '[';
      size_t pos = 0;
      bool first = true;
      while (pos < f.value.size()) {
        size_t end = f.value.find(';', pos);
        if (end == std::string::npos) end = f.value.size();
        if (!first) out += ", ";
        const std::string item = f.value.substr(pos, end - pos);
        out += f.name == "events" ? item : CypherString(item);
        first = false;
        pos = end + 1;
      }
      out += ']';
    } else {
      out += CypherString(f.value);
    }
  }
  return "{" + out + "}";
}

}  // namespace

Status WriteCsv(const GraphIndex& index, const ExportGraph& graph, std::ostream& nodes,
                std::ostream& edges) {
  CsvRow(NodeFields(store::GraphEntity{}), /*header=*/true, nodes);
  for (const ExportNode& n : graph.nodes) {
    CsvRow(NodeFields(index.EntityAt(n.pos)), /*header=*/false, nodes);
  }
  CsvRow(EdgeFields(index, ExportEdge{}), /*header=*/true, edges, {"source", "target"});
  for (const ExportEdge& e : graph.edges) {
    CsvRow(EdgeFields(index, e), /*header=*/false, edges,
           {std::to_string(index.EntityAt(e.a).id), std::to_string(index.EntityAt(e.b).id)});
  }
  if (!nodes || !edges) return Status::IOError("CSV write failed");
  return Status::Ok();
}

Status WriteJsonl(const GraphIndex& index, const ExportGraph& graph, std::ostream& out) {
  for (const ExportNode& n : graph.nodes) {
    nlohmann::json node = EntityJson(index.EntityAt(n.pos));
    node["kind"] = "node";
    out << node.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  for (const ExportEdge& e : graph.edges) {
    std::vector<int64_t> ids;
    for (uint32_t ev : e.events) ids.push_back(index.EventAt(ev).id);
    nlohmann::json edge{{"kind", "edge"},
                        {"type", e.member ? "member_of" : "met"},
                        {"source", index.EntityAt(e.a).id},
                        {"target", index.EntityAt(e.b).id},
                        {"weight", e.member ? 1 : e.events.size()},
                        {"start", e.dates.empty() ? "" : e.dates.front()},
                        {"end", e.dates.empty() ? "" : e.dates.back()},
                        {"dates", e.dates},
                        {"topics", e.topics},
                        {"events", ids}};
    out << edge.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return out ? Status::Ok() : Status::IOError("JSONL write failed");
}

Status WriteCypher(const GraphIndex& index, const ExportGraph& graph, std::ostream& out) {
  out << "// tiegraph export: persons and orgs as (:Entity:Person) / (:Entity:Org), meetings\n"
         "// as [:MET] (weight = meetings), people's organisations as [:MEMBER_OF].\n"
         "CREATE CONSTRAINT tiegraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS "
         "UNIQUE;\n";
  for (const ExportNode& n : graph.nodes) {
    const store::GraphEntity& e = index.EntityAt(n.pos);
    std::vector<ExportField> fields = NodeFields(e);
    const std::string id = fields.front().value;
    fields.erase(fields.begin());
    out << "MERGE (n:Entity {id: " << id << "}) SET n:" << (e.type == "ORG" ? "Org" : "Person")
        << ", n += " << CypherMap(fields) << ";\n";
  }
  for (const ExportEdge& e : graph.edges) {
    std::vector<ExportField> fields = EdgeFields(index, e);
    fields.erase(fields.begin());  // the type is the relationship's
    out << "MATCH (a:Entity {id: " << index.EntityAt(e.a).id << "}), (b:Entity {id: "
        << index.EntityAt(e.b).id << "}) MERGE (a)-[r:" << (e.member ? "MEMBER_OF" : "MET")
        << "]->(b) SET r += " << CypherMap(fields) << ";\n";
  }
  return out ? Status::Ok() : Status::IOError("Cypher write failed");
}

}  // namespace tg::query
