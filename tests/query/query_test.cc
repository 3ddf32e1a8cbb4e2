// Tests for who-met, timeline, topics and the event filter (src/query/query.h).
#include "query/query.h"

#include <gtest/gtest.h>

#include "query/json.h"
#include "query/test_graph.h"
#include "testing/status_matchers.h"

namespace tg::query {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_ = testing::BuildTestIndex();
  }

  // Counterpart ids of who-met(entity) under `filter`, in result order.
  std::vector<int64_t> Partners(int64_t entity, const EventFilter& filter = {}) {
    Result<WhoMetResult> r = WhoMet(*index_, entity, filter);
    EXPECT_OK(r);
    std::vector<int64_t> ids;
    if (r.has_value()) {
      for (const Counterpart& c : r->counterparts) ids.push_back(c.entity);
    }
    return ids;
  }

  std::shared_ptr<const GraphIndex> index_;
};

TEST_F(QueryTest, WhoMetListsCounterpartsWithProvenance) {
  ASSERT_OK_AND_ASSIGN(WhoMetResult r, WhoMet(*index_, 1, {}));
  // Quillon twice; then Han Ji-woo and Strauss (2024-10-01, by name); Park (2023).
  ASSERT_EQ(r.counterparts.size(), 4u);
  EXPECT_EQ(r.meetings, 4);  // events 1, 2, 5, 10; the trip is no meeting
  const Counterpart& quillon = r.counterparts[0];
  EXPECT_EQ(quillon.entity, 3);
  EXPECT_EQ(quillon.events, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(quillon.first_date, "2024-03-05");
  EXPECT_EQ(quillon.last_date, "2024-06-10");
  EXPECT_EQ(quillon.places, (std::vector<std::string>{"Seoul", "San Jose"}));
  EXPECT_EQ(quillon.topics, (std::vector<std::string>{"AI chips", "HBM", "foundry"}));
  EXPECT_EQ(quillon.sources, 3);  // doc-1, doc-1b, doc-2
  EXPECT_TRUE(quillon.occurred);
  EXPECT_EQ(r.counterparts[1].entity, 2);
  EXPECT_EQ(r.counterparts[2].entity, 6);
  EXPECT_EQ(r.counterparts[3].entity, 5);
  // Every event named leads to its evidence.
  const store::GraphEvent* first = index_->FindEvent(quillon.events[0]);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->sources[1].evidence, "한서준 회장은 마르타 퀼론 대표와 서울에서 만났다.");
}

TEST_F(QueryTest, WhoMetFilters) {
  EventFilter since;
  since.since = "2024-01-01";
  EXPECT_EQ(Partners(1, since), (std::vector<int64_t>{3, 2, 6}));
  EventFilter until;
  until.until = "2024-03";
  EXPECT_EQ(Partners(1, until), (std::vector<int64_t>{3, 5}));
  EventFilter topic;
  topic.topic = "ai";  // any case, whole words: "AI chips"
  EXPECT_EQ(Partners(1, topic), (std::vector<int64_t>{3}));
  topic.topic = "chips";  // one meeting each; the later (April 2024) first
  EXPECT_EQ(Partners(3, topic), (std::vector<int64_t>{4, 1}));
  topic.topic = "A";  // not a word of any label
  EXPECT_TRUE(Partners(1, topic).empty());
  EventFilter planned;
  planned.status = StatusFilter::kPlanned;
  EXPECT_EQ(Partners(1, planned), (std::vector<int64_t>{3}));
  // The denied meeting shows only when asked for.
  EXPECT_EQ(Partners(5), (std::vector<int64_t>{1}));
  EventFilter denied;
  denied.status = StatusFilter::kDenied;
  EXPECT_EQ(Partners(5, denied), (std::vector<int64_t>{6}));
  // A month hint overlaps a range cutting through the month.
  EventFilter mid_april;
  mid_april.since = "2024-04-15";
  mid_april.until = "2024-04-20";
  EXPECT_EQ(Partners(4, mid_april), (std::vector<int64_t>{3}));
  // The undated meeting is placed at its report date.
  EventFilter february;
  february.since = "2024-02";
  february.until = "2024-02";
  EXPECT_EQ(Partners(4, february), (std::vector<int64_t>{6}));
}

TEST_F(QueryTest, WhoMetOfAnOrgGoesThroughItsPeople) {
  // Daeyang Group: Han Seo-jun and Park Min-ho; their meeting with each other is internal.
  EXPECT_EQ(Partners(9), (std::vector<int64_t>{3, 2, 6}));
}

TEST_F(QueryTest, BadInputsFail) {
  EventFilter bad;
  bad.since = "March 2024";
  EXPECT_EQ(WhoMet(*index_, 1, bad).error().code(), StatusCode::kInvalidArgument);
  EventFilter reversed;
  reversed.since = "2024-05";
  reversed.until = "2024-04-30";
  EXPECT_EQ(Timeline(*index_, 1, reversed).error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(WhoMet(*index_, 404, {}).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(ParseStatusFilter("maybe").error().code(), StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(StatusFilter s, ParseStatusFilter("occurred"));
  EXPECT_EQ(s, StatusFilter::kOccurred);
}

TEST_F(QueryTest, TimelineInDateOrderWithUndatedMarked) {
  ASSERT_OK_AND_ASSIGN(TimelineResult han, Timeline(*index_, 1, {}));
  std::vector<int64_t> ids;
  for (const TimelineEntry& e : han.entries) ids.push_back(e.event);
  EXPECT_EQ(ids, (std::vector<int64_t>{5, 1, 2, 8, 10}));  // the trip included
  ASSERT_OK_AND_ASSIGN(TimelineResult belsky, Timeline(*index_, 4, {}));
  ASSERT_EQ(belsky.entries.size(), 3u);
  EXPECT_EQ(belsky.entries[0].event, 6);
  EXPECT_TRUE(belsky.entries[0].undated);
  EXPECT_EQ(belsky.entries[0].date, "2024-02-01");
  EXPECT_EQ(belsky.entries[1].date, "2024-04");
  EXPECT_FALSE(belsky.entries[1].undated);
  EXPECT_EQ(belsky.entries[2].event, 4);
}

TEST_F(QueryTest, TopicsBetweenTwoPeopleAndOfAnOrg) {
  ASSERT_OK_AND_ASSIGN(TopicsResult pair, TopicsBetween(*index_, 1, 3, {}));
  EXPECT_EQ(pair.events, 2);
  std::vector<std::string> labels;
  for (const TopicCount& t : pair.topics) labels.push_back(t.topic);
  EXPECT_EQ(labels, (std::vector<std::string>{"AI chips", "HBM", "foundry"}));
  EXPECT_EQ(pair.topics[0].sources, 2);
  EXPECT_EQ(pair.topics[0].event_ids, (std::vector<int64_t>{1}));

  ASSERT_OK_AND_ASSIGN(TopicsResult org, TopicsOfOrg(*index_, 9, {}));
  labels.clear();
  for (const TopicCount& t : org.topics) labels.push_back(t.topic);
  EXPECT_EQ(labels,
            (std::vector<std::string>{"AI chips", "HBM", "foundry", "robotics", "trade"}));
  EXPECT_EQ(org.events, 5);  // 1, 2, 5, 8, 10 (7 was denied)

  ASSERT_OK_AND_ASSIGN(TopicsResult all, AllTopics(*index_, {}));
  ASSERT_FALSE(all.topics.empty());
  EXPECT_EQ(all.topics[0].topic, "AI chips");
  EXPECT_EQ(all.topics[0].events, 2);
  EXPECT_EQ(all.topics[0].first_date, "2024-03-05");
  EXPECT_EQ(all.topics[0].last_date, "2024-04");
}

TEST_F(QueryTest, JsonCarriesEvidence) {
  ASSERT_OK_AND_ASSIGN(WhoMetResult r, WhoMet(*index_, 1, {}));
  const nlohmann::json j = WhoMetJson(*index_, r);
  EXPECT_EQ(j["entity"]["display"], "Han Seo-jun (한서준)");
  const nlohmann::json& first = j["counterparts"][0];
  EXPECT_EQ(first["entity"]["name"], "Marta Quillon");
  EXPECT_EQ(first["meetings"], 2);
  EXPECT_EQ(first["events"][0]["sources"][1]["doc"], "doc-1b");
  EXPECT_EQ(first["events"][0]["participants"][1]["id"], 3);
}

}  // namespace
}  // namespace tg::query
