#include "store/postgres_schema.h"

#include <iterator>
#include <string>

namespace tg::store {
namespace {

// Key of the advisory lock that serialises migrations: the SQLite backend's
// application id ("TGDB"), so no other program is likely to use it.
constexpr const char* kLockMigrations = "SELECT pg_advisory_xact_lock(1413956674)";

// Lookups that return the first of several rows (text_hash, ext_id) have
// indexes ending in id, so "WHERE x = $1 ORDER BY id LIMIT 1" reads one
// index entry whatever plan the statement was prepared with.
//
// Schema migrations: entry i brings the schema_version in tg_meta from i to
// i + 1. Append new entries, never edit shipped ones. Every table and
// column: docs/storage.md. Text columns that are compared or sorted as
// strings are compared with COLLATE "C" in the queries (byte order, as
// SQLite), so the database's locale does not matter.
constexpr const char* kMigrations[] = {
    // Version 1: documents, MinHash signatures, LSH bands, the search index,
    // the per-document meetings and trips, and the resolved graph.
    R"sql(
CREATE TABLE documents (
  id             BIGINT PRIMARY KEY,
  ext_id         TEXT   NOT NULL,
  source         TEXT   NOT NULL,
  record_id      TEXT   NOT NULL,
  kind           TEXT   NOT NULL,
  encoding       TEXT   NOT NULL,
  raw_hash       BIGINT UNIQUE,
  raw_size       BIGINT NOT NULL,
  text_hash      BIGINT NOT NULL,
  text           TEXT   NOT NULL,
  title          TEXT   NOT NULL,
  outlet         TEXT   NOT NULL,
  byline         TEXT   NOT NULL,
  url            TEXT   NOT NULL,
  published      TEXT   NOT NULL,
  published_time TEXT   NOT NULL,
  lang           TEXT   NOT NULL,
  dup_group      BIGINT NOT NULL,
  dup_kind       TEXT   NOT NULL,
  dup_similarity DOUBLE PRECISION NOT NULL,
  ingested_at    TEXT   NOT NULL
);
CREATE INDEX documents_text_hash ON documents (text_hash, id);
CREATE INDEX documents_ext_id ON documents (ext_id, id);
CREATE INDEX documents_published ON documents (published COLLATE "C");
CREATE INDEX documents_lang ON documents (lang);
CREATE INDEX documents_dup_group ON documents (dup_group);
CREATE TABLE minhash (
  doc_id    BIGINT PRIMARY KEY REFERENCES documents (id),
  signature BYTEA  NOT NULL
);
CREATE TABLE lsh_bands (
  band_key BIGINT NOT NULL,
  doc_id   BIGINT NOT NULL REFERENCES documents (id),
  PRIMARY KEY (band_key, doc_id)
);
CREATE TABLE docs_fts (
  doc_id       BIGINT   PRIMARY KEY REFERENCES documents (id),
  terms        TSVECTOR NOT NULL,
  title_tokens INTEGER  NOT NULL,
  text_tokens  INTEGER  NOT NULL
);
CREATE INDEX docs_fts_terms ON docs_fts USING gin (terms);

CREATE TABLE extractions (
  doc_id       BIGINT  PRIMARY KEY REFERENCES documents (id),
  meetings     INTEGER NOT NULL,
  trips        INTEGER NOT NULL,
  extracted_at TEXT    NOT NULL
);
CREATE TABLE meetings (
  doc_id         BIGINT  NOT NULL REFERENCES extractions (doc_id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  date           TEXT    NOT NULL,
  date_hint      TEXT    NOT NULL,
  place          TEXT    NOT NULL,
  place_kb_id    TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  evidence_begin BIGINT  NOT NULL,
  evidence_end   BIGINT  NOT NULL,
  confidence     DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX meetings_date ON meetings (date COLLATE "C");
CREATE TABLE meeting_participants (
  doc_id      BIGINT  NOT NULL,
  meeting_idx INTEGER NOT NULL,
  idx         INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  kb_id       TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  name_en     TEXT    NOT NULL,
  name_ko     TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  org         TEXT    NOT NULL,
  PRIMARY KEY (doc_id, meeting_idx, idx),
  FOREIGN KEY (doc_id, meeting_idx) REFERENCES meetings (doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX meeting_participants_name ON meeting_participants (name);
CREATE INDEX meeting_participants_kb_id ON meeting_participants (kb_id);
CREATE TABLE meeting_topics (
  doc_id      BIGINT  NOT NULL,
  meeting_idx INTEGER NOT NULL,
  idx         INTEGER NOT NULL,
  topic       TEXT    NOT NULL,
  PRIMARY KEY (doc_id, meeting_idx, idx),
  FOREIGN KEY (doc_id, meeting_idx) REFERENCES meetings (doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX meeting_topics_topic ON meeting_topics (topic);
CREATE TABLE trips (
  doc_id         BIGINT  NOT NULL REFERENCES extractions (doc_id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  start_date     TEXT    NOT NULL,
  end_date       TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  evidence_begin BIGINT  NOT NULL,
  evidence_end   BIGINT  NOT NULL,
  confidence     DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE trip_people (
  doc_id   BIGINT  NOT NULL,
  trip_idx INTEGER NOT NULL,
  idx      INTEGER NOT NULL,
  role     TEXT    NOT NULL,
  name     TEXT    NOT NULL,
  kb_id    TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  name_en  TEXT    NOT NULL,
  name_ko  TEXT    NOT NULL,
  title    TEXT    NOT NULL,
  org      TEXT    NOT NULL,
  PRIMARY KEY (doc_id, trip_idx, idx),
  FOREIGN KEY (doc_id, trip_idx) REFERENCES trips (doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX trip_people_name ON trip_people (name);
CREATE INDEX trip_people_kb_id ON trip_people (kb_id);
CREATE TABLE trip_destinations (
  doc_id   BIGINT  NOT NULL,
  trip_idx INTEGER NOT NULL,
  idx      INTEGER NOT NULL,
  name     TEXT    NOT NULL,
  kb_id    TEXT    NOT NULL,
  PRIMARY KEY (doc_id, trip_idx, idx),
  FOREIGN KEY (doc_id, trip_idx) REFERENCES trips (doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX trip_destinations_name ON trip_destinations (name);

CREATE TABLE entities (
  id      BIGINT PRIMARY KEY,
  key     TEXT   NOT NULL UNIQUE,
  type    TEXT   NOT NULL,
  name    TEXT   NOT NULL,
  name_en TEXT   NOT NULL,
  name_ko TEXT   NOT NULL,
  kb_id   TEXT   NOT NULL,
  title   TEXT   NOT NULL,
  org     TEXT   NOT NULL,
  docs    BIGINT NOT NULL,
  events  BIGINT NOT NULL
);
CREATE INDEX entities_name ON entities (name);
CREATE TABLE entity_aliases (
  entity_id BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias     TEXT   NOT NULL,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases (alias);
CREATE TABLE events (
  id          BIGINT PRIMARY KEY,
  kind        TEXT   NOT NULL,
  traveler    BIGINT NOT NULL,
  date        TEXT   NOT NULL,
  date_hint   TEXT   NOT NULL,
  end_date    TEXT   NOT NULL,
  place       TEXT   NOT NULL,
  place_kb_id TEXT   NOT NULL,
  status      TEXT   NOT NULL,
  confidence  DOUBLE PRECISION NOT NULL
);
CREATE INDEX events_date ON events (date COLLATE "C");
CREATE TABLE event_participants (
  event_id  BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  entity_id BIGINT NOT NULL REFERENCES entities (id),
  PRIMARY KEY (event_id, entity_id)
);
CREATE INDEX event_participants_entity ON event_participants (entity_id, event_id);
CREATE TABLE event_topics (
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  topic    TEXT   NOT NULL,
  PRIMARY KEY (event_id, topic)
);
CREATE INDEX event_topics_topic ON event_topics (topic);
CREATE TABLE event_destinations (
  event_id BIGINT  NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  idx      INTEGER NOT NULL,
  name     TEXT    NOT NULL,
  PRIMARY KEY (event_id, idx)
);
CREATE TABLE event_sources (
  event_id  BIGINT  NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  doc_id    BIGINT  NOT NULL,
  doc       TEXT    NOT NULL,
  published TEXT    NOT NULL,
  status    TEXT    NOT NULL,
  date      TEXT    NOT NULL,
  date_hint TEXT    NOT NULL,
  evidence  TEXT    NOT NULL,
  people    BIGINT[] NOT NULL,
  copies    TEXT[]  NOT NULL,
  PRIMARY KEY (event_id, idx)
);
CREATE INDEX event_sources_doc ON event_sources (doc_id);
CREATE TABLE event_docs (
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  doc      TEXT   NOT NULL,
  PRIMARY KEY (event_id, doc)
);
CREATE TABLE resolution_notes (
  idx      INTEGER  PRIMARY KEY,
  kind     TEXT     NOT NULL,
  name     TEXT     NOT NULL,
  entities BIGINT[] NOT NULL,
  score    DOUBLE PRECISION NOT NULL,
  reason   TEXT     NOT NULL
);
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

// The schema's tg_meta version: 0 when the schema has no tables at all.
Result<int> ReadVersion(pg::Connection& db, const std::string& where) {
  TG_ASSIGN_OR_RETURN(pg::Rows tables,
                      db.Query("SELECT count(*), count(*) FILTER (WHERE tablename = 'tg_meta') "
                               "FROM pg_tables WHERE schemaname = current_schema()"));
  const int64_t count = tables.Int64(0, 0);
  const bool has_meta = tables.Int64(0, 1) > 0;
  const std::string not_ours = "not a tiegraph database: " + where;
  if (count == 0) return 0;
  if (!has_meta) return Status::Corrupt(not_ours, " (it has other tables)");
  TG_ASSIGN_OR_RETURN(pg::Rows meta, db.Query("SELECT key, value FROM tg_meta"));
  std::string application;
  int version = 0;
  for (size_t i = 0; i < meta.size(); ++i) {
    if (meta.View(i, 0) == "application") application = meta.Text(i, 1);
    if (meta.View(i, 0) == "schema_version") version = static_cast<int>(meta.Int64(i, 1));
  }
  if (application != "tiegraph" || version < 1) {
    return Status::Corrupt(not_ours, " (tg_meta says '", application, "' version ", version, ")");
  }
  return version;
}

Status Migrate(pg::Connection& db, const std::string& where) {
  TG_ASSIGN_OR_RETURN(int version, ReadVersion(db, where));
  if (version > kSchemaVersion) {
    return Status::Corrupt("database schema version ", version, " is newer than this build's ",
                           kSchemaVersion, ": ", where);
  }
  if (version == 0) {
    TG_RETURN_IF_ERROR(db.Exec(
        "CREATE TABLE tg_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO tg_meta VALUES ('application', 'tiegraph'), ('schema_version', '0')"));
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    TG_RETURN_IF_ERROR(db.Exec(kMigrations[v]).WithPrefix("schema migration to version " +
                                                          std::to_string(v + 1)));
    pg::Params params;
    params.Text(std::to_string(v + 1));
    TG_RETURN_IF_ERROR(
        db.Query("UPDATE tg_meta SET value = $1 WHERE key = 'schema_version'", params).status());
  }
  return Status::Ok();
}

}  // namespace

Status OpenPostgresSchema(pg::Connection& db, const std::string& schema, bool read_only) {
  const std::string quoted = schema.empty() ? "" : db.QuoteName(schema);
  if (read_only) {
    if (!schema.empty()) TG_RETURN_IF_ERROR(db.Exec("SET search_path TO " + quoted));
    TG_ASSIGN_OR_RETURN(pg::Rows current, db.Query("SELECT current_schema()"));
    const std::string where = "schema " + (current.IsNull(0, 0) ? schema : current.Text(0, 0));
    if (current.IsNull(0, 0)) return Status::Corrupt("no tiegraph tables in ", where);
    TG_ASSIGN_OR_RETURN(int version, ReadVersion(db, where));
    if (version == 0) return Status::Corrupt("no tiegraph tables in ", where);
    if (version != kSchemaVersion) {
      return Status::Corrupt(where, " has schema version ", version, ", this build needs ",
                             kSchemaVersion, " (open it writable once to migrate)");
    }
    return Status::Ok();
  }
  // Everything in one transaction: a failed migration leaves the old version,
  // and two processes opening a new schema at once do not both create it.
  TG_RETURN_IF_ERROR(db.Exec("BEGIN"));
  Status status = db.Exec(kLockMigrations);
  if (status.ok() && !schema.empty()) {
    status = db.Exec("CREATE SCHEMA IF NOT EXISTS " + quoted + "; SET search_path TO " + quoted);
  }
  std::string where = "schema " + schema;
  if (status.ok()) {
    Result<pg::Rows> current = db.Query("SELECT current_schema()");
    if (!current.has_value()) {
      status = current.error();
    } else if (current->IsNull(0, 0)) {
      status = Status::InvalidArgument("no schema to create tables in: search_path names none");
    } else {
      where = "schema " + current->Text(0, 0);
    }
  }
  if (status.ok()) status = Migrate(db, where);
  if (status.ok()) status = db.Exec("COMMIT");
  if (!status.ok()) static_cast<void>(db.Exec("ROLLBACK"));
  return status;
}

}  // namespace tg::store
