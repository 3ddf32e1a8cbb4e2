#include "text/line_stats.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/utf8.h"

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

// Slow references for the fast paths (bulk word runs, in-place folding, SWAR lower-casing).
bool IsSpaceRef(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
         cp == 0xFEFF;
}

std::string FoldRef(std::string_view s) {
  std::string out;
  bool pending = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(s, &pos);
    if (IsSpaceRef(cp)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.append(s.substr(start, pos - start));
  }
  return out;
}

// Random valid UTF-8 lines from pieces that exercise every branch of the scanners.
std::string RandomLine(std::mt19937* rng) {
  static const char* const kPieces[] = {
      "a", "Z", "7", "word", "Seoul", " ", "  ", "\t", "\xC2\xA0", "\xE3\x80\x80",
      "\xE2\x80\x8B", "\xEF\xBB\xBF", "|", " / ", " \xC2\xB7 ", "\xC2\xBB", "\xED\x95\x9C",
      "\xEA\xB8\xB0\xEC\x9E\x90", "\xE1\x84\x80", "\xC3\xA9", "\xD0\x96", "\xE4\xB8\xAD",
      "@", "x@y.com", "www.", "http://", ".", "\"", "\xE2\x80\x9D", "-", "(", "]",
      "\xF0\x9F\x98\x80", "\xEB\x8B\xA4"};
  std::string line;
  const int pieces = static_cast<int>((*rng)() % 40);
  for (int i = 0; i < pieces; ++i) line += kPieces[(*rng)() % std::size(kPieces)];
  return line;
}

TEST(LineStatsTest, FastPathsMatchSlowReferences) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const std::string line = RandomLine(&rng);
    EXPECT_EQ(FoldSpace(line), FoldRef(line)) << line;
    const LineShape shape = AnalyzeLine(line);
    uint32_t hangul = 0;
    size_t pos = 0;
    while (pos < line.size()) hangul += IsHangul(NextCodePoint(line, &pos)) ? 1 : 0;
    EXPECT_EQ(shape.code_points, CountCodePoints(line)) << line;
    EXPECT_EQ(shape.hangul, hangul) << line;
    std::string lower = line;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    EXPECT_EQ(AsciiLower(line), lower) << line;
  }
}

TEST(LineStatsTest, LowerCasesEveryByteValue) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  const std::string lower = AsciiLower(all + all);
  for (int c = 0; c < 512; ++c) {
    const int b = c % 256;
    EXPECT_EQ(static_cast<unsigned char>(lower[c]), b >= 'A' && b <= 'Z' ? b + 32 : b) << b;
  }
}

TEST(LineStatsTest, VeryLongWordsAreCountedWhole) {
  // Word runs are counted in bulk with 16-bit counters; a longer run must not overflow.
  std::string line(70000, 'a');
  line += " ";
  for (int i = 0; i < 70000; ++i) line += "\xEA\xB0\x80";  // 가
  const LineShape shape = AnalyzeLine(line);
  EXPECT_EQ(shape.code_points, 140001u);
  EXPECT_EQ(shape.latin, 70000u);
  EXPECT_EQ(shape.hangul, 70000u);
  EXPECT_EQ(shape.words, 2u);
  EXPECT_EQ(shape.max_segment_code_points, 140000u);  // the space is in no segment
  EXPECT_FALSE(shape.all_caps);
}

}  // namespace
}  // namespace tg::text
