#include "text/cleaner.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace tg::text {
namespace {

RawDocument TextDoc(std::string content) {
  RawDocument doc;
  doc.kind = ContentKind::kText;
  doc.content = std::move(content);
  return doc;
}

constexpr const char* kPage =
    "Example Daily\n"
    "Home | World | Business | Tech\n"
    "Chipmaker chief meets carmaker boss in Munich\n"
    "By Jane Doe\n"
    "Share | Email | Print\n"
    "The head of Example Chips met the chief executive of Example Motors in Munich on Monday.\n"
    "The two discussed battery supply and in-car software, according to a statement.\n"
    "The head of Example Chips met the chief executive of Example Motors in Munich on Monday.\n"
    "The two discussed battery supply and in-car software, according to a statement.\n"
    "Copyright (c) Example Daily. All rights reserved.\n";

TEST(CleanerTest, CleansATextCapture) {
  Cleaner cleaner;
  ASSERT_OK_AND_ASSIGN(CleanDocument clean, cleaner.Clean(TextDoc(kPage)));
  EXPECT_EQ(clean.text,
            "Chipmaker chief meets carmaker boss in Munich\n"
            "The head of Example Chips met the chief executive of Example Motors in Munich on "
            "Monday.\n"
            "The two discussed battery supply and in-car software, according to a statement.");
  EXPECT_EQ(clean.lines_in, 10u);
  EXPECT_EQ(clean.lines_removed, 7u);
  EXPECT_EQ(clean.meta.title, "Chipmaker chief meets carmaker boss in Munich");
  EXPECT_EQ(clean.meta.byline, "Jane Doe");
  EXPECT_EQ(clean.meta.outlet, "Example Daily");
  EXPECT_EQ(clean.meta.lang, "en");
}

TEST(CleanerTest, PhotoCreditAboveTheStoryIsNotTheOutlet) {
  // "© Company" on a caption credits the photo; only the footer's notice names the outlet.
  const std::string page =
      "Home | World | Business | Tech\n"
      "Chipmaker chief meets carmaker boss in Munich\n"
      "Photo: the two chief executives at the plant on Monday. \xC2\xA9 Example Motors\n"
      "The head of Example Chips met the chief executive of Example Motors in Munich on Monday.\n"
      "The two discussed battery supply and in-car software, according to a statement.\n"
      "Copyright (c) Example Daily. All rights reserved.\n";
  Cleaner cleaner;
  ASSERT_OK_AND_ASSIGN(CleanDocument clean, cleaner.Clean(TextDoc(page)));
  EXPECT_EQ(clean.meta.outlet, "Example Daily");
}

TEST(CleanerTest, ContainerMetadataWins) {
  RawDocument doc = TextDoc(kPage);
  doc.meta.title = "From the container";
  doc.meta.lang = "ko";
  Cleaner cleaner;
  ASSERT_OK_AND_ASSIGN(CleanDocument clean, cleaner.Clean(doc));
  EXPECT_EQ(clean.meta.title, "From the container");
  EXPECT_EQ(clean.meta.lang, "ko");
  EXPECT_EQ(clean.meta.byline, "Jane Doe");
}

TEST(CleanerTest, IsIdempotent) {
  Cleaner first;
  ASSERT_OK_AND_ASSIGN(CleanDocument once, first.Clean(TextDoc(kPage)));
  Cleaner second;
  ASSERT_OK_AND_ASSIGN(CleanDocument twice, second.Clean(TextDoc(once.text)));
  EXPECT_EQ(twice.text, once.text);
  EXPECT_EQ(twice.lines_removed, 0u);
}

TEST(CleanerTest, RejectsPagesWithoutStory) {
  Cleaner cleaner;
  for (const char* content : {"", "\n\n  \n", "Home | News | Sports\nSearch\nSubscribe\n-\n",
                              "\x01\x02\x03 ---- ||||"}) {
    Result<CleanDocument> result = cleaner.Clean(TextDoc(content));
    ASSERT_FALSE(result.has_value()) << content;
    EXPECT_EQ(result.error().code(), StatusCode::kInvalidArgument);
  }
}

TEST(CleanerTest, MinTextBytesRejectsShortStories) {
  CleanOptions options;
  options.min_text_bytes = 10000;
  Cleaner cleaner(options);
  EXPECT_FALSE(cleaner.Clean(TextDoc(kPage)).has_value());
}

TEST(CleanerTest, RepeatedFurnitureAcrossTheBatchIsDropped) {
  CleanOptions options;
  options.repeated_line_min_docs = 2;
  Cleaner cleaner(options);
  auto page = [](int n) {
    return TextDoc("Weekly Roundup From Example Desk\nStory number " + std::to_string(n) +
                   " says the company met its partner on Monday in Seoul.\n");
  };
  for (int n = 0; n < 2; ++n) {
    ASSERT_OK_AND_ASSIGN(CleanDocument clean, cleaner.Clean(page(n)));
    EXPECT_NE(clean.text.find("Weekly Roundup"), std::string::npos) << n;
  }
  ASSERT_OK_AND_ASSIGN(CleanDocument third, cleaner.Clean(page(2)));
  EXPECT_EQ(third.text.find("Weekly Roundup"), std::string::npos);
}

}  // namespace
}  // namespace tg::text
