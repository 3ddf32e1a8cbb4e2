// Trips found by ExtractEvents on top of the real entity layer: travellers,
// destinations (not origins, not modifiers), dates, status, companions, and
// one trip for a journey told several times.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/entities.h"
#include "extract/events.h"

namespace tg::extract {
namespace {

class TripsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<EntityExtractor>> created = EntityExtractor::Create();
    ASSERT_TRUE(created.has_value()) << created.error().ToString();
    extractor_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  // Runs the extractor on `text`, published Wednesday 2024-06-26.
  void Run(const std::string& text, const char* lang) {
    text_ = text;
    entities_ = extractor_->Extract(text_, lang, ParseCivilDate("2024-06-26"));
    events_ = ExtractEvents(text_, entities_, lang, ParseCivilDate("2024-06-26"), extractor_->kb());
  }

  std::string Name(int entity) const {
    return entity >= 0 && entity < static_cast<int>(entities_.entities.size())
               ? entities_.entities[entity].name
               : std::string("?");
  }

  // The trips of the person whose name contains `who`.
  std::vector<const Trip*> TripsOf(const std::string& who) const {
    std::vector<const Trip*> out;
    for (const Trip& t : events_.trips) {
      if (Name(t.traveler).find(who) != std::string::npos) out.push_back(&t);
    }
    return out;
  }

  std::vector<std::string> Companions(const Trip& t) const {
    std::vector<std::string> out;
    for (int c : t.companions) out.push_back(Name(c));
    return out;
  }

  std::string Evidence(const Trip& t) const {
    return text_.substr(t.evidence_begin, t.evidence_end - t.evidence_begin);
  }

  // Every trip for debugging output.
  std::string Dump() const {
    std::string out;
    for (const Trip& t : events_.trips) {
      out += Name(t.traveler) + " ->";
      for (const std::string& d : t.destinations) out += " [" + d + "]";
      out += " " + t.start + ".." + t.end + " " + std::string(EventStatusName(t.status)) + "\n";
    }
    return out;
  }

  static EntityExtractor* extractor_;
  std::string text_;
  DocumentEntities entities_;
  DocumentEvents events_;
};

EntityExtractor* TripsTest::extractor_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(TripsTest, EnglishDepartureWithLengthLeavesOutTheOrigin) {
  Run("Corvane Industries Chairman Oskar Lindqvist left Seoul on Sunday for a seven-day business "
      "trip to the United States, his second this year.\n",
      "en");
  const std::vector<const Trip*> trips = TripsOf("Lindqvist");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"United States"}));
  EXPECT_EQ(trips[0]->destination_kb_ids, (Strings{"us"}));
  EXPECT_EQ(trips[0]->start, "2024-06-23");
  EXPECT_EQ(trips[0]->end, "2024-06-29");
  EXPECT_EQ(trips[0]->status, EventStatus::kOccurred);
  EXPECT_GT(trips[0]->confidence, 0.f);
  EXPECT_LE(trips[0]->confidence, 1.f);
  EXPECT_EQ(events_.trips.size(), 1u) << Dump();
}

TEST_F(TripsTest, EnglishReturnDateFromALaterSentenceJoinsTheTrip) {
  Run("Marlow Foods CEO Harriet Quell flew to Tokyo on Monday to meet convenience-store chains.\n"
      "Quell is due back in London on Friday, June 28, the company said.\n",
      "en");
  const std::vector<const Trip*> trips = TripsOf("Quell");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Tokyo"}));
  EXPECT_EQ(trips[0]->start, "2024-06-24");
  EXPECT_EQ(trips[0]->end, "2024-06-28");
  EXPECT_EQ(
      Evidence(*trips[0]),
      "Marlow Foods CEO Harriet Quell flew to Tokyo on Monday to meet convenience-store chains.");
}

TEST_F(TripsTest, EnglishStopsInOneClauseAreOneTrip) {
  Run("Tarsis Pharmaceuticals CEO Helena Marsh flew to Osaka on Monday and travelled to Jakarta on "
      "Tuesday.\n",
      "en");
  const std::vector<const Trip*> trips = TripsOf("Marsh");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Osaka", "Jakarta"}));
  EXPECT_EQ(trips[0]->start, "2024-06-24");
}

TEST_F(TripsTest, EnglishPlannedAndDenied) {
  Run("Brightwell Energy CEO Daniel Okafor will travel to Berlin in September, the company said.\n"
      "Corvane Industries Chairman Oskar Lindqvist has not travelled to Paris this year.\n",
      "en");
  const std::vector<const Trip*> planned = TripsOf("Okafor");
  ASSERT_EQ(planned.size(), 1u) << Dump();
  EXPECT_EQ(planned[0]->destinations, (Strings{"Berlin"}));
  EXPECT_EQ(planned[0]->status, EventStatus::kPlanned);
  EXPECT_EQ(planned[0]->start, "");
  const std::vector<const Trip*> denied = TripsOf("Lindqvist");
  ASSERT_EQ(denied.size(), 1u) << Dump();
  EXPECT_EQ(denied[0]->destinations, (Strings{"Paris"}));
  EXPECT_EQ(denied[0]->status, EventStatus::kDenied);
}

TEST_F(TripsTest, EnglishCompanionGetsTheSameTrip) {
  Run("Fenwick Robotics CEO Laura Benning arrived in Kyoto on Monday for a three-day visit.\n"
      "Fenwick Chief Technology Officer Marcus Hale accompanied Benning on the trip, the company "
      "said.\n",
      "en");
  const std::vector<const Trip*> lead = TripsOf("Benning");
  ASSERT_EQ(lead.size(), 1u) << Dump();
  EXPECT_EQ(lead[0]->destinations, (Strings{"Kyoto"}));
  EXPECT_EQ(lead[0]->start, "2024-06-24");
  EXPECT_EQ(lead[0]->end, "2024-06-26");
  EXPECT_EQ(Companions(*lead[0]), (Strings{"Marcus Hale"}));
  const std::vector<const Trip*> companion = TripsOf("Hale");
  ASSERT_EQ(companion.size(), 1u) << Dump();
  EXPECT_EQ(companion[0]->destinations, (Strings{"Kyoto"}));
  EXPECT_EQ(companion[0]->end, "2024-06-26");
  EXPECT_EQ(Companions(*companion[0]), (Strings{"Laura Benning"}));
}

TEST_F(TripsTest, PlaceAsModifierIsNoDestination) {
  Run("Georgia Governor Ray Tolliver flew to Seoul on Monday to court battery makers.\n", "en");
  const std::vector<const Trip*> trips = TripsOf("Tolliver");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Seoul"}));
}

TEST_F(TripsTest, VisitingAPersonIsNoTrip) {
  Run("Corvane Industries Chairman Oskar Lindqvist visited Tarsis Bio CEO Helena Marsh at her home "
      "on Tuesday.\n"
      "Analysts said the visit showed how close the two companies have become.\n",
      "en");
  EXPECT_TRUE(events_.trips.empty()) << Dump();
}

TEST_F(TripsTest, LeavingForAnotherCityEndsTheVisit) {
  Run("Halvard Steel Chairman Erik Solberg arrived in Busan on Monday for talks with shipyards.\n"
      "Solberg left for Hanoi on Wednesday evening.\n",
      "en");
  const std::vector<const Trip*> trips = TripsOf("Solberg");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Busan"}));
  EXPECT_EQ(trips[0]->start, "2024-06-24");
  EXPECT_EQ(trips[0]->end, "2024-06-26");
}

TEST_F(TripsTest, PlaceBeforeTripNounAndRepeatedMentionsMakeOneTrip) {
  Run("Marlow Foods CEO Harriet Quell wraps up Chicago trip\n"
      "Marlow Foods CEO Harriet Quell visited Chicago this week to court grocery chains.\n"
      "It was Quell's second trip to Chicago this year.\n",
      "en");
  const std::vector<const Trip*> trips = TripsOf("Quell");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Chicago"}));
  EXPECT_EQ(Evidence(*trips[0]), "Marlow Foods CEO Harriet Quell wraps up Chicago trip");
}

TEST_F(TripsTest, UnnamedDestinationComesFromMeetingsOnTheTripDays) {
  Run("Tarsis Pharmaceuticals CEO Helena Marsh left Seoul on Sunday for a five-day trip.\n"
      "On Tuesday, Marsh met Fenwick Robotics CEO Laura Benning in Boston.\n",
      "en");
  const std::vector<const Trip*> trips = TripsOf("Marsh");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Boston"}));
  EXPECT_EQ(trips[0]->start, "2024-06-23");
  EXPECT_EQ(trips[0]->end, "2024-06-27");
}

TEST_F(TripsTest, MeetingCitiesOnTheTripDaysReplaceTheCountry) {
  Run("Tarsis Pharmaceuticals CEO Helena Marsh left Seoul on Sunday for a five-day trip to the "
      "United States.\n"
      "On Tuesday, Marsh met Fenwick Robotics CEO Laura Benning in Boston.\n"
      "Marsh met Halvard Steel Chairman Erik Solberg in Chicago last month.\n",
      "en");
  const std::vector<const Trip*> trips = TripsOf("Marsh");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Boston"}));
  EXPECT_EQ(trips[0]->destination_kb_ids, (Strings{"boston"}));
}

TEST_F(TripsTest, PronounsAndRolesFindTheirPerson) {
  Run("Energy Minister Tomas Varga held talks with Brightwell Energy CEO Daniel Okafor on Monday.\n"
      "The minister arrived in Frankfurt on Sunday for a three-day visit.\n"
      "Okafor said he flew to Munich on Tuesday.\n",
      "en");
  const std::vector<const Trip*> minister = TripsOf("Varga");
  ASSERT_EQ(minister.size(), 1u) << Dump();
  EXPECT_EQ(minister[0]->destinations, (Strings{"Frankfurt"}));
  EXPECT_EQ(minister[0]->end, "2024-06-25");
  const std::vector<const Trip*> ceo = TripsOf("Okafor");
  ASSERT_EQ(ceo.size(), 1u) << Dump();
  EXPECT_EQ(ceo[0]->destinations, (Strings{"Munich"}));
}

TEST_F(TripsTest, NoTripWithoutATravellerOrForAHabit) {
  Run("Corvane Industries Chairman Oskar Lindqvist visits Tokyo every year.\n"
      "Critics of Corvane Industries Chairman Oskar Lindqvist's policy on engineers traveling to "
      "Osaka spoke out.\n"
      "Analysts expect the trip to Tokyo to be short.\n",
      "en");
  EXPECT_TRUE(events_.trips.empty()) << Dump();
}

TEST_F(TripsTest, KoreanDepartureWithLength) {
  Run("도윤재 세린화학 회장은 지난 20일 출국해 열흘간의 미국 출장 일정을 소화하고 있다.\n", "ko");
  const std::vector<const Trip*> trips = TripsOf("도윤재");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destination_kb_ids, (Strings{"us"}));
  EXPECT_EQ(trips[0]->start, "2024-06-20");
  EXPECT_EQ(trips[0]->end, "2024-06-29");
  EXPECT_EQ(trips[0]->status, EventStatus::kOccurred);
}

TEST_F(TripsTest, KoreanReturnWithLengthAndALaterDeparture) {
  Run("도윤재 세린화학 회장이 2주간의 유럽 출장을 마치고 24일 귀국했다.\n"
      "도 회장은 지난 10일 출국해 독일 베를린, 프랑스 파리를 차례로 방문했다.\n",
      "ko");
  const std::vector<const Trip*> trips = TripsOf("도윤재");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Berlin", "Paris"}));
  EXPECT_EQ(trips[0]->start, "2024-06-10");
  EXPECT_EQ(trips[0]->end, "2024-06-24");
}

TEST_F(TripsTest, KoreanSubjectlessReturnTakesTheTopic) {
  Run("한지호 누리로봇 대표는 지난 21일 일본 도쿄로 출국했다.\n"
      "오는 28일 귀국할 예정이다.\n",
      "ko");
  const std::vector<const Trip*> trips = TripsOf("한지호");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Tokyo"}));
  EXPECT_EQ(trips[0]->start, "2024-06-21");
  EXPECT_EQ(trips[0]->end, "2024-06-28");
  EXPECT_EQ(trips[0]->status, EventStatus::kOccurred);
}

TEST_F(TripsTest, KoreanPlannedVisitWithCompanion) {
  Run("레이철 베넷 노스포인트 CEO는 오는 30일부터 사흘간 일정으로 방한한다.\n"
      "마커스 헤일 노스포인트 최고기술책임자(CTO)가 동행한다.\n",
      "ko");
  const std::vector<const Trip*> trips = TripsOf("베넷");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destination_kb_ids, (Strings{"kr"}));
  EXPECT_EQ(trips[0]->start, "2024-06-30");
  EXPECT_EQ(trips[0]->end, "2024-07-02");
  EXPECT_EQ(trips[0]->status, EventStatus::kPlanned);
  ASSERT_EQ(trips[0]->companions.size(), 1u) << Dump();
  EXPECT_NE(Name(trips[0]->companions[0]).find("헤일"), std::string::npos);
  EXPECT_EQ(TripsOf("헤일").size(), 1u) << Dump();
}

TEST_F(TripsTest, KoreanDeniedVisitAndModifierPlace) {
  Run("한지호 누리로봇 대표의 이달 미국 방문이 무산됐다.\n"
      "도윤재 세린화학 회장은 미국 상무장관을 만났다.\n",
      "ko");
  const std::vector<const Trip*> denied = TripsOf("한지호");
  ASSERT_EQ(denied.size(), 1u) << Dump();
  EXPECT_EQ(denied[0]->status, EventStatus::kDenied);
  EXPECT_TRUE(TripsOf("도윤재").empty()) << Dump();
}

TEST_F(TripsTest, KoreanTogetherMakesCompanionsAndModifiedNounsTravelAlone) {
  Run("도윤재 세린화학 회장은 김하준 세린화학 사장, 이서윤 세린바이오 사장 등과 함께 베를린을 "
      "방문했다.\n"
      "베를린으로 향하던 여객기가 회항했다.\n",
      "ko");
  const std::vector<const Trip*> trips = TripsOf("도윤재");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destinations, (Strings{"Berlin"}));
  EXPECT_EQ(trips[0]->companions.size(), 2u) << Dump();
  EXPECT_EQ(TripsOf("김하준").size(), 1u) << Dump();
  EXPECT_EQ(TripsOf("이서윤").size(), 1u) << Dump();
  EXPECT_EQ(events_.trips.size(), 3u) << Dump();
}

TEST_F(TripsTest, KoreanReturnJoinsTheCurrentTripNotARecalledOne) {
  Run("도윤재 세린화학 회장은 지난 21일 미국 출장길에 올랐다.\n"
      "도 회장은 앞서 지난 3일에는 일본 오사카를 찾았다.\n"
      "도 회장은 오는 28일 귀국한다.\n",
      "ko");
  const std::vector<const Trip*> trips = TripsOf("도윤재");
  ASSERT_EQ(trips.size(), 2u) << Dump();
  EXPECT_EQ(trips[0]->destination_kb_ids, (Strings{"us"}));
  EXPECT_EQ(trips[0]->start, "2024-06-21");
  EXPECT_EQ(trips[0]->end, "2024-06-28");
  EXPECT_EQ(trips[1]->destinations, (Strings{"Osaka"}));
  EXPECT_EQ(trips[1]->end, "");
}

TEST_F(TripsTest, KoreanNounInsideAnotherClauseIsNotPlanned) {
  Run("지난 2월 레이철 베넷 노스포인트 CEO 방한 시 두 사람은 서울에서 만났다.\n"
      "양사는 협력을 넓힐 전망이다.\n",
      "ko");
  const std::vector<const Trip*> trips = TripsOf("베넷");
  ASSERT_EQ(trips.size(), 1u) << Dump();
  EXPECT_EQ(trips[0]->destination_kb_ids, (Strings{"kr"}));
  EXPECT_EQ(trips[0]->status, EventStatus::kOccurred);
}

TEST_F(TripsTest, KoreanBuildingIsNoDestination) {
  Run("한지호 누리로봇 대표는 24일 세린종합병원을 방문했다.\n", "ko");
  EXPECT_TRUE(TripsOf("한지호").empty()) << Dump();
}

}  // namespace
}  // namespace tg::extract
