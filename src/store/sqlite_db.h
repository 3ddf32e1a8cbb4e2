#pragma once
// Thin RAII layer over the SQLite C API for the SQLite store: a connection
// with a small array of prepared statements indexed by the caller's slot
// numbers, and a statement handle that resets itself when it goes out of
// scope. Internal to src/store. Not thread-safe.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tg::store::sqlite {

// Maps an SQLite result code to a Status named after `what`: constraint
// violations become kAlreadyExists, SQLITE_NOTADB and SQLITE_CORRUPT kCorrupt,
// SQLITE_BUSY and SQLITE_LOCKED kUnavailable, I/O and open errors kIOError.
Status SqliteError(int rc, sqlite3* db, std::string_view what);

// A prepared statement in use. Cached statements are borrowed from the
// Database and reset (bindings cleared) on destruction; one-off statements
// are finalized. Movable; must not outlive its Database.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool owned);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Parameter indexes are 1-based, as in SQL.
  void BindInt64(int index, int64_t value);
  void BindUint64(int index, uint64_t value);  // same 64 bits, as a signed integer
  void BindDouble(int index, double value);
  void BindText(int index, std::string_view value);
  // Binds without copying: `value` must stay valid until this handle dies
  // (the statement is reset then) or the parameter is bound again.
  void BindTextNoCopy(int index, std::string_view value);
  void BindBlob(int index, const void* data, size_t size);
  void BindNull(int index);
  // By parameter name (":lang"); does nothing when the statement has no such parameter.
  void BindNamed(const char* name, std::string_view value);
  void BindNamedInt64(const char* name, int64_t value);

  // Returns true when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Steps to the end, ignoring rows.
  Status Run();
  // Rewinds the statement for another run with new bindings.
  Status Reset();

  // Column indexes are 0-based.
  bool IsNull(int column) const;
  int64_t ColumnInt64(int column) const;
  uint64_t ColumnUint64(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  std::string_view ColumnBlob(int column) const;  // valid until the next Step

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool owned_;
};

class Database {
 public:
  // Opens `path` (created when missing unless `read_only`). Fails with
  // kIOError when it cannot be opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool read_only,
                                                int busy_timeout_ms);
  // Takes ownership of the open connection `db`; Open() is the usual way in.
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows.
  Status Exec(const char* sql);
  // The statement kept in `slot`, prepared from `sql` on first use. A slot is
  // a small number the caller assigns to one SQL text for the connection's
  // lifetime (an index, not a hash of the text, so a lookup costs nothing);
  // calling it again with another `sql` for the same slot is a bug.
  Result<Statement> Cached(size_t slot, const char* sql);
  // A fresh statement, finalized when the handle dies (for SQL built at run time).
  Result<Statement> Prepare(std::string_view sql);

 private:
  sqlite3* db_;
  std::string path_;
  std::vector<sqlite3_stmt*> slots_;  // by slot; null until first use
};

}  // namespace tg::store::sqlite
