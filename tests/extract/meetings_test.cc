// Meetings (extract/events.h) found by the real pipeline: the entity layer,
// then ExtractEvents, over short original passages about fictional people and
// companies. Each construction family is covered in English and in Korean.
// A test states every meeting the passage should give, so an extra or missing
// meeting fails it. Tests prefixed DISABLED_ record known extractor gaps.
#include <gtest/gtest.h>

#include <string>

#include "meetings_fixture.h"

namespace tg::extract {
namespace {

// ---------------------------------------------------------------- English

TEST_F(MeetingsTest, EnSubjectMetObject) {
  const std::string text =
      "Corliss Labs CEO Dana Whitlock met Kestrel Motors Chairman Kwon Tae-min in Seoul on "
      "Tuesday. The two discussed a joint battery plant in the south of the country.\n";
  EXPECT_EQ(Meetings(text, "en"), "Dana Whitlock + Kwon Tae-min | occurred | 2025-03-11 | Seoul\n");
}

TEST_F(MeetingsTest, EnHeldTalksWithPartner) {
  const std::string text =
      "Brightwell Bank President Lionel Ashby held talks with Marrow Foods CEO Priya Venn in "
      "Toronto on March 5. They covered a credit line for the grocer's expansion.\n";
  EXPECT_EQ(Meetings(text, "en"), "Lionel Ashby + Priya Venn | occurred | 2025-03-05 | Toronto\n");
}

TEST_F(MeetingsTest, EnAccompaniedBySameSentence) {
  const std::string text =
      "Halden Energy Chairman Victor Lund met Sunfield Power CEO Rafael Ortiz in Munich on "
      "Monday, accompanied by Halden CFO Mara Quist. They agreed to share a grid study.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Mara Quist + Rafael Ortiz + Victor Lund | occurred | 2025-03-10 | Munich\n");
}

TEST_F(MeetingsTest, EnAccompaniedByFollowingSentence) {
  const std::string text =
      "Halden Energy Chairman Victor Lund met Sunfield Power CEO Rafael Ortiz in Munich on "
      "Monday. Lund was accompanied by Halden CFO Mara Quist.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Mara Quist + Rafael Ortiz + Victor Lund | occurred | 2025-03-10 | Munich\n");
}

TEST_F(MeetingsTest, EnJoinedTheTalksFollowingSentence) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh met Corvane Shipping Chairman Hugo Brenner in Frankfurt "
      "on Wednesday. Tavrin COO Samuel Oake joined the talks later in the afternoon.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ellen Marsh + Hugo Brenner + Samuel Oake | occurred | 2025-03-12 | Frankfurt\n");
}

TEST_F(MeetingsTest, EnJoinedThemSameSentence) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh met Corvane Shipping Chairman Hugo Brenner in Frankfurt "
      "on Wednesday, and Tavrin COO Samuel Oake joined them for lunch.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ellen Marsh + Hugo Brenner + Samuel Oake | occurred | 2025-03-12 | Frankfurt\n");
}

TEST_F(MeetingsTest, EnPassiveHostedForDinnerBy) {
  const std::string text =
      "Corvane Shipping CEO Ingrid Solberg was hosted for dinner by Pellham Group Chairman "
      "Arthur Reeve in Seoul on Thursday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Arthur Reeve + Ingrid Solberg | occurred | 2025-03-13 | Seoul\n");
}

TEST_F(MeetingsTest, EnReportedSpeechSpeakerIsNotAParticipant) {
  const std::string text =
      "Nordhaven Chemicals CEO Felix Oduya met Arden Semiconductor President Grace Tolland in "
      "Austin on Tuesday, Nordhaven spokesperson Leah Conroy said. The company said the meeting "
      "lasted two hours.\n";
  EXPECT_EQ(Meetings(text, "en"), "Felix Oduya + Grace Tolland | occurred | 2025-03-11 | Austin\n");
}

TEST_F(MeetingsTest, EnReportedSpeechSaidBeforeTheSpeaker) {
  const std::string text =
      "Nordhaven Chemicals CEO Felix Oduya met Arden Semiconductor President Grace Tolland on "
      "Tuesday, said Leah Conroy, a spokesperson for Nordhaven.\n";
  EXPECT_EQ(Meetings(text, "en"), "Felix Oduya + Grace Tolland | occurred | 2025-03-11 | -\n");
}

TEST_F(MeetingsTest, EnPlannedIsExpectedToMeet) {
  const std::string text =
      "Veyra Robotics CEO Tomas Heller is expected to meet Halcyon Air Chairman Bae Ji-hoon in "
      "Busan on March 20, according to people familiar with the plan.\n";
  EXPECT_EQ(Meetings(text, "en"), "Bae Ji-hoon + Tomas Heller | planned | 2025-03-20 | Busan\n");
}

TEST_F(MeetingsTest, EnDeniedDidNotMeet) {
  const std::string text =
      "Lumaris Telecom CEO Renata Vos did not meet Quillon Bank Chairman Jung Hae-won on Monday, "
      "a Lumaris spokesperson said, denying a local newspaper report.\n";
  EXPECT_EQ(Meetings(text, "en"), "Jung Hae-won + Renata Vos | denied | 2025-03-10 | -\n");
}

TEST_F(MeetingsTest, EnInPassingLastMet) {
  const std::string text =
      "Marlow Steel CEO Jonah Pike met Ostrava Mining Chairman Lukas Hajek in Frankfurt on "
      "Wednesday. The two last met in Seoul in February.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Jonah Pike + Lukas Hajek | occurred | 2025-03-12 | Frankfurt\n"
            "Jonah Pike + Lukas Hajek | occurred | 2025-02 | Seoul\n");
}

TEST_F(MeetingsTest, EnGroupThreeWayVideoCall) {
  const std::string text =
      "Orrin Aerospace CEO Claire Dubois, Tessel Defense President Mark Hollins and Kangjin Heavy "
      "Industries Chairman Yoon Sang-ho held a three-way video call on Thursday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Claire Dubois + Mark Hollins + Yoon Sang-ho | occurred | 2025-03-13 | -\n");
}

TEST_F(MeetingsTest, EnListAfterTwoPartyVerbGivesOneMeetingEach) {
  const std::string text =
      "Trident Capital CEO Helena Morrow met Corliss Labs CEO Dana Whitlock, Kestrel Motors "
      "Chairman Kwon Tae-min and Sorrel Pharma CEO Nadia Brandt in Seoul on Monday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Helena Morrow | occurred | 2025-03-10 | Seoul\n"
            "Helena Morrow + Kwon Tae-min | occurred | 2025-03-10 | Seoul\n"
            "Helena Morrow + Nadia Brandt | occurred | 2025-03-10 | Seoul\n");
}

// Known gap: the tagger reads "Helena Strand" as a PLACE despite the "ORG
// title Name" pattern; the objects then come out as one three-way meeting.
TEST_F(MeetingsTest, DISABLED_EnListWhoseSubjectTheTaggerMisreads) {
  const std::string text =
      "Trident Capital founder Helena Strand met Corliss Labs CEO Dana Whitlock, Kestrel Motors "
      "Chairman Kwon Tae-min and Sorrel Pharma CEO Nadia Brandt in Seoul on Monday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Helena Strand | occurred | 2025-03-10 | Seoul\n"
            "Helena Strand + Kwon Tae-min | occurred | 2025-03-10 | Seoul\n"
            "Helena Strand + Nadia Brandt | occurred | 2025-03-10 | Seoul\n");
}

TEST_F(MeetingsTest, EnSameEncounterStatedTwiceIsOneMeeting) {
  const std::string text =
      "Pellham Group Chairman Arthur Reeve met Lumaris Telecom CEO Renata Vos in Tokyo on "
      "Tuesday. Reeve had breakfast with Vos on Tuesday to discuss a network-sharing deal, "
      "Pellham said.\n";
  EXPECT_EQ(Meetings(text, "en"), "Arthur Reeve + Renata Vos | occurred | 2025-03-11 | Tokyo\n");
}

TEST_F(MeetingsTest, EnFollowingDayCountsFromThePreviousMeeting) {
  const std::string text =
      "Sunfield Power CEO Rafael Ortiz met Halden Energy Chairman Victor Lund in Munich on "
      "March 3. The following day, Ortiz met Brightwell Bank President Lionel Ashby in "
      "Frankfurt.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Rafael Ortiz + Victor Lund | occurred | 2025-03-03 | Munich\n"
            "Lionel Ashby + Rafael Ortiz | occurred | 2025-03-04 | Frankfurt\n");
}

TEST_F(MeetingsTest, EnPlaceSiteTheCompanysHeadquartersBeatsItsCity) {
  const std::string text =
      "Arden Semiconductor President Grace Tolland met Kestrel Motors Chairman Kwon Tae-min at "
      "the company's headquarters in Denver on Monday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Grace Tolland + Kwon Tae-min | occurred | 2025-03-10 | Kestrel Motors headquarters\n");
}

TEST_F(MeetingsTest, EnPlaceSiteHeadquartersBeatsItsCity) {
  const std::string text =
      "Arden Semiconductor President Grace Tolland met Tallis Capital founder Owen Mercer at "
      "Tallis Capital's headquarters in Denver on Monday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Grace Tolland + Owen Mercer | occurred | 2025-03-10 | Tallis Capital headquarters\n");
}

TEST_F(MeetingsTest, EnPlaceCityBeatsCountry) {
  const std::string text =
      "Marrow Foods CEO Priya Venn met Quillon Bank Chairman Jung Hae-won in Osaka, Japan, on "
      "Wednesday.\n";
  EXPECT_EQ(Meetings(text, "en"), "Jung Hae-won + Priya Venn | occurred | 2025-03-12 | Osaka\n");
}

TEST_F(MeetingsTest, EnPlaceHomeGivesItsCity) {
  const std::string text =
      "Kestrel Motors Chairman Kwon Tae-min hosted Corliss Labs CEO Dana Whitlock for dinner at "
      "his home in Palo Alto on Saturday.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Kwon Tae-min | occurred | 2025-03-08 | Palo Alto\n");
}

TEST_F(MeetingsTest, EnPlacePhoneCallHasNoPlace) {
  const std::string text =
      "Sorrel Pharma CEO Nadia Brandt, who was in Berlin for a trade fair, spoke by phone with "
      "Tessel Defense President Mark Hollins on Thursday.\n";
  EXPECT_EQ(Meetings(text, "en"), "Mark Hollins + Nadia Brandt | occurred | 2025-03-13 | -\n");
}

TEST_F(MeetingsTest, EnQuotedAnalystIsNotAParticipant) {
  const std::string text =
      "Corliss Labs CEO Dana Whitlock met Kestrel Motors Chairman Kwon Tae-min in Seoul on "
      "Tuesday, said Rhea Patel, an analyst at Corbin Securities. \"Their meeting shows the "
      "alliance is deepening,\" Patel said.\n";
  EXPECT_EQ(Meetings(text, "en"), "Dana Whitlock + Kwon Tae-min | occurred | 2025-03-11 | Seoul\n");
}

TEST_F(MeetingsTest, EnUnnamedExecutivesGiveNoMeeting) {
  const std::string text =
      "Corliss Labs CEO Dana Whitlock met senior executives of Kestrel Motors in Seoul on "
      "Tuesday to discuss battery prices.\n";
  EXPECT_EQ(Meetings(text, "en"), "");
}

TEST_F(MeetingsTest, EnVisitToAPlaceAloneIsNoMeeting) {
  const std::string text =
      "Veyra Robotics CEO Tomas Heller visited the company's plant in Ulsan on Wednesday. He "
      "toured the assembly lines for three hours.\n";
  EXPECT_EQ(Meetings(text, "en"), "");
}

// ---------------------------------------------------------------- Korean

TEST_F(MeetingsTest, KoSubjectMetWithObject) {
  const std::string text =
      "박도현 한빛그룹 회장은 지난 11일 서울에서 대니얼 크로스 코리스랩스 CEO와 만났다. "
      "두 사람은 배터리 합작 공장 설립을 논의했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "대니얼 크로스 + 박도현 | occurred | 2025-03-11 | Seoul\n");
}

TEST_F(MeetingsTest, KoSubjectMetObjectWithEulReul) {
  const std::string text =
      "하윤서 세라젠 대표는 12일 대전에서 로버트 한센 노스밸리 사장을 만나 공동 연구를 제안했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "로버트 한센 + 하윤서 | occurred | 2025-03-12 | Daejeon\n");
}

TEST_F(MeetingsTest, KoWithPartnerHoedong) {
  const std::string text =
      "정민호 대성전자 부회장은 13일 부산에서 에밀리 카터 노스밸리 CEO와 회동했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "에밀리 카터 + 정민호 | occurred | 2025-03-13 | Busan\n");
}

TEST_F(MeetingsTest, KoSeatedInFollowingSentence) {
  const std::string text =
      "한태오 세운건설 회장은 10일 서울에서 라파엘 모레노 오르텍 회장과 면담했다. "
      "이 자리에는 윤지수 세운건설 사장이 배석했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "라파엘 모레노 + 윤지수 + 한태오 | occurred | 2025-03-10 | Seoul\n");
}

TEST_F(MeetingsTest, KoAccompaniedSameSentence) {
  const std::string text =
      "오세린 한결제약 대표는 12일 도쿄에서 마이클 번스 캘럼바이오 CEO를 만났으며, "
      "김태윤 한결제약 전무가 동행했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "김태윤 + 마이클 번스 + 오세린 | occurred | 2025-03-12 | Tokyo\n");
}

TEST_F(MeetingsTest, KoHostedDinnerIsAMeetingWithTheHost) {
  const std::string text =
      "에밀리 카터 노스밸리 CEO는 13일 서울에서 정민호 대성전자 부회장이 마련한 만찬에 "
      "참석했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "에밀리 카터 + 정민호 | occurred | 2025-03-13 | Seoul\n");
}

TEST_F(MeetingsTest, KoReportedSpeechCompanyIsNotAParticipant) {
  const std::string text =
      "세라젠은 하윤서 대표가 지난 11일 대전에서 로버트 한센 노스밸리 사장을 만났다고 밝혔다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "로버트 한센 + 하윤서 | occurred | 2025-03-11 | Daejeon\n");
}

TEST_F(MeetingsTest, KoReportedSpeechSpokespersonIsNotAParticipant) {
  const std::string text =
      "김도윤 세라젠 대변인은 하윤서 대표가 지난 11일 대전에서 로버트 한센 노스밸리 사장을 "
      "만났다고 밝혔다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "로버트 한센 + 하윤서 | occurred | 2025-03-11 | Daejeon\n");
}

TEST_F(MeetingsTest, KoPlannedManalYejeong) {
  const std::string text =
      "윤재혁 태양화학 회장은 오는 20일 서울에서 소피아 렌츠 브라이트웰 CEO와 만날 예정이다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "소피아 렌츠 + 윤재혁 | planned | 2025-03-20 | Seoul\n");
}

TEST_F(MeetingsTest, KoDeniedMusan) {
  const std::string text =
      "서지훈 미래항공 회장과 토마스 베커 할덴에너지 CEO의 회동이 무산됐다. 베커 CEO의 "
      "일정이 갑자기 바뀌었기 때문이다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "서지훈 + 토마스 베커 | denied | - | -\n");
}

TEST_F(MeetingsTest, KoPlanThenCancelledIsOneDeniedMeeting) {
  const std::string text =
      "서지훈 미래항공 회장은 17일 서울에서 토마스 베커 할덴에너지 CEO와 만날 예정이었다. "
      "그러나 베커 CEO의 일정 변경으로 회동이 무산됐다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "서지훈 + 토마스 베커 | denied | 2025-03-17 | Seoul\n");
}

TEST_F(MeetingsTest, KoInPassingFirstMetLastYear) {
  const std::string text =
      "문채윤 다온모빌리티 대표는 12일 서울에서 조너선 리드 마로우푸드 CEO와 만났다. "
      "두 사람은 지난해 3월 도쿄에서 처음 만났다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "문채윤 + 조너선 리드 | occurred | 2025-03-12 | Seoul\n"
            "문채윤 + 조너선 리드 | occurred | 2024-03 | Tokyo\n");
}

TEST_F(MeetingsTest, KoGroupThreeWayHoedong) {
  const std::string text =
      "한태오 세운건설 회장과 라파엘 모레노 오르텍 회장, 에밀리 카터 노스밸리 CEO는 13일 "
      "부산에서 3자 회동을 가졌다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "라파엘 모레노 + 에밀리 카터 + 한태오 | occurred | 2025-03-13 | Busan\n");
}

TEST_F(MeetingsTest, KoListAfterTwoPartyVerbGivesOneMeetingEach) {
  const std::string text =
      "윤재혁 태양화학 회장은 10일 서울에서 대니얼 크로스 코리스랩스 CEO, 소피아 렌츠 "
      "브라이트웰 CEO, 로버트 한센 노스밸리 사장을 잇달아 만났다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "대니얼 크로스 + 윤재혁 | occurred | 2025-03-10 | Seoul\n"
            "소피아 렌츠 + 윤재혁 | occurred | 2025-03-10 | Seoul\n"
            "로버트 한센 + 윤재혁 | occurred | 2025-03-10 | Seoul\n");
}

TEST_F(MeetingsTest, KoSameEncounterStatedTwiceIsOneMeeting) {
  const std::string text =
      "정민호 대성전자 부회장은 11일 부산에서 에밀리 카터 노스밸리 CEO와 만났다. "
      "정 부회장과 카터 CEO의 이날 회동은 두 시간 동안 이어졌다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "에밀리 카터 + 정민호 | occurred | 2025-03-11 | Busan\n");
}

TEST_F(MeetingsTest, KoNextDayCountsFromThePreviousMeeting) {
  const std::string text =
      "박도현 한빛그룹 회장은 지난 3일 서울에서 대니얼 크로스 코리스랩스 CEO를 만났다. "
      "박 회장은 이튿날 부산에서 소피아 렌츠 브라이트웰 CEO와 회동했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "대니얼 크로스 + 박도현 | occurred | 2025-03-03 | Seoul\n"
            "박도현 + 소피아 렌츠 | occurred | 2025-03-04 | Busan\n");
}

TEST_F(MeetingsTest, KoPlaceSiteHeadquarters) {
  const std::string text =
      "하윤서 세라젠 대표는 11일 판교의 세라젠 본사에서 조너선 리드 마로우푸드 CEO를 만났다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "조너선 리드 + 하윤서 | occurred | 2025-03-11 | 세라젠 본사\n");
}

TEST_F(MeetingsTest, KoPlaceCityBeatsCountry) {
  const std::string text =
      "오세린 한결제약 대표는 12일 일본 오사카에서 마이클 번스 캘럼바이오 CEO와 만났다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "마이클 번스 + 오세린 | occurred | 2025-03-12 | Osaka\n");
}

TEST_F(MeetingsTest, KoPlaceHomeGivesItsCity) {
  const std::string text =
      "박도현 한빛그룹 회장은 8일 서울 자택으로 대니얼 크로스 코리스랩스 CEO를 초청해 "
      "만찬을 했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "대니얼 크로스 + 박도현 | occurred | 2025-03-08 | Seoul\n");
}

TEST_F(MeetingsTest, KoPlacePhoneCallHasNoPlace) {
  const std::string text =
      "베를린 출장 중인 정민호 대성전자 부회장은 13일 에밀리 카터 노스밸리 CEO와 전화 "
      "통화를 했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "에밀리 카터 + 정민호 | occurred | 2025-03-13 | -\n");
}

TEST_F(MeetingsTest, KoQuotedAnalystIsNotAParticipant) {
  const std::string text =
      "윤재혁 태양화학 회장은 11일 서울에서 소피아 렌츠 브라이트웰 CEO와 만났다. "
      "노지환 대한증권 연구원은 \"이번 만남으로 두 회사의 협력이 빨라질 것\"이라고 말했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "소피아 렌츠 + 윤재혁 | occurred | 2025-03-11 | Seoul\n");
}

TEST_F(MeetingsTest, KoUnnamedExecutivesGiveNoMeeting) {
  const std::string text =
      "문채윤 다온모빌리티 대표는 12일 서울에서 일본 부품업체 경영진과 만나 공급 확대를 "
      "요청했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "");
}

TEST_F(MeetingsTest, KoVisitToAPlaceAloneIsNoMeeting) {
  const std::string text =
      "한태오 세운건설 회장은 11일 울산 공장을 방문해 생산 라인을 점검했다. 한 회장은 "
      "현장 직원들을 격려했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "");
}

TEST_F(MeetingsTest, EnSecondVerbAfterThatIsItsOwnClause) {
  const std::string text =
      "Kestrel Motors Chairman Kwon Tae-min, who met Corliss Labs CEO Dana Whitlock on Monday, "
      "told reporters on Wednesday that he would meet Sorrel Pharma CEO Nadia Brandt in April.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Kwon Tae-min | occurred | 2025-03-10 | -\n"
            "Kwon Tae-min + Nadia Brandt | planned | 2025-04 | -\n");
}

TEST_F(MeetingsTest, EnMeetingBetweenIsExpectedIsPlanned) {
  const std::string text =
      "The meeting between Corliss Labs CEO Dana Whitlock and Kestrel Motors Chairman Kwon "
      "Tae-min is expected to take place in Denver.\n";
  EXPECT_EQ(Meetings(text, "en"), "Dana Whitlock + Kwon Tae-min | planned | - | Denver\n");
}

TEST_F(MeetingsTest, KoAlsoMarksTheSubjectBeforeAPartner) {
  const std::string text =
      "하윤서 세라젠 대표는 11일 대전에서 로버트 한센 노스밸리 사장을 만났다. 한편 서지훈 미래항공 "
      "회장도 이날 토마스 베커 할덴에너지 CEO와 만찬을 함께 했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "로버트 한센 + 하윤서 | occurred | 2025-03-11 | Daejeon\n"
            "서지훈 + 토마스 베커 | occurred | 2025-03-11 | -\n");
}

// ------------------------------------- constructions of real reporting

TEST_F(MeetingsTest, EnJoinedByAnUntitledNameJoinsTheMeeting) {
  const std::string text =
      "Corliss Labs CEO Dana Whitlock visited Pemberton Rail Chairman Michael Hale in Leeds on "
      "Tuesday. Hale was joined by Pemberton's finance chief, Sarah Whitcombe (no relation to "
      "Whitlock), and the three spent the afternoon in meetings.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Michael Hale + Sarah Whitcombe | occurred | 2025-03-11 | Leeds\n");
}

TEST_F(MeetingsTest, EnAlsoJoinedTheCallAddsItsSubject) {
  const std::string text =
      "Halden Energy Chairman Victor Lund and Sunfield Power CEO Rafael Ortiz held a video call "
      "on Monday. Halden's head of trading, Daniel Brooks, also joined the call.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Daniel Brooks + Rafael Ortiz + Victor Lund | occurred | 2025-03-10 | -\n");
}

TEST_F(MeetingsTest, EnTheyLastMetIsAnEarlierMeetingOfThePair) {
  const std::string text =
      "Marlow Steel CEO Jonah Pike met Ostrava Mining Chairman Lukas Hajek in Frankfurt on "
      "Wednesday. It was not their first encounter: they last met in Vienna in 2023, when Hajek "
      "toured a Marlow plant.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Jonah Pike + Lukas Hajek | occurred | 2025-03-12 | Frankfurt\n"
            "Jonah Pike + Lukas Hajek | occurred | 2023 | Vienna\n");
}

TEST_F(MeetingsTest, EnParticiplesMeetingAndHoldingTalks) {
  const std::string text =
      "Sunfield Power CEO Rafael Ortiz arrived in Japan on Monday. On Tuesday he was in Osaka, "
      "meeting Kestrel Motors CEO Dana Whitlock, and on Wednesday he was in Tokyo, holding talks "
      "with Corliss Labs CEO Nadia Brandt.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Rafael Ortiz | occurred | 2025-03-11 | Osaka\n"
            "Nadia Brandt + Rafael Ortiz | occurred | 2025-03-12 | Tokyo\n");
}

TEST_F(MeetingsTest, EnDueInACityToMeetIsPlanned) {
  const std::string text =
      "Sorrel Pharma CEO Nadia Brandt is due in Madrid later this month to meet Corliss Labs CEO "
      "Dana Whitlock.\n";
  EXPECT_EQ(Meetings(text, "en"), "Dana Whitlock + Nadia Brandt | planned | 2025-03 | Madrid\n");
}

TEST_F(MeetingsTest, EnSignedByBothIsAMeetingAndTheCeremonyTakesJoiners) {
  const std::string text =
      "The supply agreement was signed in Oslo on Monday by Halden Energy Chairman Victor Lund and "
      "Sunfield Power CEO Rafael Ortiz. Halden CFO Mara Quist also attended the ceremony.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Mara Quist + Rafael Ortiz + Victor Lund | occurred | 2025-03-10 | Oslo\n");
}

TEST_F(MeetingsTest, EnWhoMetHasOnlyItsAntecedentAsSubject) {
  const std::string text =
      "Kestrel Motors Chairman Kwon Tae-min runs the group; Kestrel President Dana Whitlock, who "
      "met Sunfield Power CEO Rafael Ortiz on Monday, runs the carmaker.\n";
  EXPECT_EQ(Meetings(text, "en"), "Dana Whitlock + Rafael Ortiz | occurred | 2025-03-10 | -\n");
}

TEST_F(MeetingsTest, EnWhoMetIsNotTheTwoOfThePreviousMeeting) {
  const std::string text =
      "Kestrel Motors CEO Dana Whitlock met Sunfield Power CEO Rafael Ortiz on Monday.\n"
      "A note on the two Parks: Park Ji-ho is the chairman; Park Min-seo, who met Corliss Labs CEO "
      "Nadia Brandt on Tuesday, is the president.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Rafael Ortiz | occurred | 2025-03-10 | -\n"
            "Nadia Brandt + Park Min-seo | occurred | 2025-03-11 | -\n");
}

TEST_F(MeetingsTest, EnAskedWhetherHeHadMetIsNoMeeting) {
  const std::string text =
      "Kestrel Motors Chairman Kwon Tae-min was asked on Tuesday whether he had met Sorrel Pharma "
      "CEO Nadia Brandt. He declined to comment.\n";
  EXPECT_EQ(Meetings(text, "en"), "");
}

TEST_F(MeetingsTest, EnFirstPersonOnAVideoCallIsTheInterviewee) {
  const std::string text =
      "Corliss Labs CEO Dana Whitlock talked to us about batteries.\n"
      "Whitlock: On Tuesday I was on a video call with Kestrel Motors Chairman Kwon Tae-min and "
      "Sunfield Power CEO Rafael Ortiz. Whitlock said the talks went well.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Dana Whitlock + Kwon Tae-min + Rafael Ortiz | occurred | 2025-03-11 | -\n");
}

TEST_F(MeetingsTest, EnPlannedJoinerWhoStayedAwayIsNoParticipant) {
  const std::string text =
      "Halden Energy Chairman Victor Lund met Sunfield Power CEO Rafael Ortiz in Munich on "
      "Monday. Halden CFO Mara Quist had been expected to join the talks but did not attend.\n";
  EXPECT_EQ(Meetings(text, "en"), "Rafael Ortiz + Victor Lund | occurred | 2025-03-10 | Munich\n");
}

TEST_F(MeetingsTest, KoPlannedJoinerWhoStayedAwayIsNoParticipant) {
  const std::string text =
      "한태오 세운건설 회장은 10일 서울에서 라파엘 모레노 오르텍 회장과 면담했다. 당초 이 자리에는 "
      "윤지수 세운건설 사장도 배석할 예정이었으나 불참했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "라파엘 모레노 + 한태오 | occurred | 2025-03-10 | Seoul\n");
}

TEST_F(MeetingsTest, EnTheTwoMeetingAListMeetItTogether) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh met Corvane Shipping Chairman Hugo Brenner in Frankfurt on "
      "Wednesday. The two met again the next day in Hamburg with their lenders, Brightwell Bank "
      "President Lionel Ashby and Marrow Capital CEO Priya Venn.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ellen Marsh + Hugo Brenner | occurred | 2025-03-12 | Frankfurt\n"
            "Ellen Marsh + Hugo Brenner + Lionel Ashby + Priya Venn | occurred | 2025-03-13 | Hamburg\n");
}

TEST_F(MeetingsTest, KoReceivingAVisitIsAMeeting) {
  const std::string text =
      "정민호 대성전자 부회장은 11일 부산에서 에밀리 카터 노스밸리 CEO의 예방을 받고 협력 방안을 "
      "논의했다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "에밀리 카터 + 정민호 | occurred | 2025-03-11 | Busan\n");
}

TEST_F(MeetingsTest, KoReceivingAVisitBangmun) {
  const std::string text =
      "하윤서 세라젠 대표는 12일 대전에서 로버트 한센 노스밸리 사장의 방문을 받았다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "로버트 한센 + 하윤서 | occurred | 2025-03-12 | Daejeon\n");
}

TEST_F(MeetingsTest, KoGatheringWhosePeopleFollowInTheNextSentence) {
  const std::string text =
      "하윤서 세라젠 대표는 10일 대전에서 로버트 한센 노스밸리 사장과 만찬을 했다. 이튿날에는 "
      "3자 회동이 이어졌다. 하 대표와 한센 사장에 더해 윤지수 세운건설 사장이 참석했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "로버트 한센 + 하윤서 | occurred | 2025-03-10 | Daejeon\n"
            "로버트 한센 + 윤지수 + 하윤서 | occurred | 2025-03-11 | Daejeon\n");
}

TEST_F(MeetingsTest, KoRelativeClauseWithManNanIsItsOwnMeeting) {
  const std::string text =
      "박도현 한빛그룹 회장은 11일 서울에서 대니얼 크로스 코리스랩스 CEO와 만났다. 한편 박 회장이 "
      "크로스 CEO를 만난 11일 부산에서는 윤지수 세운건설 사장이 에밀리 카터 노스밸리 CEO와 "
      "만났다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "대니얼 크로스 + 박도현 | occurred | 2025-03-11 | Seoul\n"
            "에밀리 카터 + 윤지수 | occurred | 2025-03-11 | Busan\n");
}

TEST_F(MeetingsTest, KoAskedWhetherTheyMetIsNoMeeting) {
  const std::string text =
      "박도현 한빛그룹 회장은 12일 대니얼 크로스 코리스랩스 CEO를 만났는지 묻는 질문에 답하지 "
      "않았다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "");
}

// An untitled joiner introduced by a relative clause, far from the verb.
TEST_F(MeetingsTest, EnJoinerWithRelativeClause) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh met Corvane Shipping Chairman Hugo Brenner in Frankfurt "
      "on Wednesday. Nadia Ferro, who chairs the Rhine port authority and has courted Asian "
      "shippers for years, joined the talks.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ellen Marsh + Hugo Brenner + Nadia Ferro | occurred | 2025-03-12 | Frankfurt\n");
}

// Meals and courtesy calls as journalists word them.
TEST_F(MeetingsTest, EnCoffeeAndCourtesyCall) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh had coffee with Corvane Shipping Chairman Hugo Brenner in "
      "Hamburg on Tuesday. On Wednesday Brenner called on Orvell Freight President Ana Lutz in "
      "Bremen.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ellen Marsh + Hugo Brenner | occurred | 2025-03-11 | Hamburg\n"
            "Ana Lutz + Hugo Brenner | occurred | 2025-03-12 | Bremen\n");
}

// 대화를 나눈 뒤: a conversation is a meeting, also in the adnominal form.
TEST_F(MeetingsTest, KoConversationIsAMeeting) {
  const std::string text =
      "한빛물류 도재현 회장은 11일 부산에서 코르반해운 한스 브레너 회장과 20분간 대화를 나눈 뒤 "
      "서울로 돌아갔다.\n";
  EXPECT_EQ(Meetings(text, "ko"), "도재현 + 한스 브레너 | occurred | 2025-03-11 | Busan\n");
}

// A plan made after a cancellation is a new plan, not the cancelled one.
TEST_F(MeetingsTest, KoNewPlanAfterACancellationStaysPlanned) {
  const std::string text =
      "한스 브레너 코르반해운 회장은 당초 지난달 한국을 찾아 도재현 한빛물류 회장을 만날 예정이었지만 "
      "방한이 취소됐다. 도 회장은 이달 말 도쿄를 방문해 브레너 회장과 직접 만날 계획이다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "도재현 + 한스 브레너 | denied | 2025-02 | South Korea\n"
            "도재현 + 한스 브레너 | planned | 2025-03 | Tokyo\n");
}

// In an interview the quoted speaker is the unnamed subject ("…만났고…").
TEST_F(MeetingsTest, KoInterviewQuoteSubjectIsTheSpeaker) {
  const std::string text =
      "[인터뷰] 도재현 한빛물류 회장 \"유럽 물류망 넓힌다\"\n"
      "도재현 한빛물류 회장은 인터뷰에서 해외 협력 계획을 밝혔다. 도 회장은 물류 30년 경력이다.\n"
      "—한스 브레너 코르반해운 회장은 어떤 사람인가.\n"
      "\"지난 11일 함부르크에서 브레너 회장과 만났고 협력을 논의했다. 오래된 친구다.\"\n";
  EXPECT_EQ(Meetings(text, "ko"), "도재현 + 한스 브레너 | occurred | 2025-03-11 | 함부르크\n");
}

// "The following day" counts from the day the sentence named before it; a
// meeting with no time of its own takes the day the story just named.
TEST_F(MeetingsTest, EnRelativeDayCountsFromTheDayBefore) {
  const std::string text =
      "Tavrin Logistics CEO Ellen Marsh landed in Austin on March 3 and held talks the following "
      "day with Corvane Shipping Chairman Hugo Brenner. Hours later, Marsh had dinner with Orvell "
      "Freight President Ana Lutz.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ellen Marsh + Hugo Brenner | occurred | 2025-03-04 | Austin\n"
            "Ana Lutz + Ellen Marsh | occurred | 2025-03-04 | Austin\n");
}

// 이튿날 after "지난 10일", 전날 with no other day in the sentence.
TEST_F(MeetingsTest, KoRelativeDayCountsFromTheDayBefore) {
  const std::string text =
      "한빛물류 나은서 사장은 전날 서울에서 오르벨화물 안나 루츠 사장과 만났다. 도재현 한빛물류 "
      "회장은 지난 10일 하노이에 도착해 이튿날 코르반해운 한스 브레너 회장과 회동했다.\n";
  EXPECT_EQ(Meetings(text, "ko"),
            "나은서 + 안나 루츠 | occurred | 2025-03-13 | Seoul\n"
            "도재현 + 한스 브레너 | occurred | 2025-03-11 | Hanoi\n");
}

// An interview's "I" is the person the headline and lead introduce, also in
// a contraction ("I'll ... meet" is a plan).
TEST_F(MeetingsTest, EnInterviewFirstPersonIsTheInterviewee) {
  const std::string text =
      "\"Patience pays\": Ellen Marsh on taking Tavrin Logistics to Asia\n"
      "Ellen Marsh founded Tavrin Logistics in 2011. We spoke to her in London.\n"
      "How did the deal start?\n"
      "I had dinner with Hugo Brenner, the chairman of Corvane Shipping, in Seoul. Ana Lutz of "
      "Orvell Freight is a rival and a friend. I'll be in Osaka in April to meet Kenji Arata.\n";
  EXPECT_EQ(Meetings(text, "en"),
            "Ellen Marsh + Hugo Brenner | occurred | - | Seoul\n"
            "Ellen Marsh + Kenji Arata | planned | 2025-04 | Osaka\n");
}

}  // namespace
}  // namespace tg::extract
