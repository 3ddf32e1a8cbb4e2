#include "store/sqlite_db.h"

#include <sqlite3.h>

namespace tg::store::sqlite {

Status SqliteError(int rc, sqlite3* db, std::string_view what) {
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return Status::Ok();
    case SQLITE_CONSTRAINT:
      return Status::AlreadyExists(what, ": ", detail);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::Corrupt(what, ": ", detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(what, ": ", detail);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return Status::IOError(what, ": ", detail);
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      return Status::Internal(what, ": ", detail);
    default:
      return Status::Internal(what, ": ", detail);
  }
}

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, bool owned)
    : db_(db), stmt_(stmt), owned_(owned) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), owned_(other.owned_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (owned_) {
    sqlite3_finalize(stmt_);
  } else {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

void Statement::BindInt64(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Statement::BindUint64(int index, uint64_t value) {
  sqlite3_bind_int64(stmt_, index, static_cast<int64_t>(value));
}
void Statement::BindDouble(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void Statement::BindText(int index, std::string_view value) {
  // An empty view may have a null data pointer, which SQLite would store as NULL.
  sqlite3_bind_text64(stmt_, index, value.empty() ? "" : value.data(), value.size(),
                      SQLITE_TRANSIENT, SQLITE_UTF8);
}
void Statement::BindTextNoCopy(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.empty() ? "" : value.data(), value.size(),
                      SQLITE_STATIC, SQLITE_UTF8);
}
void Statement::BindBlob(int index, const void* data, size_t size) {
  sqlite3_bind_blob64(stmt_, index, size == 0 ? "" : data, size, SQLITE_TRANSIENT);
}
void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }
void Statement::BindNamed(const char* name, std::string_view value) {
  if (const int index = sqlite3_bind_parameter_index(stmt_, name); index > 0) {
    BindText(index, value);
  }
}
void Statement::BindNamedInt64(const char* name, int64_t value) {
  if (const int index = sqlite3_bind_parameter_index(stmt_, name); index > 0) {
    BindInt64(index, value);
  }
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status status = SqliteError(rc, db_, "SQLite step");
  // Reset now so the statement (and any transaction it holds) is released
  // even before the handle dies.
  sqlite3_reset(stmt_);
  return status;
}

Status Statement::Run() {
  while (true) {
    TG_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

Status Statement::Reset() {
  const int rc = sqlite3_reset(stmt_);
  return rc == SQLITE_OK ? Status::Ok() : SqliteError(rc, db_, "SQLite reset");
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
int64_t Statement::ColumnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }
uint64_t Statement::ColumnUint64(int column) const {
  return static_cast<uint64_t>(sqlite3_column_int64(stmt_, column));
}
double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }
std::string Statement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}
std::string_view Statement::ColumnBlob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  return std::string_view(static_cast<const char*>(data),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, bool read_only,
                                                 int busy_timeout_ms) {
  sqlite3* db = nullptr;
  const int flags =
      (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = Status::IOError("cannot open database ", path, ": ",
                                    db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  return std::make_unique<Database>(db, path);
}

Database::~Database() {
  for (sqlite3_stmt* stmt : slots_) sqlite3_finalize(stmt);  // null is a no-op
  sqlite3_close(db_);
}

Status Database::Exec(const char* sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = SqliteError(rc, db_, "SQLite exec");
  sqlite3_free(error);
  return status;
}

Result<Statement> Database::Cached(size_t slot, const char* sql) {
  if (slot >= slots_.size()) slots_.resize(slot + 1, nullptr);
  if (slots_[slot] == nullptr) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(rc, db_, "SQLite prepare");
    slots_[slot] = stmt;
  }
  return Statement(db_, slots_[slot], /*owned=*/false);
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(rc, db_, "SQLite prepare");
  return Statement(db_, stmt, /*owned=*/true);
}

}  // namespace tg::store::sqlite
