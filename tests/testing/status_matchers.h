#pragma once
// Test helpers for Status and Result<T>.
#include <gtest/gtest.h>

#include "core/result.h"
#include "core/status.h"

namespace tg::testing {

inline const Status& GetStatus(const Status& status) { return status; }
template <typename T>
const Status& GetStatus(const Result<T>& result) {
  return result.status();
}

}  // namespace tg::testing

#define EXPECT_OK(expr) EXPECT_TRUE(::tg::testing::GetStatus(expr).ok()) << ::tg::testing::GetStatus(expr).ToString()
#define ASSERT_OK(expr) ASSERT_TRUE(::tg::testing::GetStatus(expr).ok()) << ::tg::testing::GetStatus(expr).ToString()

#define ASSERT_OK_AND_ASSIGN(lhs, expr) \
  ASSERT_OK_AND_ASSIGN_IMPL_(TG_STATUS_CONCAT_(tg_test_result_, __LINE__), lhs, expr)
#define ASSERT_OK_AND_ASSIGN_IMPL_(tmp, lhs, expr)                   \
  auto tmp = (expr);                                                  \
  ASSERT_TRUE(tmp.has_value()) << tmp.error().ToString();             \
  lhs = std::move(tmp).value()
