#include "extract/kb.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "testing/paths.h"
#include "testing/status_matchers.h"
#include "text/tokenize.h"

namespace tg::extract {
namespace {

std::shared_ptr<const KnowledgeBase> LoadDefault() {
  auto kb = KnowledgeBase::Load((testing::SourceDir() / "data" / "kb").string());
  EXPECT_TRUE(kb.has_value()) << kb.error().ToString();
  return kb.has_value() ? *kb : nullptr;
}

// "name=id" for every match, in order, so a failure shows the whole result.
std::string Describe(std::string_view text, const KnowledgeBase& kb) {
  const text::Analysis analysis = text::Analyze(text);
  std::string out;
  for (const KbMatch& m : kb.Match(text, analysis)) {
    if (!out.empty()) out += "; ";
    out += std::string(text.substr(m.begin, m.end - m.begin)) + "=" + m.entry->id;
  }
  return out;
}

TEST(KnowledgeBaseTest, LoadsBundledData) {
  const auto kb = LoadDefault();
  ASSERT_NE(kb, nullptr);
  size_t orgs = 0, people = 0, places = 0;
  for (const KbEntry& e : kb->entries()) {
    orgs += e.type == EntityType::kOrg;
    people += e.type == EntityType::kPerson;
    places += e.type == EntityType::kPlace;
  }
  EXPECT_GE(orgs, 150u);
  EXPECT_GE(people, 60u);
  EXPECT_GE(places, 400u);
}

TEST(KnowledgeBaseTest, IdsAreUniqueAndReferencesResolve) {
  const auto kb = LoadDefault();
  ASSERT_NE(kb, nullptr);
  std::set<std::string> ids;
  for (const KbEntry& e : kb->entries()) {
    EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
    EXPECT_FALSE(e.name_en.empty() && e.name_ko.empty()) << e.id;
    EXPECT_EQ(kb->Find(e.id), &e);
  }
  for (const KbEntry& e : kb->entries()) {
    if (e.type == EntityType::kPerson && !e.org.empty()) {
      const KbEntry* org = kb->Find(e.org);
      ASSERT_NE(org, nullptr) << e.id << " works for unknown " << e.org;
      EXPECT_EQ(org->type, EntityType::kOrg) << e.id;
    }
    if (e.type == EntityType::kPlace && !e.parent.empty()) {
      const KbEntry* parent = kb->Find(e.parent);
      ASSERT_NE(parent, nullptr) << e.id << " lies in unknown " << e.parent;
      EXPECT_EQ(parent->type, EntityType::kPlace) << e.id;
    }
    if (e.type == EntityType::kOrg && !e.parent.empty()) {
      ASSERT_NE(kb->Find(e.parent), nullptr) << e.id;
      EXPECT_EQ(kb->Find(e.parent)->type, EntityType::kOrg) << e.id;
    }
  }
  EXPECT_EQ(kb->Find("no-such-id"), nullptr);
}

TEST(KnowledgeBaseTest, PlaceParentsEndInACountry) {
  const auto kb = LoadDefault();
  ASSERT_NE(kb, nullptr);
  for (const KbEntry& e : kb->entries()) {
    if (e.type != EntityType::kPlace) continue;
    const KbEntry* p = &e;
    int depth = 0;
    while (!p->parent.empty() && depth < 8) {
      p = kb->Find(p->parent);
      ASSERT_NE(p, nullptr);
      ++depth;
    }
    EXPECT_LT(depth, 8) << e.id << " has a parent cycle";
    EXPECT_EQ(p->kind, "country") << e.id << " does not end in a country";
  }
}

TEST(KnowledgeBaseTest, KnownLeadersHaveTheirOrganisation) {
  const auto kb = LoadDefault();
  ASSERT_NE(kb, nullptr);
  const KbEntry* lee = kb->Find("lee-jae-yong");
  ASSERT_NE(lee, nullptr);
  EXPECT_EQ(lee->name_ko, "이재용");
  EXPECT_EQ(lee->org, "samsung-electronics");
  const KbEntry* palo_alto = kb->Find("palo-alto");
  ASSERT_NE(palo_alto, nullptr);
  EXPECT_EQ(palo_alto->parent, "us-ca");
}

struct MatchCase {
  std::string_view text;
  std::string_view expected;  // "surface=id; ..." in text order
};

TEST(KnowledgeBaseTest, MatchesNamesInBothLanguages) {
  const auto kb = LoadDefault();
  ASSERT_NE(kb, nullptr);
  static const MatchCase kCases[] = {
      {"Samsung Electronics' chip profit rose.", "Samsung Electronics=samsung-electronics"},
      {"Samsung's shares fell.", "Samsung=samsung-group"},
      {"Meta CEO Mark Zuckerberg met Lee Jae-yong in Seoul.",
       "Meta=meta; Mark Zuckerberg=mark-zuckerberg; Lee Jae-yong=lee-jae-yong; Seoul=seoul"},
      {"SK hynix and SK Group said", "SK hynix=sk-hynix; SK Group=sk-group"},
      {"LG Corp. Chairman Koo Kwang-mo", "LG Corp.=lg-corp; Koo Kwang-mo=koo-kwang-mo"},
      {"이재용 삼성전자 회장은 17일 서울에서", "이재용=lee-jae-yong; 삼성전자=samsung-electronics; 서울=seoul"},
      {"최태원 SK그룹 회장과 젠슨 황 엔비디아 CEO가",
       "최태원=chey-tae-won; SK그룹=sk-group; 젠슨 황=jensen-huang; 엔비디아=nvidia"},
      {"SK하이닉스는 실리콘밸리에서", "SK하이닉스=sk-hynix; 실리콘밸리=silicon-valley"},
      {"팔로알토와 팰로앨토, 새너제이와 산호세", "팔로알토=palo-alto; 팰로앨토=palo-alto; 새너제이=san-jose; 산호세=san-jose"},
      {"the U.S. Commerce Department and the White House",
       "U.S. Commerce Department=us-commerce; White House=white-house"},
      {"LG는 LG전자와", "LG=lg-group; LG전자=lg-electronics"},
      // Not names: lower case, parts of longer words, display-only forms.
      {"an apple a day", ""},
      {"SamsungPay and Metaverse", ""},
      {"선박을 인도했다", ""},
      {"Tim Cook visited Cupertino, California.",
       "Tim Cook=tim-cook; Cupertino=cupertino; California=us-ca"},
      {"Hyundai Motor Group Executive Chair Chung Eui-sun in Georgia",
       "Hyundai Motor Group=hyundai-motor-group; Chung Eui-sun=chung-eui-sun; Georgia=us-ga"},
  };
  for (const MatchCase& c : kCases) {
    EXPECT_EQ(Describe(c.text, *kb), c.expected) << c.text;
  }
}

TEST(KnowledgeBaseTest, SpansExcludeParticles) {
  const auto kb = LoadDefault();
  ASSERT_NE(kb, nullptr);
  const std::string_view text = "구광모 회장이 용산에서 말했다.";
  const auto matches = kb->Match(text, text::Analyze(text));
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "구광모");
  EXPECT_EQ(text.substr(matches[1].begin, matches[1].end - matches[1].begin), "용산");
}

TEST(KnowledgeBaseTest, RejectsBadTables) {
  const std::filesystem::path dir = testing::MakeTempDir("kb_bad");
  {
    std::ofstream out(dir / "orgs.tsv");
    out << "id\tkind\tparent\tname_en\tname_ko\taliases\n"
        << "a\tcompany\t\tAlpha\t알파\tAL\n"
        << "b\tcompany\t\tBeta\t베타\tAL\n";
  }
  auto kb = KnowledgeBase::Load(dir.string());
  ASSERT_FALSE(kb.has_value());
  EXPECT_EQ(kb.error().code(), StatusCode::kCorrupt);
  EXPECT_NE(kb.error().message().find("orgs.tsv:3"), std::string::npos) << kb.error().message();

  {
    std::ofstream out(dir / "orgs.tsv");
    out << "id\tkind\tparent\tname_en\tname_ko\taliases\n"
        << "a\tcompany\tmissing-group\tAlpha\t알파\t\n";
  }
  kb = KnowledgeBase::Load(dir.string());
  ASSERT_FALSE(kb.has_value());
  EXPECT_NE(kb.error().message().find("missing-group"), std::string::npos);

  EXPECT_EQ(KnowledgeBase::Load((dir / "nope").string()).error().code(), StatusCode::kNotFound);
}

TEST(KnowledgeBaseTest, DefaultDirHoldsTheTables) {
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(KnowledgeBase::DefaultDir()) /
                                      "orgs.tsv"))
      << KnowledgeBase::DefaultDir();
}

TEST(KnowledgeBaseTest, LoadsAndMatchesQuickly) {
  const auto start = std::chrono::steady_clock::now();
  const auto kb = LoadDefault();
  const auto loaded = std::chrono::steady_clock::now();
  ASSERT_NE(kb, nullptr);
  EXPECT_LT(std::chrono::duration<double>(loaded - start).count(), 0.5);
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "Samsung Electronics Executive Chairman Lee Jae-yong met Nvidia CEO Jensen Huang in "
            "Seoul on Tuesday. 이재용 삼성전자 회장은 젠슨 황 엔비디아 CEO와 서울에서 만났다.\n";
  }
  const text::Analysis analysis = text::Analyze(text);
  const auto t0 = std::chrono::steady_clock::now();
  const auto matches = kb->Match(text, analysis);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(matches.size(), 2000u * 10);
  const double tokens_per_second = analysis.tokens.size() / seconds;
  std::printf("KB load %.1f ms; Match %.0f tokens/s\n",
              std::chrono::duration<double, std::milli>(loaded - start).count(),
              tokens_per_second);
}

}  // namespace
}  // namespace tg::extract
