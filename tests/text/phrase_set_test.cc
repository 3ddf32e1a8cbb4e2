#include "text/phrase_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace tg::text {
namespace {

TEST(PhraseSetTest, FindsEveryPhraseLikeFind) {
  const std::vector<std::string_view> phrases = {
      "all rights reserved",
      "copyright",
      "(c)",
      "\xC2\xA9" /* © */,
      "tel:",
      "reserved",
      "\xEB\xAC\xB4\xEB\x8B\xA8\xEC\xA0\x84\xEC\x9E\xAC" /* 무단전재 */,
      "\xEC\x9E\xAC\xEB\xB0\xB0\xED\x8F\xAC" /* 재배포 */,
      "sign up",
      "copyright" /* twice */};
  const PhraseSet set(phrases);
  // Texts built from phrase fragments, so that near misses are common.
  const std::vector<std::string> pieces = {"all ",
                                           "rights ",
                                           "reserved",
                                           "copy",
                                           "right",
                                           "(c",
                                           ")",
                                           "\xC2",
                                           "\xA9",
                                           "tel",
                                           ":",
                                           "\xEB\xAC\xB4\xEB\x8B\xA8",
                                           "\xEC\xA0\x84\xEC\x9E\xAC",
                                           "\xEC\x9E\xAC",
                                           "\xEB\xB0\xB0\xED\x8F\xAC",
                                           "sign",
                                           " up",
                                           " ",
                                           "x",
                                           "\xEA\xB0\x80"};
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    uint64_t expected = 0;
    for (std::string_view p : phrases) {
      if (text.find(p) != std::string::npos) expected |= set.Bit(p);
    }
    EXPECT_EQ(set.Scan(text), expected) << text;
  }
}

TEST(PhraseSetTest, TwoBytePhraseAtTheEnd) {
  const PhraseSet set({"\xC2\xA9", "ab"});
  EXPECT_EQ(set.Scan("x \xC2\xA9"), set.Bit("\xC2\xA9"));
  EXPECT_EQ(set.Scan("ab"), set.Bit("ab"));
  EXPECT_EQ(set.Scan("a"), 0u);
  EXPECT_EQ(set.Scan(""), 0u);
}

}  // namespace
}  // namespace tg::text
