#include "core/result.h"
#include "core/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "testing/status_matchers.h"

namespace tg {
namespace {

Result<int> ParsePositive(int v) {
  if (v <= 0) return Status::InvalidArgument("not positive: ", v);
  return v;
}

Result<int> Doubled(int v) {
  TG_ASSIGN_OR_RETURN(int x, ParsePositive(v));
  return 2 * x;
}

Status CheckBoth(int a, int b) {
  TG_RETURN_IF_ERROR(ParsePositive(a).status());
  TG_RETURN_IF_ERROR(ParsePositive(b).status());
  return Status::Ok();
}

TEST(StatusTest, MessageNamesCodeAndPrefix) {
  const Status s = Status::Corrupt("WARC record too large: ", 12).WithPrefix("a.warc");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  EXPECT_EQ(s.ToString(), "corrupt: a.warc: WARC record too large: 12");
  EXPECT_EQ(Status::Ok().ToString(), "ok");
}

TEST(ResultTest, PropagatesValuesAndErrors) {
  ASSERT_OK_AND_ASSIGN(int four, Doubled(2));
  EXPECT_EQ(four, 4);
  const Result<int> bad = Doubled(-1);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message(), "not positive: -1");
  EXPECT_OK(CheckBoth(1, 2));
  EXPECT_FALSE(CheckBoth(1, 0).ok());
}

TEST(ResultTest, HoldsMoveOnlyValues) {
  Result<std::unique_ptr<std::string>> r = std::make_unique<std::string>("x");
  ASSERT_TRUE(r.has_value());
  std::unique_ptr<std::string> owned = std::move(r).value();
  EXPECT_EQ(*owned, "x");
}

}  // namespace
}  // namespace tg
