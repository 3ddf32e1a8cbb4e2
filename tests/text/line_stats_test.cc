#include "text/line_stats.h"

#include <gtest/gtest.h>

namespace tg::text {
namespace {

TEST(LineStatsTest, TrimAndFoldHandleUnicodeSpaces) {
  EXPECT_EQ(TrimLine("\xC2\xA0  hello \xE3\x80\x80\t"), "hello");
  EXPECT_EQ(TrimLine("\xC2\xA0 "), "");
  EXPECT_EQ(FoldSpace("  a \xC2\xA0 b\t\tc  "), "a b c");
  EXPECT_EQ(FoldSpace("한국\xE3\x80\x80  경제"), "한국 경제");
}

TEST(LineStatsTest, SentenceEnds) {
  struct Case {
    const char* line;
    bool expected;
  } cases[] = {
      {"Hanbit shares fell 1.6 percent on Thursday.", true},
      {"He poses with Meta CEO Mark Zuckerberg in Palo Alto. [SAMSUNG ELECTRONICS]", true},
      {"기념 촬영을 하고 있다. [페이스북 캡처]", true},
      {"\"It was a friendly evening,\" he said.\xE2\x80\x9D", true},
      {"Korea's tech titans head to U.S. to seek new AI, chip, EV opportunities", false},
      {"Home > Business > Industry", false},
      {"Related Articles", false},
      {"짧다", false},
  };
  for (const Case& c : cases) EXPECT_EQ(EndsLikeSentence(c.line), c.expected) << c.line;
}

TEST(LineStatsTest, ShapeCountsScriptsSeparatorsAndSegments) {
  const LineShape menu = AnalyzeLine("Home | Business | Tech | Markets");
  EXPECT_EQ(menu.separators, 3u);
  EXPECT_EQ(menu.segments, 4u);
  EXPECT_LE(menu.max_segment_code_points, 8u);
  EXPECT_FALSE(menu.sentence_end);

  const LineShape spaced = AnalyzeLine("News  Analysis  Deals  Chips");
  EXPECT_EQ(spaced.segments, 4u);

  const LineShape middle_dot = AnalyzeLine("Nvidia·Google·MS");
  EXPECT_EQ(middle_dot.separators, 0u);  // an unspaced middle dot joins words

  const LineShape korean = AnalyzeLine("올해 출장은 특히 AI와 반도체에 초점이 맞춰졌다.");
  EXPECT_GT(korean.hangul, korean.latin);
  EXPECT_TRUE(IsProse(korean));

  const LineShape caps = AnalyzeLine("PACIFIC TECH WIRE");
  EXPECT_TRUE(caps.all_caps);
  EXPECT_EQ(caps.words, 3u);

  EXPECT_TRUE(AnalyzeLine("김정영 기자 jeongyoungkim.71@gmail.com").has_email);
  EXPECT_FALSE(AnalyzeLine("Meet us @ the booth").has_email);
  EXPECT_TRUE(AnalyzeLine("ⓒ 디지털경제신문(www.digitaleconews.kr)").has_url);
}

TEST(LineStatsTest, ShortSentencesAreNotProse) {
  EXPECT_FALSE(IsProse(AnalyzeLine("Log in to comment.")));
  EXPECT_TRUE(IsProse(AnalyzeLine("Lumenar did not respond to a request for comment.")));
}

}  // namespace
}  // namespace tg::text
