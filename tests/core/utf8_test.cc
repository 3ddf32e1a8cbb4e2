#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace tg {
namespace {

TEST(Utf8Test, ValidatesWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Lee Jae-yong met Jensen Huang"));
  EXPECT_TRUE(IsValidUtf8("이재용 회장은 실리콘밸리에서"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(Utf8Test, RejectsIllFormedSequences) {
  struct Case {
    std::string input;
    size_t first_bad;
  };
  const Case cases[] = {
      {"abc\xFF", 3},                // byte never valid
      {"\xC0\xAF", 0},               // overlong '/'
      {"\xED\xA0\x80", 0},           // surrogate D800
      {"ok\xE2\x82", 2},             // truncated three-byte sequence
      {"\xF4\x90\x80\x80", 0},       // past U+10FFFF
      {"\xEC\x9D\xB4\x80", 3},       // stray continuation byte after a Hangul syllable
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(IsValidUtf8(c.input)) << c.input;
    EXPECT_EQ(FirstInvalidUtf8(c.input), c.first_bad) << c.input;
  }
}

TEST(Utf8Test, RepairReplacesEachBadByteAndYieldsValidText) {
  size_t replaced = 0;
  const std::string repaired = RepairUtf8("a\xFF" "b\xC0", &replaced);
  EXPECT_EQ(repaired, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 2u);
  EXPECT_TRUE(IsValidUtf8(repaired));
}

TEST(Utf8Test, CodePointsRoundTrip) {
  const std::string text = "A이\xF0\x9F\x98\x80";
  size_t pos = 0;
  std::string rebuilt;
  while (pos < text.size()) AppendUtf8(NextCodePoint(text, &pos), &rebuilt);
  EXPECT_EQ(rebuilt, text);
  EXPECT_EQ(CountCodePoints(text), 3u);
}

TEST(Utf8Test, RecognisesHangul) {
  size_t pos = 0;
  EXPECT_TRUE(IsHangul(NextCodePoint("회", &pos)));
  EXPECT_FALSE(IsHangul(U'A'));
  EXPECT_FALSE(IsHangul(U'漢'));
}

}  // namespace
}  // namespace tg
