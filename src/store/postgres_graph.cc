#include "store/postgres_graph.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tg::store {
namespace {

using pg::Params;
using pg::Rows;

// A graph is written rarely and whole, so each table gets one INSERT of
// unnest()ed arrays rather than a prepared statement per row.
Status Insert(pg::Connection& db, const char* sql, const Params& params) {
  return db.Query(sql, params).status();
}

Status WriteEntities(pg::Connection& db, const Graph& graph) {
  std::vector<int64_t> id, docs, events, alias_entity;
  std::vector<std::string> key, type, name, name_en, name_ko, kb_id, title, org, alias;
  for (const GraphEntity& e : graph.entities) {
    id.push_back(e.id);
    key.push_back(e.key);
    type.push_back(e.type);
    name.push_back(e.name);
    name_en.push_back(e.name_en);
    name_ko.push_back(e.name_ko);
    kb_id.push_back(e.kb_id);
    title.push_back(e.title);
    org.push_back(e.org);
    docs.push_back(e.docs);
    events.push_back(e.events);
    for (const std::string& a : e.aliases) {
      alias_entity.push_back(e.id);
      alias.push_back(a);
    }
  }
  Params p;
  p.Int64Array(id).TextArray(key).TextArray(type).TextArray(name).TextArray(name_en);
  p.TextArray(name_ko).TextArray(kb_id).TextArray(title).TextArray(org);
  p.Int64Array(docs).Int64Array(events);
  TG_RETURN_IF_ERROR(Insert(db,
                            "INSERT INTO entities (id, key, type, name, name_en, name_ko, kb_id, "
                            "title, org, docs, events) SELECT * FROM unnest($1::bigint[], "
                            "$2::text[], $3::text[], $4::text[], $5::text[], $6::text[], "
                            "$7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[])",
                            p));
  Params a;
  a.Int64Array(alias_entity).TextArray(alias);
  return Insert(db,
                "INSERT INTO entity_aliases (entity_id, alias) SELECT * FROM "
                "unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING",
                a);
}

Status WriteEvents(pg::Connection& db, const Graph& graph) {
  std::vector<int64_t> id, traveler;
  std::vector<std::string> kind, date, hint, end, place, place_kb, status;
  std::vector<double> confidence;
  std::vector<int64_t> part_event, part_entity, topic_event, dest_event, dest_idx;
  std::vector<std::string> topic, dest;
  std::vector<int64_t> src_event, src_idx, src_doc_id, doc_event;
  std::vector<std::string> src_doc, src_published, src_status, src_date, src_hint, src_evidence;
  std::vector<std::string> src_people, src_copies;  // array literals, one per source
  std::vector<std::string> doc;
  for (const GraphEvent& ev : graph.events) {
    id.push_back(ev.id);
    kind.push_back(ev.kind);
    traveler.push_back(ev.traveler);
    date.push_back(ev.date);
    hint.push_back(ev.date_hint);
    end.push_back(ev.end);
    place.push_back(ev.place);
    place_kb.push_back(ev.place_kb_id);
    status.push_back(ev.status);
    confidence.push_back(ev.confidence);
    for (int64_t p : ev.participants) {
      part_event.push_back(ev.id);
      part_entity.push_back(p);
    }
    for (const std::string& t : ev.topics) {
      topic_event.push_back(ev.id);
      topic.push_back(t);
    }
    for (size_t i = 0; i < ev.destinations.size(); ++i) {
      dest_event.push_back(ev.id);
      dest_idx.push_back(static_cast<int64_t>(i));
      dest.push_back(ev.destinations[i]);
    }
    for (size_t i = 0; i < ev.sources.size(); ++i) {
      const EventSource& s = ev.sources[i];
      src_event.push_back(ev.id);
      src_idx.push_back(static_cast<int64_t>(i));
      src_doc_id.push_back(s.doc_id);
      src_doc.push_back(s.doc);
      src_published.push_back(s.published);
      src_status.push_back(s.status);
      src_date.push_back(s.date);
      src_hint.push_back(s.date_hint);
      src_evidence.push_back(s.evidence);
      src_people.push_back(pg::Int64ArrayLiteral(s.participants));
      src_copies.push_back(pg::TextArrayLiteral(s.copies));
    }
    for (const std::string& d : ev.docs) {
      doc_event.push_back(ev.id);
      doc.push_back(d);
    }
  }
  Params e;
  e.Int64Array(id).TextArray(kind).Int64Array(traveler).TextArray(date).TextArray(hint);
  e.TextArray(end).TextArray(place).TextArray(place_kb).TextArray(status).DoubleArray(confidence);
  TG_RETURN_IF_ERROR(Insert(db,
                            "INSERT INTO events (id, kind, traveler, date, date_hint, end_date, "
                            "place, place_kb_id, status, confidence) SELECT * FROM "
                            "unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], "
                            "$5::text[], $6::text[], $7::text[], $8::text[], $9::text[], "
                            "$10::float8[])",
                            e));
  Params p;
  p.Int64Array(part_event).Int64Array(part_entity);
  TG_RETURN_IF_ERROR(Insert(db,
                            "INSERT INTO event_participants (event_id, entity_id) SELECT * FROM "
                            "unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING",
                            p));
  Params t;
  t.Int64Array(topic_event).TextArray(topic);
  TG_RETURN_IF_ERROR(Insert(db,
                            "INSERT INTO event_topics (event_id, topic) SELECT * FROM "
                            "unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING",
                            t));
  Params d;
  d.Int64Array(dest_event).Int64Array(dest_idx).TextArray(dest);
  TG_RETURN_IF_ERROR(Insert(db,
                            "INSERT INTO event_destinations (event_id, idx, name) SELECT * FROM "
                            "unnest($1::bigint[], $2::int[], $3::text[])",
                            d));
  Params s;
  s.Int64Array(src_event).Int64Array(src_idx).Int64Array(src_doc_id).TextArray(src_doc);
  s.TextArray(src_published).TextArray(src_status).TextArray(src_date).TextArray(src_hint);
  s.TextArray(src_evidence).TextArray(src_people).TextArray(src_copies);
  // The per-source lists travel as array literals inside a text array and
  // are cast back (unnest() cannot take arrays of unequal lengths).
  TG_RETURN_IF_ERROR(Insert(db,
                            "INSERT INTO event_sources (event_id, idx, doc_id, doc, published, "
                            "status, date, date_hint, evidence, people, copies) SELECT a, b, c, "
                            "d, e, f, g, h, i, j::bigint[], k::text[] FROM "
                            "unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], "
                            "$5::text[], $6::text[], $7::text[], $8::text[], $9::text[], "
                            "$10::text[], $11::text[]) AS t(a, b, c, d, e, f, g, h, i, j, k)",
                            s));
  Params docs;
  docs.Int64Array(doc_event).TextArray(doc);
  return Insert(db,
                "INSERT INTO event_docs (event_id, doc) SELECT * FROM "
                "unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING",
                docs);
}

// Runs `sql` (first column an event or entity id) and hands each row to `fn`
// with the object of that id in `by_id`.
template <typename T, typename Fn>
Status ForEachRow(pg::Connection& db, const char* sql, std::unordered_map<int64_t, T*>& by_id,
                  Fn fn) {
  TG_ASSIGN_OR_RETURN(Rows rows, db.Query(sql));
  for (size_t r = 0; r < rows.size(); ++r) {
    auto it = by_id.find(rows.Int64(r, 0));
    if (it != by_id.end()) fn(rows, r, *it->second);
  }
  return Status::Ok();
}

}  // namespace

Status WritePostgresGraph(pg::Connection& db, const Graph& graph) {
  // Deleting events and entities cascades to their child rows.
  TG_RETURN_IF_ERROR(
      db.Exec("DELETE FROM events; DELETE FROM entities; DELETE FROM resolution_notes"));
  TG_RETURN_IF_ERROR(WriteEntities(db, graph));
  TG_RETURN_IF_ERROR(WriteEvents(db, graph));
  std::vector<std::string> kind, name, entities, reason;
  std::vector<double> score;
  for (const ResolutionNote& n : graph.notes) {
    kind.push_back(n.kind);
    name.push_back(n.name);
    entities.push_back(pg::Int64ArrayLiteral(n.entities));
    score.push_back(n.score);
    reason.push_back(n.reason);
  }
  Params p;
  p.TextArray(kind).TextArray(name).TextArray(entities).DoubleArray(score).TextArray(reason);
  return Insert(db,
                "INSERT INTO resolution_notes (idx, kind, name, entities, score, reason) "
                "SELECT n - 1, a, b, c::bigint[], d, e FROM unnest($1::text[], $2::text[], "
                "$3::text[], $4::float8[], $5::text[]) WITH ORDINALITY AS t(a, b, c, d, e, n)",
                p);
}

Result<Graph> ReadPostgresGraph(pg::Connection& db) {
  Graph graph;
  {
    TG_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT id, key, type, name, name_en, name_ko, "
                                            "kb_id, title, org, docs, events FROM entities "
                                            "ORDER BY id"));
    for (size_t r = 0; r < rows.size(); ++r) {
      GraphEntity e;
      e.id = rows.Int64(r, 0);
      e.key = rows.Text(r, 1);
      e.type = rows.Text(r, 2);
      e.name = rows.Text(r, 3);
      e.name_en = rows.Text(r, 4);
      e.name_ko = rows.Text(r, 5);
      e.kb_id = rows.Text(r, 6);
      e.title = rows.Text(r, 7);
      e.org = rows.Text(r, 8);
      e.docs = rows.Int64(r, 9);
      e.events = rows.Int64(r, 10);
      graph.entities.push_back(std::move(e));
    }
  }
  {
    TG_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT id, kind, traveler, date, date_hint, "
                                            "end_date, place, place_kb_id, status, confidence "
                                            "FROM events ORDER BY id"));
    for (size_t r = 0; r < rows.size(); ++r) {
      GraphEvent ev;
      ev.id = rows.Int64(r, 0);
      ev.kind = rows.Text(r, 1);
      ev.traveler = rows.Int64(r, 2);
      ev.date = rows.Text(r, 3);
      ev.date_hint = rows.Text(r, 4);
      ev.end = rows.Text(r, 5);
      ev.place = rows.Text(r, 6);
      ev.place_kb_id = rows.Text(r, 7);
      ev.status = rows.Text(r, 8);
      ev.confidence = rows.Double(r, 9);
      graph.events.push_back(std::move(ev));
    }
  }
  std::unordered_map<int64_t, GraphEntity*> entities;
  for (GraphEntity& e : graph.entities) entities[e.id] = &e;
  std::unordered_map<int64_t, GraphEvent*> events;
  for (GraphEvent& ev : graph.events) events[ev.id] = &ev;
  // Text is sorted by bytes (COLLATE "C"), as SQLite sorts it.
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, alias COLLATE \"C\"",
      entities, [](const Rows& rows, size_t r, GraphEntity& e) {
        e.aliases.push_back(rows.Text(r, 1));
      }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, entity_id FROM event_participants ORDER BY event_id, entity_id",
      events, [](const Rows& rows, size_t r, GraphEvent& ev) {
        ev.participants.push_back(rows.Int64(r, 1));
      }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, topic FROM event_topics ORDER BY event_id, topic COLLATE \"C\"",
      events,
      [](const Rows& rows, size_t r, GraphEvent& ev) { ev.topics.push_back(rows.Text(r, 1)); }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, name FROM event_destinations ORDER BY event_id, idx", events,
      [](const Rows& rows, size_t r, GraphEvent& ev) {
        ev.destinations.push_back(rows.Text(r, 1));
      }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db,
      "SELECT event_id, doc_id, doc, published, status, date, date_hint, evidence, people, "
      "copies FROM event_sources ORDER BY event_id, idx",
      events, [](const Rows& rows, size_t r, GraphEvent& ev) {
        EventSource s;
        s.doc_id = rows.Int64(r, 1);
        s.doc = rows.Text(r, 2);
        s.published = rows.Text(r, 3);
        s.status = rows.Text(r, 4);
        s.date = rows.Text(r, 5);
        s.date_hint = rows.Text(r, 6);
        s.evidence = rows.Text(r, 7);
        s.participants = rows.Int64Array(r, 8);
        s.copies = rows.TextArray(r, 9);
        ev.sources.push_back(std::move(s));
      }));
  TG_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT event_id, doc FROM event_docs ORDER BY event_id, doc COLLATE \"C\"", events,
      [](const Rows& rows, size_t r, GraphEvent& ev) { ev.docs.push_back(rows.Text(r, 1)); }));
  TG_ASSIGN_OR_RETURN(Rows notes, db.Query("SELECT kind, name, entities, score, reason FROM "
                                           "resolution_notes ORDER BY idx"));
  for (size_t r = 0; r < notes.size(); ++r) {
    ResolutionNote n;
    n.kind = notes.Text(r, 0);
    n.name = notes.Text(r, 1);
    n.entities = notes.Int64Array(r, 2);
    n.score = notes.Double(r, 3);
    n.reason = notes.Text(r, 4);
    graph.notes.push_back(std::move(n));
  }
  return graph;
}

}  // namespace tg::store
