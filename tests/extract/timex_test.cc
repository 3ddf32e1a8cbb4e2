#include "extract/timex.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "extract/timex_calendar.h"
#include "testing/paths.h"

namespace tg::extract {
namespace {

constexpr TimeAnchor kAbs = TimeAnchor::kAbsolute;
constexpr TimeAnchor kPub = TimeAnchor::kPublication;
constexpr TimeAnchor kEvt = TimeAnchor::kEvent;
constexpr TimeAnchor kDur = TimeAnchor::kDuration;

struct Case {
  std::string_view text;
  std::string_view span;  // the one expression the text holds
  TimeAnchor anchor;
  std::string_view iso;  // TimeExpression::Iso()
  std::string_view range_end = {};
  int offset_days = 0;
  int duration_days = 0;
  int duration_months = 0;
  bool approximate = false;
  bool local_time = false;
};

std::string IsoOf(const CivilDate& date) {
  TimeExpression e;
  e.value = date;
  return e.Iso();
}

const char* AnchorName(TimeAnchor a) {
  switch (a) {
    case TimeAnchor::kAbsolute:
      return "absolute";
    case TimeAnchor::kPublication:
      return "publication";
    case TimeAnchor::kEvent:
      return "event";
    case TimeAnchor::kDuration:
      return "duration";
  }
  return "?";
}

void CheckCases(const std::vector<Case>& cases, const CivilDate& published) {
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    const std::vector<TimeExpression> found = FindTimeExpressions(c.text, published);
    ASSERT_EQ(found.size(), 1u) << (found.empty()
                                        ? std::string("none")
                                        : std::string(c.text.substr(
                                              found[0].begin, found[0].end - found[0].begin)));
    const TimeExpression& e = found[0];
    ASSERT_LE(e.end, c.text.size());
    EXPECT_EQ(c.text.substr(e.begin, e.end - e.begin), c.span);
    EXPECT_STREQ(AnchorName(e.anchor), AnchorName(c.anchor));
    EXPECT_EQ(e.Iso(), c.iso);
    EXPECT_EQ(IsoOf(e.range_end), c.range_end);
    EXPECT_EQ(e.offset_days, c.offset_days);
    EXPECT_EQ(e.duration_days, c.duration_days);
    EXPECT_EQ(e.duration_months, c.duration_months);
    EXPECT_EQ(e.approximate, c.approximate);
    EXPECT_EQ(e.local_time, c.local_time);
  }
}

// Thursday, June 13, 2024.
constexpr CivilDate kPublished{2024, 6, 13};

std::vector<Case> EnglishCases() {
  return {
      {"The deal was signed on June 11, 2024, in Seoul.", "June 11, 2024", kAbs, "2024-06-11"},
      {"They met June 11 in Seoul.", "June 11", kPub, "2024-06-11"},
      {"They met on 11 June in Seoul.", "11 June", kPub, "2024-06-11"},
      {"They met on 11 June 2023 in Seoul.", "11 June 2023", kAbs, "2023-06-11"},
      {"Talks resumed Oct. 18 in Busan.", "Oct. 18", kPub, "2024-10-18"},
      {"He arrived Sept. 3 with his team.", "Sept. 3", kPub, "2024-09-03"},
      {"He arrived Jan. 3 with his team.", "Jan. 3", kPub, "2024-01-03"},
      {"Filed 2024-06-11 with regulators.", "2024-06-11", kAbs, "2024-06-11"},
      {"The 2024-06 figures were weak.", "2024-06", kAbs, "2024-06"},
      {"At the 6/11 meeting, they agreed.", "6/11", kPub, "2024-06-11"},
      {"Sales rose in April.", "April", kPub, "2024-04"},
      {"Sales rose in April 2023.", "April 2023", kAbs, "2023-04"},
      {"The company was founded in 2018.", "2018", kAbs, "2018"},
      {"The plant opened in December.", "December", kPub, "2024-12"},
      {"Sales rose in May.", "May", kPub, "2024-05"},
      {"He met the CEO on Tuesday.", "Tuesday", kPub, "2024-06-11"},
      {"He met the CEO Tuesday (US time).",
       "Tuesday (US time)",
       kPub,
       "2024-06-11",
       {},
       0,
       0,
       0,
       false,
       true},
      {"He met the CEO Tuesday (local time).",
       "Tuesday (local time)",
       kPub,
       "2024-06-11",
       {},
       0,
       0,
       0,
       false,
       true},
      {"He met the CEO last Tuesday.", "last Tuesday", kPub, "2024-06-11"},
      {"He met the CEO last Thursday.", "last Thursday", kPub, "2024-06-06"},
      {"They will meet next Tuesday.", "next Tuesday", kPub, "2024-06-18"},
      {"They will meet on Friday.", "Friday", kPub, "2024-06-14"},
      {"They met on Friday.", "Friday", kPub, "2024-06-07"},
      {"He spoke on Thursday.", "Thursday", kPub, "2024-06-13"},
      {"He spoke on Wednesday night.", "Wednesday night", kPub, "2024-06-12"},
      {"Shares fell this week.", "this week", kPub, "2024-06-10", "2024-06-16", 0, 0, 0, true},
      {"Shares fell last week.", "last week", kPub, "2024-06-03", "2024-06-09", 0, 0, 0, true},
      {"Shares may fall next week.", "next week", kPub, "2024-06-17", "2024-06-23", 0, 0, 0, true},
      {"He visited earlier this month.", "earlier this month", kPub, "2024-06", {}, 0, 0, 0, true},
      {"He will visit later this month.", "later this month", kPub, "2024-06", {}, 0, 0, 0, true},
      {"He visited this month.", "this month", kPub, "2024-06"},
      {"He visited last month.", "last month", kPub, "2024-05"},
      {"He will visit next month.", "next month", kPub, "2024-07"},
      {"It ships by the end of this month.",
       "the end of this month",
       kPub,
       "2024-06",
       {},
       0,
       0,
       0,
       true},
      {"It ships by the end of the year.", "the end of the year", kPub, "2024", {}, 0, 0, 0, true},
      {"It ships in early June.", "early June", kPub, "2024-06", {}, 0, 0, 0, true},
      {"It ships in mid-July.", "mid-July", kPub, "2024-07", {}, 0, 0, 0, true},
      {"It shipped in late 2023.", "late 2023", kAbs, "2023", {}, 0, 0, 0, true},
      {"He arrived yesterday.", "yesterday", kPub, "2024-06-12"},
      {"He arrives today.", "today", kPub, "2024-06-13"},
      {"He arrives tomorrow.", "tomorrow", kPub, "2024-06-14"},
      {"He arrived last night.", "last night", kPub, "2024-06-12"},
      {"He arrived on the 10th.", "the 10th", kPub, "2024-06-10"},
      {"He arrived on the 20th, officials said.", "the 20th", kPub, "2024-05-20"},
      {"They met the 12th and signed.", "the 12th", kPub, "2024-06-12"},
      {"They will meet on the 20th.", "the 20th", kPub, "2024-06-20"},
      {"They met on the 10th of June.", "the 10th of June", kPub, "2024-06-10"},
      {"They met again the following day.", "the following day", kEvt, "", {}, 1},
      {"They met again the next day.", "the next day", kEvt, "", {}, 1},
      {"They met the day before.", "the day before", kEvt, "", {}, -1},
      {"They met a day later.", "a day later", kEvt, "", {}, 1},
      {"They met two days later.", "two days later", kEvt, "", {}, 2},
      {"They met a week earlier.", "a week earlier", kEvt, "", {}, -7},
      {"He began a four-day visit.", "four-day", kDur, "", {}, 0, 4},
      {"He stayed for four days.", "four days", kDur, "", {}, 0, 4},
      {"He stayed for two weeks.", "two weeks", kDur, "", {}, 0, 14},
      {"He began a two-week business trip.", "two-week", kDur, "", {}, 0, 14},
      {"He began a 22-day tour.", "22-day", kDur, "", {}, 0, 22},
      {"He began a 10-day trip.", "10-day", kDur, "", {}, 0, 10},
      {"He quit two months after the merger.", "two months after", kDur, "", {}, 0, 0, 2},
      {"He quit three years later.", "three years later", kDur, "", {}, 0, 0, 36},
      {"The show runs Aug. 18-22 in Las Vegas.", "Aug. 18-22", kPub, "2024-08-18", "2024-08-22"},
      {"The show runs from June 17 to 20 in Seoul.", "June 17 to 20", kPub, "2024-06-17",
       "2024-06-20"},
      {"The show runs June 30-July 2 in Seoul.", "June 30-July 2", kPub, "2024-06-30",
       "2024-07-02"},
      {"The show ran 18-22 August 2023 in Berlin.", "18-22 August 2023", kAbs, "2023-08-18",
       "2023-08-22"},
      {"He left three days ago.", "three days ago", kPub, "2024-06-10"},
      {"He left two weeks ago.", "two weeks ago", kPub, "2024-05-30", {}, 0, 0, 0, true},
      {"Sales fell last year.", "last year", kPub, "2023"},
      {"Sales rise this year.", "this year", kPub, "2024"},
      {"Sales rise next year.", "next year", kPub, "2025"},
      {"They met Tuesday, June 11, 2024, in Seoul.", "Tuesday, June 11, 2024", kAbs, "2024-06-11"},
      {"They met last June in Seoul.", "last June", kPub, "2023-06"},
      {"They will meet next June in Seoul.", "next June", kPub, "2024-06"},
      {"Shares were issued Feb. 29, 2024.", "Feb. 29, 2024", kAbs, "2024-02-29"},
      {"Sales rise in fiscal 2025.", "2025", kAbs, "2025"},
      {"They met this Tuesday.", "this Tuesday", kPub, "2024-06-11"},
      {"They will meet this Saturday.", "this Saturday", kPub, "2024-06-15"},
      {"They met on Monday, June 10.", "Monday, June 10", kPub, "2024-06-10"},
      {"The event is set for June 20th.", "June 20th", kPub, "2024-06-20"},
      {"The offer expires Dec. 31, 2024.", "Dec. 31, 2024", kAbs, "2024-12-31"},
      {"He met her on the 1st.", "the 1st", kPub, "2024-06-01"},
      {"They met 2024/06/11 in Seoul.", "2024/06/11", kAbs, "2024-06-11"},
      {"It closed by the end of 2023.", "the end of 2023", kAbs, "2023", {}, 0, 0, 0, true},
      {"They met again the same day.", "the same day", kEvt, "", {}, 0},
      {"The talks ended the previous day.", "the previous day", kEvt, "", {}, -1},
      {"Sales fell a year ago.", "a year ago", kPub, "2023", {}, 0, 0, 0, true},
      {"He left a month ago.", "a month ago", kPub, "2024-05", {}, 0, 0, 0, true},
      {"He worked there for 10 years.", "10 years", kDur, "", {}, 0, 0, 120},
      {"The merger closed in early 2024.", "early 2024", kAbs, "2024", {}, 0, 0, 0, true},
      {"They will meet later this week.", "later this week", kPub, "2024-06-10", "2024-06-16", 0, 0,
       0, true},
      {"Profits rose in mid-2023.", "mid-2023", kAbs, "2023", {}, 0, 0, 0, true},
      {"Shares rose this morning.", "this morning", kPub, "2024-06-13"},
      {"The visit began Sunday.", "Sunday", kPub, "2024-06-09"},
      {"They met between June 17 and 20.", "June 17 and 20", kPub, "2024-06-17", "2024-06-20"},
      {"They met on 10th June.", "10th June", kPub, "2024-06-10"},
      {"The fair runs to the end of next month.",
       "the end of next month",
       kPub,
       "2024-07",
       {},
       0,
       0,
       0,
       true},
      {"He visited Seoul this weekend.", "this weekend", kPub, "2024-06-15", "2024-06-16", 0, 0, 0,
       true},
  };
}

TEST(TimexTest, EnglishWithPublicationDate) { CheckCases(EnglishCases(), kPublished); }

std::vector<Case> KoreanCases() {
  return {
      {"삼성전자는 2024년 6월 11일 발표했다.", "2024년 6월 11일", kAbs, "2024-06-11"},
      {"두 사람은 6월 11일 서울에서 만났다.", "6월 11일", kPub, "2024-06-11"},
      {"두 사람은 지난 11일(현지시간) 만났다.",
       "지난 11일(현지시간)",
       kPub,
       "2024-06-11",
       {},
       0,
       0,
       0,
       false,
       true},
      {"회사는 13일 밝혔다.", "13일", kPub, "2024-06-13"},
      {"회사는 12일(한국시간) 발표했다.", "12일(한국시간)", kPub, "2024-06-12"},
      {"He spoke Tuesday (KST) in Seoul.", "Tuesday (KST)", kPub, "2024-06-11"},
      {"회사는 11일(화) 밝혔다.", "11일(화)", kPub, "2024-06-11"},
      {"이 회장은 오는 20일 미국을 방문한다.", "오는 20일", kPub, "2024-06-20"},
      {"이 회장은 20일 미국을 방문할 예정이다.", "20일", kPub, "2024-06-20"},
      {"지난 28일 열린 회의에서 합의했다.", "지난 28일", kPub, "2024-05-28"},
      {"2023년 매출이 늘었다.", "2023년", kAbs, "2023"},
      {"지난해 10월 합의했다.", "지난해 10월", kPub, "2023-10"},
      {"올해 3월 합의했다.", "올해 3월", kPub, "2024-03"},
      {"내년 1월 출시한다.", "내년 1월", kPub, "2025-01"},
      {"지난해 10월 5일 합의했다.", "지난해 10월 5일", kPub, "2023-10-05"},
      {"이달 초 합의했다.", "이달 초", kPub, "2024-06", {}, 0, 0, 0, true},
      {"이달 말까지 합의한다.", "이달 말", kPub, "2024-06", {}, 0, 0, 0, true},
      {"이달 중순 합의했다.", "이달 중순", kPub, "2024-06", {}, 0, 0, 0, true},
      {"지난달 합의했다.", "지난달", kPub, "2024-05"},
      {"지난달 28일 합의했다.", "지난달 28일", kPub, "2024-05-28"},
      {"다음 달 출시한다.", "다음 달", kPub, "2024-07"},
      {"지난주 합의했다.", "지난주", kPub, "2024-06-03", "2024-06-09", 0, 0, 0, true},
      {"이번 주 합의한다.", "이번 주", kPub, "2024-06-10", "2024-06-16", 0, 0, 0, true},
      {"다음 주 합의한다.", "다음 주", kPub, "2024-06-17", "2024-06-23", 0, 0, 0, true},
      {"어제 합의했다.", "어제", kPub, "2024-06-12"},
      {"오늘 합의했다.", "오늘", kPub, "2024-06-13"},
      {"내일 합의한다.", "내일", kPub, "2024-06-14"},
      {"올해 매출이 늘었다.", "올해", kPub, "2024"},
      {"지난해 매출이 늘었다.", "지난해", kPub, "2023"},
      {"작년 매출이 늘었다.", "작년", kPub, "2023"},
      {"내년 매출이 늘 것이다.", "내년", kPub, "2025"},
      {"두 사람은 화요일 만났다.", "화요일", kPub, "2024-06-11"},
      {"두 사람은 (현지시간) 화요일 만났다.",
       "(현지시간) 화요일",
       kPub,
       "2024-06-11",
       {},
       0,
       0,
       0,
       false,
       true},
      {"두 사람은 이튿날 다시 만났다.", "이튿날", kEvt, "", {}, 1},
      {"두 사람은 다음 날 다시 만났다.", "다음 날", kEvt, "", {}, 1},
      {"두 사람은 전날 만났다.", "전날", kEvt, "", {}, -1},
      {"두 사람은 하루 전 만났다.", "하루 전", kEvt, "", {}, -1},
      {"두 사람은 사흘 뒤 만났다.", "사흘 뒤", kEvt, "", {}, 3},
      {"두 사람은 3일 뒤 만났다.", "3일 뒤", kEvt, "", {}, 3},
      {"그는 나흘간 머물렀다.", "나흘간", kDur, "", {}, 0, 4},
      {"그는 사흘간 머물렀다.", "사흘간", kDur, "", {}, 0, 3},
      {"그는 2주간 머물렀다.", "2주간", kDur, "", {}, 0, 14},
      {"그는 열흘간 머물렀다.", "열흘간", kDur, "", {}, 0, 10},
      {"그는 22일간 머물렀다.", "22일간", kDur, "", {}, 0, 22},
      {"그는 나흘 동안 머물렀다.", "나흘 동안", kDur, "", {}, 0, 4},
      {"그는 2개월 만에 방한했다.", "2개월 만에", kDur, "2024-04", {}, 0, 0, 2, true},
      {"그는 4개월 만으로 방한했다.", "4개월 만으로", kDur, "2024-02", {}, 0, 0, 4, true},
      {"7개월 만이다.", "7개월 만", kDur, "2023-11", {}, 0, 0, 7, true},
      {"8개월 만의 방한이다.", "8개월 만", kDur, "2023-10", {}, 0, 0, 8, true},
      {"그는 3년 만에 방한했다.", "3년 만에", kDur, "2021", {}, 0, 0, 36, true},
      {"그는 오는 17일부터 나흘간 방문한다.", "오는 17일부터 나흘간", kPub, "2024-06-17",
       "2024-06-20", 0, 4},
      {"그는 10일부터 나흘간 방문했다.", "10일부터 나흘간", kPub, "2024-06-10", "2024-06-13", 0, 4},
      {"행사는 10일-24일 열린다.", "10일-24일", kPub, "2024-06-10", "2024-06-24"},
      {"행사는 11~12일 열렸다.", "11~12일", kPub, "2024-06-11", "2024-06-12"},
      {"행사는 6월 11~12일 열렸다.", "6월 11~12일", kPub, "2024-06-11", "2024-06-12"},
      {"행사는 10일부터 12일까지 열렸다.", "10일부터 12일", kPub, "2024-06-10", "2024-06-12"},
      {"지난 3월 합의했다.", "지난 3월", kPub, "2024-03"},
      {"오는 3월 출시한다.", "오는 3월", kPub, "2025-03"},
      {"6월 말 출시한다.", "6월 말", kPub, "2024-06", {}, 0, 0, 0, true},
      {"지난 2020년 합의했다.", "지난 2020년", kAbs, "2020"},
      {"이날 합의했다.", "이날", kEvt, "", {}, 0},
      {"2024.06.11 합의했다.", "2024.06.11", kAbs, "2024-06-11"},
      {"지난해 말 합의했다.", "지난해 말", kPub, "2023", {}, 0, 0, 0, true},
      {"행사는 6월11일 열렸다.", "6월11일", kPub, "2024-06-11"},
      {"2024년 6월 실적이 좋았다.", "2024년 6월", kAbs, "2024-06"},
      {"올해 상반기 실적이 좋았다.", "올해 상반기", kPub, "2024", {}, 0, 0, 0, true},
      {"내년 하반기 출시한다.", "내년 하반기", kPub, "2025", {}, 0, 0, 0, true},
      {"연말 출시한다.", "연말", kPub, "2024", {}, 0, 0, 0, true},
      {"다음 달 1일 출시한다.", "다음 달 1일", kPub, "2024-07-01"},
      {"이달 20일 출시한다.", "이달 20일", kPub, "2024-06-20"},
      {"지난 2~3일 열렸다.", "지난 2~3일", kPub, "2024-06-02", "2024-06-03"},
      {"그는 지난 10년간 일했다.", "지난 10년간", kDur, "", {}, 0, 0, 120},
      {"그는 이틀 만에 귀국했다.", "이틀 만에", kDur, "2024-06-11", {}, 0, 2, 0, true},
      {"오는 주말 만난다.", "오는 주말", kPub, "2024-06-15", "2024-06-16", 0, 0, 0, true},
      {"이번 주말 만난다.", "이번 주말", kPub, "2024-06-15", "2024-06-16", 0, 0, 0, true},
      {"지난 화요일 만났다.", "지난 화요일", kPub, "2024-06-11"},
      {"오는 화요일 만난다.", "오는 화요일", kPub, "2024-06-18"},
      {"같은 날 만났다.", "같은 날", kEvt, "", {}, 0},
      {"3주 만에 재개됐다.", "3주 만에", kDur, "2024-05-23", {}, 0, 21, 0, true},
      {"2주 뒤 다시 만났다.", "2주 뒤", kEvt, "", {}, 14},
      {"그는 닷새째 머물렀다.", "닷새째", kDur, "", {}, 0, 5},
      {"모레 출시한다.", "모레", kPub, "2024-06-15"},
      {"그제 출시했다.", "그제", kPub, "2024-06-11"},
      {"6월께 출시한다.", "6월께", kPub, "2024-06", {}, 0, 0, 0, true},
      {"지난 2월 29일 합의했다.", "지난 2월 29일", kPub, "2024-02-29"},
      {"2024. 6. 11. 합의했다.", "2024. 6. 11", kAbs, "2024-06-11"},
      {"13일 오후 합의했다.", "13일", kPub, "2024-06-13"},
      {"오는 6월 30일~7월 2일 열린다.", "오는 6월 30일~7월 2일", kPub, "2024-06-30", "2024-07-02"},
      {"지난해 11월 이후 처음이다.", "지난해 11월", kPub, "2023-11"},
      {"지난 주말 합의했다.", "지난 주말", kPub, "2024-06-08", "2024-06-09", 0, 0, 0, true},
  };
}

TEST(TimexTest, KoreanWithPublicationDate) { CheckCases(KoreanCases(), kPublished); }

// The same tables without a publication date: spans and anchors stay, text-
// given values stay, and resolved values shrink to what the text says (a
// year-less month or day, or nothing) -- never a guessed year.
TEST(TimexTest, TablesWithoutPublicationDateKeepOnlyWhatIsCertain) {
  std::vector<Case> cases = EnglishCases();
  for (const Case& c : KoreanCases()) cases.push_back(c);
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    const auto found = FindTimeExpressions(c.text, CivilDate{});
    ASSERT_EQ(found.size(), 1u);
    const TimeExpression& e = found[0];
    EXPECT_EQ(c.text.substr(e.begin, e.end - e.begin), c.span);
    EXPECT_STREQ(AnchorName(e.anchor), AnchorName(c.anchor));
    EXPECT_EQ(e.offset_days, c.offset_days);
    EXPECT_EQ(e.duration_days, c.duration_days);
    EXPECT_EQ(e.duration_months, c.duration_months);
    EXPECT_EQ(e.local_time, c.local_time);
    const std::string iso = e.Iso();
    if (c.anchor == TimeAnchor::kAbsolute) {
      EXPECT_EQ(iso, c.iso);
    } else if (!iso.empty()) {
      // "--06-11" for "2024-06-11", "--10" for "2023-10".
      ASSERT_EQ(iso.substr(0, 2), "--");
      ASSERT_GE(c.iso.size(), iso.size());
      EXPECT_EQ(c.iso.substr(c.iso.size() - (iso.size() - 1)), iso.substr(1));
    }
  }
}

TEST(TimexTest, WithoutPublicationDate) {
  const std::vector<Case> cases = {
      {"The deal was signed on June 11, 2024, in Seoul.", "June 11, 2024", kAbs, "2024-06-11"},
      {"They met June 11 in Seoul.", "June 11", kPub, "--06-11"},
      {"Sales rose in April.", "April", kPub, "--04"},
      {"The show runs Aug. 18-22 in Las Vegas.", "Aug. 18-22", kPub, "--08-18", "--08-22"},
      {"At the 6/11 meeting, they agreed.", "6/11", kPub, "--06-11"},
      {"Shares were issued Feb. 29 last time.", "Feb. 29", kPub, "--02-29"},
      {"He met the CEO on Tuesday.", "Tuesday", kPub, ""},
      {"He met the CEO Tuesday (US time).",
       "Tuesday (US time)",
       kPub,
       "",
       {},
       0,
       0,
       0,
       false,
       true},
      {"He arrived yesterday.", "yesterday", kPub, ""},
      {"He arrived on the 10th.", "the 10th", kPub, ""},
      {"Shares fell last week.", "last week", kPub, "", {}, 0, 0, 0, true},
      {"Sales fell last year.", "last year", kPub, ""},
      {"They met again the following day.", "the following day", kEvt, "", {}, 1},
      {"He began a four-day visit.", "four-day", kDur, "", {}, 0, 4},
      {"The company was founded in 2018.", "2018", kAbs, "2018"},
      {"두 사람은 6월 11일 서울에서 만났다.", "6월 11일", kPub, "--06-11"},
      {"두 사람은 지난 11일(현지시간) 만났다.",
       "지난 11일(현지시간)",
       kPub,
       "",
       {},
       0,
       0,
       0,
       false,
       true},
      {"지난해 10월 합의했다.", "지난해 10월", kPub, "--10"},
      {"2023년 매출이 늘었다.", "2023년", kAbs, "2023"},
      {"두 사람은 이튿날 다시 만났다.", "이튿날", kEvt, "", {}, 1},
      {"그는 2개월 만에 방한했다.", "2개월 만에", kDur, "", {}, 0, 0, 2, true},
      {"이번 주 합의한다.", "이번 주", kPub, "", {}, 0, 0, 0, true},
      {"이달 말까지 합의한다.", "이달 말", kPub, "", {}, 0, 0, 0, true},
      {"두 사람은 화요일 만났다.", "화요일", kPub, ""},
      {"그는 10일부터 나흘간 방문했다.", "10일부터 나흘간", kPub, "", "", 0, 4},
  };
  CheckCases(cases, CivilDate{});
}

TEST(TimexTest, BareDayKeepsTheDayWithoutPublication) {
  const auto found = FindTimeExpressions("지난 11일 만났다.", CivilDate{});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].value.valid());
  EXPECT_EQ(found[0].value.day, 11);
  EXPECT_EQ(found[0].anchor, TimeAnchor::kPublication);
}

TEST(TimexTest, MonthAndYearRollover) {
  // Published Saturday, March 2, 2024 (leap year).
  CheckCases({{"지난 28일 합의했다.", "지난 28일", kPub, "2024-02-28"},
              {"지난 29일 합의했다.", "지난 29일", kPub, "2024-02-29"},
              {"지난 30일 합의했다.", "지난 30일", kPub, "2024-01-30"},
              {"He arrived on the 31st.", "the 31st", kPub, "2024-01-31"},
              {"He arrived yesterday.", "yesterday", kPub, "2024-03-01"},
              {"He arrived three days ago.", "three days ago", kPub, "2024-02-28"}},
             CivilDate{2024, 3, 2});
  // Published March 1, 2023 (common year).
  CheckCases({{"He arrived yesterday.", "yesterday", kPub, "2023-02-28"},
              {"He arrived on the 29th.", "the 29th", kPub, "2023-01-29"},
              {"Shares were issued Feb. 29 last time.", "Feb. 29", kPub, "--02-29"}},
             CivilDate{2023, 3, 1});
  // Published Friday, January 5, 2024: past-tense news means the December just gone.
  CheckCases(
      {{"The plant opened in December.", "December", kPub, "2023-12"},
       {"They met December 28 in Seoul.", "December 28", kPub, "2023-12-28"},
       {"Shares fell last week.", "last week", kPub, "2023-12-25", "2023-12-31", 0, 0, 0, true},
       {"지난달 합의했다.", "지난달", kPub, "2023-12"},
       {"지난 30일 합의했다.", "지난 30일", kPub, "2023-12-30"},
       {"He will visit in April.", "April", kPub, "2024-04"},
       {"The plant opened in August.", "August", kPub, "2023-08"},
       {"He met the CEO on Tuesday.", "Tuesday", kPub, "2024-01-02"},
       {"He met the CEO on Saturday.", "Saturday", kPub, "2023-12-30"}},
      CivilDate{2024, 1, 5});
  // Published December 20, 2024: a January date is the coming one.
  CheckCases({{"CES opens Jan. 7 in Las Vegas.", "Jan. 7", kPub, "2025-01-07"},
              {"He will visit next month.", "next month", kPub, "2025-01"},
              {"내년 1월 출시한다.", "내년 1월", kPub, "2025-01"},
              {"오는 5일 출시한다.", "오는 5일", kPub, "2025-01-05"},
              {"The plant opened in March.", "March", kPub, "2024-03"}},
             CivilDate{2024, 12, 20});
}

TEST(TimexTest, NonDatesAreIgnored) {
  const std::string_view texts[] = {
      "Revenue rose 3/4 of a point.",
      "The 1,000 employees may join.",
      "He was the 12th person to join.",
      "Call 2024-555-1234 now.",
      "She will march on.",
      "Jan Koum founded the firm.",
      "최근 매출이 늘었다.",
      "오늘날 기업들은 변했다.",
      "하루아침에 바뀌었다.",
      "창립 2주년을 맞았다.",
      "1990년대 기업들이 성장했다.",
      "He is 20 years old.",
      "They grew 2.5 days faster.",
      "The 2023-24 season ended.",
      "하루 평균 매출이 늘었다.",
      "Sales hit $5 billion a year.",
      "그는 주주총회에서 말했다.",
      "The 34-year-old engineer joined.",
  };
  for (std::string_view text : texts) {
    const auto found = FindTimeExpressions(text, kPublished);
    EXPECT_TRUE(found.empty()) << text << " -> "
                               << (found.empty() ? ""
                                                 : text.substr(found[0].begin,
                                                               found[0].end - found[0].begin));
  }
}

TEST(TimexTest, SeveralExpressionsInOrderWithExactSpans) {
  const std::string text =
      "SEOUL — Samsung Chairman Lee Jae-yong met Nvidia CEO Jensen Huang on Tuesday (US time) "
      "in Santa Clara, two days after arriving for a 10-day trip. They met again the following "
      "day. 이재용 회장은 지난 11일(현지시간) 젠슨 황 CEO를 만났고, 이튿날 다시 만났다. 이 회장은 "
      "17일부터 나흘간 유럽을 방문할 예정이다.";
  const auto found = FindTimeExpressions(text, kPublished);
  std::vector<std::string> spans;
  for (const auto& e : found) spans.emplace_back(text.substr(e.begin, e.end - e.begin));
  const std::vector<std::string> expected = {"Tuesday (US time)", "two days after",      "10-day",
                                             "the following day", "지난 11일(현지시간)", "이튿날",
                                             "17일부터 나흘간"};
  EXPECT_EQ(spans, expected);
  ASSERT_EQ(found.size(), expected.size());
  // The future cue ("예정") moves the 17th after publication.
  EXPECT_EQ(found.back().Iso(), "2024-06-17");
  EXPECT_EQ(IsoOf(found.back().range_end), "2024-06-20");
}

TEST(TimexTest, CalendarArithmetic) {
  EXPECT_EQ(DayNumber({1970, 1, 1}), 0);
  EXPECT_EQ(DayNumber({2000, 3, 1}), 11017);
  EXPECT_EQ(WeekdayOfDayNumber(DayNumber({2024, 6, 13})), 3);   // Thursday
  EXPECT_EQ(WeekdayOfDayNumber(DayNumber({1969, 12, 31})), 2);  // Wednesday
  // Round trip over 1900..2100 against a day-by-day walk.
  CivilDate d{1900, 1, 1};
  int64_t n = DayNumber(d);
  for (int k = 0; k < 201 * 366; ++k, ++n) {
    const CivilDate back = DateOfDayNumber(n);
    ASSERT_EQ(back.year, d.year) << n;
    ASSERT_EQ(back.month, d.month) << n;
    ASSERT_EQ(back.day, d.day) << n;
    ASSERT_EQ(DayNumber(d), n);
    if (++d.day > DaysInMonth(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) {
        d.month = 1;
        ++d.year;
      }
    }
  }
  EXPECT_EQ(IsoOf(AddMonths({2024, 1, 31}, 1)), "2024-02-29");
  EXPECT_EQ(IsoOf(AddMonths({2024, 1, 0}, -1)), "2023-12");
  EXPECT_EQ(IsoOf(AddMonths({0, 12, 0}, 1)), "");
  EXPECT_FALSE(IsCompleteDate({2023, 2, 29}));
  EXPECT_TRUE(IsCompleteDate({2000, 2, 29}));
  EXPECT_FALSE(IsCompleteDate({1900, 2, 29}));
}

TEST(TimexTest, IsoForms) {
  TimeExpression e;
  EXPECT_EQ(e.Iso(), "");
  e.value = {2024, 6, 11};
  EXPECT_EQ(e.Iso(), "2024-06-11");
  e.value = {2024, 6, 0};
  EXPECT_EQ(e.Iso(), "2024-06");
  e.value = {2024, 0, 0};
  EXPECT_EQ(e.Iso(), "2024");
  e.value = {0, 6, 11};
  EXPECT_EQ(e.Iso(), "--06-11");
  e.value = {0, 6, 0};
  EXPECT_EQ(e.Iso(), "--06");
  e.value = {0, 0, 11};
  EXPECT_EQ(e.Iso(), "");
}

// Spans of every expression on real pages are ordered, disjoint, on UTF-8
// boundaries, and what they cover contains a digit or a known time word.
TEST(TimexTest, DevCorpusSpansAreWellFormed) {
  const std::filesystem::path dir = testing::DevCorpusDir() / "docs";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no dev corpus at " << dir;
  size_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const auto found = FindTimeExpressions(text, kPublished);
    uint32_t last_end = 0;
    for (const auto& e : found) {
      ASSERT_LT(e.begin, e.end) << entry.path();
      ASSERT_LE(e.end, text.size());
      ASSERT_GE(e.begin, last_end);
      last_end = e.end;
      const std::string_view span(text.data() + e.begin, e.end - e.begin);
      EXPECT_TRUE(IsValidUtf8(span)) << entry.path() << ": " << span;
      if (e.anchor != TimeAnchor::kEvent && e.anchor != TimeAnchor::kDuration && !e.approximate &&
          e.value.valid()) {
        EXPECT_NE(e.Iso(), "") << span;
      }
    }
    total += found.size();
  }
  EXPECT_GT(total, 100u);
}

TEST(TimexTest, RandomBytesDoNotBreakSpans) {
  std::mt19937 rng(7);
  const std::string_view pieces[] = {
      "June ", "11", "일", "지난 ", "-", "~",    "(",    ")",    " ",    "the ", "10th", "Oct.",
      "2024",  "년", "월", "/",     ",", "\xEA", "만에", "부터", "나흘", "day",  "s",    "later"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) text += pieces[rng() % std::size(pieces)];
    const auto found = FindTimeExpressions(text, kPublished);
    uint32_t last_end = 0;
    for (const auto& e : found) {
      ASSERT_LT(e.begin, e.end) << text;
      ASSERT_LE(e.end, text.size()) << text;
      ASSERT_GE(e.begin, last_end) << text;
      last_end = e.end;
    }
  }
}

// Throughput on a mix of English and Korean news text; the scanner sees every
// byte of every document, so it must stay well above the entity layer's rate.
TEST(TimexTest, ThroughputFloor) {
  std::string unit =
      "Samsung Electronics said on Tuesday that Chairman Lee Jae-yong met Nvidia CEO Jensen "
      "Huang in Santa Clara, California, two days after arriving for a 10-day business trip, "
      "and that the two would meet again next month. Shares rose 2.5% to 81,000 won. "
      "이재용 삼성전자 회장은 지난 11일(현지시간) 미국 캘리포니아주 산타클라라에서 젠슨 황 "
      "엔비디아 최고경영자(CEO)를 만나 인공지능 반도체 협력 방안을 논의했다고 13일 밝혔다. "
      "회사 관계자는 \"양사는 긴밀히 협력하고 있다\"고 말했다.\n";
  std::string text;
  while (text.size() < (8u << 20)) text += unit;
  const auto start = std::chrono::steady_clock::now();
  size_t count = 0;
  for (int k = 0; k < 3; ++k) count += FindTimeExpressions(text, kPublished).size();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb_per_s = 3.0 * static_cast<double>(text.size()) / (1 << 20) / seconds;
  std::printf("timex throughput: %.1f MB/s (%zu expressions)\n", mb_per_s, count);
  EXPECT_GT(count, 0u);
  EXPECT_GT(mb_per_s, 5.0);  // loose floor for shared CI machines; the target is 20 MB/s
}

}  // namespace
}  // namespace tg::extract
