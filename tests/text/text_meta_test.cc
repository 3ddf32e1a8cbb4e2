#include "text/text_meta.h"

#include <gtest/gtest.h>

namespace tg::text {
namespace {

TEST(TextMetaTest, Bylines) {
  struct Case {
    const char* line;
    const char* expected;
  } cases[] = {
      {"By Yoo Seung-ah", "Yoo Seung-ah"},
      {"BY SHIN HA-NEE [shin.hanee@joongang.co.kr]", "SHIN HA-NEE"},
      {"By Daniel Reyes, Seoul correspondent", "Daniel Reyes"},
      {"Posted on May 24, 2024 | By Seo Yoon-ho", ""},
      {"김정영 기자 jeongyoungkim.71@gmail.com", "김정영"},
      {"[디지털경제신문 백지훈 기자] 아린텔레콤이", "백지훈"},
      {"(라스베이거스=테크리포트) 조현우 기자 | 승인 2026.01.08 06:00", "조현우"},
      {"Kim Ha-eun, Staff Reporter", "Kim Ha-eun"},
      {"Home | Business", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(ReporterFromLine(c.line), c.expected) << c.line;
}

TEST(TextMetaTest, ReporterFromLineEndsOnShortNonHangulNames) {
  // The Hangul check before 기자 once stopped decoding at the first non-Hangul
  // character and looped forever ("IT 기자", "K팝 기자").
  EXPECT_EQ(ReporterFromLine("IT \xEA\xB8\xB0\xEC\x9E\x90 it@example.kr"), "");
  EXPECT_EQ(ReporterFromLine("K\xED\x8C\x9D \xEA\xB8\xB0\xEC\x9E\x90"), "");
  EXPECT_EQ(ReporterFromLine(",\xEA\xB3\xA0\xEC\x98\xA8 \xEA\xB8\xB0\xEC\x9E\x90"), "");
}

TEST(TextMetaTest, OutletsFromCopyrightLines) {
  struct Case {
    const char* line;
    const char* expected;
  } cases[] = {
      {"Copyright (c) Han River Herald. All rights reserved.", "Han River Herald"},
      {"<저작권자 © 미래산업일보, 무단 전재 및 재배포 금지>", "미래산업일보"},
      {"ⓒ 디지털경제신문(www.digitaleconews.kr), 무단전재 및 수집, 재배포금지", "디지털경제신문"},
      {"Copyright © 2024 Example Daily. All rights reserved.", "Example Daily"},
      {"[ⓒ 뉴스온경제. 무단전재-재배포 금지]", "뉴스온경제"},
      {"Copyright © 넥스트벤처뉴스 All rights reserved.", "넥스트벤처뉴스"},
      {"Nothing to see here", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(OutletFromCopyright(c.line), c.expected) << c.line;
  EXPECT_EQ(OutletFromAgencyTag("/연합뉴스"), "연합뉴스");
  EXPECT_EQ(OutletFromAgencyTag("/ not a tag"), "");
}

TEST(TextMetaTest, TitleSuffixes) {
  std::string head;
  std::string outlet;
  ASSERT_TRUE(SplitTitleOutlet("Chip chief meets carmaker boss in Munich | Example Daily", &head,
                               &outlet));
  EXPECT_EQ(head, "Chip chief meets carmaker boss in Munich");
  EXPECT_EQ(outlet, "Example Daily");
  ASSERT_TRUE(SplitTitleOutlet("Chip chief meets carmaker boss in Munich - Example Daily", &head,
                               &outlet));
  EXPECT_EQ(head, "Chip chief meets carmaker boss in Munich");
  EXPECT_EQ(outlet, "Example Daily");
  EXPECT_FALSE(SplitTitleOutlet("Example Daily - Chip chief meets carmaker boss in Munich", &head,
                                &outlet));
  EXPECT_FALSE(SplitTitleOutlet("Samsung - Apple rivalry heats up", &head, &outlet));
}

TEST(TextMetaTest, CaptureMetaNeverTakesTheCopyrightYear) {
  const char* page =
      "Chipmaker chief meets carmaker boss in Munich | Example Daily\n"
      "Chipmaker chief meets carmaker boss in Munich\n"
      "By Jane Doe\n"
      "The head of Example Chips met the chief executive of Example Motors on Monday.\n"
      "The two discussed battery supply and software, according to a statement.\n"
      "Copyright © 2024 Example Media. All rights reserved.\n"
      "Registered 2019-03-07\n";
  const DocumentMeta meta = ReadCaptureMeta(CleanCapture(page));
  EXPECT_EQ(meta.title, "Chipmaker chief meets carmaker boss in Munich");
  EXPECT_EQ(meta.outlet, "Example Daily");
  EXPECT_EQ(meta.byline, "Jane Doe");
  EXPECT_EQ(meta.published, "");
}

TEST(TextMetaTest, CapturePublishedDateFromTheHead) {
  const char* page =
      "예시전자 사장, 미국 출장서 글로벌 CEO들과 잇따라 회동\n"
      "홍길동 기자  |  등록 2023.05.15 10:11:28\n"
      "예시전자 사장이 미국 출장 중 글로벌 기업 최고경영자들과 잇따라 만났다.\n"
      "Copyright © 2024 예시일보. All rights reserved.\n";
  const DocumentMeta meta = ReadCaptureMeta(CleanCapture(page));
  EXPECT_EQ(meta.published, "2023-05-15");
  EXPECT_EQ(meta.published_time, "10:11:28");
  EXPECT_EQ(meta.byline, "홍길동");
  EXPECT_EQ(meta.outlet, "예시일보");
}

}  // namespace
}  // namespace tg::text
