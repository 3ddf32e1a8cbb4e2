#include "store/postgres_db.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

namespace tg::store::pg {
namespace {

// The first line of a libpq error without its "ERROR:  " prefix; the rest
// (the query, a caret line) would only repeat what the caller names.
std::string FirstLine(const char* what) {
  std::string_view text(what);
  for (std::string_view prefix : {"ERROR:  ", "FATAL:  "}) {
    if (text.substr(0, prefix.size()) == prefix) text.remove_prefix(prefix.size());
  }
  const size_t end = text.find('\n');
  return std::string(text.substr(0, end));
}

// Maps an SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html)
// to the project's few codes: the class (first two characters) decides, with
// the unique violation singled out because the store contract names it.
StatusCode CodeOf(const std::string& state) {
  if (state == "23505") return StatusCode::kAlreadyExists;
  if (state == "53100") return StatusCode::kIOError;  // disk full
  const std::string cls = state.substr(0, 2);
  if (cls == "22" || cls == "23") return StatusCode::kInvalidArgument;  // bad data, constraints
  if (cls == "08" || cls == "40" || cls == "53" || cls == "55" || cls == "57") {
    return StatusCode::kUnavailable;  // connection, rollback, resources, locks, shutdown
  }
  if (cls == "54") return StatusCode::kResourceExhausted;  // e.g. tsvector too long
  if (cls == "58" || cls == "XX") return StatusCode::kIOError;
  return StatusCode::kInternal;
}

}  // namespace

// ---- Params ----

Params& Params::Text(std::string_view value) {
  values_.emplace_back(value);
  nulls_.push_back(false);
  return *this;
}

Params& Params::Int64(int64_t value) {
  values_.push_back(std::to_string(value));
  nulls_.push_back(false);
  return *this;
}

Params& Params::Uint64(uint64_t value) { return Int64(static_cast<int64_t>(value)); }

namespace {

// float8 input text: 17 significant digits read back bit for bit.
std::string DoubleText(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[40];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

}  // namespace

Params& Params::Double(double value) {
  values_.push_back(DoubleText(value));
  nulls_.push_back(false);
  return *this;
}

Params& Params::Bool(bool value) {
  values_.emplace_back(value ? "t" : "f");
  nulls_.push_back(false);
  return *this;
}

Params& Params::Null() {
  values_.emplace_back();
  nulls_.push_back(true);
  return *this;
}

std::string Int64ArrayLiteral(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  out += '}';
  return out;
}

Params& Params::Int64Array(const std::vector<int64_t>& values) {
  values_.push_back(Int64ArrayLiteral(values));
  nulls_.push_back(false);
  return *this;
}

Params& Params::Uint64Array(const std::vector<uint64_t>& values) {
  std::vector<int64_t> bits(values.begin(), values.end());
  return Int64Array(bits);
}

Params& Params::DoubleArray(const std::vector<double>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += DoubleText(values[i]);
  }
  out += '}';
  values_.push_back(std::move(out));
  nulls_.push_back(false);
  return *this;
}

std::string TextArrayLiteral(const std::vector<std::string>& values) {
  // Every element double-quoted, with " and \ escaped by a backslash, so no
  // element is ever read as NULL or split at a comma.
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

Params& Params::TextArray(const std::vector<std::string>& values) {
  values_.push_back(TextArrayLiteral(values));
  nulls_.push_back(false);
  return *this;
}

// ---- Rows ----

struct Rows::Impl {
  pqxx::result result;
};

size_t Rows::size() const { return impl_ ? impl_->result.size() : 0; }

bool Rows::IsNull(size_t row, int column) const {
  return impl_->result[static_cast<pqxx::result::size_type>(row)][column].is_null();
}

std::string_view Rows::View(size_t row, int column) const {
  const pqxx::field field = impl_->result[static_cast<pqxx::result::size_type>(row)][column];
  return std::string_view(field.c_str(), field.size());
}

int64_t Rows::Int64(size_t row, int column) const {
  const std::string_view text = View(row, column);
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

uint64_t Rows::Uint64(size_t row, int column) const {
  return static_cast<uint64_t>(Int64(row, column));
}

double Rows::Double(size_t row, int column) const {
  if (IsNull(row, column)) return 0;
  // libpq terminates every value with a NUL; strtod also reads Infinity and NaN.
  return std::strtod(View(row, column).data(), nullptr);
}

bool Rows::Bool(size_t row, int column) const { return View(row, column) == "t"; }

std::vector<std::string> Rows::TextArray(size_t row, int column) const {
  // The server writes an element in double quotes (backslash escapes inside)
  // when it is empty or holds a delimiter, quote, backslash or space, and
  // bare otherwise.
  const std::string_view text = View(row, column);
  std::vector<std::string> out;
  size_t i = text.empty() ? 0 : 1;  // past '{'
  while (i < text.size() && text[i] != '}') {
    std::string element;
    if (text[i] == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        element += text[i];
      }
      ++i;  // past the closing quote
    } else {
      for (; i < text.size() && text[i] != ',' && text[i] != '}'; ++i) element += text[i];
    }
    out.push_back(std::move(element));
    if (i < text.size() && text[i] == ',') ++i;
  }
  return out;
}

std::vector<int64_t> Rows::Int64Array(size_t row, int column) const {
  const std::string_view text = View(row, column);
  std::vector<int64_t> out;
  for (size_t i = 0; i < text.size();) {
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), value);
    if (ec == std::errc()) {
      out.push_back(value);
      i = static_cast<size_t>(end - text.data());
    } else {
      ++i;  // '{', ',', '}'
    }
  }
  return out;
}

// ---- Connection ----

struct Connection::Impl {
  explicit Impl(const std::string& conninfo) : conn(conninfo) {}
  pqxx::connection conn;
  // Statements run in this autocommit session; the store brackets batches
  // with explicit BEGIN / SAVEPOINT / COMMIT statements of its own.
  std::unique_ptr<pqxx::nontransaction> tx;
  std::vector<bool> prepared;  // by slot
  bool broken = false;
};

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Connection::~Connection() {
  if (impl_ == nullptr) return;
  try {
    // The transaction object goes before the connection it runs on.
    impl_->tx.reset();
  } catch (const std::exception&) {
    // Closing cannot usefully fail; nothing to report from a destructor.
  }
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& conninfo) {
  try {
    auto impl = std::make_unique<Impl>(conninfo);
    // A silent reconnect in the middle of a batch would drop the open
    // transaction and run the rest of the batch in autocommit mode. libpqxx 6
    // marks this switch deprecated (version 7 never reconnects), but it is
    // the only way to turn reconnection off here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    impl->conn.inhibit_reactivation(true);
#pragma GCC diagnostic pop
    impl->conn.set_client_encoding("UTF8");
    impl->tx = std::make_unique<pqxx::nontransaction>(impl->conn, "tiegraph");
    return std::make_unique<Connection>(std::move(impl));
  } catch (const pqxx::broken_connection& e) {
    return Status::Unavailable("cannot connect to PostgreSQL: ", FirstLine(e.what()));
  } catch (const pqxx::sql_error& e) {
    return Status(CodeOf(e.sqlstate()), "PostgreSQL: " + FirstLine(e.what()));
  } catch (const std::exception& e) {
    return Status::Unavailable("cannot connect to PostgreSQL: ", FirstLine(e.what()));
  }
}

namespace {

// Runs `body`, turning libpqxx exceptions into a Status; a lost connection
// also marks `*broken` so later calls fail at once.
template <typename Body>
Result<Rows> Guard(bool* broken, Body body) {
  if (*broken) return Status::Unavailable("the connection to PostgreSQL was lost");
  try {
    return Rows(std::make_shared<const Rows::Impl>(Rows::Impl{body()}));
  } catch (const pqxx::broken_connection& e) {
    *broken = true;
    return Status::Unavailable("connection to PostgreSQL lost: ", FirstLine(e.what()));
  } catch (const pqxx::in_doubt_error& e) {
    *broken = true;
    return Status::Unavailable("PostgreSQL: ", FirstLine(e.what()));
  } catch (const pqxx::sql_error& e) {
    return Status(CodeOf(e.sqlstate()),
                  "PostgreSQL: " + FirstLine(e.what()) + " [" + e.sqlstate() + "]");
  } catch (const std::exception& e) {
    return Status::Internal("PostgreSQL client: ", FirstLine(e.what()));
  }
}

// libpqxx takes parameters as C strings (a null pointer is SQL NULL), so a
// value holding a NUL byte would be cut short; PostgreSQL text cannot hold
// one anyway, so such a value is refused instead.
Status PointersOf(const Params& params, std::vector<const char*>* out) {
  out->clear();
  for (size_t i = 0; i < params.size(); ++i) {
    const std::string& value = params.values()[i];
    if (value.find('\0') != std::string::npos) {
      return Status::InvalidArgument("PostgreSQL cannot store text holding a NUL byte");
    }
    out->push_back(params.nulls()[i] ? nullptr : value.c_str());
  }
  return Status::Ok();
}

}  // namespace

Status Connection::Exec(std::string_view sql) {
  const std::string text(sql);
  return Guard(&impl_->broken, [&] { return impl_->tx->exec(text); }).status();
}

Result<Rows> Connection::Query(const std::string& sql, const Params& params) {
  std::vector<const char*> pointers;
  TG_RETURN_IF_ERROR(PointersOf(params, &pointers));
  return Guard(&impl_->broken, [&] {
    return impl_->tx->exec_params(sql, pqxx::prepare::make_dynamic_params(pointers));
  });
}

Result<Rows> Connection::Run(size_t slot, const char* sql, const Params& params) {
  std::vector<const char*> pointers;
  TG_RETURN_IF_ERROR(PointersOf(params, &pointers));
  const std::string name = "tg" + std::to_string(slot);
  return Guard(&impl_->broken, [&] {
    if (slot >= impl_->prepared.size()) impl_->prepared.resize(slot + 1, false);
    if (!impl_->prepared[slot]) {
      // Registered with libpqxx only; it prepares on the server at first use.
      impl_->conn.prepare(name, sql);
      impl_->prepared[slot] = true;
    }
    return impl_->tx->exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
  });
}

std::string Connection::QuoteName(const std::string& identifier) {
  try {
    return impl_->conn.quote_name(identifier);
  } catch (const std::exception&) {
    // quote_name needs the connection; fall back to the same rule by hand.
    std::string out = "\"";
    for (char c : identifier) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  }
}

}  // namespace tg::store::pg
