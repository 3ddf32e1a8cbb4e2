#pragma once
// Status: the outcome of an operation that can fail, as a code plus a message.
// Value type; safe to copy between threads. See ../../docs/errors.md for the codes.
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

namespace tg {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kCorrupt,
  kIOError,
  kUnavailable,
  kInternal,
  kUnimplemented,
  kResourceExhausted,  // a configured size or depth limit was exceeded
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  template <typename... Args>
  static Status InvalidArgument(const Args&... args) {
    return Status(StatusCode::kInvalidArgument, Concat(args...));
  }
  template <typename... Args>
  static Status NotFound(const Args&... args) {
    return Status(StatusCode::kNotFound, Concat(args...));
  }
  template <typename... Args>
  static Status AlreadyExists(const Args&... args) {
    return Status(StatusCode::kAlreadyExists, Concat(args...));
  }
  template <typename... Args>
  static Status Corrupt(const Args&... args) {
    return Status(StatusCode::kCorrupt, Concat(args...));
  }
  template <typename... Args>
  static Status IOError(const Args&... args) {
    return Status(StatusCode::kIOError, Concat(args...));
  }
  template <typename... Args>
  static Status Unavailable(const Args&... args) {
    return Status(StatusCode::kUnavailable, Concat(args...));
  }
  template <typename... Args>
  static Status Internal(const Args&... args) {
    return Status(StatusCode::kInternal, Concat(args...));
  }
  template <typename... Args>
  static Status Unimplemented(const Args&... args) {
    return Status(StatusCode::kUnimplemented, Concat(args...));
  }
  template <typename... Args>
  static Status ResourceExhausted(const Args&... args) {
    return Status(StatusCode::kResourceExhausted, Concat(args...));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "corrupt: WARC record too large: 123" (or "ok").
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>"; used to name the input.
  Status WithPrefix(std::string_view prefix) const;

 private:
  template <typename... Args>
  static std::string Concat(const Args&... args) {
    std::ostringstream out;
    (out << ... << args);
    return out.str();
  }

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace tg

#define TG_STATUS_CONCAT_INNER_(a, b) a##b
#define TG_STATUS_CONCAT_(a, b) TG_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (a Status) is not ok.
#define TG_RETURN_IF_ERROR(expr)                       \
  do {                                                 \
    ::tg::Status tg_status_ = (expr);                  \
    if (!tg_status_.ok()) return tg_status_;           \
  } while (false)
