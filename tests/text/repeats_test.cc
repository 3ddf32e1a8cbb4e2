#include "text/repeats.h"

#include <gtest/gtest.h>

namespace tg::text {
namespace {

std::vector<bool> Keep(const std::vector<std::string>& lines) {
  std::vector<bool> keep(lines.size(), true);
  MarkRepeatedLines(lines, &keep);
  return keep;
}

TEST(RepeatsTest, SecondCopyOfABodyGoesWithItsShortLines) {
  const std::vector<std::string> lines = {
      "Headline of the story here",
      "The first paragraph of the story is long enough.",
      "Short one.",
      "The last paragraph of the story is long enough too.",
      "/연합뉴스",
      "The first paragraph of the story is long enough.",
      "Short one.",
      "The last paragraph of the story is long enough too.",
      "/연합뉴스",
  };
  const std::vector<bool> expected = {true, true, true, true, true, false, false, false, false};
  EXPECT_EQ(Keep(lines), expected);
}

TEST(RepeatsTest, ShortRepeatsAwayFromARepeatedRunStay) {
  const std::vector<std::string> lines = {"Yes.", "A long paragraph that is not repeated at all.",
                                          "Yes."};
  EXPECT_EQ(Keep(lines), std::vector<bool>(3, true));
}

TEST(RepeatsTest, LinesAlreadyDroppedAreNotCopies) {
  const std::vector<std::string> lines = {"A long paragraph that appears twice on the page.",
                                          "A long paragraph that appears twice on the page."};
  std::vector<bool> keep = {false, true};
  EXPECT_EQ(MarkRepeatedLines(lines, &keep), 0u);
  EXPECT_TRUE(keep[1]);
}

TEST(RepeatsTest, BatchCounterCountsPagesNotLines) {
  BatchLineCounter counter;
  counter.AddPage({"Subscribe", "Subscribe", "Home"});
  counter.AddPage({"Subscribe"});
  EXPECT_EQ(counter.PagesWith("Subscribe"), 2);
  EXPECT_EQ(counter.PagesWith("Home"), 1);
  EXPECT_EQ(counter.PagesWith("Other"), 0);
}

TEST(RepeatsTest, BatchCounterStopsGrowingAtItsCap) {
  BatchLineCounter counter(/*max_entries=*/1);
  counter.AddPage({"a", "b"});
  counter.AddPage({"a", "b"});
  EXPECT_EQ(counter.PagesWith("a") + counter.PagesWith("b"), 2);
}

}  // namespace
}  // namespace tg::text
