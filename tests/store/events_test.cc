// The Store contract for meetings and trips (PutEvents / GetEvents), run
// against every backend.
#include "store/events.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "backends.h"
#include "dedup/near_dup.h"
#include "store/store.h"
#include "testing/status_matchers.h"

namespace tg::store {
namespace {

// Byte offsets below are into this text; the Korean line makes them differ
// from character offsets.
const std::string kText =
    "Orrin Vasko meets Hye-rin Baek in Incheon\n"
    "한솔해운의 백혜린 대표는 지난 3일 인천에서 바스코 회장과 만났다.\n"
    "Vasko, chairman of Teal Harbor Lines, met Baek on Monday to discuss green shipping fuel.\n"
    "He flew on to Busan and Ulsan with his deputy Ilse Marr.\n";

size_t Find(const std::string& needle) { return kText.find(needle); }

EventPerson Person(const std::string& name, const std::string& kb_id, const std::string& title,
                   const std::string& org) {
  EventPerson p;
  p.name = name;
  p.kb_id = kb_id;
  p.title = title;
  p.org = org;
  return p;
}

StoredMeeting Meeting(const std::string& sentence_start, const std::string& sentence_end) {
  StoredMeeting m;
  m.evidence_begin = static_cast<uint32_t>(Find(sentence_start));
  m.evidence_end = static_cast<uint32_t>(Find(sentence_end) + sentence_end.size());
  return m;
}

StoredEvents SampleEvents() {
  StoredEvents events;
  StoredMeeting en = Meeting("Vasko, chairman", "shipping fuel.");
  en.participants = {Person("Orrin Vasko", "", "chairman", "Teal Harbor Lines"),
                     Person("Hye-rin Baek", "", "CEO", "Hansol Shipping")};
  en.participants[1].name_ko = "백혜린";
  en.date = "2025-02-03";
  en.place = {"Incheon", "incheon"};
  en.status = "occurred";
  en.topics = {"green fuel", "shipping"};
  en.confidence = 0.875;
  events.meetings.push_back(en);

  StoredMeeting ko = Meeting("한솔해운의", "만났다.");
  ko.participants = {Person("백혜린", "", "대표", "한솔해운"), Person("바스코", "", "회장", "")};
  ko.date_hint = "2025-02";
  ko.status = "planned";
  ko.confidence = 0.5;
  events.meetings.push_back(ko);

  StoredTrip trip;
  trip.traveler = Person("Orrin Vasko", "", "chairman", "Teal Harbor Lines");
  trip.destinations = {{"Busan", "busan"}, {"Ulsan", ""}};
  trip.start = "2025-02-04";
  trip.companions = {Person("Ilse Marr", "", "deputy", "")};
  trip.status = "occurred";
  trip.evidence_begin = static_cast<uint32_t>(Find("He flew"));
  trip.evidence_end = static_cast<uint32_t>(Find("Marr.") + 5);
  trip.confidence = 0.25;
  events.trips.push_back(trip);
  return events;
}

class StoreEventsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto store = GetParam().open();
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    store_ = std::move(store).value();
  }

  int64_t Insert(const std::string& ext_id, const std::string& text, uint64_t raw_hash) {
    Document doc;
    doc.ext_id = ext_id;
    doc.text = text;
    doc.raw_hash = raw_hash;
    doc.text_hash = dedup::ExactTextHash(text);
    doc.meta.lang = "en";
    const dedup::Signature sig = hasher_.Compute(text);
    Result<int64_t> id = store_->Insert(doc, sig, hasher_.BandKeys(sig));
    EXPECT_TRUE(id.has_value()) << id.error().ToString();
    return id.has_value() ? *id : 0;
  }

  dedup::MinHasher hasher_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreEventsTest, RoundTripsEveryFieldWithEvidenceText) {
  const int64_t id = Insert("harbor", kText, 1);
  const StoredEvents events = SampleEvents();
  ASSERT_OK(store_->PutEvents(id, events));
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> got, store_->GetEvents(id));
  ASSERT_TRUE(got.has_value());
  StoredEvents want = events;
  FillEvidence(kText, &want);
  EXPECT_EQ(want.meetings[1].evidence,
            "한솔해운의 백혜린 대표는 지난 3일 인천에서 바스코 회장과 만났다.");
  EXPECT_EQ(want.trips[0].evidence, "He flew on to Busan and Ulsan with his deputy Ilse Marr.");
  EXPECT_TRUE(*got == want);
  ASSERT_EQ(got->meetings.size(), 2u);
  EXPECT_EQ(got->meetings[0].participants[1].name_ko, "백혜린");
  EXPECT_EQ(got->meetings[0].place.kb_id, "incheon");
  EXPECT_EQ(got->meetings[0].topics, (std::vector<std::string>{"green fuel", "shipping"}));
  EXPECT_EQ(got->meetings[0].evidence.rfind("Vasko, chairman", 0), 0u);
  EXPECT_DOUBLE_EQ(got->meetings[0].confidence, 0.875);
  ASSERT_EQ(got->trips.size(), 1u);
  EXPECT_EQ(got->trips[0].traveler.name, "Orrin Vasko");
  EXPECT_EQ(got->trips[0].companions.size(), 1u);
  EXPECT_EQ(got->trips[0].destinations[1].name, "Ulsan");
  // Flushing (a commit for SQLite) changes nothing of it.
  ASSERT_OK(store_->Flush());
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> flushed, store_->GetEvents(id));
  ASSERT_TRUE(flushed.has_value());
  EXPECT_TRUE(*flushed == want);
}

TEST_P(StoreEventsTest, NothingPutIsNulloptAndNothingFoundIsEmpty) {
  const int64_t a = Insert("a", "A story without meetings.", 1);
  const int64_t b = Insert("b", "Another story.", 2);
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> before, store_->GetEvents(a));
  EXPECT_FALSE(before.has_value());
  ASSERT_OK(store_->PutEvents(a, StoredEvents{}));
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> after, store_->GetEvents(a));
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(after->meetings.empty());
  EXPECT_TRUE(after->trips.empty());
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> other, store_->GetEvents(b));
  EXPECT_FALSE(other.has_value());
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> unknown, store_->GetEvents(999));
  EXPECT_FALSE(unknown.has_value());
}

TEST_P(StoreEventsTest, PutReplacesTheDocumentsEventsOnly) {
  const int64_t a = Insert("a", kText, 1);
  const int64_t b = Insert("b", kText + "\nA last line.", 2);
  ASSERT_OK(store_->PutEvents(a, SampleEvents()));
  ASSERT_OK(store_->PutEvents(b, SampleEvents()));
  StoredEvents fewer = SampleEvents();
  fewer.meetings.erase(fewer.meetings.begin());
  fewer.trips.clear();
  ASSERT_OK(store_->PutEvents(a, fewer));
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> got_a, store_->GetEvents(a));
  ASSERT_TRUE(got_a.has_value());
  ASSERT_EQ(got_a->meetings.size(), 1u);
  EXPECT_EQ(got_a->meetings[0].status, "planned");
  EXPECT_TRUE(got_a->trips.empty());
  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> got_b, store_->GetEvents(b));
  ASSERT_TRUE(got_b.has_value());
  EXPECT_EQ(got_b->meetings.size(), 2u);
  EXPECT_EQ(got_b->trips.size(), 1u);
}

TEST_P(StoreEventsTest, RejectsUnknownDocumentsAndBadEventsKeepingWhatWasThere) {
  const int64_t id = Insert("a", kText, 1);
  ASSERT_OK(store_->PutEvents(id, SampleEvents()));

  EXPECT_EQ(store_->PutEvents(id + 100, SampleEvents()).code(), StatusCode::kNotFound);
  StoredEvents bad_status = SampleEvents();
  bad_status.meetings[1].status = "rumoured";
  EXPECT_EQ(store_->PutEvents(id, bad_status).code(), StatusCode::kInvalidArgument);
  StoredEvents bad_span = SampleEvents();
  bad_span.trips[0].evidence_end = static_cast<uint32_t>(kText.size() + 1);
  const Status span = store_->PutEvents(id, bad_span);
  EXPECT_EQ(span.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(span.message().find("trip 0"), std::string::npos) << span.ToString();
  StoredEvents reversed = SampleEvents();
  std::swap(reversed.meetings[0].evidence_begin, reversed.meetings[0].evidence_end);
  EXPECT_EQ(store_->PutEvents(id, reversed).code(), StatusCode::kInvalidArgument);

  ASSERT_OK_AND_ASSIGN(std::optional<StoredEvents> got, store_->GetEvents(id));
  ASSERT_TRUE(got.has_value());
  StoredEvents want = SampleEvents();
  FillEvidence(kText, &want);
  EXPECT_TRUE(*got == want);
}

TEST(ValidateEventsTest, SpanMayEndAtTheLastByteButNotBeyond) {
  StoredEvents events;
  events.meetings.push_back({});
  events.meetings[0].status = "occurred";
  events.meetings[0].evidence_begin = 4;
  events.meetings[0].evidence_end = 10;
  EXPECT_OK(ValidateEvents(events, 10));
  EXPECT_EQ(ValidateEvents(events, 9).code(), StatusCode::kInvalidArgument);
  events.meetings[0].status = "";
  EXPECT_EQ(ValidateEvents(events, 10).code(), StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreEventsTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace tg::store
