// Name matching examples: spelling variants, romanisation, transcription, and
// the pairs that must stay apart.
#include "resolve/names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "resolve/name_matcher_testing.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::resolve {
namespace {

const NameMatcher& Matcher() { return TestMatcher(); }

struct Case {
  const char* a;
  const char* b;
  const char* type;
};

TEST(NameMatcherTest, LoadFailsWithoutTables) {
  auto missing = NameMatcher::Load((testing::MakeTempDir("names") / "nothing").string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
}

TEST(NameMatcherTest, ScriptOf) {
  EXPECT_EQ(ScriptOf("Lee Jae-yong"), Script::kLatin);
  EXPECT_EQ(ScriptOf("José Muñoz"), Script::kLatin);
  EXPECT_EQ(ScriptOf("이재용"), Script::kHangul);
  EXPECT_EQ(ScriptOf("SK하이닉스"), Script::kMixed);
  EXPECT_EQ(ScriptOf("JD 밴스"), Script::kMixed);
  EXPECT_EQ(ScriptOf("Samsung™ (주)"), Script::kMixed);
  EXPECT_EQ(ScriptOf("“Nvidia”"), Script::kLatin);
  EXPECT_EQ(ScriptOf("李在鎔"), Script::kOther);
  EXPECT_EQ(ScriptOf("..."), Script::kOther);
}

TEST(NameMatcherTest, ExactUpToCaseAccentsAndSpaces) {
  const NameMatch m = Matcher().Match("Lee Jae-yong", "lee  jae-YONG", "PERSON");
  EXPECT_EQ(m.method, MatchMethod::kExact);
  EXPECT_EQ(m.score, 1.0);
  EXPECT_EQ(Matcher().Match("José Muñoz", "Jose Munoz", "PERSON").method, MatchMethod::kExact);
}

TEST(NameMatcherTest, SpellingVariantsInOneScript) {
  static const Case kCases[] = {
      {"Lee Jae-yong", "Lee Jaeyong", "PERSON"},
      {"Lee Jae-yong", "Lee Jae Yong", "PERSON"},
      {"Lee Jae-yong", "Jae-yong Lee", "PERSON"},
      {"Lee Jae-yong", "Jaeyong Lee", "PERSON"},
      {"Chey Tae-won", "Choi Tae-won", "PERSON"},
      {"Jun Young-hyun", "Jeon Young-hyun", "PERSON"},
      {"Lee Jay-hyun", "Lee Jae-hyun", "PERSON"},
      {"Jensen Huang", "Huang Jensen", "PERSON"},
      {"Donald J. Trump", "Donald Trump", "PERSON"},
      {"Samsung Electronics Co., Ltd.", "Samsung Electronics", "ORG"},
      {"The Walt Disney Company", "Walt Disney", "ORG"},
      {"젠슨 황", "젠슨황", "PERSON"},
      {"샘 올트먼", "샘 알트만", "PERSON"},
      {"제프 베이조스", "제프 베조스", "PERSON"},
      {"도요타", "토요타", "ORG"},
      {"이재용", "리재용", "PERSON"},
  };
  for (const Case& c : kCases) {
    const NameMatch m = Matcher().Match(c.a, c.b, c.type);
    EXPECT_GE(m.score, kMatchThreshold) << c.a << " ~ " << c.b;
    EXPECT_EQ(m.method, MatchMethod::kVariant) << c.a << " ~ " << c.b;
    EXPECT_LT(m.score, 1.0) << c.a << " ~ " << c.b;
  }
}

TEST(NameMatcherTest, SurnameVariantScoresBelowSameSpelling) {
  const double same = Matcher().Match("Chey Tae-won", "Tae-won Chey", "PERSON").score;
  const double variant = Matcher().Match("Chey Tae-won", "Choi Tae-won", "PERSON").score;
  EXPECT_GE(variant, kMatchThreshold);
  EXPECT_LT(variant, same);
}

TEST(NameMatcherTest, KoreanNamesAgainstRomanisations) {
  static const Case kCases[] = {
      {"이재용", "Lee Jae-yong", "PERSON"},      {"이재용", "Jay-yong Lee", "PERSON"},
      {"이재용", "Rhee Jae Yong", "PERSON"},     {"최태원", "Chey Tae-won", "PERSON"},
      {"최태원", "Choi Taewon", "PERSON"},       {"구광모", "Koo Kwang-mo", "PERSON"},
      {"구광모", "Ku Gwang-mo", "PERSON"},       {"정의선", "Chung Eui-sun", "PERSON"},
      {"정의선", "Euisun Chung", "PERSON"},      {"정의선", "Jung Ui-seon", "PERSON"},
      {"남궁현", "Namkoong Hyun", "PERSON"},     {"선우정아", "Sunwoo Jung-a", "PERSON"},
      {"제갈민호", "Jegal Min-ho", "PERSON"},    {"황보석진", "Hwangbo Seok-jin", "PERSON"},
      {"독고영재", "Dokgo Young-jae", "PERSON"}, {"김정은", "Kim Jong-un", "PERSON"},
      {"윤석열", "Yoon Suk Yeol", "PERSON"},     {"곽노정", "Kwak Noh-jung", "PERSON"},
  };
  for (const Case& c : kCases) {
    const NameMatch m = Matcher().Match(c.a, c.b, c.type);
    EXPECT_GE(m.score, kMatchThreshold) << c.a << " ~ " << c.b;
    EXPECT_EQ(m.method, MatchMethod::kRomanization) << c.a << " ~ " << c.b;
    EXPECT_EQ(Matcher().Match(c.b, c.a, c.type).score, m.score) << "symmetric: " << c.a;
  }
}

TEST(NameMatcherTest, TranscriptionsOfForeignNames) {
  static const Case kCases[] = {
      {"젠슨 황", "Jensen Huang", "PERSON"}, {"마크 저커버그", "Mark Zuckerberg", "PERSON"},
      {"빅터 램", "Victor Lam", "PERSON"},   {"텐스토렌트", "Tenstorrent", "ORG"},
      {"퀄컴", "Qualcomm", "ORG"},           {"엔비디아", "Nvidia", "ORG"},
      {"오픈AI", "OpenAI", "ORG"},           {"메타", "Meta", "ORG"},
      {"JD 밴스", "JD Vance", "PERSON"},     {"SK하이닉스", "SK hynix", "ORG"},
      {"황 젠슨", "Jensen Huang", "PERSON"}, {"삼성전자", "Samsung Electronics", "ORG"},
      {"대한항공", "Korean Air", "ORG"},     {"한국은행", "Bank of Korea", "ORG"},
  };
  for (const Case& c : kCases) {
    const NameMatch m = Matcher().Match(c.a, c.b, c.type);
    EXPECT_GE(m.score, kMatchThreshold) << c.a << " ~ " << c.b;
    EXPECT_EQ(m.method, MatchMethod::kTranscription) << c.a << " ~ " << c.b;
  }
}

TEST(NameMatcherTest, MustNotMatch) {
  static const Case kCases[] = {
      // Same surname, different given name.
      {"이재용", "Lee Jae-hyun", "PERSON"},
      {"이재용", "Lee Jae-myung", "PERSON"},
      {"최태원", "Choi Tae-young", "PERSON"},
      {"김동관", "Kim Dong-myung", "PERSON"},
      {"Lee Jae-yong", "Lee Jae-hyun", "PERSON"},
      {"Kim Dong-kwan", "Kim Dong-myung", "PERSON"},
      {"이재용", "이재현", "PERSON"},
      {"윤성호", "Yoon Seung-ho", "PERSON"},
      // Same given name, different surname.
      {"김정훈", "Kang Jung-hoon", "PERSON"},
      {"Kim Jung-hoon", "Kang Jung-hoon", "PERSON"},
      {"김정훈", "강정훈", "PERSON"},
      // Similar-sounding or related but different organisations.
      {"삼성전자", "Samsung Electro-Mechanics", "ORG"},
      {"삼성전기", "Samsung Electronics", "ORG"},
      {"삼성SDI", "Samsung SDS", "ORG"},
      {"삼성그룹", "Samsung Electronics", "ORG"},
      {"LG화학", "LG Electronics", "ORG"},
      {"SK하이닉스", "SK Telecom", "ORG"},
      {"한화솔루션", "Hanwha Systems", "ORG"},
      {"포스코홀딩스", "POSCO", "ORG"},
      {"현대자동차", "Hyundai Motor Group", "ORG"},
      {"인텔", "Nvidia", "ORG"},
      {"Samsung Electronics", "Samsung Electro-Mechanics", "ORG"},
      // Different foreign people.
      {"짐 켈러", "Jim Farley", "PERSON"},
      {"혹 탄", "Lip-Bu Tan", "PERSON"},
      {"마크 저커버그", "Mark Zandi", "PERSON"},
  };
  for (const Case& c : kCases) {
    const NameMatch m = Matcher().Match(c.a, c.b, c.type);
    EXPECT_LT(m.score, kMatchThreshold)
        << c.a << " vs " << c.b << " (" << MatchMethodName(m.method) << ")";
  }
}

TEST(NameMatcherTest, ScoresAreBoundedSymmetricAndReflexive) {
  static const char* const kNames[] = {
      "이재용",          "Lee Jae-yong", "젠슨 황",
      "Jensen Huang",    "삼성전자",     "Samsung Electronics",
      "SK하이닉스",      "Hock Tan",     "혹 탄",
      "Donald J. Trump", "남궁현",       "Namkoong Hyun",
      "오픈AI",          "OpenAI",       "Ursula von der Leyen",
  };
  for (const char* type : {"PERSON", "ORG"}) {
    for (const char* a : kNames) {
      EXPECT_EQ(Matcher().Match(a, a, type).method, MatchMethod::kExact) << a;
      for (const char* b : kNames) {
        const NameMatch ab = Matcher().Match(a, b, type);
        const NameMatch ba = Matcher().Match(b, a, type);
        EXPECT_GE(ab.score, 0.0) << a << " / " << b;
        EXPECT_LE(ab.score, 1.0) << a << " / " << b;
        EXPECT_NEAR(ab.score, ba.score, 1e-6) << a << " / " << b << " " << type;
        EXPECT_EQ(ab.method, ba.method) << a << " / " << b << " " << type;
      }
    }
  }
}

TEST(NameMatcherTest, OddInputIsHandled) {
  const std::string long_latin(600, 'a');
  std::string many_tokens;
  for (int i = 0; i < 40; ++i) many_tokens += "Kim ";
  const std::string long_hangul = [] {
    std::string s;
    for (int i = 0; i < 200; ++i) s += "가";
    return s;
  }();
  const std::string invalid = std::string("Lee \xff\xfe Jae") + '\0' + "yong";
  for (const std::string& a : {std::string(), std::string(" "), long_latin, many_tokens,
                               long_hangul, invalid, std::string("-.,")}) {
    for (const std::string& b : {std::string("Lee Jae-yong"), std::string("이재용"), a}) {
      const NameMatch m = Matcher().Match(a, b, "PERSON");
      EXPECT_GE(m.score, 0.0);
      EXPECT_LE(m.score, 1.0);
    }
    EXPECT_FALSE(Matcher().BlockingKeys(a, "ORG").empty());
    EXPECT_EQ(Matcher().Romanize(a), "");
  }
  EXPECT_LT(Matcher().Match("", "", "PERSON").score, kMatchThreshold);
}

TEST(NameMatcherTest, OtherScriptsMatchOnlyExactly) {
  EXPECT_EQ(Matcher().Match("李在鎔", "李在鎔", "PERSON").method, MatchMethod::kExact);
  EXPECT_LT(Matcher().Match("李在鎔", "Lee Jae-yong", "PERSON").score, kMatchThreshold);
}

TEST(NameMatcherTest, Romanize) {
  EXPECT_EQ(Matcher().Romanize("이재용"), "Lee Jae-yong");
  EXPECT_EQ(Matcher().Romanize("최태원"), "Choi Tae-won");
  EXPECT_EQ(Matcher().Romanize("정의선"), "Chung Ui-seon");
  EXPECT_EQ(Matcher().Romanize("남궁현"), "Namkoong Hyeon");
  EXPECT_EQ(Matcher().Romanize("이 재용"), "Lee Jae-yong");
  EXPECT_EQ(Matcher().Romanize("젠슨 황"), "");
  EXPECT_EQ(Matcher().Romanize("삼성전자"), "");  // 삼 is no surname
  EXPECT_EQ(Matcher().Romanize("시스코"), "");    // 스 writes a bare English s
  EXPECT_EQ(Matcher().Romanize("마이크"), "");
  EXPECT_EQ(Matcher().Romanize("Lee Jae-yong"), "");
  // What Romanize writes, Match reads back.
  for (const char* name : {"이재용", "박정원", "서정진", "황보석진", "여한구"}) {
    EXPECT_GE(Matcher().Match(name, Matcher().Romanize(name), "PERSON").score, kMatchThreshold)
        << name;
  }
}

TEST(NameMatcherTest, BlockingKeysAreFewAndSharedByMatches) {
  static const Case kCases[] = {
      {"이재용", "Lee Jae-yong", "PERSON"},
      {"이재용", "Jae Yong Lee", "PERSON"},
      {"조현", "Hyun Cho", "PERSON"},
      {"젠슨 황", "Huang Jensen", "PERSON"},
      {"마크 저커버그", "Mark Zuckerberg", "PERSON"},
      {"삼성전자", "Samsung Electronics", "ORG"},
      {"대한항공", "Korean Air", "ORG"},
      {"한화오션", "Hanwha Ocean", "ORG"},
      {"아르빈드 크리슈나", "Arvind Krishna", "PERSON"},
  };
  for (const Case& c : kCases) {
    ASSERT_GE(Matcher().Match(c.a, c.b, c.type).score, kMatchThreshold) << c.a << " ~ " << c.b;
    std::vector<std::string> ka = Matcher().BlockingKeys(c.a, c.type);
    std::vector<std::string> kb = Matcher().BlockingKeys(c.b, c.type);
    EXPECT_LE(ka.size(), 10u) << c.a;
    EXPECT_LE(kb.size(), 10u) << c.b;
    std::vector<std::string> shared;
    std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(shared));
    EXPECT_FALSE(shared.empty()) << c.a << " / " << c.b;
  }
  // Different names mostly land in different blocks.
  std::vector<std::string> a = Matcher().BlockingKeys("Mark Zuckerberg", "PERSON");
  std::vector<std::string> b = Matcher().BlockingKeys("Tim Cook", "PERSON");
  std::vector<std::string> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  EXPECT_TRUE(shared.empty());
}

}  // namespace
}  // namespace tg::resolve
