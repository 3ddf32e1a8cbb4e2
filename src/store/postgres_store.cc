#include "store/postgres_store.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "store/postgres_db.h"
#include "store/postgres_events.h"
#include "store/postgres_graph.h"
#include "store/postgres_schema.h"
#include "store/postgres_search.h"
#include "store/signature_codec.h"

namespace tg::store {
namespace {

using pg::Params;
using pg::Rows;

#define TG_DOC_COLUMNS                                                                      \
  "id, ext_id, source, record_id, kind, encoding, raw_hash, raw_size, text_hash, text, "    \
  "title, outlet, byline, url, published, published_time, lang, dup_group, dup_kind, "      \
  "dup_similarity, ingested_at"

// The inverse of DupKindName.
DupKind DupKindFromName(std::string_view name) {
  return name == "exact" ? DupKind::kExact : name == "near" ? DupKind::kNear : DupKind::kNone;
}

Document ReadDocument(const Rows& rows, size_t r) {
  Document doc;
  doc.id = rows.Int64(r, 0);
  doc.ext_id = rows.Text(r, 1);
  doc.source = rows.Text(r, 2);
  doc.record_id = rows.Text(r, 3);
  doc.kind = rows.View(r, 4) == "html" ? ContentKind::kHtml : ContentKind::kText;
  doc.encoding = rows.Text(r, 5);
  doc.raw_hash = rows.IsNull(r, 6) ? 0 : rows.Uint64(r, 6);
  doc.raw_size = rows.Uint64(r, 7);
  doc.text_hash = rows.Uint64(r, 8);
  doc.text = rows.Text(r, 9);
  doc.meta.title = rows.Text(r, 10);
  doc.meta.outlet = rows.Text(r, 11);
  doc.meta.byline = rows.Text(r, 12);
  doc.meta.url = rows.Text(r, 13);
  doc.meta.published = rows.Text(r, 14);
  doc.meta.published_time = rows.Text(r, 15);
  doc.meta.lang = rows.Text(r, 16);
  doc.dup_group = rows.Int64(r, 17);
  doc.dup_kind = DupKindFromName(rows.View(r, 18));
  doc.dup_similarity = rows.Double(r, 19);
  doc.ingested_at = rows.Text(r, 20);
  return doc;
}

// Every statement the store prepares once per connection, by slot.
enum class Sql : size_t {
  kMaxId,
  kFindByRawHash,
  kFindByTextHash,
  kCandidates,
  kInsert,
  kGet,
  kGetByExtId,
  kStats,
  kCount,
};

constexpr const char* kSql[] = {
    "SELECT coalesce(max(id), 0) FROM documents",
    "SELECT id, dup_group FROM documents WHERE raw_hash = $1",
    "SELECT id, dup_group FROM documents WHERE text_hash = $1 ORDER BY id LIMIT 1",
    // Every document sharing a band key, with its signature, in one round
    // trip. The per-document values are scalar subqueries, not joins, so
    // that every plan (a generic plan made while the tables were still empty
    // included) looks them up by primary key instead of scanning the tables.
    "SELECT b.doc_id, (SELECT dup_group FROM documents WHERE id = b.doc_id), "
    "(SELECT encode(signature, 'hex') FROM minhash WHERE doc_id = b.doc_id) "
    "FROM (SELECT DISTINCT doc_id FROM lsh_bands WHERE band_key = ANY($1::bigint[])) AS b "
    "ORDER BY b.doc_id",
    // A document's rows in one statement: the document, its signature, its
    // band keys and its search entry. A leader's group is its own id, known
    // before the row exists (ids are assigned by the store, see Begin()). A
    // raw_hash stored before makes it insert nothing and return no row.
    "WITH doc AS (INSERT INTO documents (id, ext_id, source, record_id, kind, encoding, raw_hash, "
    "raw_size, text_hash, text, title, outlet, byline, url, published, published_time, lang, "
    "dup_group, dup_kind, dup_similarity, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
    "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, " TG_PG_NOW_UTC ") "
    "ON CONFLICT (raw_hash) DO NOTHING RETURNING id), "
    "sig AS (INSERT INTO minhash (doc_id, signature) SELECT id, decode($21, 'hex') FROM doc "
    "WHERE $21 <> ''), "
    "bands AS (INSERT INTO lsh_bands (band_key, doc_id) SELECT DISTINCT k, doc.id FROM doc, "
    "unnest($22::bigint[]) AS k ON CONFLICT DO NOTHING) "
    "INSERT INTO docs_fts (doc_id, terms, title_tokens, text_tokens) "
    "SELECT id, $23::tsvector, $24::int, $25::int FROM doc RETURNING doc_id",
    "SELECT " TG_DOC_COLUMNS " FROM documents WHERE id = $1",
    "SELECT " TG_DOC_COLUMNS " FROM documents WHERE ext_id = $1 ORDER BY id LIMIT 1",
    "SELECT count(*), count(*) FILTER (WHERE dup_group = id), "
    "count(*) FILTER (WHERE dup_kind = 'exact'), count(*) FILTER (WHERE dup_kind = 'near') "
    "FROM documents",
};
static_assert(std::size(kSql) == static_cast<size_t>(Sql::kCount));

#undef TG_DOC_COLUMNS

// Hex of the signature's stored bytes (signature_codec.h), for decode(.., 'hex').
std::string SignatureHex(const std::vector<uint32_t>& signature) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const std::string bytes = EncodeSignature(signature);
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

Result<std::vector<uint32_t>> SignatureFromHex(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (hex.size() % 2 != 0) return Status::Corrupt("bad signature hex");
  std::string bytes(hex.size() / 2, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    const int hi = nibble(hex[2 * i]);
    const int lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return Status::Corrupt("bad signature hex");
    bytes[i] = static_cast<char>(hi * 16 + lo);
  }
  return DecodeSignature(bytes);
}

class PostgresStore final : public Store {
 public:
  PostgresStore(std::unique_ptr<pg::Connection> db, PostgresOptions options, std::string where)
      : db_(std::move(db)),
        options_(std::move(options)),
        where_(std::move(where)),
        events_(db_.get(), static_cast<size_t>(Sql::kCount)),
        search_(db_.get(), static_cast<size_t>(Sql::kCount) + PostgresEventTables::kSlots) {}

  ~PostgresStore() override {
    // Errors are lost here by contract; callers who care call Flush().
    static_cast<void>(Flush());
  }

  Result<std::optional<DocRef>> FindByRawHash(uint64_t raw_hash) override {
    if (raw_hash == 0) return std::optional<DocRef>();
    return FindRef(Sql::kFindByRawHash, raw_hash);
  }

  Result<std::optional<DocRef>> FindByTextHash(uint64_t text_hash) override {
    return FindRef(Sql::kFindByTextHash, text_hash);
  }

  Result<std::vector<NearDupCandidate>> FindNearDupCandidates(
      const std::vector<uint64_t>& band_keys) override {
    std::vector<NearDupCandidate> out;
    if (band_keys.empty()) return out;
    Params p;
    p.Uint64Array(band_keys);
    TG_ASSIGN_OR_RETURN(Rows rows, Run(Sql::kCandidates, p));
    out.reserve(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      if (rows.IsNull(r, 2)) continue;  // no signature stored
      NearDupCandidate candidate;
      candidate.id = rows.Int64(r, 0);
      candidate.dup_group = rows.Int64(r, 1);
      TG_ASSIGN_OR_RETURN(candidate.signature, SignatureFromHex(rows.View(r, 2)));
      out.push_back(std::move(candidate));
    }
    return out;
  }

  Result<int64_t> Insert(const Document& doc, const std::vector<uint32_t>& signature,
                         const std::vector<uint64_t>& band_keys) override {
    TG_RETURN_IF_ERROR(CheckWritable());
    TG_RETURN_IF_ERROR(CheckStorable(doc));
    if (!in_transaction_) TG_RETURN_IF_ERROR(Begin());
    const int64_t id = next_id_;
    const pgsearch::IndexEntry entry = pgsearch::MakeIndexEntry(doc.meta.title, doc.text);
    Params p;
    p.Int64(id).Text(doc.ext_id).Text(doc.source).Text(doc.record_id);
    p.Text(ContentKindName(doc.kind)).Text(doc.encoding);
    // 0 means "raw bytes unknown"; NULL keeps such rows out of the UNIQUE check.
    if (doc.raw_hash == 0) {
      p.Null();
    } else {
      p.Uint64(doc.raw_hash);
    }
    p.Uint64(doc.raw_size).Uint64(doc.text_hash).Text(doc.text).Text(doc.meta.title);
    p.Text(doc.meta.outlet).Text(doc.meta.byline).Text(doc.meta.url).Text(doc.meta.published);
    p.Text(doc.meta.published_time).Text(doc.meta.lang);
    p.Int64(doc.dup_group == 0 ? id : doc.dup_group);
    p.Text(DupKindName(doc.dup_kind)).Double(doc.dup_similarity);
    p.Text(signature.empty() ? std::string() : SignatureHex(signature));
    p.Uint64Array(band_keys).Text(entry.terms).Int64(entry.title_tokens).Int64(entry.text_tokens);
    // No savepoint per document: every subtransaction stays in the batch's
    // transaction (past 64 they slow every other session's snapshots), and
    // each would cost two more round trips. The statement is atomic by itself;
    // what the server would refuse is checked above, a repeated raw_hash
    // inserts nothing, and any other failure aborts the batch (AbortBatch).
    Result<Rows> stored = Run(Sql::kInsert, p);
    if (!stored.has_value()) {
      return AbortBatch(stored.error().WithPrefix("cannot store document '" + doc.ext_id + "'"));
    }
    if (stored->empty()) {
      return Status::AlreadyExists("cannot store document '", doc.ext_id,
                                   "': raw_hash already stored");
    }
    ++next_id_;
    if (++pending_ >= options_.batch_size) TG_RETURN_IF_ERROR(Flush());
    return id;
  }

  Status Flush() override {
    if (!in_transaction_) return Status::Ok();
    in_transaction_ = false;
    const int lost = pending_;
    pending_ = 0;
    pending_event_writes_ = 0;
    Status committed = db_->Exec("COMMIT");
    if (!committed.ok()) {
      static_cast<void>(db_->Exec("ROLLBACK"));
      return committed.WithPrefix("batch of " + std::to_string(lost) +
                                  " documents rolled back: commit failed");
    }
    return Status::Ok();
  }

  Result<std::optional<Document>> Get(int64_t id) override {
    Params p;
    p.Int64(id);
    return ReadOne(Sql::kGet, p);
  }

  Result<std::optional<Document>> GetByExtId(std::string_view ext_id) override {
    Params p;
    p.Text(ext_id);
    return ReadOne(Sql::kGetByExtId, p);
  }

  Result<std::vector<DocSummary>> List(const DocFilter& filter) override {
    // Every clause binds its value; nothing of the filter is pasted into SQL.
    // Outlets are lower-cased in ASCII only and dates compared as bytes, as
    // the SQLite backend does, so both list the same documents.
    Params p;
    std::string sql =
        "SELECT id, ext_id, source, title, outlet, published, lang, dup_group, dup_kind, "
        "octet_length(text) FROM documents WHERE true";
    auto param = [&p](std::string_view value) {
      p.Text(value);
      // Appended, not "$" + ...: GCC 12 warns (-Wrestrict) on that form by mistake.
      std::string placeholder = "$";
      placeholder += std::to_string(p.size());
      return placeholder;
    };
    if (!filter.lang.empty()) sql += " AND lang = " + param(filter.lang);
    if (!filter.outlet.empty()) {
      static const std::string kFold =
          "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'";
      sql += " AND strpos(translate(outlet, " + kFold + "), translate(" + param(filter.outlet) +
             ", " + kFold + ")) > 0";
    }
    if (!filter.since.empty()) {
      sql += " AND published <> '' AND published COLLATE \"C\" >= " + param(filter.since);
    }
    if (!filter.until.empty()) {
      sql += " AND published <> '' AND published COLLATE \"C\" <= " + param(filter.until);
    }
    if (filter.leaders_only) sql += " AND dup_group = id";
    sql += " ORDER BY id";
    if (filter.limit >= 0) sql += " LIMIT " + std::to_string(filter.limit);
    sql += " OFFSET " + std::to_string(std::max(0, filter.offset));
    TG_ASSIGN_OR_RETURN(Rows rows, db_->Query(sql, p));
    std::vector<DocSummary> out;
    out.reserve(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      DocSummary s;
      s.id = rows.Int64(r, 0);
      s.ext_id = rows.Text(r, 1);
      s.source = rows.Text(r, 2);
      s.title = rows.Text(r, 3);
      s.outlet = rows.Text(r, 4);
      s.published = rows.Text(r, 5);
      s.lang = rows.Text(r, 6);
      s.dup_group = rows.Int64(r, 7);
      s.dup_kind = DupKindFromName(rows.View(r, 8));
      s.text_bytes = rows.Uint64(r, 9);
      out.push_back(std::move(s));
    }
    return out;
  }

  Result<std::vector<SearchHit>> Search(std::string_view query, int limit) override {
    return search_.Search(query, limit);
  }

  Result<StoreStats> Stats() override {
    TG_ASSIGN_OR_RETURN(Rows rows, Run(Sql::kStats, Params()));
    StoreStats stats;
    stats.documents = rows.Int64(0, 0);
    stats.groups = rows.Int64(0, 1);
    stats.exact_duplicates = rows.Int64(0, 2);
    stats.near_duplicates = rows.Int64(0, 3);
    return stats;
  }

  Status PutEvents(int64_t doc_id, const StoredEvents& events) override {
    TG_RETURN_IF_ERROR(CheckWritable());
    if (!in_transaction_) TG_RETURN_IF_ERROR(Begin());
    // As in Insert, no savepoint: Write checks everything the server could
    // refuse before it changes anything; a failure after that aborts the batch.
    bool aborted = false;
    Status written = events_.Write(doc_id, events, &aborted);
    if (aborted) return AbortBatch(written);
    TG_RETURN_IF_ERROR(written);
    // Event writes without inserts (re-extraction) must not grow one
    // transaction without bound either.
    if (++pending_event_writes_ >= options_.batch_size) TG_RETURN_IF_ERROR(Flush());
    return Status::Ok();
  }

  Result<std::optional<StoredEvents>> GetEvents(int64_t doc_id) override {
    return events_.Read(doc_id);
  }

  Result<std::vector<ExtractionRecord>> ListExtractions(int64_t after_doc_id) override {
    return events_.ReadRecords(after_doc_id);
  }

  Status PutGraph(const Graph& graph) override {
    TG_RETURN_IF_ERROR(CheckWritable());
    TG_RETURN_IF_ERROR(ValidateGraph(graph).WithPrefix("cannot store the resolved graph"));
    TG_RETURN_IF_ERROR(Flush());
    TG_RETURN_IF_ERROR(Begin());
    Status written = WritePostgresGraph(*db_, graph);
    in_transaction_ = false;
    if (written.ok()) written = db_->Exec("COMMIT");
    if (!written.ok()) {
      static_cast<void>(db_->Exec("ROLLBACK"));
      return written.WithPrefix("cannot store the resolved graph");
    }
    return Status::Ok();
  }

  Result<Graph> GetGraph() override { return ReadPostgresGraph(*db_); }

 private:
  Result<Rows> Run(Sql sql, const Params& params) {
    const auto slot = static_cast<size_t>(sql);
    return db_->Run(slot, kSql[slot], params);
  }

  Status CheckWritable() const {
    if (options_.read_only) return Status::InvalidArgument("store is read-only: ", where_);
    return Status::Ok();
  }

  // Opens the batch's transaction and takes the write lock on `documents`
  // up front (readers are not blocked; another writer's batch waits up to
  // lock_timeout_ms), then learns the next id: ids are assigned here, as in
  // the SQLite backend, so they are dense and a leader's dup_group is
  // written with its own id in the same INSERT.
  Status Begin() {
    Status locked = db_->Exec("BEGIN; LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE");
    Result<Rows> max_id = locked.ok() ? Run(Sql::kMaxId, Params()) : Result<Rows>(locked);
    if (!max_id.has_value()) {
      static_cast<void>(db_->Exec("ROLLBACK"));
      if (max_id.error().code() == StatusCode::kUnavailable) {
        return max_id.error().WithPrefix("another writer holds " + where_);
      }
      return max_id.error();
    }
    in_transaction_ = true;
    next_id_ = max_id->Int64(0, 0) + 1;
    return Status::Ok();
  }

  // After a failed statement the transaction is aborted: rolls the open
  // batch back and says how many documents it lost.
  Status AbortBatch(const Status& error) {
    static_cast<void>(db_->Exec("ROLLBACK"));
    const int lost = pending_;
    in_transaction_ = false;
    pending_ = 0;
    pending_event_writes_ = 0;
    return error.WithPrefix("batch of " + std::to_string(lost) + " documents rolled back");
  }

  // PostgreSQL text holds neither NUL bytes nor ill-formed UTF-8; such a
  // document is refused here, before it could abort the batch.
  static Status CheckStorable(const Document& doc) {
    for (const std::string* field :
         {&doc.ext_id, &doc.source, &doc.record_id, &doc.encoding, &doc.text, &doc.meta.title,
          &doc.meta.outlet, &doc.meta.byline, &doc.meta.url, &doc.meta.published,
          &doc.meta.published_time, &doc.meta.lang}) {
      if (field->find('\0') != std::string::npos || !IsValidUtf8(*field)) {
        return Status::InvalidArgument("cannot store document '", doc.ext_id,
                                       "': PostgreSQL text cannot hold NUL bytes or ill-formed "
                                       "UTF-8");
      }
    }
    return Status::Ok();
  }

  Result<std::optional<DocRef>> FindRef(Sql sql, uint64_t hash) {
    Params p;
    p.Uint64(hash);
    TG_ASSIGN_OR_RETURN(Rows rows, Run(sql, p));
    if (rows.empty()) return std::optional<DocRef>();
    return std::optional<DocRef>(DocRef{rows.Int64(0, 0), rows.Int64(0, 1)});
  }

  Result<std::optional<Document>> ReadOne(Sql sql, const Params& params) {
    TG_ASSIGN_OR_RETURN(Rows rows, Run(sql, params));
    if (rows.empty()) return std::optional<Document>();
    return std::optional<Document>(ReadDocument(rows, 0));
  }

  std::unique_ptr<pg::Connection> db_;
  PostgresOptions options_;
  std::string where_;           // the database and schema, for messages
  PostgresEventTables events_;  // statement slots after this file's own
  pgsearch::PostgresSearch search_;  // and after those of events_
  bool in_transaction_ = false;
  int pending_ = 0;               // documents in the open batch
  int pending_event_writes_ = 0;  // PutEvents calls in the open batch
  int64_t next_id_ = 1;           // id of the next insert (valid in a transaction)
};

// Where the store lives, for messages: the connection string without any
// password, and the schema.
std::string Describe(const PostgresOptions& options) {
  std::string where = options.conninfo;
  const size_t at = where.find('@');
  const size_t scheme = where.find("://");
  if (at != std::string::npos && scheme != std::string::npos && at > scheme) {
    const size_t colon = where.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) where.erase(colon, at - colon);
  }
  if (where.find("password") != std::string::npos) where = "(connection string)";
  if (!options.schema.empty()) where += " schema " + options.schema;
  return where;
}

}  // namespace

bool IsPostgresUri(std::string_view db) {
  return db.substr(0, 13) == "postgresql://" || db.substr(0, 11) == "postgres://";
}

Result<PostgresOptions> PostgresOptionsFromUri(std::string_view uri) {
  if (!IsPostgresUri(uri)) {
    return Status::InvalidArgument("not a PostgreSQL URI (postgresql://...): ", uri);
  }
  PostgresOptions options;
  const size_t query = uri.find('?');
  if (query == std::string_view::npos) {
    options.conninfo = std::string(uri);
    return options;
  }
  // Keep every parameter but `schema`, which libpq would reject as unknown.
  std::string kept;
  std::string_view rest = uri.substr(query + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view item = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (item.substr(0, 7) == "schema=") {
      options.schema = std::string(item.substr(7));
      continue;
    }
    if (item.empty()) continue;
    kept += kept.empty() ? "?" : "&";
    kept += item;
  }
  options.conninfo = std::string(uri.substr(0, query)) + kept;
  return options;
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options) {
  if (options.conninfo.empty()) {
    return Status::InvalidArgument("PostgreSQL store needs a connection string");
  }
  if (options.batch_size < 1) return Status::InvalidArgument("batch_size must be >= 1");
  if (options.lock_timeout_ms < 0) return Status::InvalidArgument("lock_timeout_ms must be >= 0");
  const std::string where = Describe(options);
  Result<std::unique_ptr<pg::Connection>> db = pg::Connection::Open(options.conninfo);
  if (!db.has_value()) return db.error().WithPrefix(where);
  std::string session = "SET lock_timeout = " + std::to_string(options.lock_timeout_ms) +
                        "; SET client_min_messages = warning";
  if (options.read_only) session += "; SET default_transaction_read_only = on";
  Status opened = (*db)->Exec(session);
  if (opened.ok()) opened = OpenPostgresSchema(**db, options.schema, options.read_only);
  if (!opened.ok()) return opened.WithPrefix(where);
  return std::unique_ptr<Store>(
      std::make_unique<PostgresStore>(std::move(db).value(), options, where));
}

}  // namespace tg::store
