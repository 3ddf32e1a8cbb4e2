// The Store contract for the resolved graph (ListExtractions, PutGraph,
// GetGraph), run against every backend.
#include "store/graph.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "backends.h"
#include "dedup/near_dup.h"
#include "store/store.h"
#include "testing/status_matchers.h"

namespace tg::store {
namespace {

const std::string kText =
    "Mira Solberg met 한지우 in Daejeon on Tuesday.\n"
    "The two discussed battery recycling.\n";

Graph SampleGraph() {
  Graph g;
  GraphEntity mira;
  mira.id = 1;
  mira.key = "name:mirasolberg";
  mira.name = "Mira Solberg";
  mira.name_en = "Mira Solberg";
  mira.title = "CEO";
  mira.org = "Nordvik Cells";
  mira.aliases = {"Mira Solberg", "미라 솔베르그"};
  mira.docs = 2;
  mira.events = 1;
  GraphEntity han;
  han.id = 2;
  han.key = "name:한지우";
  han.name = "Han Ji-woo";
  han.name_en = "Han Ji-woo";
  han.name_ko = "한지우";
  han.aliases = {"Han Ji-woo", "한지우"};
  han.docs = 2;
  han.events = 2;
  GraphEntity org;
  org.id = 3;
  org.key = "kb:nordvik";
  org.type = "ORG";
  org.name = "Nordvik Cells";
  org.kb_id = "nordvik";
  g.entities = {mira, han, org};

  GraphEvent meeting;
  meeting.id = 1;
  meeting.participants = {1, 2};
  meeting.date = "2026-03-03";
  meeting.place = "Daejeon";
  meeting.place_kb_id = "daejeon";
  meeting.status = "occurred";
  meeting.topics = {"EV batteries", "battery recycling"};  // sorted (byte order)
  meeting.confidence = 0.75;
  EventSource first;
  first.doc_id = 1;
  first.doc = "a";
  first.published = "2026-03-04";
  first.status = "occurred";
  first.date = "2026-03-03";
  first.evidence = "Mira Solberg met 한지우 in Daejeon on Tuesday.";
  first.participants = {1, 2};
  first.copies = {"b"};
  EventSource second = first;
  second.doc_id = 3;
  second.doc = "c";
  second.date = "";
  second.date_hint = "2026-03";
  meeting.sources = {first, second};
  meeting.docs = {"a", "b", "c"};
  GraphEvent trip;
  trip.id = 2;
  trip.kind = "trip";
  trip.participants = {2};
  trip.traveler = 2;
  trip.date = "2026-03-02";
  trip.end = "2026-03-05";
  trip.destinations = {"Daejeon", "Sejong"};
  trip.status = "planned";
  g.events = {meeting, trip};
  ResolutionNote merge;
  merge.kind = "merge";
  merge.name = "미라 솔베르그";
  merge.entities = {1};
  merge.score = 0.91;
  merge.reason = "transcription";
  ResolutionNote ambiguous;
  ambiguous.kind = "ambiguous";
  ambiguous.name = "Solberg";
  ambiguous.entities = {1, 2};
  ambiguous.reason = "two candidates";
  g.notes = {merge, ambiguous};
  return g;
}

class StoreGraphTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto store = GetParam().open();
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    store_ = std::move(store).value();
  }

  int64_t Insert(const std::string& ext_id, const std::string& text, uint64_t raw_hash,
                 int64_t dup_of = 0) {
    Document doc;
    doc.ext_id = ext_id;
    doc.text = text;
    doc.raw_hash = raw_hash;
    doc.text_hash = dedup::ExactTextHash(text);
    doc.meta.lang = "en";
    doc.meta.published = "2026-03-04";
    doc.meta.outlet = "Valley Post";
    if (dup_of != 0) {
      doc.dup_group = dup_of;
      doc.dup_kind = DupKind::kExact;
      doc.dup_similarity = 1.0;
    }
    const dedup::Signature sig = hasher_.Compute(text);
    Result<int64_t> id = store_->Insert(doc, sig, hasher_.BandKeys(sig));
    EXPECT_TRUE(id.has_value()) << id.error().ToString();
    return id.has_value() ? *id : 0;
  }

  dedup::MinHasher hasher_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreGraphTest, GraphRoundTripsAndReplacesTheOldOne) {
  ASSERT_OK_AND_ASSIGN(Graph empty, store_->GetGraph());
  EXPECT_TRUE(empty.entities.empty() && empty.events.empty() && empty.notes.empty());
  const Graph g = SampleGraph();
  ASSERT_OK(store_->PutGraph(g));
  ASSERT_OK_AND_ASSIGN(Graph got, store_->GetGraph());
  EXPECT_TRUE(got == g);
  ASSERT_EQ(got.events.size(), 2u);
  EXPECT_EQ(got.events[0].sources[1].date_hint, "2026-03");
  EXPECT_EQ(got.events[1].destinations, (std::vector<std::string>{"Daejeon", "Sejong"}));
  EXPECT_EQ(got.notes[1].entities, (std::vector<int64_t>{1, 2}));

  Graph smaller = g;
  smaller.events.pop_back();
  smaller.notes.clear();
  ASSERT_OK(store_->PutGraph(smaller));
  ASSERT_OK_AND_ASSIGN(Graph replaced, store_->GetGraph());
  EXPECT_TRUE(replaced == smaller);
}

TEST_P(StoreGraphTest, RejectsAGraphNamingUnknownEntitiesAndKeepsTheOldOne) {
  ASSERT_OK(store_->PutGraph(SampleGraph()));
  Graph bad = SampleGraph();
  bad.events[0].participants.push_back(99);
  const Status status = store_->PutGraph(bad);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("99"), std::string::npos) << status.ToString();
  Graph duplicate_id = SampleGraph();
  duplicate_id.entities[1].id = 1;
  EXPECT_EQ(store_->PutGraph(duplicate_id).code(), StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(Graph got, store_->GetGraph());
  EXPECT_TRUE(got == SampleGraph());
}

TEST_P(StoreGraphTest, ListsExtractedDocumentsWithEventsAndDuplicates) {
  const int64_t a = Insert("a", kText, 1);
  const int64_t b = Insert("b", kText, 2, a);  // an exact copy of a: not extracted itself
  const int64_t c = Insert("c", kText + "More.\n", 3);
  const int64_t d = Insert("d", "Nothing here.", 4);  // never extracted
  static_cast<void>(b);
  static_cast<void>(d);
  StoredEvents events;
  StoredMeeting m;
  m.participants.resize(2);
  m.participants[0].name = "Mira Solberg";
  m.participants[1].name = "한지우";
  m.status = "occurred";
  m.evidence_begin = 0;
  m.evidence_end = static_cast<uint32_t>(kText.find('\n'));
  events.meetings.push_back(m);
  ASSERT_OK(store_->PutEvents(a, events));
  ASSERT_OK(store_->PutEvents(c, StoredEvents{}));

  ASSERT_OK_AND_ASSIGN(std::vector<ExtractionRecord> all, store_->ListExtractions(0));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].ext_id, "a");
  EXPECT_EQ(all[0].lang, "en");
  EXPECT_EQ(all[0].published, "2026-03-04");
  EXPECT_EQ(all[0].outlet, "Valley Post");
  EXPECT_EQ(all[0].duplicate_ext_ids, (std::vector<std::string>{"b"}));
  ASSERT_EQ(all[0].events.meetings.size(), 1u);
  EXPECT_EQ(all[0].events.meetings[0].evidence, "Mira Solberg met 한지우 in Daejeon on Tuesday.");
  EXPECT_EQ(all[1].ext_id, "c");
  EXPECT_TRUE(all[1].events.meetings.empty());

  ASSERT_OK_AND_ASSIGN(std::vector<ExtractionRecord> later, store_->ListExtractions(a));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].doc_id, c);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreGraphTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace tg::store
