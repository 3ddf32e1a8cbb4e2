#include "store/sqlite_graph.h"

#include <string>
#include <unordered_map>
#include <utility>

namespace tg::store {
namespace {

using sqlite::Database;
using sqlite::Statement;

// Runs a bound INSERT and rewinds it for the next row.
Status RunAndReset(Statement& stmt) {
  TG_RETURN_IF_ERROR(stmt.Run());
  return stmt.Reset();
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) {
    if (!out.empty()) out += ' ';
    out += std::to_string(id);
  }
  return out;
}

std::vector<int64_t> SplitIds(const std::string& text) {
  std::vector<int64_t> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out.push_back(std::stoll(text.substr(pos, end - pos)));
    pos = end + 1;
  }
  return out;
}

// Document ids never hold a newline (they are file stems, JSONL ids, WARC ids).
std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += '\n';
    out += item;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

Status WriteEntities(Database& db, const Graph& graph) {
  TG_ASSIGN_OR_RETURN(Statement entity,
                      db.Prepare("INSERT INTO entities (id, key, type, name, name_en, name_ko, "
                                 "kb_id, title, org, docs, events) VALUES "
                                 "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  TG_ASSIGN_OR_RETURN(Statement alias,
                      db.Prepare("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) "
                                 "VALUES (?1, ?2)"));
  for (const GraphEntity& e : graph.entities) {
    entity.BindInt64(1, e.id);
    entity.BindTextNoCopy(2, e.key);
    entity.BindTextNoCopy(3, e.type);
    entity.BindTextNoCopy(4, e.name);
    entity.BindTextNoCopy(5, e.name_en);
    entity.BindTextNoCopy(6, e.name_ko);
    entity.BindTextNoCopy(7, e.kb_id);
    entity.BindTextNoCopy(8, e.title);
    entity.BindTextNoCopy(9, e.org);
    entity.BindInt64(10, e.docs);
    entity.BindInt64(11, e.events);
    TG_RETURN_IF_ERROR(RunAndReset(entity));
    for (const std::string& a : e.aliases) {
      alias.BindInt64(1, e.id);
      alias.BindTextNoCopy(2, a);
      TG_RETURN_IF_ERROR(RunAndReset(alias));
    }
  }
  return Status::Ok();
}

Status WriteEvents(Database& db, const Graph& graph) {
  TG_ASSIGN_OR_RETURN(Statement event,
                      db.Prepare("INSERT INTO events (id, kind, traveler, date, date_hint, "
                                 "end_date, place, place_kb_id, status, confidence) VALUES "
                                 "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  TG_ASSIGN_OR_RETURN(Statement participant,
                      db.Prepare("INSERT OR IGNORE INTO event_participants (event_id, entity_id) "
                                 "VALUES (?1, ?2)"));
  TG_ASSIGN_OR_RETURN(Statement topic, db.Prepare("INSERT OR IGNORE INTO event_topics "
                                                  "(event_id, topic) VALUES (?1, ?2)"));
  TG_ASSIGN_OR_RETURN(Statement destination,
                      db.Prepare("INSERT INTO event_destinations (event_id, idx, name) "
                                 "VALUES (?1, ?2, ?3)"));
  TG_ASSIGN_OR_RETURN(Statement source,
                      db.Prepare("INSERT INTO event_sources (event_id, idx, doc_id, doc, "
                                 "published, status, date, date_hint, evidence, people, copies) VALUES "
                                 "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  TG_ASSIGN_OR_RETURN(Statement doc, db.Prepare("INSERT OR IGNORE INTO event_docs "
                                                "(event_id, doc) VALUES (?1, ?2)"));
  for (const GraphEvent& ev : graph.events) {
    event.BindInt64(1, ev.id);
    event.BindTextNoCopy(2, ev.kind);
    event.BindInt64(3, ev.traveler);
    event.BindTextNoCopy(4, ev.date);
    event.BindTextNoCopy(5, ev.date_hint);
    event.BindTextNoCopy(6, ev.end);
    event.BindTextNoCopy(7, ev.place);
    event.BindTextNoCopy(8, ev.place_kb_id);
    event.BindTextNoCopy(9, ev.status);
    event.BindDouble(10, ev.confidence);
    TG_RETURN_IF_ERROR(RunAndReset(event));
    for (int64_t p : ev.participants) {
      participant.BindInt64(1, ev.id);
      participant.BindInt64(2, p);
      TG_RETURN_IF_ERROR(RunAndReset(participant));
    }
    for (const std::string& t : ev.topics) {
      topic.BindInt64(1, ev.id);
      topic.BindTextNoCopy(2, t);
      TG_RETURN_IF_ERROR(RunAndReset(topic));
    }
    for (size_t i = 0; i < ev.destinations.size(); ++i) {
      destination.BindInt64(1, ev.id);
      destination.BindInt64(2, static_cast<int64_t>(i));
      destination.BindTextNoCopy(3, ev.destinations[i]);
      TG_RETURN_IF_ERROR(RunAndReset(destination));
    }
    for (size_t i = 0; i < ev.sources.size(); ++i) {
      const EventSource& s = ev.sources[i];
      source.BindInt64(1, ev.id);
      source.BindInt64(2, static_cast<int64_t>(i));
      source.BindInt64(3, s.doc_id);
      source.BindTextNoCopy(4, s.doc);
      source.BindTextNoCopy(5, s.published);
      source.BindTextNoCopy(6, s.status);
      source.BindTextNoCopy(7, s.date);
      source.BindTextNoCopy(8, s.date_hint);
      source.BindTextNoCopy(9, s.evidence);
      source.BindText(10, JoinIds(s.participants));
      source.BindText(11, JoinLines(s.copies));
      TG_RETURN_IF_ERROR(RunAndReset(source));
    }
    for (const std::string& d : ev.docs) {
      doc.BindInt64(1, ev.id);
      doc.BindTextNoCopy(2, d);
      TG_RETURN_IF_ERROR(RunAndReset(doc));
    }
  }
  return Status::Ok();
}

// Reads `sql` (first column an event or entity id) and hands each row to `fn`
// with the object of that id in `by_id`.
template <typename T, typename Fn>
Status ForEachRow(Database& db, const char* sql, std::unordered_map<int64_t, T*>& by_id, Fn fn) {
  TG_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql));
  while (true) {
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return Status::Ok();
    auto it = by_id.find(stmt.ColumnInt64(0));
    if (it != by_id.end()) fn(stmt, *it->second);
  }
}

}  // namespace

Status WriteGraph(Database& db, const Graph& graph) {
  TG_RETURN_IF_ERROR(db.Exec(
      "DELETE FROM event_docs; DELETE FROM event_sources; DELETE FROM event_destinations; "
      "DELETE FROM event_topics; DELETE FROM event_participants; DELETE FROM events; "
      "DELETE FROM entity_aliases; DELETE FROM entities; DELETE FROM resolution_notes;"));
  TG_RETURN_IF_ERROR(WriteEntities(db, graph));
  TG_RETURN_IF_ERROR(WriteEvents(db, graph));
  TG_ASSIGN_OR_RETURN(Statement note,
                      db.Prepare("INSERT INTO resolution_notes (kind, name, entities, score, "
                                 "reason) VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const ResolutionNote& n : graph.notes) {
    const std::string ids = JoinIds(n.entities);
    note.BindTextNoCopy(1, n.kind);
    note.BindTextNoCopy(2, n.name);
    note.BindTextNoCopy(3, ids);
    note.BindDouble(4, n.score);
    note.BindTextNoCopy(5, n.reason);
    TG_RETURN_IF_ERROR(RunAndReset(note));
  }
  return Status::Ok();
}

Result<Graph> ReadGraph(Database& db) {
  Graph graph;
  {
    TG_ASSIGN_OR_RETURN(Statement stmt,
                        db.Prepare("SELECT id, key, type, name, name_en, name_ko, kb_id, title, "
                                   "org, docs, events FROM entities ORDER BY id"));
    while (true) {
      TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      GraphEntity e;
      e.id = stmt.ColumnInt64(0);
      e.key = stmt.ColumnText(1);
      e.type = stmt.ColumnText(2);
      e.name = stmt.ColumnText(3);
      e.name_en = stmt.ColumnText(4);
      e.name_ko = stmt.ColumnText(5);
      e.kb_id = stmt.ColumnText(6);
      e.title = stmt.ColumnText(7);
      e.org = stmt.ColumnText(8);
      e.docs = stmt.ColumnInt64(9);
      e.events = stmt.ColumnInt64(10);
      graph.entities.push_back(std::move(e));
    }
  }
  {
    TG_ASSIGN_OR_RETURN(Statement stmt,
                        db.Prepare("SELECT id, kind, traveler, date, date_hint, end_date, place, "
                                   "place_kb_id, status, confidence FROM events ORDER BY id"));
    while (true) {
      TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      GraphEvent ev;
      ev.id = stmt.ColumnInt64(0);
      ev.kind = stmt.ColumnText(1);
      ev.traveler = stmt.ColumnInt64(2);
      ev.date = stmt.ColumnText(3);
      ev.date_hint = stmt.ColumnText(4);
      ev.end = stmt.ColumnText(5);
      ev.place = stmt.ColumnText(6);
      ev.place_kb_id = stmt.ColumnText(7);
      ev.status = stmt.ColumnText(8);
      ev.confidence = stmt.ColumnDouble(9);
      graph.events.push_back(std::move(ev));
    }
  }
  std::unordered_map<int64_t, GraphEntity*> entities;
  for (GraphEntity& e : graph.entities) entities[e.id] = &e;
  std::unordered_map<int64_t, GraphEvent*> events;
  for (GraphEvent& ev : graph.events) events[ev.id] = &ev;
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, alias", entities,
      [](const Statement& r, GraphEntity& e) { e.aliases.push_back(r.ColumnText(1)); }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, entity_id FROM event_participants ORDER BY event_id, entity_id",
      events, [](const Statement& r, GraphEvent& ev) { ev.participants.push_back(r.ColumnInt64(1)); }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, topic FROM event_topics ORDER BY event_id, topic", events,
      [](const Statement& r, GraphEvent& ev) { ev.topics.push_back(r.ColumnText(1)); }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, name FROM event_destinations ORDER BY event_id, idx", events,
      [](const Statement& r, GraphEvent& ev) { ev.destinations.push_back(r.ColumnText(1)); }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db,
      "SELECT event_id, doc_id, doc, published, status, date, date_hint, evidence, people, "
      "copies "
      "FROM event_sources ORDER BY event_id, idx",
      events, [](const Statement& r, GraphEvent& ev) {
        EventSource s;
        s.doc_id = r.ColumnInt64(1);
        s.doc = r.ColumnText(2);
        s.published = r.ColumnText(3);
        s.status = r.ColumnText(4);
        s.date = r.ColumnText(5);
        s.date_hint = r.ColumnText(6);
        s.evidence = r.ColumnText(7);
        s.participants = SplitIds(r.ColumnText(8));
        s.copies = SplitLines(r.ColumnText(9));
        ev.sources.push_back(std::move(s));
      }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, doc FROM event_docs ORDER BY event_id, doc", events,
      [](const Statement& r, GraphEvent& ev) { ev.docs.push_back(r.ColumnText(1)); }));
  TG_ASSIGN_OR_RETURN(Statement notes,
                      db.Prepare("SELECT kind, name, entities, score, reason FROM "
                                 "resolution_notes ORDER BY id"));
  while (true) {
    TG_ASSIGN_OR_RETURN(bool row, notes.Step());
    if (!row) break;
    ResolutionNote n;
    n.kind = notes.ColumnText(0);
    n.name = notes.ColumnText(1);
    n.entities = SplitIds(notes.ColumnText(2));
    n.score = notes.ColumnDouble(3);
    n.reason = notes.ColumnText(4);
    graph.notes.push_back(std::move(n));
  }
  return graph;
}

Result<std::vector<ExtractionRecord>> ReadExtractionRecords(Database& db,
                                                            SqliteEventTables& events,
                                                            int64_t after_doc_id) {
  std::unordered_map<int64_t, std::vector<std::string>> duplicates;
  {
    TG_ASSIGN_OR_RETURN(Statement stmt,
                        db.Prepare("SELECT dup_group, ext_id FROM documents WHERE dup_group != id "
                                   "ORDER BY id"));
    while (true) {
      TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      duplicates[stmt.ColumnInt64(0)].push_back(stmt.ColumnText(1));
    }
  }
  std::vector<ExtractionRecord> out;
  TG_ASSIGN_OR_RETURN(Statement stmt,
                      db.Prepare("SELECT d.id, d.ext_id, d.lang, d.published, d.outlet FROM "
                                 "extractions x JOIN documents d ON d.id = x.doc_id "
                                 "WHERE x.doc_id > ?1 ORDER BY x.doc_id"));
  stmt.BindInt64(1, after_doc_id);
  while (true) {
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ExtractionRecord r;
    r.doc_id = stmt.ColumnInt64(0);
    r.ext_id = stmt.ColumnText(1);
    r.lang = stmt.ColumnText(2);
    r.published = stmt.ColumnText(3);
    r.outlet = stmt.ColumnText(4);
    if (auto it = duplicates.find(r.doc_id); it != duplicates.end()) {
      r.duplicate_ext_ids = std::move(it->second);
    }
    out.push_back(std::move(r));
  }
  for (ExtractionRecord& r : out) {
    TG_ASSIGN_OR_RETURN(std::optional<StoredEvents> events_of, events.Read(r.doc_id));
    if (events_of.has_value()) r.events = std::move(*events_of);
  }
  return out;
}

}  // namespace tg::store
