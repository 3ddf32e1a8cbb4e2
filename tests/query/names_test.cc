// Tests for src/query/names.h and the index of src/query/graph_index.h.
#include "query/names.h"

#include <gtest/gtest.h>

#include "query/graph_index.h"
#include "query/test_graph.h"
#include "testing/status_matchers.h"

namespace tg::query {
namespace {

TEST(NormalizeNameTest, FoldsCaseSpacesHyphensAndWidth) {
  EXPECT_EQ(NormalizeName("Han Seo-jun"), "hanseojun");
  EXPECT_EQ(NormalizeName("HAN  seojun"), "hanseojun");
  EXPECT_EQ(NormalizeName("Ｈａｎ　Ｓｅｏ－ｊｕｎ"), "hanseojun");  // full-width forms (NFKC)
  EXPECT_EQ(NormalizeName("한 서준"), "한서준");
  EXPECT_EQ(NormalizeName("O\u2019Hare"), "ohare");
  EXPECT_EQ(NormalizeName("Ünal Çelik"), "ünalçelik");
  EXPECT_EQ(NormalizeName(" - "), "");
}

struct ResolveCase {
  const char* name;
  ResolveStatus status;
  std::vector<int64_t> ids;  // the entity, or the candidates in order
};

TEST(ResolveTest, NamesInBothLanguagesAndShortForms) {
  const auto index = testing::BuildTestIndex();
  const ResolveCase cases[] = {
      {"Han Seo-jun", ResolveStatus::kFound, {1}},
      {"han seojun", ResolveStatus::kFound, {1}},
      {"HAN SEO JUN", ResolveStatus::kFound, {1}},
      {"한서준", ResolveStatus::kFound, {1}},
      {"한 서준", ResolveStatus::kFound, {1}},
      {"Chairman Han Seo-jun", ResolveStatus::kFound, {1}},
      {"한서준 회장", ResolveStatus::kFound, {1}},
      // A surname with a title picks the one whose title fits, in either language.
      {"Chairman Han", ResolveStatus::kFound, {1}},
      {"한 회장", ResolveStatus::kFound, {1}},
      {"한회장", ResolveStatus::kFound, {1}},
      {"CEO Han", ResolveStatus::kFound, {2}},
      {"한 대표", ResolveStatus::kFound, {2}},
      // A surname alone fitting two people lists both, most documents first.
      {"Han", ResolveStatus::kAmbiguous, {1, 2}},
      {"한", ResolveStatus::kAmbiguous, {1, 2}},
      // Two people with one name, in both languages; a title tells them apart.
      {"Kim Do-yun", ResolveStatus::kAmbiguous, {7, 8}},
      {"김도윤", ResolveStatus::kAmbiguous, {7, 8}},
      {"CEO Kim Do-yun", ResolveStatus::kFound, {7}},
      {"김도윤 대표", ResolveStatus::kFound, {7}},
      // A title no candidate has does not pick one.
      {"Minister Han", ResolveStatus::kAmbiguous, {1, 2}},
      {"Quillon", ResolveStatus::kFound, {3}},
      {"마르타 퀼론", ResolveStatus::kFound, {3}},
      {"Mr. Belsky", ResolveStatus::kFound, {4}},
      {"Belsky", ResolveStatus::kFound, {4}},
      {"Daeyang Group", ResolveStatus::kFound, {9}},
      {"대양그룹", ResolveStatus::kFound, {9}},
      {"test:4", ResolveStatus::kFound, {4}},  // the entity key
      {"Nobody Known", ResolveStatus::kNotFound, {}},
      {"", ResolveStatus::kNotFound, {}},
  };
  for (const ResolveCase& c : cases) {
    const Resolution r = index->names().Resolve(c.name);
    EXPECT_EQ(r.status, c.status) << c.name;
    if (c.status == ResolveStatus::kFound) {
      EXPECT_EQ(std::vector<int64_t>{r.entity}, c.ids) << c.name;
    } else {
      EXPECT_EQ(r.candidates, c.ids) << c.name;
    }
  }
}

TEST(ResolveTest, RomanisedKoreanNamesWithoutHangulHaveTheirSurname) {
  // The hyphenated given name marks the order; no Hangul form is known.
  store::Graph g;
  g.entities = {testing::Person(1, "Seok Ha-rin", "", "Chairman", "", 3),
                testing::Person(2, "Ji-ho Seok", "", "CEO", "", 2),
                testing::Person(3, "Evan Seok", "", "", "", 1),
                testing::Person(4, "Ha-rin Park", "", "", "", 1)};
  ASSERT_OK_AND_ASSIGN(auto index, GraphIndex::Build(std::move(g)));
  EXPECT_EQ(index->names().Resolve("Seok").candidates, (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(index->names().Resolve("Chairman Seok").entity, 1);
  EXPECT_EQ(index->names().Resolve("CEO Seok").entity, 2);
  EXPECT_EQ(index->names().Resolve("Park").entity, 4);
  EXPECT_EQ(index->names().Resolve("Ha-rin").status, ResolveStatus::kNotFound);  // given names are no key
}

TEST(ResolveTest, KindRestrictsCandidates) {
  const auto index = testing::BuildTestIndex();
  EXPECT_EQ(index->names().Resolve("Daeyang Group", EntityKind::kPerson).status,
            ResolveStatus::kNotFound);
  EXPECT_EQ(index->names().Resolve("Daeyang Group", EntityKind::kOrg).entity, 9);
  EXPECT_EQ(index->names().Resolve("Han", EntityKind::kOrg).status, ResolveStatus::kNotFound);
}

TEST(ResolveTest, ResolveOneReportsAmbiguityAndAbsence) {
  const auto index = testing::BuildTestIndex();
  ASSERT_OK_AND_ASSIGN(int64_t id, ResolveOne(*index, "한서준"));
  EXPECT_EQ(id, 1);
  Result<int64_t> ambiguous = ResolveOne(*index, "Han");
  ASSERT_FALSE(ambiguous.has_value());
  EXPECT_EQ(ambiguous.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(ambiguous.error().message().find("Han Seo-jun (한서준) (id 1)"), std::string::npos)
      << ambiguous.error().message();
  Result<int64_t> missing = ResolveOne(*index, "Nobody Known");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
}

TEST(GraphIndexTest, AdjacencyOrgsAndSynthesisedOrgs) {
  const auto index = testing::BuildTestIndex();
  EXPECT_EQ(index->FindEntity(3)->name, "Marta Quillon");
  EXPECT_EQ(index->FindEvent(10)->place, "Berlin");
  EXPECT_EQ(index->FindEntity(99), nullptr);
  // Han Seo-jun: events 1, 2, 5, 8 (trip), 10; partners 2, 3, 5 (meeting 5 only;
  // the trip joins no one), 6.
  const uint32_t han = index->EntityIndex(1);
  std::vector<int64_t> events, partners;
  for (uint32_t e : index->EventsOf(han)) events.push_back(index->EventAt(e).id);
  for (const Neighbor& n : index->NeighborsOf(han)) partners.push_back(index->EntityAt(n.entity).id);
  EXPECT_EQ(events, (std::vector<int64_t>{1, 2, 5, 8, 10}));
  EXPECT_EQ(partners, (std::vector<int64_t>{2, 3, 5, 6}));
  // Daeyang Group exists as entity 9; Daeyang Electronics is synthesised.
  EXPECT_EQ(index->EntityAt(index->OrgOf(han)).id, 9);
  const uint32_t electronics = index->OrgOf(index->EntityIndex(2));
  ASSERT_NE(electronics, kNoIndex);
  EXPECT_TRUE(index->IsSynthesised(electronics));
  EXPECT_EQ(index->EntityAt(electronics).name, "Daeyang Electronics");
  EXPECT_GT(index->EntityAt(electronics).id, 10);
  EXPECT_EQ(index->names().Resolve("Daeyang Electronics").entity,
            index->EntityAt(electronics).id);
  std::vector<int64_t> members;
  for (uint32_t m : index->MembersOf(index->EntityIndex(9))) members.push_back(index->EntityAt(m).id);
  EXPECT_EQ(members, (std::vector<int64_t>{1, 5}));
}

TEST(GraphIndexTest, RejectsUnknownParticipantsAndDuplicateIds) {
  store::Graph bad = testing::MakeTestGraph();
  bad.events[0].participants.push_back(77);
  EXPECT_EQ(GraphIndex::Build(bad).error().code(), StatusCode::kCorrupt);
  store::Graph twice = testing::MakeTestGraph();
  twice.entities[1].id = 1;
  EXPECT_EQ(GraphIndex::Build(twice).error().code(), StatusCode::kCorrupt);
}

TEST(GraphIndexTest, SparseIdsWork) {
  store::Graph g = testing::MakeTestGraph();
  for (auto& e : g.entities) e.id *= 1000003;
  for (auto& ev : g.events) {
    for (auto& p : ev.participants) p *= 1000003;
    if (ev.traveler != 0) ev.traveler *= 1000003;
  }
  ASSERT_OK_AND_ASSIGN(auto index, GraphIndex::Build(std::move(g)));
  EXPECT_EQ(index->names().Resolve("한 회장").entity, 1000003);
  EXPECT_EQ(index->NeighborsOf(index->EntityIndex(1000003)).size(), 4u);
}

}  // namespace
}  // namespace tg::query
