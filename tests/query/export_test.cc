// Tests for src/query/export.h: GraphML and GEXF parsed back by Python's
// xml.etree and checked for structure, CSV loaded with sqlite3's .import,
// JSONL parsed, Cypher escaping.
#include "query/export.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

#include "query/test_graph.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::query {
namespace {

namespace fs = std::filesystem;

// Node and edge counts of the test graph: 10 entities + 5 synthesised orgs;
// 9 pairs that met (the denied meeting makes none) + 8 people with an org.
constexpr int kNodes = 15;
constexpr int kMetEdges = 9;
constexpr int kMemberEdges = 8;

// Runs a shell command; returns its stdout, or nullopt when it failed.
std::optional<std::string> RunShell(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

bool Have(const std::string& tool) {
  return RunShell("command -v " + tool + " >/dev/null 2>&1 && echo yes").value_or("") == "yes\n";
}

// Parses a GraphML or GEXF file with xml.etree (a parse error fails the
// script) and prints a JSON summary of what it checked.
constexpr const char* kXmlCheck = R"PY(
import json, re, sys
import xml.etree.ElementTree as ET
path, kind = sys.argv[1], sys.argv[2]
root = ET.parse(path).getroot()
out = {"problems": []}
def bad(msg): out["problems"].append(msg)
if kind == "graphml":
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    if root.tag != "{http://graphml.graphdrawing.org/xmlns}graphml": bad("root " + root.tag)
    keys = {k.get("id"): k for k in root.findall("g:key", ns)}
    for k in keys.values():
        if k.get("for") not in ("node", "edge"): bad("key domain")
        if k.get("attr.type") not in ("string", "long", "double"): bad("key type")
    graph = root.find("g:graph", ns)
    if graph.get("edgedefault") != "undirected": bad("edgedefault")
    nodes = {n.get("id"): n for n in graph.findall("g:node", ns)}
    edges = graph.findall("g:edge", ns)
    for el, domain in [(n, "node") for n in nodes.values()] + [(e, "edge") for e in edges]:
        for d in el.findall("g:data", ns):
            k = keys.get(d.get("key"))
            if k is None or k.get("for") != domain: bad("undeclared key " + d.get("key"))
    for e in edges:
        if e.get("source") not in nodes or e.get("target") not in nodes: bad("dangling edge")
    def data(el, key):
        d = [x for x in el.findall("g:data", ns) if x.get("key") == key]
        return d[0].text if d else None
    out["nodes"] = len(nodes)
    out["met"] = sum(1 for e in edges if data(e, "e_type") == "met")
    out["member"] = sum(1 for e in edges if data(e, "e_type") == "member_of")
    out["org6"] = data(nodes["n6"], "n_org")
    out["name1"] = data(nodes["n1"], "n_name_ko")
    out["weights"] = sorted(float(data(e, "e_weight")) for e in edges if data(e, "e_type") == "met")
else:
    ns = {"g": "http://gexf.net/1.3"}
    if root.tag != "{http://gexf.net/1.3}gexf" or root.get("version") != "1.3": bad("root")
    graph = root.find("g:graph", ns)
    if graph.get("mode") != "dynamic" or graph.get("timeformat") != "date": bad("graph mode")
    attrs = {}
    for block in graph.findall("g:attributes", ns):
        attrs[block.get("class")] = {a.get("id") for a in block.findall("g:attribute", ns)}
    nodes = {n.get("id"): n for n in graph.find("g:nodes", ns).findall("g:node", ns)}
    edges = graph.find("g:edges", ns).findall("g:edge", ns)
    spells = 0
    for cls, items in (("node", nodes.values()), ("edge", edges)):
        for el in items:
            for v in el.findall("g:attvalues/g:attvalue", ns):
                if v.get("for") not in attrs.get(cls, set()): bad("undeclared attvalue")
    for e in edges:
        if e.get("source") not in nodes or e.get("target") not in nodes: bad("dangling edge")
        float(e.get("weight"))
        for s in e.findall("g:spells/g:spell", ns):
            spells += 1
            a, b = s.get("start"), s.get("end")
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", a) or not re.fullmatch(r"\d{4}-\d\d-\d\d", b) or a > b:
                bad("spell " + str(a) + " " + str(b))
    out["nodes"] = len(nodes)
    out["edges"] = len(edges)
    out["spells"] = spells
    out["label6"] = nodes["n6"].get("label")
    out["label1"] = nodes["n1"].get("label")
print(json.dumps(out))
)PY";

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_ = testing::BuildTestIndex();
    dir_ = tg::testing::MakeTempDir("tg-export");
  }
  void TearDown() override { fs::remove_all(dir_); }

  nlohmann::json CheckXml(ExportFormat format, const std::string& kind) {
    const std::string path = (dir_ / ("graph." + kind)).string();
    EXPECT_OK(ExportToPath(*index_, {}, format, path));
    std::ofstream(dir_ / "check.py") << kXmlCheck;
    std::optional<std::string> out =
        RunShell("python3 " + (dir_ / "check.py").string() + " " + path + " " + kind);
    EXPECT_TRUE(out.has_value()) << "the XML did not parse";
    return out.has_value() ? nlohmann::json::parse(*out) : nlohmann::json();
  }

  std::shared_ptr<const GraphIndex> index_;
  fs::path dir_;
};

TEST_F(ExportTest, GraphMlParsesWithItsStructure) {
  if (!Have("python3")) GTEST_SKIP() << "python3 not installed";
  const nlohmann::json r = CheckXml(ExportFormat::kGraphMl, "graphml");
  EXPECT_EQ(r["problems"], nlohmann::json::array());
  EXPECT_EQ(r["nodes"], kNodes);
  EXPECT_EQ(r["met"], kMetEdges);
  EXPECT_EQ(r["member"], kMemberEdges);
  EXPECT_EQ(r["org6"], "O'Hare, Quist & Co. <Berlin>");  // escaped and read back
  EXPECT_EQ(r["name1"], "한서준");
  // Han Seo-jun and Marta Quillon met twice; every other pair once.
  EXPECT_EQ(r["weights"].back(), 2.0);
  EXPECT_EQ(r["weights"].front(), 1.0);
}

TEST_F(ExportTest, GexfParsesWithSpells) {
  if (!Have("python3")) GTEST_SKIP() << "python3 not installed";
  const nlohmann::json r = CheckXml(ExportFormat::kGexf, "gexf");
  EXPECT_EQ(r["problems"], nlohmann::json::array());
  EXPECT_EQ(r["nodes"], kNodes);
  EXPECT_EQ(r["edges"], kMetEdges + kMemberEdges);
  // One spell per meeting date of each pair: 2 for Han Seo-jun and Quillon,
  // 3 for the Berlin meeting of three, none for the undated one: 9.
  EXPECT_EQ(r["spells"], 9);
  EXPECT_EQ(r["label6"], "Lena Strauss");
  EXPECT_EQ(r["label1"], "Han Seo-jun (한서준)");
}

TEST_F(ExportTest, CsvLoadsIntoSqlite) {
  if (!Have("sqlite3")) GTEST_SKIP() << "sqlite3 not installed";
  const fs::path out = dir_ / "csv";
  ASSERT_OK(ExportToPath(*index_, {}, ExportFormat::kCsv, out.string()));
  std::ofstream(dir_ / "load.sql") << ".import --csv " << (out / "nodes.csv").string()
                                   << " nodes\n.import --csv " << (out / "edges.csv").string()
                                   << " edges\n"
                                      "SELECT count(*) FROM nodes;\n"
                                      "SELECT count(*) FROM edges WHERE type = 'met';\n"
                                      "SELECT org FROM nodes WHERE id = '6';\n"
                                      "SELECT name_ko FROM nodes WHERE id = '1';\n"
                                      "SELECT weight, start, \"end\", topics FROM edges "
                                      "WHERE source = '1' AND target = '3';\n";
  std::optional<std::string> result =
      RunShell("sqlite3 -batch :memory: < " + (dir_ / "load.sql").string());
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, "15\n9\nO'Hare, Quist & Co. <Berlin>\n한서준\n"
                     "2|2024-03-05|2024-06-10|AI chips;HBM;foundry\n");
}

TEST_F(ExportTest, JsonlHasOneObjectPerLine) {
  std::ostringstream out;
  ASSERT_OK(WriteJsonl(*index_, CollectExportGraph(*index_, {}), out));
  std::istringstream in(out.str());
  std::string line;
  int nodes = 0, edges = 0;
  while (std::getline(in, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    if (j["kind"] == "node") ++nodes;
    if (j["kind"] == "edge") {
      ++edges;
      if (j["source"] == 1 && j["target"] == 3) {
        EXPECT_EQ(j["events"], (std::vector<int64_t>{1, 2}));
        EXPECT_EQ(j["start"], "2024-03-05");
      }
    }
  }
  EXPECT_EQ(nodes, kNodes);
  EXPECT_EQ(edges, kMetEdges + kMemberEdges);
}

TEST_F(ExportTest, CypherEscapesStrings) {
  std::ostringstream out;
  ASSERT_OK(WriteCypher(*index_, CollectExportGraph(*index_, {}), out));
  const std::string script = out.str();
  EXPECT_NE(script.find("org: 'O\\'Hare, Quist & Co. <Berlin>'"), std::string::npos);
  EXPECT_NE(script.find("MERGE (n:Entity {id: 1}) SET n:Person"), std::string::npos);
  EXPECT_NE(script.find("MERGE (a)-[r:MET]->(b) SET r += {weight: 2, start: '2024-03-05', "
                        "end: '2024-06-10', dates: ['2024-03-05', '2024-06-10'], "
                        "topics: ['AI chips', 'HBM', 'foundry'], events: [1, 2]}"),
            std::string::npos);
  // Every statement ends its line; no line holds a raw newline inside a string.
  std::istringstream in(script);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("//", 0) == 0) continue;
    EXPECT_EQ(line.back(), ';') << line;
  }
}

TEST_F(ExportTest, FilterAndIsolatedNodes) {
  ExportOptions options;
  options.filter.topic = "AI";
  options.members = false;
  options.isolated = false;
  const ExportGraph g = CollectExportGraph(*index_, options);
  EXPECT_EQ(g.edges.size(), 2u);  // 1-3 and 3-4
  EXPECT_EQ(g.nodes.size(), 3u);
  EXPECT_EQ(ParseExportFormat("dot").error().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tg::query
