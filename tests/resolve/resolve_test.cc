// Cross-document resolution on hand-made extractions: people across
// spellings and scripts, namesakes kept apart, events merged across
// languages and date granularity, planned-then-occurred, order independence.
#include "resolve/resolve.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::resolve {
namespace {

store::EventPerson Person(const std::string& name, const std::string& org = "",
                          const std::string& title = "") {
  store::EventPerson p;
  p.name = name;
  p.org = org;
  p.title = title;
  return p;
}

store::StoredMeeting Meeting(std::vector<store::EventPerson> people, const std::string& date,
                             const std::string& hint = "", const std::string& status = "occurred",
                             const std::string& place = "") {
  store::StoredMeeting m;
  m.participants = std::move(people);
  m.date = date;
  m.date_hint = hint;
  m.status = status;
  m.place.name = place;
  m.evidence = "evidence";
  m.confidence = 0.5;
  return m;
}

store::ExtractionRecord Doc(int64_t id, const std::string& ext_id, const std::string& lang,
                            const std::string& published, std::vector<store::StoredMeeting> meetings) {
  store::ExtractionRecord r;
  r.doc_id = id;
  r.ext_id = ext_id;
  r.lang = lang;
  r.published = published;
  r.events.meetings = std::move(meetings);
  return r;
}

class ResolveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Resolver> r = Resolver::Load((testing::SourceDir() / "data").string());
    ASSERT_TRUE(r.has_value()) << r.error().ToString();
    resolver_ = new Resolver(std::move(r).value());
  }
  static void TearDownTestSuite() {
    delete resolver_;
    resolver_ = nullptr;
  }

  // The entity whose aliases include `name`, or null.
  static const store::GraphEntity* EntityNamed(const store::Graph& g, const std::string& name) {
    for (const store::GraphEntity& e : g.entities) {
      if (std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end()) return &e;
    }
    return nullptr;
  }
  static std::vector<const store::GraphEvent*> Meetings(const store::Graph& g) {
    std::vector<const store::GraphEvent*> out;
    for (const store::GraphEvent& e : g.events) {
      if (e.kind == "meeting") out.push_back(&e);
    }
    return out;
  }

  static Resolver* resolver_;
};
Resolver* ResolveTest::resolver_ = nullptr;

TEST_F(ResolveTest, KoreanAndEnglishReportsOfOneDinnerBecomeOneEvent) {
  // An English page dates it to the day; the Korean page only to "this week" (a month hint).
  const store::Graph g = resolver_->Resolve({
      Doc(1, "en-page", "en", "2026-05-13",
          {Meeting({Person("Victor Lam", "Corvane"), Person("Park Seo-jun", "Hanul Robotics")},
                   "2026-05-11", "", "occurred", "Palo Alto")}),
      Doc(2, "ko-page", "ko", "2026-05-14",
          {Meeting({Person("빅터 램", "코르베인"), Person("박서준", "한울로보틱스")}, "", "2026-05",
                   "occurred", "팰로앨토")}),
  });
  const store::GraphEntity* lam = EntityNamed(g, "Victor Lam");
  const store::GraphEntity* park = EntityNamed(g, "Park Seo-jun");
  ASSERT_NE(lam, nullptr);
  ASSERT_NE(park, nullptr);
  EXPECT_EQ(lam, EntityNamed(g, "빅터 램"));
  EXPECT_EQ(park, EntityNamed(g, "박서준"));
  EXPECT_EQ(park->name, "Park Seo-jun");
  EXPECT_EQ(park->name_ko, "박서준");
  const auto meetings = Meetings(g);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]->date, "2026-05-11");  // the precise report wins
  EXPECT_EQ(meetings[0]->docs, (std::vector<std::string>{"en-page", "ko-page"}));
  EXPECT_EQ(meetings[0]->sources.size(), 2u);
  // The cross-script merges are reported.
  int merges = 0;
  for (const store::ResolutionNote& n : g.notes) merges += n.kind == "merge";
  EXPECT_GE(merges, 2);
}

TEST_F(ResolveTest, NamesakesWithDifferentEmployersStayApart) {
  const store::Graph g = resolver_->Resolve({
      Doc(1, "a", "en", "2026-02-02",
          {Meeting({Person("Kim Do-hyun", "Sorae Bank", "CEO"), Person("Ilse Marr", "Teal Port")},
                   "2026-02-01")}),
      Doc(2, "b", "en", "2026-02-09",
          {Meeting({Person("Kim Do-hyun", "Ministry of Oceans", "minister"),
                    Person("Ansel Krey", "Gray Freight")},
                   "2026-02-08")}),
      // No employer given: two candidates, so it is left apart and reported.
      Doc(3, "c", "en", "2026-02-10",
          {Meeting({Person("Kim Do-hyun"), Person("Oren Lasky", "Lasky Labs")}, "2026-02-09")}),
  });
  int kims = 0;
  for (const store::GraphEntity& e : g.entities) kims += e.type == "PERSON" && e.name == "Kim Do-hyun";
  EXPECT_EQ(kims, 3);
  bool reported = false;
  for (const store::ResolutionNote& n : g.notes) {
    reported = reported || (n.kind == "ambiguous" && n.name == "Kim Do-hyun" && n.entities.size() == 3);
  }
  EXPECT_TRUE(reported);
}

TEST_F(ResolveTest, PlannedThenOccurredIsOneEventWithTheLatestStatus) {
  const store::Graph g = resolver_->Resolve({
      Doc(1, "preview", "en", "2026-06-01",
          {Meeting({Person("Noor Haddad", "Qasr Energy"), Person("Jonas Field", "Fieldline")}, "",
                   "2026-06", "planned")}),
      Doc(2, "report", "en", "2026-06-19",
          {Meeting({Person("Noor Haddad", "Qasr Energy"), Person("Jonas Field", "Fieldline")},
                   "2026-06-18", "", "occurred", "Doha")}),
  });
  const auto meetings = Meetings(g);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]->status, "occurred");
  EXPECT_EQ(meetings[0]->date, "2026-06-18");
  ASSERT_EQ(meetings[0]->sources.size(), 2u);
  EXPECT_EQ(meetings[0]->sources[0].status, "planned");  // both reports kept, oldest first
  EXPECT_EQ(meetings[0]->sources[1].status, "occurred");
}

TEST_F(ResolveTest, DifferentDaysOrDifferentPairsAreDifferentEvents) {
  const store::Graph g = resolver_->Resolve({
      Doc(1, "a", "en", "2026-03-10",
          {Meeting({Person("Noor Haddad"), Person("Jonas Field")}, "2026-03-02"),
           Meeting({Person("Noor Haddad"), Person("Ansel Krey")}, "2026-03-09")}),
      Doc(2, "b", "en", "2026-03-12",
          {Meeting({Person("Noor Haddad"), Person("Jonas Field")}, "2026-03-11")}),
  });
  EXPECT_EQ(Meetings(g).size(), 3u);
}

TEST_F(ResolveTest, AGroupMeetingAbsorbsReportsOfTwoOfItsMembers) {
  const store::Graph g = resolver_->Resolve({
      Doc(1, "a", "en", "2026-04-03",
          {Meeting({Person("Noor Haddad"), Person("Jonas Field"), Person("Ilse Marr")}, "2026-04-02")}),
      Doc(2, "b", "en", "2026-04-03", {Meeting({Person("Ilse Marr"), Person("Jonas Field")}, "2026-04-02")}),
  });
  const auto meetings = Meetings(g);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]->participants.size(), 3u);
}

TEST_F(ResolveTest, TheGraphDoesNotDependOnTheOrderOfRecords) {
  std::vector<store::ExtractionRecord> records = {
      Doc(1, "a", "en", "2026-05-13",
          {Meeting({Person("Victor Lam", "Corvane"), Person("Park Seo-jun")}, "2026-05-11")}),
      Doc(2, "b", "ko", "2026-05-14", {Meeting({Person("빅터 램"), Person("박서준")}, "", "2026-05")}),
      Doc(3, "c", "en", "2026-05-20",
          {Meeting({Person("Park Seo-jun"), Person("Noor Haddad")}, "2026-05-19")}),
  };
  const store::Graph forward = resolver_->Resolve(records);
  std::reverse(records.begin(), records.end());
  EXPECT_TRUE(resolver_->Resolve(records) == forward);
}

}  // namespace
}  // namespace tg::resolve
