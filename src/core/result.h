#pragma once
// Result<T>: either a value of T or a non-ok Status, with the surface of
// std::expected (has_value, value, error, *, ->). Value type.
#include <optional>
#include <utility>

#include "core/check.h"
#include "core/status.h"

namespace tg {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design.
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design.
    TG_CHECK(!status_.ok());
  }

  bool has_value() const { return value_.has_value(); }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    TG_CHECK(has_value());
    return *value_;
  }
  const T& value() const& {
    TG_CHECK(has_value());
    return *value_;
  }
  T&& value() && {
    TG_CHECK(has_value());
    return std::move(*value_);
  }
  const Status& error() const { return status_; }
  // The status: ok when a value is held.
  const Status& status() const { return status_; }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace tg

// TG_ASSIGN_OR_RETURN(Type var, expr): evaluates `expr` (a Result), returns its
// error from the enclosing function, or declares `var` from its value.
#define TG_ASSIGN_OR_RETURN(lhs, expr) \
  TG_ASSIGN_OR_RETURN_IMPL_(TG_STATUS_CONCAT_(tg_result_, __LINE__), lhs, expr)
#define TG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.has_value()) return tmp.error();       \
  lhs = std::move(tmp).value()
