#include "core/word_list.h"

#include <gtest/gtest.h>

#include <string_view>

namespace tg {
namespace {

TEST(WordListTest, ContainsListedWordsOnly) {
  const WordList list = {"firm", "bank", "x", "은행", "증권"};
  for (std::string_view w : {"firm", "bank", "x", "은행", "증권"}) EXPECT_TRUE(list.Contains(w)) << w;
  for (std::string_view w : {"", "f", "fir", "firms", "Bank", "은", "은행들", "xy"}) {
    EXPECT_FALSE(list.Contains(w)) << w;
  }
}

TEST(WordListTest, EndsWithAnyHonoursTheRestLeftBeforeTheEnding) {
  const WordList endings = {"전자", "그룹", "부"};
  EXPECT_TRUE(endings.EndsWithAny("한결전자"));
  EXPECT_TRUE(endings.EndsWithAny("전자"));
  EXPECT_FALSE(endings.EndsWithAny("전자", 1));  // the ending alone is no name
  EXPECT_TRUE(endings.EndsWithAny("국방부", 1));   // a one-syllable ending
  EXPECT_FALSE(endings.EndsWithAny("부", 1));
  EXPECT_FALSE(endings.EndsWithAny("전자상가"));
  EXPECT_FALSE(endings.EndsWithAny(""));
  const WordList ascii = {"s", "Labs"};
  EXPECT_TRUE(ascii.EndsWithAny("Labs", 1));  // ends with "s" too
  EXPECT_FALSE(ascii.EndsWithAny("s", 1));
}

TEST(WordListTest, FirstPrefixOfAnswersInListOrder) {
  // "사업" is listed before "사업부", so it is the answer for 사업부장 too,
  // as a scan of the list in order would find.
  const WordList parts = {"개발", "사업", "사업부", "a", "ab"};
  EXPECT_EQ(parts.FirstPrefixOf("사업부장"), "사업");
  EXPECT_EQ(parts.FirstPrefixOf("개발본부"), "개발");
  EXPECT_EQ(parts.FirstPrefixOf("본부"), "");
  EXPECT_EQ(parts.FirstPrefixOf("abc"), "a");  // the one-byte word comes first in the list
  const WordList later_short = {"ab", "a"};
  EXPECT_EQ(later_short.FirstPrefixOf("abc"), "ab");
  EXPECT_EQ(later_short.FirstPrefixOf("ax"), "a");
  EXPECT_EQ(later_short.FirstPrefixOf(""), "");
}

}  // namespace
}  // namespace tg
