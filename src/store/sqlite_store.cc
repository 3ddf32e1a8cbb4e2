#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "store/fts_tokenizer.h"
#include "store/search_query.h"
#include "store/signature_codec.h"
#include "store/sqlite_db.h"

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
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

#define TG_DOC_COLUMNS                                                                   \
  "id, ext_id, source, record_id, kind, encoding, raw_hash, raw_size, text_hash, text, " \
  "title, outlet, byline, url, published, published_time, lang, dup_group, dup_kind, "   \
  "dup_similarity, ingested_at"

Document ReadDocument(const Statement& row) {
  Document doc;
  doc.id = row.ColumnInt64(0);
  doc.ext_id = row.ColumnText(1);
  doc.source = row.ColumnText(2);
  doc.record_id = row.ColumnText(3);
  doc.kind = row.ColumnText(4) == "html" ? ContentKind::kHtml : ContentKind::kText;
  doc.encoding = row.ColumnText(5);
  doc.raw_hash = row.IsNull(6) ? 0 : row.ColumnUint64(6);
  doc.raw_size = row.ColumnUint64(7);
  doc.text_hash = row.ColumnUint64(8);
  doc.text = row.ColumnText(9);
  doc.meta.title = row.ColumnText(10);
  doc.meta.outlet = row.ColumnText(11);
  doc.meta.byline = row.ColumnText(12);
  doc.meta.url = row.ColumnText(13);
  doc.meta.published = row.ColumnText(14);
  doc.meta.published_time = row.ColumnText(15);
  doc.meta.lang = row.ColumnText(16);
  doc.dup_group = row.ColumnInt64(17);
  const std::string dup_kind = row.ColumnText(18);
  doc.dup_kind = dup_kind == "exact"  ? DupKind::kExact
                 : dup_kind == "near" ? DupKind::kNear
                                      : DupKind::kNone;
  doc.dup_similarity = row.ColumnDouble(19);
  doc.ingested_at = row.ColumnText(20);
  return doc;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Database> db, SqliteOptions options)
      : db_(std::move(db)), options_(std::move(options)) {}

  ~SqliteStore() override {
    // Errors are lost here by contract; callers who care call Flush().
    static_cast<void>(Flush());
  }

  Result<std::optional<DocRef>> FindByRawHash(uint64_t raw_hash) override {
    if (raw_hash == 0) return std::optional<DocRef>();
    return FindRef("SELECT id, dup_group FROM documents WHERE raw_hash = ?1", raw_hash);
  }

  Result<std::optional<DocRef>> FindByTextHash(uint64_t text_hash) override {
    return FindRef("SELECT id, dup_group FROM documents WHERE text_hash = ?1 ORDER BY id LIMIT 1",
                   text_hash);
  }

  Result<std::vector<NearDupCandidate>> FindNearDupCandidates(
      const std::vector<uint64_t>& band_keys) override {
    // Repeated lookups on the (band_key, doc_id) primary key: each is an
    // index-only range scan of the WITHOUT ROWID table, so nothing of the
    // LSH index has to be held in memory.
    std::vector<int64_t> ids;
    for (uint64_t key : band_keys) {
      TG_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Cached("SELECT doc_id FROM lsh_bands WHERE band_key = ?1"));
      stmt.BindUint64(1, key);
      while (true) {
        TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
        if (!row) break;
        ids.push_back(stmt.ColumnInt64(0));
      }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    std::vector<NearDupCandidate> out;
    out.reserve(ids.size());
    for (int64_t id : ids) {
      TG_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Cached("SELECT m.signature, d.dup_group FROM minhash m "
                                      "JOIN documents d ON d.id = m.doc_id WHERE m.doc_id = ?1"));
      stmt.BindInt64(1, id);
      TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) continue;
      NearDupCandidate candidate;
      candidate.id = id;
      candidate.dup_group = stmt.ColumnInt64(1);
      TG_ASSIGN_OR_RETURN(candidate.signature, DecodeSignature(stmt.ColumnBlob(0)));
      out.push_back(std::move(candidate));
    }
    return out;
  }

  Result<int64_t> Insert(const Document& doc, const std::vector<uint32_t>& signature,
                         const std::vector<uint64_t>& band_keys) override {
    if (options_.read_only) {
      return Status::InvalidArgument("store is read-only: ", options_.path);
    }
    if (!in_transaction_) {
      TG_RETURN_IF_ERROR(Run("BEGIN IMMEDIATE"));
      in_transaction_ = true;
    }
    TG_RETURN_IF_ERROR(Run("SAVEPOINT tg_insert"));
    Result<int64_t> id = InsertRows(doc, signature, band_keys);
    if (!id.has_value()) {
      // Undo this document only; earlier inserts of the batch stay.
      static_cast<void>(Run("ROLLBACK TO tg_insert"));
      static_cast<void>(Run("RELEASE tg_insert"));
      return id.error().WithPrefix("cannot store document '" + doc.ext_id + "'");
    }
    TG_RETURN_IF_ERROR(Run("RELEASE tg_insert"));
    if (++pending_ >= options_.batch_size) TG_RETURN_IF_ERROR(Flush());
    return id;
  }

  Status Flush() override {
    if (!in_transaction_) return Status::Ok();
    TG_RETURN_IF_ERROR(Run("COMMIT"));
    in_transaction_ = false;
    pending_ = 0;
    return Status::Ok();
  }

  Result<std::optional<Document>> Get(int64_t id) override {
    TG_ASSIGN_OR_RETURN(Statement stmt,
                        db_->Cached("SELECT " TG_DOC_COLUMNS " FROM documents WHERE id = ?1"));
    stmt.BindInt64(1, id);
    return ReadOne(stmt);
  }

  Result<std::optional<Document>> GetByExtId(std::string_view ext_id) override {
    TG_ASSIGN_OR_RETURN(Statement stmt,
                        db_->Cached("SELECT " TG_DOC_COLUMNS
                                    " FROM documents WHERE ext_id = ?1 ORDER BY id LIMIT 1"));
    stmt.BindText(1, ext_id);
    return ReadOne(stmt);
  }

  Result<std::vector<DocSummary>> List(const DocFilter& filter) override {
    // Every clause binds its value; nothing of the filter is pasted into SQL.
    std::string sql =
        "SELECT id, ext_id, source, title, outlet, published, lang, dup_group, dup_kind, "
        "length(CAST(text AS BLOB)) FROM documents WHERE 1";
    if (!filter.lang.empty()) sql += " AND lang = :lang";
    if (!filter.outlet.empty()) sql += " AND instr(lower(outlet), lower(:outlet)) > 0";
    if (!filter.since.empty()) sql += " AND published <> '' AND published >= :since";
    if (!filter.until.empty()) sql += " AND published <> '' AND published <= :until";
    if (filter.leaders_only) sql += " AND dup_group = id";
    sql += " ORDER BY id LIMIT :limit OFFSET :offset";
    TG_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(sql));
    stmt.BindNamed(":lang", filter.lang);
    stmt.BindNamed(":outlet", filter.outlet);
    stmt.BindNamed(":since", filter.since);
    stmt.BindNamed(":until", filter.until);
    stmt.BindNamedInt64(":limit", filter.limit < 0 ? -1 : filter.limit);
    stmt.BindNamedInt64(":offset", std::max(0, filter.offset));
    std::vector<DocSummary> out;
    while (true) {
      TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      DocSummary s;
      s.id = stmt.ColumnInt64(0);
      s.ext_id = stmt.ColumnText(1);
      s.source = stmt.ColumnText(2);
      s.title = stmt.ColumnText(3);
      s.outlet = stmt.ColumnText(4);
      s.published = stmt.ColumnText(5);
      s.lang = stmt.ColumnText(6);
      s.dup_group = stmt.ColumnInt64(7);
      const std::string kind = stmt.ColumnText(8);
      s.dup_kind = kind == "exact"  ? DupKind::kExact
                   : kind == "near" ? DupKind::kNear
                                    : DupKind::kNone;
      s.text_bytes = stmt.ColumnUint64(9);
      out.push_back(std::move(s));
    }
    return out;
  }

  Result<std::vector<SearchHit>> Search(std::string_view query, int limit) override {
    TG_ASSIGN_OR_RETURN(SearchQuery parsed, ParseSearchQuery(query));
    // rank is bm25 (lower is better); snippet() marks matches of the text
    // column with [ ] and cuts around the best ~16 tokens.
    TG_ASSIGN_OR_RETURN(
        Statement stmt,
        db_->Cached("SELECT d.id, d.ext_id, d.title, m.snip, m.rank FROM ("
                    "  SELECT rowid, snippet(docs_fts, 1, '[', ']', '...', 16) AS snip, rank"
                    "  FROM docs_fts WHERE docs_fts MATCH ?1 ORDER BY rank LIMIT ?2"
                    ") AS m JOIN documents d ON d.id = m.rowid ORDER BY m.rank"));
    stmt.BindText(1, ToFts5Match(parsed));
    stmt.BindInt64(2, limit < 0 ? -1 : limit);
    std::vector<SearchHit> hits;
    while (true) {
      Result<bool> row = stmt.Step();
      if (!row.has_value()) {
        // The expression is built from quoted strings only, so a failure here
        // is not the user's syntax; still report it as a bad query, not a crash.
        return Status::InvalidArgument("search failed for '", query, "': ", row.error().message());
      }
      if (!*row) break;
      SearchHit hit;
      hit.id = stmt.ColumnInt64(0);
      hit.ext_id = stmt.ColumnText(1);
      hit.title = stmt.ColumnText(2);
      hit.snippet = stmt.ColumnText(3);
      hit.score = -stmt.ColumnDouble(4);
      hits.push_back(std::move(hit));
    }
    return hits;
  }

  Result<StoreStats> Stats() override {
    TG_ASSIGN_OR_RETURN(Statement stmt,
                        db_->Cached("SELECT count(*), total(dup_group = id), "
                                    "total(dup_kind = 'exact'), total(dup_kind = 'near') "
                                    "FROM documents"));
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    StoreStats stats;
    if (row) {
      stats.documents = stmt.ColumnInt64(0);
      stats.groups = stmt.ColumnInt64(1);
      stats.exact_duplicates = stmt.ColumnInt64(2);
      stats.near_duplicates = stmt.ColumnInt64(3);
    }
    return stats;
  }

 private:
  Status Run(const char* sql) {
    TG_ASSIGN_OR_RETURN(Statement stmt, db_->Cached(sql));
    return stmt.Run();
  }

  Result<std::optional<DocRef>> FindRef(const char* sql, uint64_t hash) {
    TG_ASSIGN_OR_RETURN(Statement stmt, db_->Cached(sql));
    stmt.BindUint64(1, hash);
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return std::optional<DocRef>();
    return std::optional<DocRef>(DocRef{stmt.ColumnInt64(0), stmt.ColumnInt64(1)});
  }

  static Result<std::optional<Document>> ReadOne(Statement& stmt) {
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return std::optional<Document>();
    return std::optional<Document>(ReadDocument(stmt));
  }

  Result<int64_t> InsertRows(const Document& doc, const std::vector<uint32_t>& signature,
                             const std::vector<uint64_t>& band_keys) {
    int64_t id = 0;
    {
      TG_ASSIGN_OR_RETURN(
          Statement stmt,
          db_->Cached("INSERT INTO documents (ext_id, source, record_id, kind, encoding, "
                      "raw_hash, raw_size, text_hash, text, title, outlet, byline, url, "
                      "published, published_time, lang, dup_group, dup_kind, dup_similarity, "
                      "ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                      "?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
      stmt.BindText(1, doc.ext_id);
      stmt.BindText(2, doc.source);
      stmt.BindText(3, doc.record_id);
      stmt.BindText(4, ContentKindName(doc.kind));
      stmt.BindText(5, doc.encoding);
      // 0 means "raw bytes unknown"; NULL keeps such rows out of the UNIQUE check.
      if (doc.raw_hash == 0) {
        stmt.BindNull(6);
      } else {
        stmt.BindUint64(6, doc.raw_hash);
      }
      stmt.BindUint64(7, doc.raw_size);
      stmt.BindUint64(8, doc.text_hash);
      stmt.BindText(9, doc.text);
      stmt.BindText(10, doc.meta.title);
      stmt.BindText(11, doc.meta.outlet);
      stmt.BindText(12, doc.meta.byline);
      stmt.BindText(13, doc.meta.url);
      stmt.BindText(14, doc.meta.published);
      stmt.BindText(15, doc.meta.published_time);
      stmt.BindText(16, doc.meta.lang);
      stmt.BindInt64(17, doc.dup_group);
      stmt.BindText(18, DupKindName(doc.dup_kind));
      stmt.BindDouble(19, doc.dup_similarity);
      TG_RETURN_IF_ERROR(stmt.Run());
      id = sqlite3_last_insert_rowid(db_->handle());
    }
    if (doc.dup_group == 0) {
      TG_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Cached("UPDATE documents SET dup_group = id WHERE id = ?1"));
      stmt.BindInt64(1, id);
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    if (!signature.empty()) {
      TG_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Cached("INSERT INTO minhash (doc_id, signature) VALUES (?1, ?2)"));
      const std::string blob = EncodeSignature(signature);
      stmt.BindInt64(1, id);
      stmt.BindBlob(2, blob.data(), blob.size());
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    for (uint64_t key : band_keys) {
      TG_ASSIGN_OR_RETURN(
          Statement stmt,
          db_->Cached("INSERT OR IGNORE INTO lsh_bands (band_key, doc_id) VALUES (?1, ?2)"));
      stmt.BindUint64(1, key);
      stmt.BindInt64(2, id);
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    {
      TG_ASSIGN_OR_RETURN(
          Statement stmt,
          db_->Cached("INSERT INTO docs_fts (rowid, title, text) VALUES (?1, ?2, ?3)"));
      stmt.BindInt64(1, id);
      stmt.BindText(2, doc.meta.title);
      stmt.BindText(3, doc.text);
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    return id;
  }

  std::unique_ptr<Database> db_;
  SqliteOptions options_;
  bool in_transaction_ = false;
  int pending_ = 0;
};

Result<int64_t> QueryInt(Database& db, const char* sql) {
  TG_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql));
  TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt64(0) : 0;
}

// Checks that `db` is empty or a tiegraph database before anything is
// written to it, then brings its schema to kSchemaVersion.
Status CheckAndMigrate(Database& db, const SqliteOptions& options) {
  const std::string not_ours = "not a tiegraph database: " + options.path;
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
                           kSchemaVersion, ": ", options.path);
  }
  if (options.read_only) {
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
    if (status.ok()) status = db.Exec(bump.c_str());
    if (status.ok()) status = db.Exec("COMMIT");
    if (!status.ok()) {
      static_cast<void>(db.Exec("ROLLBACK"));
      return status.WithPrefix("schema migration to version " + std::to_string(v + 1));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  if (options.path.empty()) return Status::InvalidArgument("SQLite store needs a path");
  if (options.batch_size < 1) return Status::InvalidArgument("batch_size must be >= 1");
  TG_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
                      Database::Open(options.path, options.read_only, options.busy_timeout_ms));
  TG_RETURN_IF_ERROR(RegisterSearchTokenizer(db->handle()));
  TG_RETURN_IF_ERROR(CheckAndMigrate(*db, options));
  TG_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db), options));
}

}  // namespace tg::store
