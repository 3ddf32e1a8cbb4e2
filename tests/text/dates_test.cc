#include "text/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace tg::text {
namespace {

struct ParseCase {
  std::string_view input;
  std::string_view date;  // empty: expect nullopt
  std::string_view time;
};

TEST(ParseDateTest, Table) {
  static constexpr ParseCase kCases[] = {
      // ISO 8601: the local date and time as written, zones not converted.
      {"2023-08-24T06:45:00-05:00", "2023-08-24", "06:45:00"},
      {"2023-03-23T06:00:00+09:00", "2023-03-23", "06:00:00"},
      {"2025-09-08T23:20:00Z", "2025-09-08", "23:20:00"},
      {"2024-06-23T09:12:00.000+0900", "2024-06-23", "09:12:00"},
      {"2024-06-23", "2024-06-23", ""},
      {"  2024-06-06  ", "2024-06-06", ""},
      {"2023.05.15 10:11:28", "2023-05-15", "10:11:28"},
      {"2023. 5. 15.", "2023-05-15", ""},
      {"2023-05-15 09:12", "2023-05-15", "09:12"},
      {"2023/05/15", "2023-05-15", ""},
      {"20240623", "2024-06-23", ""},
      {"2023년 5월 15일 (월) 오후 3:05", "2023-05-15", "15:05"},
      {"2023년 5월 15일 오전 12:30", "2023-05-15", "00:30"},
      {"2023년 5월 15일 오후 3시", "2023-05-15", "15:00"},
      {"2023년 05월 15일 월요일", "2023-05-15", ""},
      {"Oct. 18, 2024 - 15:02", "2024-10-18", "15:02"},
      {"October 18, 2024", "2024-10-18", ""},
      {"18 October 2024", "2024-10-18", ""},
      {"Sept. 3, 2025", "2025-09-03", ""},
      {"Aug 24, 2023 6:45 AM", "2023-08-24", "06:45"},
      {"Aug 24, 2023 6:45 p.m. KST", "2023-08-24", "18:45"},
      {"Monday, June 13th, 2024", "2024-06-13", ""},
      {"Sun, 23 Jun 2024 09:12:00 +0900", "2024-06-23", "09:12:00"},
      {"15.05.2023", "2023-05-15", ""},
      {"05/15/2023", "2023-05-15", ""},
      {"2024-02-29", "2024-02-29", ""},
      // Rejected.
      {"2023-02-29", "", ""},
      {"2024-02-30", "", ""},
      {"February 30, 2024", "", ""},
      {"2023-13-01", "", ""},
      {"1989-12-31", "", ""},
      {"2101-01-01", "", ""},
      {"June 13", "", ""},
      {"2024", "", ""},
      {"02-6312-4400", "", ""},
      {"2023-05-15 and more words", "", ""},
      {"", "", ""},
      {"yesterday", "", ""},
  };
  for (const ParseCase& c : kCases) {
    SCOPED_TRACE(std::string(c.input));
    std::optional<FoundDate> found = ParseDate(c.input);
    if (c.date.empty()) {
      EXPECT_FALSE(found.has_value()) << found->date;
      continue;
    }
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->date, c.date);
    EXPECT_EQ(found->time, c.time);
  }
}

struct FindCase {
  std::string_view input;
  std::string_view date;  // empty: expect nullopt
  std::string_view time;
  DateLabel label;
};

TEST(FindPublishedDateTest, Table) {
  static constexpr FindCase kCases[] = {
      {"등록 2023.05.15 10:11:28", "2023-05-15", "10:11:28", DateLabel::kPublished},
      {"입력 2024.06.23 09:12", "2024-06-23", "09:12", DateLabel::kPublished},
      {"기사입력 2024-06-23 09:12", "2024-06-23", "09:12", DateLabel::kPublished},
      {"승인 2024.06.23 18:00", "2024-06-23", "18:00", DateLabel::kPublished},
      {"발행일 2024.06.23", "2024-06-23", "", DateLabel::kPublished},
      {"입력 2023.08.24 09:10", "2023-08-24", "09:10", DateLabel::kPublished},
      {"입력 : 2024-06-23 09:12 | 수정 : 2024-06-24 10:00", "2024-06-23", "09:12",
       DateLabel::kPublished},
      {"수정 2024-06-24 10:00 입력 2024-06-23 09:12", "2024-06-23", "09:12",
       DateLabel::kPublished},
      {"수정 2024.06.24 10:00", "2024-06-24", "10:00", DateLabel::kUpdated},
      {"Updated : Oct. 19, 2024 - 09:00", "2024-10-19", "09:00", DateLabel::kUpdated},
      {"Published : Oct. 18, 2024 - 15:02", "2024-10-18", "15:02", DateLabel::kPublished},
      {"Published : Oct. 18, 2024 - 15:02 Updated : Oct. 19, 2024 - 09:00", "2024-10-18",
       "15:02", DateLabel::kPublished},
      {"Posted on August 24, 2023", "2023-08-24", "", DateLabel::kPublished},
      {"Posted : 2025-11-06 18:40", "2025-11-06", "18:40", DateLabel::kPublished},
      {"By Lee Min-kyung Posted : 2025-11-06 18:40", "2025-11-06", "18:40",
       DateLabel::kPublished},
      {"Posted 2024-06-06 date 2024-06-07", "2024-06-06", "", DateLabel::kPublished},
      {" date 2024-06-06", "2024-06-06", "", DateLabel::kPublished},
      {"By Megan Ostrowski | August 24, 2023", "2023-08-24", "", DateLabel::kNone},
      {"2023년 5월 15일 (월) 오후 3:05", "2023-05-15", "15:05", DateLabel::kNone},
      {"Sept. 3, 2025 at 6:45 a.m.", "2025-09-03", "06:45", DateLabel::kNone},
      {"SEOUL, June 13 (Yonhap) -- Samsung said", "--06-13", "", DateLabel::kDateline},
      {"Seoul, June 13 (IANS) Samsung said", "--06-13", "", DateLabel::kDateline},
      {"WASHINGTON, Nov. 5, 2024 (Reuters) - The", "2024-11-05", "", DateLabel::kDateline},
      {"SEOUL, June 13 (Yonhap) -- Updated 2024-06-14", "--06-13", "", DateLabel::kDateline},
      {"The meeting on June 13 went well.", "", "", DateLabel::kNone},
      {"Copyright © 2024 Korea Herald", "", "", DateLabel::kNone},
      {"© 2023 Tech Daily. All rights reserved.", "", "", DateLabel::kNone},
      {"ⓒ 2023.05.15 테크뉴스", "", "", DateLabel::kNone},
      {"대표전화 02-6312-4400", "", "", DateLabel::kNone},
      {"등록번호 : 서울 아 54727", "", "", DateLabel::kNone},
      {"등록번호 : 서울 아 54727 | 등록일 : 2023-03-07 | 발행인 : 홍길동", "", "",
       DateLabel::kNone},
      {"대표전화 02-123-4567 | 발행일 : 2019-01-02", "", "", DateLabel::kNone},
      {"입력 2023.02.30 10:00", "", "", DateLabel::kNone},
      {"입력 1985.03.02 10:00", "", "", DateLabel::kNone},
      {"문의 010-2023-0515", "", "", DateLabel::kNone},
      {"Revenue rose 2,023.5 percent", "", "", DateLabel::kNone},
      {"Last updated June 3, 2024", "2024-06-03", "", DateLabel::kUpdated},
      {"In 2023 it grew", "", "", DateLabel::kNone},
  };
  for (const FindCase& c : kCases) {
    SCOPED_TRACE(std::string(c.input));
    std::optional<FoundDate> found = FindPublishedDate(c.input);
    if (c.date.empty()) {
      EXPECT_FALSE(found.has_value()) << found->date;
      continue;
    }
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->date, c.date);
    EXPECT_EQ(found->time, c.time);
    EXPECT_EQ(static_cast<int>(found->label), static_cast<int>(c.label));
  }
}

TEST(FindPublishedDateTest, SpanCoversLabelAndDate) {
  const std::string text = "홍길동 기자 입력 2024.06.23 09:12 댓글 0";
  std::optional<FoundDate> found = FindPublishedDate(text);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(text.substr(found->begin, found->end - found->begin), "입력 2024.06.23 09:12");
}

TEST(FindPublishedDateTest, LeapDayOnlyInLeapYears) {
  EXPECT_TRUE(FindPublishedDate("입력 2024.02.29").has_value());
  EXPECT_FALSE(FindPublishedDate("입력 2023.02.29").has_value());
  EXPECT_TRUE(FindPublishedDate("입력 2000.02.29").has_value());
  EXPECT_FALSE(FindPublishedDate("입력 2100.02.29").has_value());
}

TEST(FindPublishedDateTest, EveryParsedDateIsFoundInside) {
  // A date ParseDate accepts is also found when embedded in a sentence.
  for (std::string_view s : {"2023.05.15 10:11:28", "October 18, 2024", "18 October 2024",
                             "2023년 5월 15일 오후 3:05", "2023/05/15"}) {
    SCOPED_TRACE(std::string(s));
    std::optional<FoundDate> parsed = ParseDate(s);
    ASSERT_TRUE(parsed.has_value());
    std::optional<FoundDate> found = FindPublishedDate("Printed " + std::string(s) + " here");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->date, parsed->date);
    EXPECT_EQ(found->time, parsed->time);
  }
}

}  // namespace
}  // namespace tg::text
