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

// Foreign names in Korean text: a given name the tagger took alone joins the
// family name before the title when an employer with 의 comes first, and a
// family-first name cut by the particle splitter (모리타와 -> 모리타 + 와) is
// confirmed by the family name with a title elsewhere.
TEST_F(EntitiesTest, KoreanTranscribedForeignNamesStayWhole) {
  const std::string text =
      "오세린 한솔바이오 대표가 보스턴에서 미국 제약사 베리언테라퓨틱스의 매켄지 로웰 최고경영자(CEO)를 "
      "만났다.\n"
      "오 대표는 이어 도쿄를 찾아 모리타 겐이치로 사장과 마주 앉았다. 모리타 사장은 협력을 약속했다.\n";
  const DocumentEntities doc = Run(text, "ko");
  const DocEntity* rowell = PersonAt(doc, text, "매켄지");
  ASSERT_NE(rowell, nullptr);
  EXPECT_EQ(rowell->name, "매켄지 로웰");
  const DocEntity* morita = PersonAt(doc, text, "모리타 겐이치로");
  ASSERT_NE(morita, nullptr);
  EXPECT_EQ(morita->name, "모리타 겐이치로");
  EXPECT_EQ(PersonAt(doc, text, "모리타 사장은"), morita);
  for (const DocEntity& e : doc.entities) {
    EXPECT_EQ(e.name.find("찾아"), std::string::npos) << e.name;  // a verb is no given name
  }
}

// The word before a name's title may be a verb or adverb ("대신 엄 대표"):
// the surname and title then refer back to the full name.
TEST_F(EntitiesTest, VerbsAndAdverbsBeforeASurnameAreNotNames) {
  const std::string text =
      "엄혜진 도담랩스 대표는 지난주 런던을 방문했다.\n"
      "다음 달에는 본사를 찾아 엄 대표와 다시 만날 예정이다. 대신 엄 대표가 직접 설명했다.\n";
  const DocumentEntities doc = Run(text, "ko");
  const DocEntity* eom = PersonAt(doc, text, "엄혜진");
  ASSERT_NE(eom, nullptr);
  EXPECT_EQ(PersonAt(doc, text, "엄 대표와"), eom);
  EXPECT_EQ(PersonAt(doc, text, "엄 대표가"), eom);
  for (const DocEntity& e : doc.entities) {
    EXPECT_EQ(e.name.find("대신"), std::string::npos) << e.name;
  }
}

// Hanja country shorthand in headlines (獨 = German) is not part of a name.
TEST_F(EntitiesTest, HanjaCountryPrefixIsNotPartOfAName) {
  const std::string text = "獨토마스 베커 CEO, 울산 공장 방문\n\n토마스 베커 CEO는 14일 울산을 찾았다.\n";
  const DocumentEntities doc = Run(text, "ko");
  for (const DocEntity& e : doc.entities) {
    EXPECT_EQ(e.name.find("獨"), std::string::npos) << e.name;
  }
}

// English: a month after a time word is no given name; a company named after
// a possessive stays a company; "the ORG TITLE" picks the person holding that
// title, not a colleague with another.
TEST_F(EntitiesTest, MonthsCompaniesAndTitledDescriptions) {
  const std::string text =
      "Hollis Varga had dinner with investors in Boston.\n"
      "In early April Varga met Mina Sorell of Seoul's Harrow Ventures.\n"
      "Kestrel Energy president Owen Talbot was joined by Ruth Adair, Kestrel's chief strategy "
      "officer.\n"
      "On Tuesday the Kestrel Energy president sat down with Varga.\n";
  const DocumentEntities doc = Run(text, "en");
  for (const DocEntity& e : doc.entities) {
    EXPECT_NE(e.name, "April Varga");
    if (e.name == "Harrow Ventures") EXPECT_EQ(e.type, EntityType::kOrg);
  }
  const DocEntity* talbot = PersonAt(doc, text, "Owen Talbot");
  ASSERT_NE(talbot, nullptr);
  EXPECT_EQ(PersonAt(doc, text, "the Kestrel Energy president"), talbot);
}

// Chinese names run together in Hangul before a title, and English names
// with a middle initial, stay whole.
TEST_F(EntitiesTest, ChineseNamesInHangulAndMiddleInitials) {
  const std::string ko = "권도현 한빛그룹 회장은 상하이를 찾아 쑹리펑 회장과 면담했다.\n";
  const DocumentEntities kdoc = Run(ko, "ko");
  const DocEntity* song = PersonAt(kdoc, ko, "쑹리펑");
  ASSERT_NE(song, nullptr);
  EXPECT_EQ(song->name, "쑹리펑");
  const std::string en =
      "Hanbit Chairman Kwon Do-hyun held talks with Veltrane Chief Executive Gregory T. Halvorsen "
      "on Tuesday. Halvorsen said the talks went well.\n";
  const DocumentEntities edoc = Run(en, "en");
  const DocEntity* greg = PersonAt(edoc, en, "Gregory");
  ASSERT_NE(greg, nullptr);
  EXPECT_EQ(greg->name, "Gregory T. Halvorsen");
  EXPECT_EQ(PersonAt(edoc, en, "Halvorsen said"), greg);
}

// A company's short name before a title names no person when the text
// gives the company's full name ("벨로라 CEO" beside 벨로라테라퓨틱스).
TEST_F(EntitiesTest, ShortCompanyNameBeforeATitleIsNoPerson) {
  const std::string text =
      "벨로라 CEO, 송도 찾아 한지수 대표 면담\n"
      "한지수 온담바이오 대표는 20일 송도 본사에서 마틴 코벳 벨로라테라퓨틱스 최고경영자(CEO)를 만났다.\n";
  const DocumentEntities doc = Run(text, "ko");
  for (const DocEntity& e : doc.entities) {
    if (e.type == EntityType::kPerson) EXPECT_NE(e.name, "벨로라");
  }
}

}  // namespace
}  // namespace tg::extract
