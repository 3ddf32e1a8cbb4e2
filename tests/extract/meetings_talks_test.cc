// Meetings told without a meeting word: talks told by what was discussed or
// signed (both sides must be named), and groups referred back to by their
// size ("the four", 네 사람). The real pipeline over original passages about
// fictional people and companies (fixture in meetings_fixture.h).
#include <gtest/gtest.h>

#include <string>

#include "meetings_fixture.h"

namespace tg::extract {
namespace {

TEST_F(MeetingsTest, KoDiscussionWithBothSidesNamedIsTalks) {
  const std::string text =
      "도재현 한빛물류 회장과 한스 브레너 코르반해운 회장은 11일 서울에서 항만 물류 협력 방안을 "
      "논의했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "도재현 + 한스 브레너 | occurred | 2025-03-11 | Seoul\n");
}

// 양사 (both companies) discussing names no people: no second meeting with
// the person the text is about.
TEST_F(MeetingsTest, KoCompaniesDiscussingAddNoMeeting) {
  const std::string text =
      "도재현 한빛물류 회장은 11일 부산에서 한스 브레너 코르반해운 회장과 만났다. 양사는 "
      "냉동 컨테이너 공동 운영 방안도 함께 논의했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "도재현 + 한스 브레너 | occurred | 2025-03-11 | Busan\n");
}

TEST_F(MeetingsTest, EnSigningByTwoNamedPeopleIsAMeeting) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh and Corvane Shipping Chairman Hugo Brenner signed a "
      "ten-year supply agreement in Busan on Tuesday.\n";
  EXPECT_EQ(Meetings(text, "en"), "Ellen Marsh + Hugo Brenner | occurred | 2025-03-11 | Busan\n");
}

// Companies that sign, with one person quoted, are no meeting of people.
TEST_F(MeetingsTest, EnSigningCompaniesIsNoMeeting) {
  const std::string text =
      "Tavrin Logistics and Corvane Shipping signed a supply agreement on Tuesday, Tavrin CEO "
      "Ellen Marsh said in a statement.\n";
  EXPECT_EQ(Meetings(text, "en"), "");
}

// "네 사람은": the four people the two sentences before it named, though no
// meeting of four was told before.
TEST_F(MeetingsTest, KoGroupOfFourIsTheLastFourNamed) {
  const std::string text =
      "도재현 한빛물류 회장은 11일 부산 해운대의 한 호텔에서 열린 물류 포럼에서 기조연설을 했다. "
      "포럼에는 한스 브레너 코르반해운 회장과 안나 루츠 오르벨화물 사장, 나은서 부산항만공사 사장도 "
      "연사로 나섰다. 네 사람은 포럼이 끝난 뒤 별도로 만나 항만 자동화 방안을 논의했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "나은서 + 도재현 + 안나 루츠 + 한스 브레너 | occurred | 2025-03-11 | Busan\n");
}

// A group whose size does not match the people just named is not resolved
// to some of them.
TEST_F(MeetingsTest, EnGroupOfFourNeedsFourPeople) {
  const std::string text =
      "Ellen Marsh of Tavrin Logistics gave the opening speech at the port forum in Busan on "
      "Tuesday. Hugo Brenner of Corvane Shipping also spoke. The four later met privately.\n";
  EXPECT_EQ(Meetings(text, "en"), "");
}

// Photo captions: a handshake, a group photo and a guided tour are
// encounters; a governor's title glued to the province names a person.
TEST_F(MeetingsTest, KoPhotoCaptionsAreMeetings) {
  const std::string text =
      "도재현 한빛물류 회장(왼쪽)과 유가온 경남도지사가 11일 창원에서 투자협약을 맺은 뒤 악수하고 "
      "있다.\n"
      "한스 브레너 코르반해운 회장(오른쪽)이 10일 부산 신항을 방문해 나은서 부산항만공사 사장의 "
      "안내를 받고 있다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "도재현 + 유가온 | occurred | 2025-03-11 | Changwon\n"
            "나은서 + 한스 브레너 | occurred | 2025-03-10 | Busan\n");
}

// "the ambassador of Norway to Korea": the posting is part of the employer.
TEST_F(MeetingsTest, KoAmbassadorPostingIsNoPartOfTheName) {
  const std::string text =
      "도재현 한빛물류 회장은 11일 서울 한남동에서 잉그리드 솔베리 주한 노르웨이 대사와 만났다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "도재현 + 잉그리드 솔베리 | occurred | 2025-03-11 | Seoul\n");
}

// "세 사람은 각자 발표했다": the three acted each alone, and "없었다" denies
// a meeting of them.
TEST_F(MeetingsTest, KoGroupActingEachAloneIsNoMeeting) {
  const std::string text =
      "11일 부산 물류 포럼에는 도재현 한빛물류 회장, 한스 브레너 코르반해운 회장, 안나 루츠 "
      "오르벨화물 사장이 연사로 나섰다. 세 사람은 각자 발표 후 질문에 답했고, 별도의 회동은 "
      "없었다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "");
}

// Foreign names and companies the particle splitter cut (뒤+랑, 베르크+만):
// the name stays whole and the subject is still found past the title.
TEST_F(MeetingsTest, KoNamesEndingLikeParticles) {
  const std::string text =
      "도재현 한빛물류 회장은 10일 부산에서 안나 루츠 오르벨화물 사장을 만났다. 다니엘 크라우스 "
      "독일 베르크만 회장은 11일 서울에서 나은서 한빛물류 사장과 면담했다. 피에르 뒤랑 오리엔항공 "
      "부사장은 12일 인천에서 도 회장과 회동했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "도재현 + 안나 루츠 | occurred | 2025-03-10 | Busan\n"
            "나은서 + 다니엘 크라우스 | occurred | 2025-03-11 | Seoul\n"
            "도재현 + 피에르 뒤랑 | occurred | 2025-03-12 | Incheon\n");
}

// A meal or meeting noun after a light verb, "with" a few words on; "the
// chairman" is the person last named with that title, not the last speaker.
TEST_F(MeetingsTest, EnHadLunchOnThursdayWithAndTheTitledPerson) {
  const std::string text =
      "Corvane Shipping Chairman Hugo Brenner flew to Hanoi on Monday. He was received by Deputy "
      "Minister Tran Van Loc on Tuesday, and Loc said the talks went well. The group then went to "
      "Ho Chi Minh City, where the chairman had lunch on Thursday with Nguyen Thi Hoa, chief "
      "executive of Saigon Cargo.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Hugo Brenner + Tran Van Loc | occurred | 2025-03-11 | Hanoi\n"
            "Hugo Brenner + Nguyen Thi Hoa | occurred | 2025-03-13 | Ho Chi Minh City\n");
}

// The progressive "is meeting" reports a meeting like "will meet".
TEST_F(MeetingsTest, EnProgressiveIsMeeting) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh said she is meeting Corvane Shipping Chairman Hugo Brenner "
      "in Busan on Monday, March 17.\n";
  EXPECT_EQ(Meetings(text, "en"), "Ellen Marsh + Hugo Brenner | planned | 2025-03-17 | Busan\n");
}

// "hosted the three executives": the group is the three named before, not
// counting the host.
TEST_F(MeetingsTest, EnGroupAsObjectLeavesOutTheSubject) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh, CFO Ana Lutz and COO Kenji Arata arrived in Busan on "
      "Monday. Corvane Shipping Chairman Hugo Brenner hosted the three executives for dinner on "
      "Tuesday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ana Lutz + Ellen Marsh + Hugo Brenner + Kenji Arata | occurred | 2025-03-11 | Busan\n");
}

// An aide who "수행해" (accompanies) the chairman meets with him; a
// delegation's members listed with 포함됐다 join its meeting.
TEST_F(MeetingsTest, KoAidesAndDelegationMembersTakePart) {
  const std::string text =
      "나은서 한빛물류 사장은 도재현 회장을 수행해 10일 부산에서 한스 브레너 코르반해운 회장을 "
      "만났다.\n"
      "도재현 회장이 이끄는 대표단은 11일 함부르크에서 안나 루츠 오르벨화물 사장과 면담했다. "
      "대표단에는 오민석 한빛물류 전무가 포함됐다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "나은서 + 도재현 + 한스 브레너 | occurred | 2025-03-10 | Busan\n"
            "도재현 + 안나 루츠 + 오민석 | occurred | 2025-03-11 | 함부르크\n");
}

}  // namespace
}  // namespace tg::extract
