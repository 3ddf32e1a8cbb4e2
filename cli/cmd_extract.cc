// tiegraph extract: the meetings and trips of each document (who met whom,
// when, where, about what; who travelled where), with the sentence that says
// so, and optionally its entities. Stores nothing; prints what ingest stores.
#include <unistd.h>

#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/event_output.h"
#include "pipeline/analyze.h"
#include "pipeline/events.h"

namespace tg::cli {
namespace {

struct ExtractArgs {
  Format format = Format::kText;
  std::vector<std::string> paths;
  std::string data_dir;
  bool with_entities = true;
  bool progress = true;
};

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json DocumentJson(const pipeline::AnalyzedDocument& doc,
                            const store::StoredEvents& events, bool with_entities) {
  nlohmann::json out = {{"id", doc.id},
                        {"source", doc.source},
                        {"lang", OrNull(doc.clean.meta.lang)},
                        {"published", OrNull(doc.clean.meta.published)},
                        {"title", OrNull(doc.clean.meta.title)},
                        {"meetings", MeetingsJson(events)},
                        {"trips", TripsJson(events)}};
  if (with_entities) out["entities"] = EntitiesJson(doc.entities.entities);
  return out;
}

// DocumentJson(...).dump() as one line, written without the JSON tree
// (AppendMeetingsJson says why): keys in nlohmann's sorted order.
void PrintJsonLine(const pipeline::AnalyzedDocument& doc, const store::StoredEvents& events,
                   bool with_entities, std::string* line) {
  line->clear();
  if (with_entities) {
    *line += "{\"entities\":";
    AppendEntitiesJson(doc.entities.entities, line);
    *line += ",\"id\":";
  } else {
    *line += "{\"id\":";
  }
  AppendJsonString(doc.id, line);
  *line += ",\"lang\":";
  AppendJsonStringOrNull(doc.clean.meta.lang, line);
  *line += ",\"meetings\":";
  AppendMeetingsJson(events, line);
  *line += ",\"published\":";
  AppendJsonStringOrNull(doc.clean.meta.published, line);
  *line += ",\"source\":";
  AppendJsonString(doc.source, line);
  *line += ",\"title\":";
  AppendJsonStringOrNull(doc.clean.meta.title, line);
  *line += ",\"trips\":";
  AppendTripsJson(events, line);
  *line += "}\n";
  std::cout.write(line->data(), static_cast<std::streamsize>(line->size()));
}

void PrintText(const pipeline::AnalyzedDocument& doc, const store::StoredEvents& events,
               bool with_entities) {
  const DocumentMeta& meta = doc.clean.meta;
  std::cout << fmt::format("== {} ({}, {}{})\n", doc.id, meta.lang.empty() ? "?" : meta.lang,
                           meta.published.empty() ? "no date" : meta.published,
                           meta.title.empty() ? "" : ": " + meta.title);
  PrintEventsText(events);
  if (with_entities) PrintEntitiesText(doc.entities.entities);
  std::cout << '\n';
}

void RunExtract(const ExtractArgs& args, RunState* state) {
  // A progress line only helps when the output goes elsewhere (a file, a
  // pipe); on a terminal the documents scrolling by show progress already.
  const bool progress = args.progress && ::isatty(STDERR_FILENO) && !::isatty(STDOUT_FILENO);
  // Drawn only once the run is a second old, so short runs leave no trace.
  ProgressLine progress_line(/*delay_seconds=*/1.0);
  pipeline::AnalyzeOptions options;
  options.extractor.data_dir = args.data_dir;
  if (progress) {
    options.on_progress = [&](const pipeline::BatchProgress& p) { progress_line.Draw(p); };
  }
  Result<std::unique_ptr<pipeline::DocumentAnalyzer>> analyzer =
      pipeline::DocumentAnalyzer::Create(std::move(options));
  if (!analyzer.has_value()) {
    PrintError("cannot load the entity models: " + analyzer.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  std::string line;  // reused by PrintJsonLine
  const int64_t rejected = (*analyzer)->Run(
      args.paths,
      [&](const pipeline::AnalyzedDocument& doc) {
        const store::StoredEvents events =
            pipeline::ToStoredEvents(doc.clean.text, doc.entities, doc.events);
        if (args.format == Format::kText) {
          PrintText(doc, events, args.with_entities);
        } else if (args.format == Format::kJsonl) {
          PrintJsonLine(doc, events, args.with_entities, &line);
        } else {
          PrintJson(DocumentJson(doc, events, args.with_entities),
                    /*pretty=*/true);
        }
      },
      [&](const std::string& input, const Status& why) {
        progress_line.Clear();
        PrintError("rejected " + input + ": " + why.ToString());
      });
  progress_line.Clear();
  std::cout.flush();
  state->exit_code = rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Print each document's meetings (participants, date, place, status, topics, evidence\n"
      "sentence) and trips (traveler, destinations, dates, companions), and its people,\n"
      "organisations and places. Reads the same inputs as ingest; stores nothing (ingest\n"
      "stores the same events).\n"
      "Exit status: 0 all read, 1 some inputs rejected (each named on stderr), 2 error.");
  AddFormatOption(cmd, &args->format, {"text", "json", "jsonl"});
  cmd->add_option("paths", args->paths, "Files, directories, or - for stdin")->required();
  AddDataDirOption(cmd, &args->data_dir);
  cmd->add_flag("--with-entities,!--no-entities", args->with_entities,
                "Also list each document's people, organisations and places (default: on)");
  cmd->add_flag("!--no-progress", args->progress,
                "Do not draw a progress line (drawn on a terminal when output is redirected)");
  cmd->callback([args, state]() { RunExtract(*args, state); });
}

}  // namespace tg::cli
