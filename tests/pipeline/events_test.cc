// pipeline/events.h: the stored form of extracted events, independent of how
// good the extractor is: hand-made entities and events in, names out.
#include "pipeline/events.h"

#include <gtest/gtest.h>

#include <string>

namespace tg::pipeline {
namespace {

using extract::DocEntity;
using extract::EntityType;

const std::string kText =
    "Maren Tosk will meet 조은솔 in Daejeon.\n"
    "Tosk then heads to Sejong with her adviser.\n";

DocEntity Entity(EntityType type, const std::string& name, const std::string& kb_id = "") {
  DocEntity e;
  e.type = type;
  e.name = name;
  e.kb_id = kb_id;
  return e;
}

extract::DocumentEntities Entities() {
  extract::DocumentEntities entities;
  DocEntity tosk = Entity(EntityType::kPerson, "Maren Tosk");
  tosk.title = "CEO";
  tosk.org = "Quillfeather Labs";
  DocEntity cho = Entity(EntityType::kPerson, "조은솔", "cho-eun-sol");
  cho.name_en = "Cho Eun-sol";
  cho.name_ko = "조은솔";
  entities.entities = {tosk, cho, Entity(EntityType::kPlace, "Daejeon", "daejeon")};
  return entities;
}

extract::Meeting PlannedMeeting() {
  extract::Meeting m;
  m.participants = {0, 1};
  m.date = "2026-04-02";
  m.place = "Daejeon";
  m.place_kb_id = "daejeon";
  m.status = extract::EventStatus::kPlanned;
  m.topics = {"AI"};
  m.evidence_begin = 0;
  m.evidence_end = static_cast<uint32_t>(kText.find('\n'));
  m.confidence = 0.8f;
  return m;
}

TEST(ToStoredEventsTest, NamesEveryPersonAndPlaceAndCutsTheEvidence) {
  extract::DocumentEvents events;
  events.meetings.push_back(PlannedMeeting());
  extract::Trip trip;
  trip.traveler = 0;
  trip.destinations = {"Sejong"};
  trip.destination_kb_ids = {"sejong"};
  trip.companions = {1};
  trip.start = "2026-04-03";
  trip.evidence_begin = static_cast<uint32_t>(kText.find("Tosk then"));
  trip.evidence_end = static_cast<uint32_t>(kText.size() - 1);
  trip.confidence = 0.6f;
  events.trips.push_back(trip);

  const store::StoredEvents stored = ToStoredEvents(kText, Entities(), events);
  ASSERT_EQ(stored.meetings.size(), 1u);
  const store::StoredMeeting& m = stored.meetings[0];
  ASSERT_EQ(m.participants.size(), 2u);
  EXPECT_EQ(m.participants[0].name, "Maren Tosk");
  EXPECT_EQ(m.participants[0].title, "CEO");
  EXPECT_EQ(m.participants[0].org, "Quillfeather Labs");
  EXPECT_EQ(m.participants[0].type, "PERSON");
  EXPECT_EQ(m.participants[1].name, "조은솔");
  EXPECT_EQ(m.participants[1].kb_id, "cho-eun-sol");
  EXPECT_EQ(m.participants[1].name_en, "Cho Eun-sol");
  EXPECT_EQ(m.date, "2026-04-02");
  EXPECT_EQ(m.date_hint, "");
  EXPECT_EQ(m.place.name, "Daejeon");
  EXPECT_EQ(m.place.kb_id, "daejeon");
  EXPECT_EQ(m.status, "planned");
  EXPECT_EQ(m.topics, std::vector<std::string>{"AI"});
  EXPECT_EQ(m.evidence, "Maren Tosk will meet 조은솔 in Daejeon.");
  EXPECT_EQ(m.confidence, 0.8);  // rounded from the float, so it prints as 0.8

  ASSERT_EQ(stored.trips.size(), 1u);
  const store::StoredTrip& t = stored.trips[0];
  EXPECT_EQ(t.traveler.name, "Maren Tosk");
  ASSERT_EQ(t.destinations.size(), 1u);
  EXPECT_EQ(t.destinations[0].name, "Sejong");
  EXPECT_EQ(t.destinations[0].kb_id, "sejong");
  ASSERT_EQ(t.companions.size(), 1u);
  EXPECT_EQ(t.companions[0].name, "조은솔");
  EXPECT_EQ(t.start, "2026-04-03");
  EXPECT_EQ(t.end, "");
  EXPECT_EQ(t.status, "occurred");
  EXPECT_EQ(t.evidence, "Tosk then heads to Sejong with her adviser.");
  EXPECT_EQ(t.confidence, 0.6);
  // What the store accepts: the same validation every backend runs.
  EXPECT_TRUE(store::ValidateEvents(stored, kText.size()).ok());
}

TEST(ToStoredEventsTest, ToleratesAFaultyExtractor) {
  extract::DocumentEvents events;
  extract::Meeting m = PlannedMeeting();
  m.participants = {0, 7, -1, 1};  // 7 and -1 point at no entity
  m.evidence_begin = 5000;         // past the end of the text
  m.evidence_end = 6000;
  m.confidence = 1.7f;
  events.meetings.push_back(m);
  extract::Trip nobody;
  nobody.traveler = 12;  // no such entity: the trip is dropped
  events.trips.push_back(nobody);
  extract::Trip short_ids;
  short_ids.traveler = 1;
  short_ids.destinations = {"Daejeon", "Sejong"};
  short_ids.destination_kb_ids = {"daejeon"};  // fewer ids than names
  short_ids.evidence_begin = 10;
  short_ids.evidence_end = 4;  // reversed
  events.trips.push_back(short_ids);

  const store::StoredEvents stored = ToStoredEvents(kText, Entities(), events);
  ASSERT_EQ(stored.meetings.size(), 1u);
  ASSERT_EQ(stored.meetings[0].participants.size(), 2u);
  EXPECT_EQ(stored.meetings[0].participants[1].name, "조은솔");
  EXPECT_EQ(stored.meetings[0].evidence, "");
  EXPECT_EQ(stored.meetings[0].confidence, 1.0);
  ASSERT_EQ(stored.trips.size(), 1u);
  EXPECT_EQ(stored.trips[0].traveler.name, "조은솔");
  ASSERT_EQ(stored.trips[0].destinations.size(), 2u);
  EXPECT_EQ(stored.trips[0].destinations[1].kb_id, "");
  EXPECT_EQ(stored.trips[0].evidence, "");
  EXPECT_TRUE(store::ValidateEvents(stored, kText.size()).ok());
}

TEST(ToStoredEventsTest, NoEventsGiveEmptyLists) {
  const store::StoredEvents stored = ToStoredEvents(kText, Entities(), {});
  EXPECT_TRUE(stored.meetings.empty());
  EXPECT_TRUE(stored.trips.empty());
}

}  // namespace
}  // namespace tg::pipeline
