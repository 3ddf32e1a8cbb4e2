#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "dedup/seen_filter.h"
#include "store/fts_tokenizer.h"
#include "store/search_query.h"
#include "store/signature_codec.h"
#include "store/sqlite_db.h"
#include "store/sqlite_events.h"
#include "store/sqlite_graph.h"
#include "store/sqlite_schema.h"

namespace tg::store {
namespace {

using sqlite::Database;
using sqlite::Statement;

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

// Every statement the store prepares once per connection, by slot
// (sqlite_db.h): an array index instead of a lookup keyed by the SQL text.
enum class Sql : size_t {
  kBegin,
  kCommit,
  kRollback,
  kSavepoint,
  kRelease,
  kRollbackTo,
  kMaxId,
  kFindByRawHash,
  kFindByTextHash,
  kBandLookup,
  kBandLookup16,
  kCandidate,
  kInsertDocument,
  kInsertMinhash,
  kInsertBand,
  kInsertBand16,
  kIndexPending,
  kUndoDocument,
  kUndoMinhash,
  kUndoBand,
  kGet,
  kGetByExtId,
  kSearch,
  kStats,
  kDataVersion,
  kCount,
};

constexpr const char* kSql[] = {
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT tg_insert",
    "RELEASE tg_insert",
    "ROLLBACK TO tg_insert",
    "SELECT coalesce(max(id), 0) FROM documents",
    "SELECT id, dup_group FROM documents WHERE raw_hash = ?1",
    "SELECT id, dup_group FROM documents WHERE text_hash = ?1 ORDER BY id LIMIT 1",
    "SELECT doc_id FROM lsh_bands WHERE band_key = ?1",
    // The usual 16 keys in one statement: one VDBE run instead of 16.
    "SELECT doc_id FROM lsh_bands WHERE band_key IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13, ?14, ?15, ?16)",
    "SELECT m.signature, d.dup_group FROM minhash m JOIN documents d ON d.id = m.doc_id "
    "WHERE m.doc_id = ?1",
    "INSERT INTO documents (id, ext_id, source, record_id, kind, encoding, raw_hash, raw_size, "
    "text_hash, text, title, outlet, byline, url, published, published_time, lang, dup_group, "
    "dup_kind, dup_similarity, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    "INSERT INTO minhash (doc_id, signature) VALUES (?1, ?2)",
    "INSERT OR IGNORE INTO lsh_bands (band_key, doc_id) VALUES (?1, ?2)",
    // The usual 16 band keys of one document (?17) in one statement, rows in
    // the order of the keys.
    "INSERT OR IGNORE INTO lsh_bands (band_key, doc_id) VALUES (?1, ?17), (?2, ?17), (?3, ?17), "
    "(?4, ?17), (?5, ?17), (?6, ?17), (?7, ?17), (?8, ?17), (?9, ?17), (?10, ?17), (?11, ?17), "
    "(?12, ?17), (?13, ?17), (?14, ?17), (?15, ?17), (?16, ?17)",
    // The batch's documents, read back from the page cache into the index.
    "INSERT INTO docs_fts (rowid, title, text) SELECT id, title, text FROM documents "
    "WHERE id >= ?1 ORDER BY id",
    // Undoing a document whose later rows failed (see InsertRows).
    "DELETE FROM documents WHERE id = ?1",
    "DELETE FROM minhash WHERE doc_id = ?1",
    "DELETE FROM lsh_bands WHERE band_key = ?1 AND doc_id = ?2",
    "SELECT " TG_DOC_COLUMNS " FROM documents WHERE id = ?1",
    "SELECT " TG_DOC_COLUMNS " FROM documents WHERE ext_id = ?1 ORDER BY id LIMIT 1",
    // rank is bm25 (lower is better); snippet() marks matches of the text
    // column with [ ] and cuts around the best ~16 tokens.
    "SELECT d.id, d.ext_id, d.title, m.snip, m.rank FROM ("
    "  SELECT rowid, snippet(docs_fts, 1, '[', ']', '...', 16) AS snip, rank"
    "  FROM docs_fts WHERE docs_fts MATCH ?1 ORDER BY rank LIMIT ?2"
    ") AS m JOIN documents d ON d.id = m.rowid ORDER BY m.rank",
    "SELECT count(*), total(dup_group = id), total(dup_kind = 'exact'), "
    "total(dup_kind = 'near') FROM documents",
    // Changes when another connection commits to the database (not with our own commits).
    "PRAGMA data_version",
};
static_assert(std::size(kSql) == static_cast<size_t>(Sql::kCount));

// ISO 8601 UTC of the current second; formatted once per second.
class UtcClock {
 public:
  const std::string& Now() {
    const std::time_t now = std::time(nullptr);
    if (now != last_ || text_.empty()) {
      std::tm tm{};
      gmtime_r(&now, &tm);
      char buffer[32];
      const size_t n = std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
      text_.assign(buffer, n);
      last_ = now;
    }
    return text_;
  }

 private:
  std::time_t last_ = 0;
  std::string text_;
};

class SqliteStore final : public Store {
 public:
  // `fresh`: the database holds no documents yet (see Filters).
  SqliteStore(std::unique_ptr<Database> db, SqliteOptions options, bool fresh)
      : db_(std::move(db)),
        options_(std::move(options)),
        events_(db_.get(), static_cast<size_t>(Sql::kCount)) {
    if (fresh && !options_.read_only) {
      Result<int64_t> version = DataVersion();
      if (version.has_value()) {
        filters_ = std::make_unique<Filters>();
        data_version_ = *version;
      }
    }
  }

  ~SqliteStore() override {
    // Errors are lost here by contract; callers who care call Flush().
    static_cast<void>(Flush());
  }

  Result<std::optional<DocRef>> FindByRawHash(uint64_t raw_hash) override {
    if (raw_hash == 0) return std::optional<DocRef>();
    if (UseFilters() && !filters_->raw.MayContain(raw_hash)) return std::optional<DocRef>();
    return FindRef(Sql::kFindByRawHash, raw_hash);
  }

  Result<std::optional<DocRef>> FindByTextHash(uint64_t text_hash) override {
    if (UseFilters() && !filters_->text.MayContain(text_hash)) {
      return std::optional<DocRef>();
    }
    return FindRef(Sql::kFindByTextHash, text_hash);
  }

  Result<std::vector<NearDupCandidate>> FindNearDupCandidates(
      const std::vector<uint64_t>& band_keys) override {
    // Lookups on the (band_key, doc_id) primary key: each is an index-only
    // range scan of the WITHOUT ROWID table, so nothing of the LSH index has
    // to be held in memory.
    if (UseFilters() &&
        std::none_of(band_keys.begin(), band_keys.end(),
                     [&](uint64_t key) { return filters_->bands.MayContain(key); })) {
      return std::vector<NearDupCandidate>();
    }
    std::vector<int64_t> ids;
    if (band_keys.size() == 16) {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kBandLookup16));
      for (int i = 0; i < 16; ++i) stmt.BindUint64(i + 1, band_keys[static_cast<size_t>(i)]);
      TG_RETURN_IF_ERROR(CollectIds(stmt, &ids));
    } else {
      for (uint64_t key : band_keys) {
        TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kBandLookup));
        stmt.BindUint64(1, key);
        TG_RETURN_IF_ERROR(CollectIds(stmt, &ids));
      }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    std::vector<NearDupCandidate> out;
    out.reserve(ids.size());
    for (int64_t id : ids) {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kCandidate));
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
    if (!in_transaction_) TG_RETURN_IF_ERROR(Begin());
    // No savepoint around the document: one would copy every page the
    // document's rows touch into the sub-journal, in case of a failure that
    // almost never comes. A failed statement undoes itself, and InsertRows
    // undoes the rows written before it, so earlier inserts of the batch stay.
    Result<int64_t> id = InsertRows(doc, signature, band_keys);
    if (!id.has_value()) {
      return id.error().WithPrefix("cannot store document '" + doc.ext_id + "'");
    }
    if (filters_ != nullptr) {
      if (doc.raw_hash != 0) filters_->raw.Add(doc.raw_hash);
      filters_->text.Add(doc.text_hash);
      for (uint64_t key : band_keys) filters_->bands.Add(key);
    }
    ++next_id_;
    ++pending_;
    pending_bytes_ += doc.text.size() + doc.meta.title.size();
    if (pending_ >= options_.batch_size ||
        (options_.batch_bytes > 0 && pending_bytes_ >= options_.batch_bytes)) {
      TG_RETURN_IF_ERROR(Flush());
    }
    return id;
  }

  Status Flush() override {
    if (!in_transaction_) return Status::Ok();
    if (Status indexed = IndexPending(); !indexed.ok()) {
      // Documents without their search entries must not be committed.
      const int lost = RollbackBatch();
      return indexed.WithPrefix("batch of " + std::to_string(lost) +
                                " documents rolled back: cannot index it for search");
    }
    TG_RETURN_IF_ERROR(Run(Sql::kCommit));
    in_transaction_ = false;
    committed_next_id_ = next_id_;
    if (filters_ != nullptr) {
      // Our own commit leaves data_version as it was; anything else resets the filters.
      Result<int64_t> version = DataVersion();
      if (!version.has_value() || *version != data_version_) filters_.reset();
    }
    pending_ = 0;
    pending_bytes_ = 0;
    pending_event_writes_ = 0;
    return Status::Ok();
  }

  Result<std::optional<Document>> Get(int64_t id) override {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kGet));
    stmt.BindInt64(1, id);
    return ReadOne(stmt);
  }

  Result<std::optional<Document>> GetByExtId(std::string_view ext_id) override {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kGetByExtId));
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
    // The open batch's documents become searchable now, as the contract says
    // writes are visible at once.
    TG_RETURN_IF_ERROR(IndexPending());
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kSearch));
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

  Status PutEvents(int64_t doc_id, const StoredEvents& events) override {
    if (options_.read_only) {
      return Status::InvalidArgument("store is read-only: ", options_.path);
    }
    if (!in_transaction_) TG_RETURN_IF_ERROR(Begin());
    // A savepoint (the write deletes and replaces rows in several tables):
    // a failure leaves the document's previous events (or none) and the rest
    // of the batch as they were.
    TG_RETURN_IF_ERROR(Run(Sql::kSavepoint));
    Status written = events_.Write(doc_id, events, clock_.Now());
    if (!written.ok()) {
      static_cast<void>(Run(Sql::kRollbackTo));
      static_cast<void>(Run(Sql::kRelease));
      return written;
    }
    TG_RETURN_IF_ERROR(Run(Sql::kRelease));
    // Event writes without inserts (re-extraction) must not grow one
    // transaction without bound either.
    if (++pending_event_writes_ >= options_.batch_size) TG_RETURN_IF_ERROR(Flush());
    return Status::Ok();
  }

  Result<std::optional<StoredEvents>> GetEvents(int64_t doc_id) override {
    return events_.Read(doc_id);
  }

  Result<std::vector<ExtractionRecord>> ListExtractions(int64_t after_doc_id) override {
    return ReadExtractionRecords(*db_, events_, after_doc_id);
  }

  Status PutGraph(const Graph& graph) override {
    if (options_.read_only) {
      return Status::InvalidArgument("store is read-only: ", options_.path);
    }
    TG_RETURN_IF_ERROR(ValidateGraph(graph).WithPrefix("cannot store the resolved graph"));
    TG_RETURN_IF_ERROR(Flush());
    TG_RETURN_IF_ERROR(Run(Sql::kBegin));
    Status written = WriteGraph(*db_, graph);
    if (written.ok()) written = Run(Sql::kCommit);
    if (!written.ok()) {
      static_cast<void>(Run(Sql::kRollback));
      return written.WithPrefix("cannot store the resolved graph");
    }
    return Status::Ok();
  }

  Result<Graph> GetGraph() override { return ReadGraph(*db_); }

  Result<StoreStats> Stats() override {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kStats));
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
  Result<Statement> Stmt(Sql sql) {
    const auto slot = static_cast<size_t>(sql);
    return db_->Cached(slot, kSql[slot]);
  }

  Status Run(Sql sql) {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(sql));
    return stmt.Run();
  }

  // Opens the batch's write transaction (taking the write lock up front) and
  // learns the next id: ids are assigned here, not by SQLite, so a leader's
  // dup_group is written with its own id in the same INSERT.
  Status Begin() {
    TG_RETURN_IF_ERROR(Run(Sql::kBegin));
    in_transaction_ = true;
    Result<Statement> stmt = Stmt(Sql::kMaxId);
    Result<bool> row = stmt.has_value() ? stmt->Step() : Result<bool>(stmt.error());
    if (!row.has_value()) {
      static_cast<void>(Run(Sql::kRollback));
      in_transaction_ = false;
      return row.error();
    }
    next_id_ = (*row ? stmt->ColumnInt64(0) : 0) + 1;
    unindexed_from_ = next_id_;
    // Documents this store did not write (another connection's, or a batch
    // rolled back) are not in the filters: stop trusting them.
    if (filters_ != nullptr && next_id_ != committed_next_id_) filters_.reset();
    return Status::Ok();
  }

  Result<int64_t> DataVersion() {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kDataVersion));
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return Status::Internal("PRAGMA data_version returned no row");
    return stmt.ColumnInt64(0);
  }

  // Whether the filters (see Filters) still describe the database. Inside
  // our write transaction nobody else can write, and Begin() checked that
  // nobody had; outside it another connection may have committed since.
  bool UseFilters() {
    if (filters_ == nullptr) return false;
    if (in_transaction_) return true;
    Result<int64_t> version = DataVersion();
    if (!version.has_value() || *version != data_version_) {
      filters_.reset();
      return false;
    }
    return true;
  }

  // Adds the search entries of the open batch's documents not indexed yet.
  Status IndexPending() {
    if (!in_transaction_ || unindexed_from_ >= next_id_) return Status::Ok();
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kIndexPending));
    stmt.BindInt64(1, unindexed_from_);
    TG_RETURN_IF_ERROR(stmt.Run());
    unindexed_from_ = next_id_;
    return Status::Ok();
  }

  static Status CollectIds(Statement& stmt, std::vector<int64_t>* ids) {
    while (true) {
      TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return Status::Ok();
      ids->push_back(stmt.ColumnInt64(0));
    }
  }

  Result<std::optional<DocRef>> FindRef(Sql sql, uint64_t hash) {
    TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(sql));
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

  // The rows of one document under id next_id_, all or none: each statement
  // is atomic, and when one fails after the document row went in, the rows
  // written before it are deleted again. Should that fail too, the batch is
  // rolled back (SQLite has then usually rolled it back already: an I/O
  // error, a full disk).
  Result<int64_t> InsertRows(const Document& doc, const std::vector<uint32_t>& signature,
                             const std::vector<uint64_t>& band_keys) {
    TG_RETURN_IF_ERROR(InsertDocumentRow(doc));
    Status rest = InsertSignatureRows(signature, band_keys);
    if (rest.ok()) return next_id_;
    Status undone = UndoRows(band_keys);
    if (!undone.ok()) {
      const int lost = RollbackBatch();
      return rest.WithPrefix("batch of " + std::to_string(lost) +
                             " documents rolled back (" + undone.message() + ")");
    }
    return rest;
  }

  // Rolls the open batch back; returns how many documents it held.
  int RollbackBatch() {
    static_cast<void>(Run(Sql::kRollback));
    in_transaction_ = false;
    const int lost = pending_;
    pending_ = 0;
    pending_bytes_ = 0;
    pending_event_writes_ = 0;
    return lost;
  }

  // Deletes the rows InsertRows wrote for id next_id_. The document's band
  // rows are found by their keys (lsh_bands has no index on doc_id alone);
  // with OR IGNORE none of them existed before, as the id is new.
  Status UndoRows(const std::vector<uint64_t>& band_keys) {
    const int64_t id = next_id_;
    for (uint64_t key : band_keys) {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kUndoBand));
      stmt.BindUint64(1, key);
      stmt.BindInt64(2, id);
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    for (Sql sql : {Sql::kUndoMinhash, Sql::kUndoDocument}) {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(sql));
      stmt.BindInt64(1, id);
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    return Status::Ok();
  }

  // The document's own row. Text is bound without copying: `doc` outlives
  // every statement handle here.
  Status InsertDocumentRow(const Document& doc) {
    const int64_t id = next_id_;
    {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kInsertDocument));
      stmt.BindInt64(1, id);
      stmt.BindTextNoCopy(2, doc.ext_id);
      stmt.BindTextNoCopy(3, doc.source);
      stmt.BindTextNoCopy(4, doc.record_id);
      stmt.BindTextNoCopy(5, ContentKindName(doc.kind));
      stmt.BindTextNoCopy(6, doc.encoding);
      // 0 means "raw bytes unknown"; NULL keeps such rows out of the UNIQUE check.
      if (doc.raw_hash == 0) {
        stmt.BindNull(7);
      } else {
        stmt.BindUint64(7, doc.raw_hash);
      }
      stmt.BindUint64(8, doc.raw_size);
      stmt.BindUint64(9, doc.text_hash);
      stmt.BindTextNoCopy(10, doc.text);
      stmt.BindTextNoCopy(11, doc.meta.title);
      stmt.BindTextNoCopy(12, doc.meta.outlet);
      stmt.BindTextNoCopy(13, doc.meta.byline);
      stmt.BindTextNoCopy(14, doc.meta.url);
      stmt.BindTextNoCopy(15, doc.meta.published);
      stmt.BindTextNoCopy(16, doc.meta.published_time);
      stmt.BindTextNoCopy(17, doc.meta.lang);
      // A leader's group is its own id, known before the row exists.
      stmt.BindInt64(18, doc.dup_group == 0 ? id : doc.dup_group);
      stmt.BindTextNoCopy(19, DupKindName(doc.dup_kind));
      stmt.BindDouble(20, doc.dup_similarity);
      stmt.BindTextNoCopy(21, clock_.Now());
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    return Status::Ok();
  }

  // The MinHash row and the LSH band rows of document next_id_.
  Status InsertSignatureRows(const std::vector<uint32_t>& signature,
                             const std::vector<uint64_t>& band_keys) {
    const int64_t id = next_id_;
    if (!signature.empty()) {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kInsertMinhash));
      EncodeSignature(signature, &blob_);
      stmt.BindInt64(1, id);
      stmt.BindBlob(2, blob_.data(), blob_.size());
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    if (band_keys.size() == 16) {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kInsertBand16));
      for (int i = 0; i < 16; ++i) stmt.BindUint64(i + 1, band_keys[static_cast<size_t>(i)]);
      stmt.BindInt64(17, id);
      return stmt.Run();
    }
    for (uint64_t key : band_keys) {
      TG_ASSIGN_OR_RETURN(Statement stmt, Stmt(Sql::kInsertBand));
      stmt.BindUint64(1, key);
      stmt.BindInt64(2, id);
      TG_RETURN_IF_ERROR(stmt.Run());
    }
    return Status::Ok();
  }

  // Bulk loads into a fresh database look up hashes and band keys that are
  // almost never there. While every document in the database came through
  // this store, these filters of what it inserted answer most lookups
  // without a B-tree search (a "maybe" still searches). 6 MiB in all,
  // whatever the corpus size; dropped for good once the database holds a
  // document this store did not insert.
  struct Filters {
    dedup::SeenFilter raw{23};
    dedup::SeenFilter text{23};
    dedup::SeenFilter bands{25};
  };

  std::unique_ptr<Database> db_;
  SqliteOptions options_;
  SqliteEventTables events_;  // statement slots after this file's own
  UtcClock clock_;
  std::string blob_;  // reused signature encoding buffer
  bool in_transaction_ = false;
  int pending_ = 0;             // documents in the open batch
  int pending_event_writes_ = 0;  // PutEvents calls in the open batch
  size_t pending_bytes_ = 0;    // their text and title bytes
  int64_t next_id_ = 1;         // id of the next insert (valid in a transaction)
  int64_t committed_next_id_ = 1;  // next_id_ after this store's last commit
  std::unique_ptr<Filters> filters_;  // null unless the database was fresh (see Filters)
  int64_t data_version_ = 0;          // PRAGMA data_version when the filters were last valid
  int64_t unindexed_from_ = 1;  // documents with ids in [this, next_id_) lack FTS rows
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  if (options.path.empty()) return Status::InvalidArgument("SQLite store needs a path");
  if (options.batch_size < 1) return Status::InvalidArgument("batch_size must be >= 1");
  TG_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
                      Database::Open(options.path, options.read_only, options.busy_timeout_ms));
  TG_RETURN_IF_ERROR(RegisterSearchTokenizer(db->handle()));
  TG_RETURN_IF_ERROR(CheckAndMigrate(*db, options.path, options.read_only));
  TG_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  // A fixed page cache (negative = KiB): random-key indexes (hashes, LSH band
  // keys) touch pages all over the file, and a cache that holds their upper
  // levels keeps inserts from turning into reads. Fixed, so memory stays flat
  // however large the corpus grows.
  const std::string cache = "PRAGMA cache_size = -" + std::to_string(options.cache_kib);
  TG_RETURN_IF_ERROR(db->Exec(cache.c_str()));
  TG_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store = MEMORY"));
  bool fresh = false;
  {
    TG_ASSIGN_OR_RETURN(Statement stmt, db->Prepare("SELECT 1 FROM documents LIMIT 1"));
    TG_ASSIGN_OR_RETURN(bool row, stmt.Step());
    fresh = !row;
  }
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db), options, fresh));
}

}  // namespace tg::store
