// tiegraph show: one stored document's metadata, meetings and trips, and clean text.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/event_output.h"
#include "core/hash.h"

namespace tg::cli {
namespace {

struct ShowArgs {
  GlobalOptions global;
  std::string id;
};

// A number is a store id; anything else (or a number no document has) is an
// external id: a file stem, a JSONL id, a WARC record id.
Result<std::optional<Document>> Lookup(store::Store* store, const std::string& id) {
  if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos && id.size() < 18) {
    TG_ASSIGN_OR_RETURN(std::optional<Document> doc, store->Get(std::stoll(id)));
    if (doc.has_value()) return doc;
  }
  return store->GetByExtId(id);
}

// The stored events, or why there are none: duplicates share their group
// leader's, and a document ingested with --no-extract has none.
void PrintEvents(const Document& d, const std::optional<store::StoredEvents>& events) {
  if (events.has_value()) {
    std::cout << '\n';
    PrintEventsText(*events);
  } else if (d.dup_group != d.id) {
    std::cout << fmt::format("{:<12}{}\n", "events", "see the group's first copy, document " +
                                                         std::to_string(d.dup_group));
  } else {
    std::cout << fmt::format("{:<12}{}\n", "events", "not extracted (ingested with --no-extract)");
  }
}

void PrintText(const Document& d, const std::optional<store::StoredEvents>& events) {
  auto field = [](const char* name, const std::string& value) {
    if (!value.empty()) std::cout << fmt::format("{:<12}{}\n", name, value);
  };
  field("id", std::to_string(d.id));
  field("ext id", d.ext_id);
  field("source", d.source);
  field("record", d.record_id);
  field("title", d.meta.title);
  field("outlet", d.meta.outlet);
  field("byline", d.meta.byline);
  field("published",
        d.meta.published + (d.meta.published_time.empty() ? "" : " " + d.meta.published_time));
  field("url", d.meta.url);
  field("lang", d.meta.lang);
  field("format", std::string(ContentKindName(d.kind)) + ", " + d.encoding);
  if (d.dup_group != d.id) {
    field("duplicate", fmt::format("of {} ({}, similarity {:.2f})", d.dup_group,
                                   DupKindName(d.dup_kind), d.dup_similarity));
  }
  field("raw hash", HashHex(d.raw_hash));
  field("ingested", d.ingested_at);
  PrintEvents(d, events);
  std::cout << '\n' << d.text << '\n';
}

void RunShow(const ShowArgs& args, RunState* state) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.global.db, /*read_only=*/true);
  if (store == nullptr) {
    state->exit_code = kExitError;
    return;
  }
  Result<std::optional<Document>> doc = Lookup(store.get(), args.id);
  if (!doc.has_value()) {
    PrintError(doc.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  if (!doc->has_value()) {
    PrintError("no document " + args.id + " in " + DbLabel(args.global.db));
    state->exit_code = kExitNotFound;
    return;
  }
  Result<std::optional<store::StoredEvents>> events = store->GetEvents((*doc)->id);
  if (!events.has_value()) {
    PrintError(events.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  if (args.global.format == Format::kJson) {
    nlohmann::json out = DocumentToJson(**doc, /*with_text=*/true);
    // null when nothing was extracted from this document (see PrintEvents).
    out["meetings"] = events->has_value() ? MeetingsJson(**events) : nlohmann::json(nullptr);
    out["trips"] = events->has_value() ? TripsJson(**events) : nlohmann::json(nullptr);
    PrintJson(out, /*pretty=*/true);
  } else {
    PrintText(**doc, *events);
  }
}

}  // namespace

void AddShowCommand(CLI::App& app, RunState* state) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand(
      "show",
      "Print one document's metadata, its stored meetings and trips, and its clean text.\n"
      "Exit status 3 when not found.");
  AddDbOption(cmd, &args->global.db);
  AddFormatOption(cmd, &args->global.format, {"text", "json"});
  cmd->add_option("id", args->id, "Store id, or external id (file stem, JSONL id, WARC record id)")
      ->required();
  cmd->callback([args, state]() { RunShow(*args, state); });
}

}  // namespace tg::cli
