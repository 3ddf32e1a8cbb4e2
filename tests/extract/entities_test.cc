// The combined entity layer: KB + tagger + patterns, resolved within the document.
#include "extract/entities.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/status_matchers.h"

namespace tg::extract {
namespace {

class EntitiesTest : public ::testing::Test {
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

  DocumentEntities Run(const std::string& text, const char* lang) {
    return extractor_->Extract(text, lang, ParseCivilDate("2024-06-23"));
  }

  // The person entity one of whose mentions covers the first occurrence of
  // `surface` at or after `from`; null when none does.
  static const DocEntity* PersonAt(const DocumentEntities& doc, const std::string& text,
                                   const std::string& surface, size_t from = 0) {
    const size_t at = text.find(surface, from);
    if (at == std::string::npos) return nullptr;
    for (const DocEntity& e : doc.entities) {
      if (e.type != EntityType::kPerson) continue;
      for (const Mention& m : e.mentions) {
        if (m.begin <= at && at < m.end) return &e;
      }
    }
    return nullptr;
  }

  static EntityExtractor* extractor_;
};

EntityExtractor* EntitiesTest::extractor_ = nullptr;

TEST_F(EntitiesTest, ResolvesSurnamesTitlesAndPossessivesToTheFullName) {
  const std::string text =
      "Samsung Electronics Executive Chairman Lee Jae-yong met Meta CEO Mark Zuckerberg at "
      "Zuckerberg's house in Palo Alto on June 11.\n"
      "Lee discussed AI with the Meta chief, the company said.\n"
      "Chairman Lee returned to Seoul on Thursday.\n";
  const DocumentEntities doc = Run(text, "en");
  const DocEntity* lee = PersonAt(doc, text, "Lee Jae-yong");
  const DocEntity* mark = PersonAt(doc, text, "Mark Zuckerberg");
  ASSERT_NE(lee, nullptr);
  ASSERT_NE(mark, nullptr);
  EXPECT_EQ(lee->name, "Lee Jae-yong");
  EXPECT_EQ(PersonAt(doc, text, "Lee discussed"), lee);
  EXPECT_EQ(PersonAt(doc, text, "Lee returned"), lee);
  EXPECT_EQ(PersonAt(doc, text, "Zuckerberg's"), mark);
  EXPECT_EQ(PersonAt(doc, text, "the Meta chief"), mark);
  EXPECT_EQ(mark->title, "CEO");
  EXPECT_EQ(mark->org, "Meta");
}

TEST_F(EntitiesTest, TwoPeopleSharingASurnameStayApart) {
  const std::string text =
      "Hanul Steel Chairman Park Tae-jun met Busan Mayor Park Seo-yeon at City Hall on Monday.\n"
      "Chairman Park said the plant would hire 2,000 workers.\n"
      "Mayor Park said the city would fund a new port road.\n";
  const DocumentEntities doc = Run(text, "en");
  const DocEntity* chairman = PersonAt(doc, text, "Park Tae-jun");
  const DocEntity* mayor = PersonAt(doc, text, "Park Seo-yeon");
  ASSERT_NE(chairman, nullptr);
  ASSERT_NE(mayor, nullptr);
  EXPECT_NE(chairman, mayor);
  EXPECT_EQ(PersonAt(doc, text, "Park said the plant"), chairman);
  EXPECT_EQ(PersonAt(doc, text, "Park said the city"), mayor);
}

TEST_F(EntitiesTest, KoreanSurnameAndTitleResolve) {
  const std::string text =
      "최태원 SK그룹 회장과 최서윤 한빛전자 대표가 지난 11일 서울에서 만났다.\n"
      "최 회장은 인공지능 협력을 제안했다.\n"
      "최 대표는 반도체 공급을 약속했다.\n"
      "이재용 삼성전자 회장은 이날 미국으로 출국했다. 이 회장은 다음 주 귀국한다.\n";
  const DocumentEntities doc = Run(text, "ko");
  const DocEntity* chey = PersonAt(doc, text, "최태원");
  const DocEntity* choi = PersonAt(doc, text, "최서윤");
  const DocEntity* lee = PersonAt(doc, text, "이재용");
  ASSERT_NE(chey, nullptr);
  ASSERT_NE(choi, nullptr);
  ASSERT_NE(lee, nullptr);
  EXPECT_NE(chey, choi);
  EXPECT_EQ(PersonAt(doc, text, "최 회장은"), chey);
  EXPECT_EQ(PersonAt(doc, text, "최 대표는"), choi);
  EXPECT_EQ(PersonAt(doc, text, "이 회장은"), lee);
  EXPECT_EQ(choi->title, "대표");
}

TEST_F(EntitiesTest, PronounResolvesOnlyWhenOnePersonIsInPlay) {
  const std::string text =
      "Tenstorrent CEO Jim Keller spoke at the forum on Tuesday.\n"
      "He said AI chips would get cheaper.\n"
      "LG Corp. Chairman Koo Kwang-mo met Nvidia CEO Jensen Huang later that day.\n"
      "He praised the deal.\n";
  const DocumentEntities doc = Run(text, "en");
  const DocEntity* keller = PersonAt(doc, text, "Jim Keller");
  ASSERT_NE(keller, nullptr);
  EXPECT_EQ(PersonAt(doc, text, "He said"), keller);
  EXPECT_EQ(PersonAt(doc, text, "He praised"), nullptr);  // Koo or Huang: left alone
}

}  // namespace
}  // namespace tg::extract
