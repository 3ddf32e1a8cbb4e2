// GraphML and GEXF writers.
#include <string>

#include "core/utf8.h"
#include "query/export.h"
#include "query/json.h"  // DisplayName

namespace tg::query {
namespace {

// Text for an XML attribute or element: well-formed UTF-8, the five special
// characters escaped, and control characters XML 1.0 forbids dropped.
std::string Xml(std::string_view text) {
  const std::string repaired = IsValidUtf8(text) ? std::string(text) : RepairUtf8(text);
  std::string out;
  out.reserve(repaired.size());
  for (char c : repaired) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': case '\n': case '\r': out += c; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

std::string NodeId(const GraphIndex& index, uint32_t pos) {
  std::string id = "n";
  id += std::to_string(index.EntityAt(pos).id);
  return id;
}

// GEXF dates must be whole days: a month or year becomes its first and last day.
int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[(month - 1) % 12];
}

// Dates reach here checked by the store's extraction (YYYY, YYYY-MM, YYYY-MM-DD).
std::pair<std::string, std::string> DayRange(const std::string& date) {
  auto number = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len && i < date.size(); ++i) v = v * 10 + (date[i] - '0');
    return v;
  };
  std::string first = date, last = date;
  if (date.size() == 7) {
    const int month = number(5, 2);
    const int days = month >= 1 && month <= 12 ? DaysInMonth(number(0, 4), month) : 28;
    first.append("-01");
    last.append(days < 30 ? "-2" : "-3").push_back(static_cast<char>('0' + days % 10));
  } else if (date.size() == 4) {
    first.append("-01-01");
    last.append("-12-31");
  }
  return {first, last};
}

}  // namespace

Status WriteGraphMl(const GraphIndex& index, const ExportGraph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  // Keys come from the field lists of a sample node and edge.
  for (const ExportField& f : NodeFields(store::GraphEntity{})) {
    out << "  <key id=\"n_" << f.name << "\" for=\"node\" attr.name=\"" << f.name
        << "\" attr.type=\"" << (f.numeric ? "long" : "string") << "\"/>\n";
  }
  for (const ExportField& f : EdgeFields(index, ExportEdge{})) {
    out << "  <key id=\"e_" << f.name << "\" for=\"edge\" attr.name=\"" << f.name
        << "\" attr.type=\"" << (f.numeric ? "double" : "string") << "\"/>\n";
  }
  out << "  <graph id=\"tiegraph\" edgedefault=\"undirected\">\n";
  for (const ExportNode& n : graph.nodes) {
    out << "    <node id=\"" << NodeId(index, n.pos) << "\">";
    for (const ExportField& f : NodeFields(index.EntityAt(n.pos))) {
      if (f.value.empty()) continue;
      out << "<data key=\"n_" << f.name << "\">" << Xml(f.value) << "</data>";
    }
    out << "</node>\n";
  }
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const ExportEdge& e = graph.edges[i];
    out << "    <edge id=\"e" << i + 1 << "\" source=\"" << NodeId(index, e.a) << "\" target=\""
        << NodeId(index, e.b) << "\">";
    for (const ExportField& f : EdgeFields(index, e)) {
      if (f.value.empty()) continue;
      out << "<data key=\"e_" << f.name << "\">" << Xml(f.value) << "</data>";
    }
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  return out ? Status::Ok() : Status::IOError("GraphML write failed");
}

Status WriteGexf(const GraphIndex& index, const ExportGraph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
         "version=\"1.3\">\n"
         "  <meta><creator>tiegraph</creator>"
         "<description>who met whom, from business news</description></meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n";
  // Attribute ids are the field positions; id and weight are GEXF's own.
  out << "    <attributes class=\"node\">\n";
  const std::vector<ExportField> node_fields = NodeFields(store::GraphEntity{});
  for (size_t i = 1; i < node_fields.size(); ++i) {
    out << "      <attribute id=\"" << i << "\" title=\"" << node_fields[i].name << "\" type=\""
        << (node_fields[i].numeric ? "long" : "string") << "\"/>\n";
  }
  out << "    </attributes>\n    <attributes class=\"edge\">\n";
  const std::vector<ExportField> edge_fields = EdgeFields(index, ExportEdge{});
  for (size_t i = 0; i < edge_fields.size(); ++i) {
    if (edge_fields[i].name == "weight") continue;
    out << "      <attribute id=\"" << i << "\" title=\"" << edge_fields[i].name
        << "\" type=\"string\"/>\n";
  }
  out << "    </attributes>\n    <nodes>\n";
  for (const ExportNode& n : graph.nodes) {
    const store::GraphEntity& entity = index.EntityAt(n.pos);
    const std::vector<ExportField> fields = NodeFields(entity);
    out << "      <node id=\"" << NodeId(index, n.pos) << "\" label=\""
        << Xml(DisplayName(entity)) << "\"><attvalues>";
    for (size_t i = 1; i < fields.size(); ++i) {
      if (fields[i].value.empty()) continue;
      out << "<attvalue for=\"" << i << "\" value=\"" << Xml(fields[i].value) << "\"/>";
    }
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (size_t k = 0; k < graph.edges.size(); ++k) {
    const ExportEdge& e = graph.edges[k];
    const std::vector<ExportField> fields = EdgeFields(index, e);
    out << "      <edge id=\"e" << k + 1 << "\" source=\"" << NodeId(index, e.a)
        << "\" target=\"" << NodeId(index, e.b) << "\" weight=\"" << fields[1].value << "\">";
    out << "<attvalues>";
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].name == "weight" || fields[i].value.empty()) continue;
      out << "<attvalue for=\"" << i << "\" value=\"" << Xml(fields[i].value) << "\"/>";
    }
    out << "</attvalues>";
    // One spell per meeting day (month or year when that is all that is known),
    // so Gephi's timeline shows the edge when the pair met.
    if (!e.dates.empty()) {
      out << "<spells>";
      for (const std::string& d : e.dates) {
        const auto [start, end] = DayRange(d);
        out << "<spell start=\"" << start << "\" end=\"" << end << "\"/>";
      }
      out << "</spells>";
    }
    out << "</edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return out ? Status::Ok() : Status::IOError("GEXF write failed");
}

}  // namespace tg::query
