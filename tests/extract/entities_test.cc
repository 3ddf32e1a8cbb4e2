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

// Korean names are one word: a kinship noun or a copula form before one is
// no given name; rarer surnames count before an employer and title; a
// foreign name the tagger caught one word of takes its other word back.
TEST_F(EntitiesTest, KoreanNameBoundariesBeforeTitles) {
  const std::string text =
      "행사장은 창업주의 장녀인 도서윤 한빛유통 부회장과 차남 도재민 한빛건설 사장이 지켰다.\n"
      "간담회에는 편지우 새길로직스 사장과 오카모토 다이스케 미나토상사 사장, 노무라 히카루 "
      "시오리전기 회장이 참석했다.\n"
      "회동에는 브라이트팜의 아르준 메흐타 최고과학책임자(CSO)가 배석했고, 항저우 윈루소프트의 "
      "탕이헝 대표도 함께했다.\n";
  const DocumentEntities doc = Run(text, "ko");
  const auto name_at = [&](const std::string& surface) {
    const DocEntity* e = PersonAt(doc, text, surface);
    return e == nullptr ? std::string("(none)") : e->name;
  };
  EXPECT_EQ(name_at("도서윤"), "도서윤");
  EXPECT_EQ(name_at("도재민"), "도재민");
  EXPECT_EQ(name_at("편지우"), "편지우");
  EXPECT_EQ(name_at("다이스케"), "오카모토 다이스케");
  EXPECT_EQ(name_at("히카루"), "노무라 히카루");
  EXPECT_EQ(name_at("메흐타"), "아르준 메흐타");
  EXPECT_EQ(name_at("탕이헝"), "탕이헝");
  // A foreign family name that looks Korean (오군데) before an employer and title.
  const std::string visit =
      "문재훈 산업부 장관이 16일 정부과천청사에서 사무엘 오군데 벨마르에너지 최고경영자(CEO)를 만났다.\n";
  const DocumentEntities vdoc = Run(visit, "ko");
  const DocEntity* samuel = PersonAt(vdoc, visit, "사무엘");
  ASSERT_NE(samuel, nullptr);
  EXPECT_EQ(samuel->name, "사무엘 오군데");
}

// English contexts that make a capitalised name a company: the employer after
// a country's possessive, a nationality or a trade description; the object of
// "who runs"; a name described as a business in apposition.
TEST_F(EntitiesTest, CompaniesNamedByTheirContext) {
  const std::string text =
      "Marta Kowal, chief executive of Poland's Vistula Anodes, met Joon Baek, chairman of "
      "South Korean cathode maker Hwarim Materials, in Warsaw. She also saw Tomas Ruiz, who runs "
      "Sierra Cobalto, and Elif Demir of Bosphorus Grid, a Turkish grid operator.\n"
      "Owen Hart, a former banker, joined them, and so did Ines Mora, the head of Vistula's "
      "Spanish business.\n";
  const DocumentEntities doc = Run(text, "en");
  const auto type_of = [&](const std::string& name) {
    for (const DocEntity& e : doc.entities) {
      if (e.name == name) return static_cast<int>(e.type);
    }
    return -1;
  };
  for (const char* org : {"Vistula Anodes", "Hwarim Materials", "Sierra Cobalto", "Bosphorus Grid"}) {
    EXPECT_EQ(type_of(org), static_cast<int>(EntityType::kOrg)) << org;
  }
  const DocEntity* kowal = PersonAt(doc, text, "Marta Kowal");
  ASSERT_NE(kowal, nullptr);
  EXPECT_EQ(kowal->org, "Vistula Anodes");
  const DocEntity* baek = PersonAt(doc, text, "Joon Baek");
  ASSERT_NE(baek, nullptr);
  EXPECT_EQ(baek->org, "Hwarim Materials");
  EXPECT_EQ(type_of("Owen Hart"), static_cast<int>(EntityType::kPerson));
  // A role over a division ("the head of X's Spanish business") describes a person.
  EXPECT_EQ(type_of("Ines Mora"), static_cast<int>(EntityType::kPerson));
  EXPECT_EQ(type_of("Spanish"), -1);
}

// A headline names a company's holder by company and title alone; the
// person the body gives with that company and title is meant.
TEST_F(EntitiesTest, CompanyAndTitleStandForItsHolder) {
  const std::string en =
      "Hwarim chief meets Vistula Anodes CEO in Warsaw\n"
      "Joon Baek, chairman of Hwarim Materials, met Marta Kowal, chief executive of Poland's "
      "Vistula Anodes, on Monday.\n";
  const DocumentEntities edoc = Run(en, "en");
  const DocEntity* kowal = PersonAt(edoc, en, "Marta Kowal");
  ASSERT_NE(kowal, nullptr);
  EXPECT_EQ(PersonAt(edoc, en, "Vistula Anodes CEO"), kowal);
  const std::string ko =
      "도재현 장관, 싱가포르서 마리나캐피탈 CEO와 조찬\n"
      "도재현 산업부 장관은 7일 싱가포르에서 마리나캐피탈의 탄웨이밍 최고경영자(CEO)와 조찬을 함께했다.\n";
  const DocumentEntities kdoc = Run(ko, "ko");
  const DocEntity* tan = PersonAt(kdoc, ko, "탄웨이밍");
  ASSERT_NE(tan, nullptr);
  EXPECT_EQ(PersonAt(kdoc, ko, "마리나캐피탈 CEO"), tan);
}

// Names the tagger runs into their employer over "of", romanised Korean
// names it misses, Latin glosses between a Hangul name and its title, and
// run-together Chinese names shortened to a one-syllable surname.
TEST_F(EntitiesTest, NameShapesAroundEmployersAndGlosses) {
  const std::string en =
      "Oh Min-gyu chaired the session with Priya Natesan of Godavari Cables, Jun-ho Seo of Hanul "
      "Heavy and Leena Varkey of Malabar Foods. The Bank of Korea sent an observer.\n";
  const DocumentEntities edoc = Run(en, "en");
  const auto name_at = [&](const DocumentEntities& doc, const std::string& text,
                           const std::string& surface) {
    const DocEntity* e = PersonAt(doc, text, surface);
    return e == nullptr ? std::string("(none)") : e->name;
  };
  EXPECT_EQ(name_at(edoc, en, "Oh Min-gyu"), "Oh Min-gyu");
  EXPECT_EQ(name_at(edoc, en, "Priya"), "Priya Natesan");
  EXPECT_EQ(name_at(edoc, en, "Leena"), "Leena Varkey");
  EXPECT_EQ(name_at(edoc, en, "Bank of Korea"), "(none)");
  const std::string ko =
      "인도 IT기업 고다바리테크의 라비 쿠마르(Ravi Kumar) 회장이 방한했다. 쿠마르 회장은 "
      "톈룽게임즈의 쉬하오밍 대표와 만났다. 쉬 대표는 협력을 약속했다.\n";
  const DocumentEntities kdoc = Run(ko, "ko");
  EXPECT_EQ(name_at(kdoc, ko, "라비"), "라비 쿠마르");
  EXPECT_EQ(name_at(kdoc, ko, "쿠마르 회장은"), "라비 쿠마르");
  EXPECT_EQ(name_at(kdoc, ko, "쉬하오밍"), "쉬하오밍");
}

// Place names the tagger reads as people, and time or meeting nouns before a
// short form that are no given names.
TEST_F(EntitiesTest, PlaceWordsAndTimeNounsAreNoNames) {
  const std::string en =
      "Orvell Freight President Ana Lutz received Hugo Brenner at the company's office in "
      "Tokyo's Chuo Ward on Tuesday.\n";
  const DocumentEntities edoc = Run(en, "en");
  EXPECT_EQ(PersonAt(edoc, en, "Chuo Ward"), nullptr);
  EXPECT_NE(PersonAt(edoc, en, "Ana Lutz"), nullptr);
  const std::string ko = "도 회장, 본사서 브레너 회장과 면담 하 사장, 이달 말 모리 사장과 회동 예정\n";
  const DocumentEntities kdoc = Run(ko, "ko");
  for (const DocEntity& e : kdoc.entities) {
    if (e.type != EntityType::kPerson) continue;
    EXPECT_EQ(e.name.find("면담"), std::string::npos) << e.name;
    EXPECT_NE(e.name.rfind("말 ", 0), 0u) << e.name;
  }
}

// Korean: foreign names of two to four words after an employer's 의 (also a
// Latin one), with a division between name and title; a time unit is no name.
TEST_F(EntitiesTest, SpacedForeignNamesAfterAnEmployer) {
  const std::string ko =
      "정하람 회장은 물류기업 한강로지스의 응우옌 반 탄 회장과 만났다. 이어 Norsk Vind의 에릭 "
      "할보르센 CEO와 가람상사의 다니엘 모로 사업개발 부사장을 만났다. 정 회장은 다음 주 할보르센 "
      "CEO와 다시 만난다. 탄 회장은 협력을 약속했다.\n";
  const DocumentEntities doc = Run(ko, "ko");
  const auto name_at = [&](const std::string& surface) {
    const DocEntity* e = PersonAt(doc, ko, surface);
    return e == nullptr ? std::string("(none)") : e->name;
  };
  EXPECT_EQ(name_at("응우옌"), "응우옌 반 탄");
  EXPECT_EQ(name_at("에릭"), "에릭 할보르센");
  EXPECT_EQ(name_at("다니엘"), "다니엘 모로");
  EXPECT_EQ(name_at("탄 회장은"), "응우옌 반 탄");
  for (const DocEntity& e : doc.entities) {
    if (e.type == EntityType::kPerson) EXPECT_NE(e.name.rfind("주 ", 0), 0u) << e.name;
  }
}

// English: known given names find people the tagger misses, names with
// lower-case particles are one person, and a business noun before a name
// makes it a company unless a given name leads it.
TEST_F(EntitiesTest, GivenNamesParticlesAndTradeNouns) {
  const std::string en =
      "Rosalind Okoye took over Tallis Foods in 2023. She met Pieter van Dijk, chief executive of "
      "Dutch tile maker Keramos Holding, in Rotterdam. Later van Dijk toured the plant with "
      "distributor Nathaniel Brooks.\n";
  const DocumentEntities doc = Run(en, "en");
  const auto name_at = [&](const std::string& surface, size_t from = 0) {
    const DocEntity* e = PersonAt(doc, en, surface, from);
    return e == nullptr ? std::string("(none)") : e->name;
  };
  EXPECT_EQ(name_at("Rosalind"), "Rosalind Okoye");
  EXPECT_EQ(name_at("Pieter"), "Pieter van Dijk");
  EXPECT_EQ(name_at("Dijk", en.find("Later")), "Pieter van Dijk");
  EXPECT_EQ(name_at("Keramos"), "(none)");
  EXPECT_EQ(name_at("Nathaniel"), "Nathaniel Brooks");
}

// A romanised Korean name in either order and its initials are one person.
TEST_F(EntitiesTest, RomanisedKoreanNameInAnyOrder) {
  const std::string en =
      "Seo Ha-eun runs Daon Retail. Ha-eun Seo first tasted the snacks at a fair. H.E. Seo later "
      "ordered samples for 240 stores.\n";
  const DocumentEntities doc = Run(en, "en");
  const DocEntity* first = PersonAt(doc, en, "Seo Ha-eun");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(PersonAt(doc, en, "Ha-eun Seo"), first);
  EXPECT_EQ(PersonAt(doc, en, "H.E. Seo"), first);
}

// A foreign name the tagger ran into its employer is split at the company; a
// verb form before the name, a Latin employer after it and a company word at
// the end of an English "person" are no part of a name.
TEST_F(EntitiesTest, NamesSplitFromTheirEmployers) {
  const std::string ko =
      "정하람 회장은 방한한 마커스 렌트리 브라이트홀캐피털 대표와 만났다. 이어 그는 제이슨 박 "
      "Veltrane CEO와도 만났다.\n";
  const DocumentEntities doc = Run(ko, "ko");
  const auto name_at = [&](const std::string& surface) {
    const DocEntity* e = PersonAt(doc, ko, surface);
    return e == nullptr ? std::string("(none)") : e->name;
  };
  EXPECT_EQ(name_at("방한한"), "(none)");
  EXPECT_EQ(name_at("마커스"), "마커스 렌트리");
  EXPECT_EQ(name_at("브라이트홀캐피털"), "(none)");
  EXPECT_EQ(name_at("제이슨"), "제이슨 박");
  EXPECT_EQ(name_at("Veltrane"), "(none)");

  const std::string en = "In May he joined Orrin Tech chairman Kwon Tae-yoon for dinner in Austin.\n";
  const DocumentEntities en_doc = Run(en, "en");
  EXPECT_EQ(PersonAt(en_doc, en, "Orrin"), nullptr);
  ASSERT_NE(PersonAt(en_doc, en, "Kwon"), nullptr);
  EXPECT_EQ(PersonAt(en_doc, en, "Kwon")->org, "Orrin Tech");
}

// Listed foreign given names and Japanese family names lead Hangul names the
// tagger cut short (자비네 콜베, 이토 신이치 whose given name looks Korean).
TEST_F(EntitiesTest, HangulForeignNamesLedByListedNames) {
  const std::string ko =
      "정하람 회장은 자비네 콜베 노르트하펜로지스틱 대표와 만났다. 이토 신이치 주부모터스 사장도 "
      "동석했다. 오카다 쇼 미나토전자 회장은 오지 않았다.\n";
  const DocumentEntities doc = Run(ko, "ko");
  const auto name_at = [&](const std::string& surface) {
    const DocEntity* e = PersonAt(doc, ko, surface);
    return e == nullptr ? std::string("(none)") : e->name;
  };
  EXPECT_EQ(name_at("자비네"), "자비네 콜베");
  EXPECT_EQ(name_at("이토"), "이토 신이치");
  EXPECT_EQ(name_at("오카다"), "오카다 쇼");
  EXPECT_EQ(name_at("주부모터스"), "(none)");
}

// Names the particle splitter cut (송미+란, 오시+로) are whole again before a
// company and a title; a shipping line's name ends like a company (동해상선).
TEST_F(EntitiesTest, CutNamesAndCompanyEndings) {
  const std::string ko =
      "송미란 루미엘 대표는 오시로 다쿠야 가네모리공업 사장과 만났다. 피경록 동해상선 대표도 "
      "동석했다.\n";
  const DocumentEntities doc = Run(ko, "ko");
  const auto name_at = [&](const std::string& surface) {
    const DocEntity* e = PersonAt(doc, ko, surface);
    return e == nullptr ? std::string("(none)") : e->name;
  };
  EXPECT_EQ(name_at("송미란"), "송미란");
  EXPECT_EQ(name_at("루미엘"), "(none)");
  EXPECT_EQ(name_at("오시로"), "오시로 다쿠야");
  EXPECT_EQ(name_at("피경록"), "피경록");
  EXPECT_EQ(name_at("동해상선"), "(none)");
}

// Deputy governors and mayors, and Chinese companies' titles (총경리), are
// titles; a word ending like a company is no part of the name before it.
TEST_F(EntitiesTest, RegionalAndChineseTitles) {
  const std::string ko =
      "정우성 경기도 경제부지사는 천샤오밍 화룬정밀 총경리와 만났다.\n";
  const DocumentEntities doc = Run(ko, "ko");
  const DocEntity* deputy = PersonAt(doc, ko, "정우성");
  const DocEntity* chen = PersonAt(doc, ko, "천샤오밍");
  ASSERT_NE(deputy, nullptr);
  ASSERT_NE(chen, nullptr);
  EXPECT_EQ(deputy->title, "경제부지사");
  EXPECT_EQ(chen->name, "천샤오밍");
  EXPECT_EQ(chen->title, "총경리");
  EXPECT_EQ(chen->org, "화룬정밀");
}

}  // namespace
}  // namespace tg::extract
