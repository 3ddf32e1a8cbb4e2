#include "store/sqlite_schema.h"

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "dedup/near_dup.h"
#include "store/signature_codec.h"

namespace tg::store {
namespace {

using sqlite::Database;
using sqlite::Statement;

// PRAGMA application_id of a tiegraph database ("TGDB"), so another
// program's SQLite file is recognised and never migrated.
constexpr int64_t kApplicationId = 0x54474442;

// Schema migrations: entry i brings user_version from i to i + 1. Append new
// entries, never edit shipped ones. Every table and column: docs/storage.md.
constexpr const char* kMigrations[] = {
    // Version 1: documents, MinHash signatures, LSH bands, full-text index.
    R"sql(
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  ext_id         TEXT    NOT NULL,
  source         TEXT    NOT NULL,
  record_id      TEXT    NOT NULL,
  kind           TEXT    NOT NULL,
  encoding       TEXT    NOT NULL,
  raw_hash       INTEGER UNIQUE,
  raw_size       INTEGER NOT NULL,
  text_hash      INTEGER NOT NULL,
  text           TEXT    NOT NULL,
  title          TEXT    NOT NULL,
  outlet         TEXT    NOT NULL,
  byline         TEXT    NOT NULL,
  url            TEXT    NOT NULL,
  published      TEXT    NOT NULL,
  published_time TEXT    NOT NULL,
  lang           TEXT    NOT NULL,
  dup_group      INTEGER NOT NULL,
  dup_kind       TEXT    NOT NULL,
  dup_similarity REAL    NOT NULL,
  ingested_at    TEXT    NOT NULL
);
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_ext_id ON documents(ext_id);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_lang ON documents(lang);
CREATE INDEX documents_dup_group ON documents(dup_group);
CREATE TABLE minhash (
  doc_id    INTEGER PRIMARY KEY REFERENCES documents(id),
  signature BLOB    NOT NULL
);
CREATE TABLE lsh_bands (
  band_key INTEGER NOT NULL,
  doc_id   INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (band_key, doc_id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE docs_fts USING fts5(
  title, text, content='documents', content_rowid='id', tokenize='tg_words'
);
)sql",
    // Version 2: FTS5 keeps up to 16 MiB of pending terms in memory before it
    // writes a segment (default 1 MiB): fewer, larger segments and less merging
    // during ingest (~6% fewer instructions for the whole store), memory still
    // bounded. MinHash signatures switched to one-permutation hashing; the
    // stored ones are recomputed by RehashSignatures() in the same transaction.
    R"sql(
INSERT INTO docs_fts(docs_fts, rank) VALUES('hashsize', 16777216);
)sql",
    // Version 3: meetings and trips extracted from each document. A row in
    // `extractions` says the document went through extraction (with or
    // without finding anything); the event tables hang off it and go with it
    // (ON DELETE CASCADE), so replacing a document's events is one DELETE.
    // People, places and topics are child rows, not JSON, so the graph
    // queries ("who met X", "meetings about HBM") are indexed joins.
    R"sql(
CREATE TABLE extractions (
  doc_id       INTEGER PRIMARY KEY REFERENCES documents(id),
  meetings     INTEGER NOT NULL,
  trips        INTEGER NOT NULL,
  extracted_at TEXT    NOT NULL
);
CREATE TABLE meetings (
  id             INTEGER PRIMARY KEY,
  doc_id         INTEGER NOT NULL REFERENCES extractions(doc_id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  date           TEXT    NOT NULL,
  date_hint      TEXT    NOT NULL,
  place          TEXT    NOT NULL,
  place_kb_id    TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  confidence     REAL    NOT NULL,
  UNIQUE (doc_id, idx)
);
CREATE INDEX meetings_date ON meetings(date);
CREATE TABLE meeting_participants (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  name       TEXT    NOT NULL,
  kb_id      TEXT    NOT NULL,
  type       TEXT    NOT NULL,
  name_en    TEXT    NOT NULL,
  name_ko    TEXT    NOT NULL,
  title      TEXT    NOT NULL,
  org        TEXT    NOT NULL,
  PRIMARY KEY (meeting_id, idx)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_name ON meeting_participants(name);
CREATE INDEX meeting_participants_kb_id ON meeting_participants(kb_id);
CREATE TABLE meeting_topics (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  topic      TEXT    NOT NULL,
  PRIMARY KEY (meeting_id, idx)
) WITHOUT ROWID;
CREATE INDEX meeting_topics_topic ON meeting_topics(topic);
CREATE TABLE trips (
  id             INTEGER PRIMARY KEY,
  doc_id         INTEGER NOT NULL REFERENCES extractions(doc_id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  start_date     TEXT    NOT NULL,
  end_date       TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  confidence     REAL    NOT NULL,
  UNIQUE (doc_id, idx)
);
CREATE TABLE trip_people (
  trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  role    TEXT    NOT NULL,
  name    TEXT    NOT NULL,
  kb_id   TEXT    NOT NULL,
  type    TEXT    NOT NULL,
  name_en TEXT    NOT NULL,
  name_ko TEXT    NOT NULL,
  title   TEXT    NOT NULL,
  org     TEXT    NOT NULL,
  PRIMARY KEY (trip_id, idx)
) WITHOUT ROWID;
CREATE INDEX trip_people_name ON trip_people(name);
CREATE INDEX trip_people_kb_id ON trip_people(kb_id);
CREATE TABLE trip_destinations (
  trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  name    TEXT    NOT NULL,
  kb_id   TEXT    NOT NULL,
  PRIMARY KEY (trip_id, idx)
) WITHOUT ROWID;
CREATE INDEX trip_destinations_name ON trip_destinations(name);
)sql",
    // Version 4: the resolved graph (store/graph.h), rebuilt whole by
    // PutGraph from the per-document extractions above: canonical entities
    // with their aliases, merged events with participants, topics,
    // destinations, the reports (sources) and documents behind each, and the
    // resolution notes (merges made, ambiguous matches left apart).
    R"sql(
CREATE TABLE entities (
  id      INTEGER PRIMARY KEY,
  key     TEXT    NOT NULL UNIQUE,
  type    TEXT    NOT NULL,
  name    TEXT    NOT NULL,
  name_en TEXT    NOT NULL,
  name_ko TEXT    NOT NULL,
  kb_id   TEXT    NOT NULL,
  title   TEXT    NOT NULL,
  org     TEXT    NOT NULL,
  docs    INTEGER NOT NULL,
  events  INTEGER NOT NULL
);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE entity_aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     TEXT    NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);
CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL,
  traveler    INTEGER NOT NULL,
  date        TEXT    NOT NULL,
  date_hint   TEXT    NOT NULL,
  end_date    TEXT    NOT NULL,
  place       TEXT    NOT NULL,
  place_kb_id TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  confidence  REAL    NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE TABLE event_participants (
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id, event_id);
CREATE TABLE event_topics (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  topic    TEXT    NOT NULL,
  PRIMARY KEY (event_id, topic)
) WITHOUT ROWID;
CREATE INDEX event_topics_topic ON event_topics(topic);
CREATE TABLE event_destinations (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  idx      INTEGER NOT NULL,
  name     TEXT    NOT NULL,
  PRIMARY KEY (event_id, idx)
) WITHOUT ROWID;
CREATE TABLE event_sources (
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  doc_id    INTEGER NOT NULL,
  doc       TEXT    NOT NULL,
  published TEXT    NOT NULL,
  status    TEXT    NOT NULL,
  date      TEXT    NOT NULL,
  date_hint TEXT    NOT NULL,
  evidence  TEXT    NOT NULL,
  people    TEXT    NOT NULL,
  copies    TEXT    NOT NULL,
  PRIMARY KEY (event_id, idx)
) WITHOUT ROWID;
CREATE INDEX event_sources_doc ON event_sources(doc_id);
CREATE TABLE event_docs (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  doc      TEXT    NOT NULL,
  PRIMARY KEY (event_id, doc)
) WITHOUT ROWID;
CREATE TABLE resolution_notes (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL,
  name     TEXT NOT NULL,
  entities TEXT NOT NULL,
  score    REAL NOT NULL,
  reason   TEXT NOT NULL
);
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

// Part of migration 2: recomputes every stored MinHash signature and the LSH
// bands with the current scheme (default MinHashOptions, as the pipeline
// uses) from the stored clean text, so documents stored by older builds stay
// near-duplicate candidates. Runs inside the migration's transaction.
Status RehashSignatures(Database& db) {
  const dedup::MinHasher hasher;
  TG_RETURN_IF_ERROR(db.Exec("DELETE FROM lsh_bands"));
  TG_ASSIGN_OR_RETURN(Statement read,
                      db.Prepare("SELECT m.doc_id, d.text FROM minhash m JOIN documents d "
                                 "ON d.id = m.doc_id WHERE m.doc_id > ?1 ORDER BY m.doc_id "
                                 "LIMIT 1024"));
  TG_ASSIGN_OR_RETURN(Statement update,
                      db.Prepare("UPDATE minhash SET signature = ?2 WHERE doc_id = ?1"));
  TG_ASSIGN_OR_RETURN(
      Statement band,
      db.Prepare("INSERT OR IGNORE INTO lsh_bands (band_key, doc_id) VALUES (?1, ?2)"));
  // In chunks of 1024 documents, so memory does not grow with the corpus.
  std::vector<std::pair<int64_t, dedup::Signature>> chunk;
  std::string blob;
  int64_t last = 0;
  do {
    chunk.clear();
    read.BindInt64(1, last);
    while (true) {
      TG_ASSIGN_OR_RETURN(bool row, read.Step());
      if (!row) break;
      chunk.emplace_back(read.ColumnInt64(0), hasher.Compute(read.ColumnText(1)));
    }
    TG_RETURN_IF_ERROR(read.Reset());
    for (const auto& [id, signature] : chunk) {
      EncodeSignature(signature, &blob);
      update.BindInt64(1, id);
      update.BindBlob(2, blob.data(), blob.size());
      TG_RETURN_IF_ERROR(update.Run());
      TG_RETURN_IF_ERROR(update.Reset());
      for (uint64_t key : hasher.BandKeys(signature)) {
        band.BindUint64(1, key);
        band.BindInt64(2, id);
        TG_RETURN_IF_ERROR(band.Run());
        TG_RETURN_IF_ERROR(band.Reset());
      }
      last = id;
    }
  } while (!chunk.empty());
  return Status::Ok();
}

Result<int64_t> QueryInt(Database& db, const char* sql) {
  TG_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql));
  TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt64(0) : 0;
}

}  // namespace

Status CheckAndMigrate(Database& db, const std::string& path, bool read_only) {
  const std::string not_ours = "not a tiegraph database: " + path;
  Result<int64_t> tables = QueryInt(db, "SELECT count(*) FROM sqlite_master");
  if (!tables.has_value()) {
    if (tables.error().code() == StatusCode::kCorrupt) {
      return Status::Corrupt(not_ours, " (", tables.error().message(), ")");
    }
    return tables.error();
  }
  TG_ASSIGN_OR_RETURN(int64_t version, QueryInt(db, "PRAGMA user_version"));
  TG_ASSIGN_OR_RETURN(int64_t app_id, QueryInt(db, "PRAGMA application_id"));
  if (version == 0 && *tables > 0) return Status::Corrupt(not_ours, " (it has other tables)");
  if (version > 0 && app_id != kApplicationId) {
    return Status::Corrupt(not_ours, " (application_id ", app_id, ")");
  }
  if (version > kSchemaVersion) {
    return Status::Corrupt("database schema version ", version, " is newer than this build's ",
                           kSchemaVersion, ": ", path);
  }
  if (read_only) {
    if (version < kSchemaVersion) {
      return Status::Corrupt(not_ours, " (schema version ", version, ", need ", kSchemaVersion,
                             "; open it writable once to migrate)");
    }
    return Status::Ok();
  }
  TG_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  TG_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
  for (int64_t v = version; v < kSchemaVersion; ++v) {
    TG_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    const std::string bump = "PRAGMA user_version = " + std::to_string(v + 1) +
                             "; PRAGMA application_id = " + std::to_string(kApplicationId);
    Status status = db.Exec(kMigrations[v]);
    if (status.ok() && v + 1 == 2) status = RehashSignatures(db);
    if (status.ok()) status = db.Exec(bump.c_str());
    if (status.ok()) status = db.Exec("COMMIT");
    if (!status.ok()) {
      static_cast<void>(db.Exec("ROLLBACK"));
      return status.WithPrefix("schema migration to version " + std::to_string(v + 1));
    }
  }
  return Status::Ok();
}

}  // namespace tg::store
