#include "dedup/seen_filter.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace tg::dedup {
namespace {

// Keys with little entropy in their low bits, like band keys whose band sits
// in the top byte, and plain counters.
uint64_t Key(uint64_t i) { return (i % 16) << 56 | (i * 0x9E3779B97F4A7C15ULL) >> 8; }

TEST(SeenFilterTest, NeverForgetsAnAddedKey) {
  SeenFilter filter(16);
  for (uint64_t i = 0; i < 5000; ++i) filter.Add(Key(i));
  for (uint64_t i = 0; i < 5000; ++i) EXPECT_TRUE(filter.MayContain(Key(i))) << i;
  for (uint64_t i = 0; i < 5000; ++i) filter.Add(i);
  for (uint64_t i = 0; i < 5000; ++i) EXPECT_TRUE(filter.MayContain(i)) << i;
}

TEST(SeenFilterTest, FalsePositivesStayRareAtModerateLoad) {
  // 2^16 bits, 4,000 keys (16 bits per key, 3 probes): the expected
  // false-positive rate is (1 - e^(-3/16))^3 ~ 0.5%.
  SeenFilter filter(16);
  for (uint64_t i = 0; i < 4000; ++i) filter.Add(Key(i));
  int false_positives = 0;
  for (uint64_t i = 100000; i < 200000; ++i) false_positives += filter.MayContain(Key(i)) ? 1 : 0;
  EXPECT_LT(false_positives, 1000);  // 1%
  SeenFilter empty(16);
  for (uint64_t i = 0; i < 1000; ++i) EXPECT_FALSE(empty.MayContain(Key(i)));
}

}  // namespace
}  // namespace tg::dedup
