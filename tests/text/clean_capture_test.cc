#include "text/clean_capture.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tg::text {
namespace {

Furniture Classify(const std::string& line) {
  const std::string folded = FoldSpace(line);
  return ClassifyFurniture(folded, AnalyzeLine(line));
}

TEST(ClassifyFurnitureTest, Table) {
  struct Case {
    const char* line;
    Furniture expected;
  } cases[] = {
      // Menus, breadcrumbs, buttons (both languages).
      {"Home > Business > Industry", Furniture::kNoise},
      {"Home | Business | Tech | Markets | Opinion | Lifestyle | Subscribe", Furniture::kNoise},
      {"World  Politics  Sports  Weather  Video", Furniture::kNoise},
      {"Share  Facebook  X  LinkedIn  Email  |  Font size  A+  A-", Furniture::kNoise},
      {"[Tweet] [Share] [Post] [Email] [Print]", Furniture::kNoise},
      {"Skip to main content", Furniture::kNoise},
      {"Search", Furniture::kNoise},
      {"print dictionary print", Furniture::kNoise},
      {"-", Furniture::kNoise},
      {"s", Furniture::kNoise},
      {"•", Furniture::kNoise},
      {"기사 스크랩", Furniture::kNoise},
      {"클린뷰", Furniture::kNoise},
      {"글자크기  가  가  |  공유하기  페이스북  카카오톡  X  URL복사  |  인쇄", Furniture::kNoise},
      {"정치 > 국회·정당", Furniture::kNoise},
      {"Tags: chips, memory, Korea", Furniture::kNoise},
      {"태그 반도체 메모리", Furniture::kNoise},
      // Footers.
      {"Copyright (c) Example Daily. All rights reserved.", Furniture::kMeta},
      {"ⓒ 예시일보 무단전재 및 재배포 금지", Furniture::kMeta},
      {"서울특별시 중구 세종대로 1 | 대표전화 02-000-0000 | 등록번호 서울 아 00000", Furniture::kNoise},
      {"Example Daily, 1 Main Street, Springfield | Tel: 555-0100", Furniture::kNoise},
      {"홍길동 기자 gildong@example.co.kr", Furniture::kMeta},
      {"BY JANE DOE [jane.doe@example.com]", Furniture::kMeta},
      {"/연합뉴스", Furniture::kMeta},
      // Story lines.
      {"Hanbit shares fell 1.6 percent on Thursday.", Furniture::kNone},
      {"정부와 배터리 업계가 공동 대응하기로 했다.", Furniture::kNone},
      {"Korea's tech titans head to U.S. to seek new AI, chip, EV opportunities",
       Furniture::kNone},
      {"[Graphic News] Korea's chip exports hit 10-month high", Furniture::kNone},
      {"Share prices", Furniture::kNone},
      {"The court ruled on the copyright claim brought by the author's estate last year, and "
       "the publisher said it would appeal the decision.",
       Furniture::kNone},
      {"He stayed at a hotel near the plant and met suppliers there", Furniture::kNone},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(static_cast<int>(Classify(c.line)), static_cast<int>(c.expected)) << c.line;
  }
}

TEST(CleanCaptureTest, ListHeadersBulletsBylinesDates) {
  EXPECT_TRUE(IsListHeader("Related Articles", AnalyzeLine("Related Articles")));
  EXPECT_TRUE(IsListHeader("◆ 관련기사", AnalyzeLine("◆ 관련기사")));
  EXPECT_TRUE(IsListHeader("많이 본 뉴스", AnalyzeLine("많이 본 뉴스")));
  EXPECT_TRUE(IsListHeader("MORE FROM EXAMPLE WIRE", AnalyzeLine("MORE FROM EXAMPLE WIRE")));
  EXPECT_FALSE(IsListHeader("The related companies declined to comment.",
                            AnalyzeLine("The related companies declined to comment.")));
  EXPECT_TRUE(StartsWithBullet("- Item"));
  EXPECT_TRUE(StartsWithBullet("· 항목"));
  EXPECT_TRUE(StartsWithBullet("1. Won slips"));
  EXPECT_TRUE(StartsWithBullet("2 코스피 상승"));
  EXPECT_FALSE(StartsWithBullet("2024 was a record year."));
  for (const char* line : {"By Jane Doe", "홍길동 기자", "Kim Ha-eun, Staff Reporter",
                           "[예시일보 = 홍길동 기자]"}) {
    EXPECT_TRUE(LooksLikeByline(line, AnalyzeLine(line))) << line;
  }
  for (const char* line : {"Published : Oct. 18, 2024 - 15:02", "입력 2024.10.17 11:24",
                           "2025.09.08 08:31", "April 11, 2025"}) {
    EXPECT_TRUE(LooksLikeDateLine(line, AnalyzeLine(line))) << line;
  }
  EXPECT_FALSE(LooksLikeDateLine("[CES 2026] 기업들 로봇 경쟁", AnalyzeLine("[CES 2026] 기업들 로봇 경쟁")));
}

std::vector<std::string> StoryLines(const CaptureCleaning& page) {
  std::vector<std::string> out;
  for (const CaptureLine& line : page.lines) {
    if (line.role == LineRole::kStory) out.emplace_back(line.text);
  }
  return out;
}

TEST(CleanCaptureTest, EnglishPageKeepsHeadlineDeckAndBody) {
  const char* page =
      "Example Daily\n"
      "Home | World | Business | Tech\n"
      "Sign in   Subscribe   Search\n"
      "\n"
      "Chipmaker chief meets carmaker boss in Munich\n"
      "Talks covered batteries and software\n"
      "By Jane Doe\n"
      "March 3, 2025\n"
      "Share | Email | Print\n"
      "\n"
      "The head of Example Chips met the chief executive of Example Motors in Munich on "
      "Monday, the companies said.\n"
      "\n"
      "Related Articles\n"
      "- Example Motors posts record profit\n"
      "- Example Chips opens new plant.\n"
      "The two discussed battery supply and in-car software, according to a statement.\n"
      "No deal was signed.\n"
      "\"We are long-term partners,\" the carmaker said.\n"
      "Most Popular\n"
      "1. Stocks rally on rate hopes\n"
      "2. Won weakens\n"
      "jane.doe@example.com\n"
      "About Us | Contact | Privacy\n"
      "Example Daily, 1 Main Street, Springfield\n"
      "Example Daily is published by Example Media Ltd.\n"
      "Copyright (c) Example Daily. All rights reserved.\n";
  const CaptureCleaning cleaned = CleanCapture(page);
  const std::vector<std::string> expected = {
      "Chipmaker chief meets carmaker boss in Munich",
      "Talks covered batteries and software",
      "The head of Example Chips met the chief executive of Example Motors in Munich on "
      "Monday, the companies said.",
      "The two discussed battery supply and in-car software, according to a statement.",
      "No deal was signed.",
      "\"We are long-term partners,\" the carmaker said.",
  };
  EXPECT_EQ(StoryLines(cleaned), expected);
  ASSERT_GE(cleaned.headline, 0);
  EXPECT_EQ(cleaned.lines[cleaned.headline].text, expected[0]);
}

TEST(CleanCaptureTest, KoreanPageKeepsHeadlineDeckAndBody) {
  const char* page =
      "예시경제신문\n"
      "전체기사 | 산업 | 금융 | 오피니언\n"
      "로그인 | 회원가입\n"
      "산업 > 전자\n"
      "예시전자 사장, 미국 출장서 글로벌 CEO들과 잇따라 회동\n"
      "AI 반도체 협력 논의…다음 달 귀국 예정\n"
      "홍길동 기자  |  입력 2024.10.17 11:24\n"
      "공유하기  페이스북  카카오톡  |  인쇄\n"
      "예시전자 사장이 미국 출장 중 글로벌 기업 최고경영자들과 잇따라 만났다.\n"
      "17일 업계에 따르면 사장은 16일(현지시간) 실리콘밸리에서 회동을 가졌다.\n"
      "회사 관계자는 \"구체적인 내용은 확인해 줄 수 없다\"고 말했다.\n"
      "홍길동 기자 gildong@example.co.kr\n"
      "<저작권자 © 예시경제신문, 무단 전재 및 재배포 금지>\n"
      "관련기사\n"
      "· 예시전자, 3분기 실적 발표…\"HBM 효과\"\n"
      "· 반도체 수출 증가\n"
      "예시경제신문 | 서울특별시 중구 세종대로 1 | 대표전화 02-000-0000 | 발행인 홍길동\n";
  const CaptureCleaning cleaned = CleanCapture(page);
  const std::vector<std::string> expected = {
      "예시전자 사장, 미국 출장서 글로벌 CEO들과 잇따라 회동",
      "AI 반도체 협력 논의…다음 달 귀국 예정",
      "예시전자 사장이 미국 출장 중 글로벌 기업 최고경영자들과 잇따라 만났다.",
      "17일 업계에 따르면 사장은 16일(현지시간) 실리콘밸리에서 회동을 가졌다.",
      "회사 관계자는 \"구체적인 내용은 확인해 줄 수 없다\"고 말했다.",
  };
  EXPECT_EQ(StoryLines(cleaned), expected);
}

TEST(CleanCaptureTest, PromotionsAfterTheBodyGo) {
  const char* page =
      "The company said revenue rose 12 percent in the quarter on strong demand.\n"
      "Analysts expect the growth to continue into next year, citing new orders.\n"
      "Want to learn more about chips? Check out the Example Chip Expo taking place in "
      "London and Berlin this autumn.\n"
      "Tags: chips, revenue\n";
  const std::vector<std::string> expected = {
      "The company said revenue rose 12 percent in the quarter on strong demand.",
      "Analysts expect the growth to continue into next year, citing new orders.",
  };
  EXPECT_EQ(StoryLines(CleanCapture(page)), expected);
}

TEST(CleanCaptureTest, TitleBarWithBareHeadlineIsMetadata) {
  const char* page =
      "Chipmaker chief meets carmaker boss | Example Daily\n"
      "Home | World | Business\n"
      "Chipmaker chief meets carmaker boss\n"
      "The head of Example Chips met the chief executive of Example Motors on Monday.\n";
  const CaptureCleaning cleaned = CleanCapture(page);
  EXPECT_EQ(cleaned.title_bar, 0);
  EXPECT_EQ(cleaned.title_bar_outlet, "Example Daily");
  ASSERT_GE(cleaned.headline, 0);
  EXPECT_EQ(cleaned.lines[cleaned.headline].text, "Chipmaker chief meets carmaker boss");
}

TEST(CleanCaptureTest, BatchFurnitureNeedsEnoughEarlierPages) {
  BatchLineCounter counter;
  CaptureOptions options;
  options.batch = &counter;
  options.repeated_line_min_docs = 2;
  const std::string page =
      "Weekly Markets Roundup Corner\n"
      "The company said revenue rose 12 percent in the quarter on strong demand.\n";
  auto story_count = [&]() { return StoryLines(CleanCapture(page, options)).size(); };
  EXPECT_EQ(story_count(), 2u);
  counter.AddPage({"Weekly Markets Roundup Corner"});
  EXPECT_EQ(story_count(), 2u);
  counter.AddPage({"Weekly Markets Roundup Corner"});
  EXPECT_EQ(story_count(), 1u);
}

TEST(CleanCaptureTest, NothingButFurniture) {
  EXPECT_TRUE(StoryLines(CleanCapture("")).empty());
  EXPECT_TRUE(StoryLines(CleanCapture("Home | News | Sports\nSearch\nSubscribe\n-\n")).empty());
}

}  // namespace
}  // namespace tg::text
