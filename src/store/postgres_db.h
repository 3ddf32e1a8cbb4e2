#pragma once
// Thin layer over libpqxx for the PostgreSQL store: one connection, statements
// prepared on first use under the caller's slot numbers, parameters passed as
// text and results read by row and column. libpqxx exceptions become Status
// here and never leave this layer. The connection never reconnects by itself:
// a broken connection fails every later call with kUnavailable, so a batch
// transaction cannot be lost silently. Internal to src/store; not thread-safe.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/status.h"

namespace tg::store::pg {

// SQL for the current second as ISO 8601 UTC text ("2024-03-05T09:30:00Z"),
// as the SQLite store writes timestamps; a macro so statements can embed it.
#define TG_PG_NOW_UTC \
  "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

// "{1,2,3}": the text form of a BIGINT[] (also read as INT[]).
std::string Int64ArrayLiteral(const std::vector<int64_t>& values);
// {"a","b \"c\""}: the text form of a TEXT[]; every element quoted and escaped.
std::string TextArrayLiteral(const std::vector<std::string>& values);

// One statement's parameters ($1, $2, ... in order), as PostgreSQL's text
// input forms; the server converts them to the columns' types.
class Params {
 public:
  Params& Text(std::string_view value);
  Params& Int64(int64_t value);
  Params& Uint64(uint64_t value);  // the same 64 bits as a BIGINT (int64)
  Params& Double(double value);    // round-trips exactly
  Params& Bool(bool value);
  Params& Null();
  // Array literals ({...}) for `$n::bigint[]`, `$n::text[]`, `$n::float8[]`.
  Params& Int64Array(const std::vector<int64_t>& values);
  Params& Uint64Array(const std::vector<uint64_t>& values);
  Params& TextArray(const std::vector<std::string>& values);
  Params& DoubleArray(const std::vector<double>& values);

  size_t size() const { return values_.size(); }
  const std::vector<std::string>& values() const { return values_; }
  const std::vector<bool>& nulls() const { return nulls_; }

 private:
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
};

// A result set. Cheap to copy (shares the underlying result).
class Rows {
 public:
  struct Impl;
  Rows() = default;
  explicit Rows(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

  size_t size() const;
  bool empty() const { return size() == 0; }
  // Row and column indexes are 0-based. Reading NULL gives "", 0 or false.
  bool IsNull(size_t row, int column) const;
  std::string_view View(size_t row, int column) const;  // valid while this Rows lives
  std::string Text(size_t row, int column) const { return std::string(View(row, column)); }
  int64_t Int64(size_t row, int column) const;
  uint64_t Uint64(size_t row, int column) const;  // a BIGINT's bits
  double Double(size_t row, int column) const;
  bool Bool(size_t row, int column) const;
  // An integer array column ("{1,2,3}").
  std::vector<int64_t> Int64Array(size_t row, int column) const;
  // A one-dimensional TEXT[] column without NULL elements.
  std::vector<std::string> TextArray(size_t row, int column) const;

 private:
  std::shared_ptr<const Impl> impl_;
};

class Connection {
 public:
  // Connects with a libpq connection string (URI or key=value). Fails with
  // kUnavailable when the server cannot be reached or refuses the login.
  static Result<std::unique_ptr<Connection>> Open(const std::string& conninfo);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without parameters (simple query protocol).
  Status Exec(std::string_view sql);
  // Runs one statement built at run time, with parameters.
  Result<Rows> Query(const std::string& sql, const Params& params = Params());
  // Runs the statement kept in `slot`, prepared from `sql` on first use. A
  // slot is a number the caller assigns to one SQL text for the connection's
  // lifetime; reusing a slot for another text is a bug.
  Result<Rows> Run(size_t slot, const char* sql, const Params& params = Params());

  // `identifier` quoted for SQL ("my schema" -> "\"my schema\"").
  std::string QuoteName(const std::string& identifier);

  struct Impl;  // defined in the .cc; Open() is the way in
  explicit Connection(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tg::store::pg
