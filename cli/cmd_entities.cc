// tiegraph entities: the people, organisations, places and dates of each
// document, resolved within the document.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/graph_json.h"
#include "pipeline/analyze.h"

namespace tg::cli {
namespace {

struct EntitiesArgs {
  Format format = Format::kText;
  std::vector<std::string> paths;
  std::string data_dir;
  bool with_dates = true;
  std::string db;        // set: list the database's canonical entities instead
  std::string type;      // with db: only this type (PERSON, ORG)
};

// `entities --db`: the canonical entities of the resolved graph, with their
// names in every language seen, organisation and title, and counts.
void RunCanonicalEntities(const EntitiesArgs& args, RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.db, /*read_only=*/true);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return;
  }
  Result<store::Graph> graph = store->GetGraph();
  if (!graph.has_value()) {
    PrintError(DbLabel(args.db) + ": cannot read the graph: " + graph.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  std::vector<std::vector<std::string>> rows = {
      {"ID", "TYPE", "NAME", "TITLE", "ORGANISATION", "DOCS", "EVENTS", "ALIASES"}};
  for (const store::GraphEntity& e : graph->entities) {
    if (!args.type.empty() && e.type != args.type) continue;
    if (args.format != Format::kText) {
      PrintJson(EntityToJson(e), /*pretty=*/args.format == Format::kJson);
      continue;
    }
    std::string aliases;
    for (const std::string& a : e.aliases) {
      if (a == e.name_en || a == e.name_ko || a == e.name) continue;
      aliases += (aliases.empty() ? "" : ", ") + a;
    }
    rows.push_back({std::to_string(e.id), e.type, FitWidth(DisplayName(e), 40),
                    FitWidth(e.title, 20), FitWidth(e.org, 24), std::to_string(e.docs),
                    std::to_string(e.events), FitWidth(aliases, 50)});
  }
  if (args.format == Format::kText) PrintTable(rows);
}

nlohmann::json SourcesJson(uint8_t sources) {
  nlohmann::json out = nlohmann::json::array();
  if (sources & extract::kFromKb) out.push_back("kb");
  if (sources & extract::kFromTagger) out.push_back("tagger");
  if (sources & extract::kFromPattern) out.push_back("pattern");
  if (sources & extract::kFromCoref) out.push_back("coref");
  return out;
}

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json EntityJson(const std::string& text, const extract::DocEntity& e) {
  nlohmann::json mentions = nlohmann::json::array();
  for (const extract::Mention& m : e.mentions) {
    nlohmann::json mj = {{"begin", m.begin},
                         {"end", m.end},
                         {"text", text.substr(m.begin, m.end - m.begin)},
                         {"sources", SourcesJson(m.sources)}};
    if (!m.normalized.empty()) mj["value"] = m.normalized;
    mentions.push_back(std::move(mj));
  }
  nlohmann::json out = {{"type", extract::EntityTypeName(e.type)},
                        {"name", e.name},
                        {"kb_id", OrNull(e.kb_id)},
                        {"mentions", mentions}};
  if (e.type == extract::EntityType::kPerson) {
    out["name_en"] = OrNull(e.name_en);
    out["name_ko"] = OrNull(e.name_ko);
    out["title"] = OrNull(e.title);
    out["org"] = OrNull(e.org);
  }
  return out;
}

void PrintText(const pipeline::AnalyzedDocument& doc, bool with_dates) {
  std::cout << fmt::format("== {} ({}, {}{})\n", doc.id, doc.clean.meta.lang,
                           doc.clean.meta.published.empty() ? "no date" : doc.clean.meta.published,
                           doc.clean.meta.title.empty() ? "" : ": " + doc.clean.meta.title);
  std::vector<std::vector<std::string>> rows = {{"TYPE", "NAME", "TITLE / ORG", "MENTIONS"}};
  for (const extract::DocEntity& e : doc.entities.entities) {
    if (!with_dates && (e.type == extract::EntityType::kDate || e.type == extract::EntityType::kTime)) {
      continue;
    }
    std::string role = e.title;
    if (!e.org.empty()) role += (role.empty() ? "" : ", ") + e.org;
    if (e.type == extract::EntityType::kDate && !e.mentions.empty()) role = e.mentions[0].normalized;
    std::string forms;
    std::vector<std::string> seen;
    for (const extract::Mention& m : e.mentions) {
      std::string surface = doc.clean.text.substr(m.begin, m.end - m.begin);
      if (std::find(seen.begin(), seen.end(), surface) != seen.end()) continue;
      forms += (forms.empty() ? "" : " | ") + surface;
      seen.push_back(std::move(surface));
    }
    rows.push_back({std::string(extract::EntityTypeName(e.type)), FitWidth(e.name, 30),
                    FitWidth(role.empty() ? "-" : role, 36),
                    FitWidth(fmt::format("{}x {}", e.mentions.size(), forms), 60)});
  }
  PrintTable(rows);
  std::cout << '\n';
}

void RunEntities(const EntitiesArgs& args, RunState* state) {
  if (!args.db.empty()) {
    if (!args.paths.empty()) {
      PrintError("entities: give either --db or input paths, not both");
      state->exit_code = kExitError;
      return;
    }
    RunCanonicalEntities(args, state);
    return;
  }
  if (args.paths.empty()) {
    PrintError("entities: give input paths (per-document entities) or --db (canonical entities)");
    state->exit_code = kExitError;
    return;
  }
  pipeline::AnalyzeOptions options;
  options.extractor.data_dir = args.data_dir;
  Result<std::unique_ptr<pipeline::DocumentAnalyzer>> analyzer =
      pipeline::DocumentAnalyzer::Create(options);
  if (!analyzer.has_value()) {
    PrintError("cannot load the entity models: " + analyzer.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  const int64_t rejected = (*analyzer)->Run(
      args.paths,
      [&](const pipeline::AnalyzedDocument& doc) {
        if (args.format == Format::kText) {
          PrintText(doc, args.with_dates);
          return;
        }
        nlohmann::json entities = nlohmann::json::array();
        for (const extract::DocEntity& e : doc.entities.entities) {
          if (!args.with_dates && e.type == extract::EntityType::kDate) continue;
          entities.push_back(EntityJson(doc.clean.text, e));
        }
        PrintJson({{"id", doc.id},
                   {"source", doc.source},
                   {"lang", OrNull(doc.clean.meta.lang)},
                   {"published", OrNull(doc.clean.meta.published)},
                   {"title", OrNull(doc.clean.meta.title)},
                   {"entities", entities}},
                  /*pretty=*/args.format == Format::kJson);
      },
      [&](const std::string& input, const Status& why) {
        PrintError("rejected " + input + ": " + why.ToString());
      });
  state->exit_code = rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddEntitiesCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<EntitiesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "entities",
      "Print each document's people, organisations, places and dates, with every mention\n"
      "(byte spans into the clean text) resolved within the document. Reads the same inputs\n"
      "as ingest; stores nothing.\n"
      "With --db FILE instead of paths: the database's canonical entities across documents\n"
      "and languages (aliases in every language seen, organisation, title, documents, events).");
  AddFormatOption(cmd, &args->format, {"text", "json", "jsonl"});
  cmd->add_option("paths", args->paths, "Files, directories, or - for stdin");
  cmd->add_option("--db", args->db, "List the canonical entities of this database instead");
  cmd->add_option("--type", args->type, "With --db: only PERSON or ORG")
      ->check(CLI::IsMember({"PERSON", "ORG"}));
  AddDataDirOption(cmd, &args->data_dir);
  cmd->add_flag("!--no-dates", args->with_dates, "Leave out dates and times");
  cmd->callback([args, state]() { RunEntities(*args, state); });
}

}  // namespace tg::cli
