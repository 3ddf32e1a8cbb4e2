#include "extract/patterns.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/kb.h"
#include "extract/titles.h"
#include "testing/paths.h"
#include "text/tokenize.h"

namespace tg::extract {
namespace {

std::string Cut(std::string_view text, Span s) {
  return std::string(text.substr(s.begin, s.end - s.begin));
}

// "F person/title/org" or "S person/title/org" per match, "; "-joined.
std::string Describe(std::string_view text, const std::vector<RoleMatch>& matches) {
  std::string out;
  for (const RoleMatch& m : matches) {
    if (!out.empty()) out += "; ";
    out += m.form == RoleForm::kFull ? "F " : "S ";
    out += Cut(text, m.person) + "/" + Cut(text, m.title) + "/" + Cut(text, m.org);
    EXPECT_LE(m.begin, m.title.begin) << text;
    EXPECT_GE(m.end, m.title.end) << text;
  }
  return out;
}

std::vector<Mention> KbMentions(std::string_view text, const text::Analysis& analysis) {
  static const std::shared_ptr<const KnowledgeBase> kb = [] {
    auto loaded = KnowledgeBase::Load((testing::SourceDir() / "data" / "kb").string());
    EXPECT_TRUE(loaded.has_value()) << loaded.error().ToString();
    return loaded.has_value() ? *loaded : nullptr;
  }();
  std::vector<Mention> mentions;
  if (kb == nullptr) return mentions;
  for (const KbMatch& m : kb->Match(text, analysis)) {
    Mention mention;
    mention.begin = m.begin;
    mention.end = m.end;
    mention.type = m.entry->type;
    mention.sources = kFromKb;
    mention.kb_id = m.entry->id;
    mentions.push_back(mention);
  }
  return mentions;
}

struct PatternCase {
  std::string_view text;
  std::string_view expected;
  bool use_kb = true;  // pass KB mentions; false: the pattern's own name shapes only
};

constexpr PatternCase kCases[] = {
    // English: ORG TITLE Name.
    {"Meta CEO Mark Zuckerberg said on Monday.", "F Mark Zuckerberg/CEO/Meta"},
    {"SK hynix President Kim Ju-seon attended.", "F Kim Ju-seon/President/SK hynix"},
    {"LG Corp. CEO and Chairman Koo Kwang-mo spoke.",
     "F Koo Kwang-mo/CEO and Chairman/LG Corp."},
    {"Samsung Electronics Executive Chairman Lee Jae-yong flew in.",
     "F Lee Jae-yong/Executive Chairman/Samsung Electronics"},
    {"SK Group Chairman Chey Tae-won met him.", "F Chey Tae-won/Chairman/SK Group"},
    {"Tenstorrent CEO Jim Keller joined.", "F Jim Keller/CEO/Tenstorrent", false},
    {"Acme Robotics CEO Jane Doe joined.", "F Jane Doe/CEO/Acme Robotics", false},
    {"Former Samsung Chairman Lee Kun-hee died.", "F Lee Kun-hee/Chairman/Samsung"},
    // English: TITLE Name and short forms.
    {"President Yoon Suk Yeol arrived.", "F Yoon Suk Yeol/President/"},
    {"Later, Chairman Lee said the plan would go ahead.", "S Lee/Chairman/"},
    {"Chairman Chey added that", "S Chey/Chairman/"},
    {"Nvidia CEO Huang said", "S Huang/CEO/Nvidia"},
    // English: apposition.
    {"Andy Jassy, Amazon's chief executive, said", "F Andy Jassy/chief executive/Amazon"},
    {"Andy Jassy, Amazon's chief executive, said", "F Andy Jassy/chief executive/Amazon", false},
    {"Mark Zuckerberg, founder and CEO of Meta, said", "F Mark Zuckerberg/founder and CEO/Meta"},
    {"Jim Keller, the CEO of Tenstorrent, said", "F Jim Keller/CEO/Tenstorrent"},
    {"Lisa Su, chief executive of Advanced Micro Devices, said",
     "F Lisa Su/chief executive/Advanced Micro Devices"},
    {"Tim Cook, Apple CEO, said", "F Tim Cook/CEO/Apple"},
    // English: ORG's TITLE Name.
    {"Meta's CEO Mark Zuckerberg said", "F Mark Zuckerberg/CEO/Meta"},
    // English: short forms with no name.
    {"the Meta chief told reporters", "S /chief/Meta"},
    {"said the LG chief.", "S /chief/LG"},
    {"the chairman said.", "S /chairman/"},
    {"the chief executive of Amazon said", "S /chief executive/Amazon"},
    // English negatives.
    {"Apple CEO pay rose.", ""},
    {"He will head to Seoul.", ""},
    {"The chief reason is cost.", ""},
    {"Samsung's profit rose.", ""},
    // Korean: NAME ORG TITLE.
    {"이재용 삼성전자 회장은 17일 방한했다.", "F 이재용/회장/삼성전자"},
    {"이재용 삼성전자 회장은 17일 방한했다.", "F 이재용/회장/삼성전자", false},
    {"젠슨 황 엔비디아 CEO가 방한했다.", "F 젠슨 황/CEO/엔비디아"},
    {"젠슨 황 엔비디아 CEO가 방한했다.", "F 젠슨 황/CEO/엔비디아", false},
    {"최태원 SK그룹 회장과 만났다.", "F 최태원/회장/SK그룹"},
    {"최태원 SK그룹 회장과 만났다.", "F 최태원/회장/SK그룹", false},
    {"짐 켈러 텐스토렌트 CEO는 말했다.", "F 짐 켈러/CEO/텐스토렌트", false},
    {"이건희 삼성 선대회장의 뜻", "F 이건희/선대회장/삼성"},
    {"김철수 한빛전자 전 사장은", "F 김철수/사장/한빛전자", false},
    // Korean: ORG NAME TITLE and NAME TITLE.
    {"삼성전자 이재용 회장이 말했다.", "F 이재용/회장/삼성전자"},
    {"구광모 회장은 이날 말했다.", "F 구광모/회장/"},
    {"구광모 회장은 이날 말했다.", "F 구광모/회장/", false},
    // Korean: compounds.
    {"박영수 가나다전자 사장 겸 CEO는", "F 박영수/사장 겸 CEO/가나다전자", false},
    {"김영희 대표이사 사장은", "F 김영희/대표이사 사장/", false},
    {"최수연 네이버 대표가", "F 최수연/대표/네이버"},
    // Korean: SURNAME TITLE.
    {"구 회장은 이어 말했다.", "S 구/회장/"},
    {"이날 이 회장은 말했다.", "S 이/회장/"},
    {"최 회장과 황 CEO가 만났다.", "S 최/회장/; S 황/CEO/", false},
    {"삼성 이 회장은", "S 이/회장/삼성"},
    // Korean negatives.
    {"회장단 회의가 열렸다.", ""},
    {"시장 점유율이 올랐다.", ""},
    {"한국 대표 기업이다.", ""},
};

TEST(RolePatternsTest, TableOfPatternFamilies) {
  for (const PatternCase& c : kCases) {
    const text::Analysis analysis = text::Analyze(c.text);
    const std::vector<Mention> mentions =
        c.use_kb ? KbMentions(c.text, analysis) : std::vector<Mention>{};
    EXPECT_EQ(Describe(c.text, FindRolePatterns(c.text, analysis, mentions)), c.expected)
        << c.text << (c.use_kb ? " (with KB mentions)" : " (no mentions)");
  }
}

TEST(RolePatternsTest, EmptyInputs) {
  EXPECT_TRUE(FindRolePatterns("", text::Analyze(""), {}).empty());
  const std::string_view text = "No titles here at all.";
  EXPECT_TRUE(FindRolePatterns(text, text::Analyze(text), {}).empty());
}

TEST(RolePatternsTest, ScansQuickly) {
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "Samsung Electronics Executive Chairman Lee Jae-yong met Nvidia CEO Jensen Huang, "
            "the chairman said. 이재용 삼성전자 회장은 젠슨 황 엔비디아 CEO와 만났다.\n";
  }
  const text::Analysis analysis = text::Analyze(text);
  const std::vector<Mention> mentions = KbMentions(text, analysis);
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<RoleMatch> matches = FindRolePatterns(text, analysis, mentions);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(matches.size(), 2000u * 5);
  std::printf("FindRolePatterns %.0f tokens/s\n", analysis.tokens.size() / seconds);
}

struct TitleCase {
  std::string_view text;
  size_t pos;
  size_t expected;
};

TEST(MatchTitleTest, LongestTitleOnWordBoundaries) {
  static const TitleCase kTitleCases[] = {
      {"Executive Chairman Lee", 0, 18},
      {"chief executive officer", 0, 23},
      {"the CEO said", 4, 3},
      {"CEOs said", 0, 0},
      {"presidential race", 0, 0},
      {"Vice Chairman Kim", 0, 13},
      {"head of sales", 0, 0},      // weak and lower case
      {"Head of sales", 0, 4},      // weak but capitalised
      {"부회장은", 0, 9},
      {"부회장은", 3, 0},           // inside a word
      {"회장단", 0, 0},
      {"이사회 의장", 0, 16},
      {"대표이사가", 0, 12},
      {"시장", 0, 0},               // weak Korean titles need a pattern
      {"co-founder and CEO", 0, 10},
  };
  for (const TitleCase& c : kTitleCases) {
    EXPECT_EQ(MatchTitle(c.text, c.pos), c.expected) << c.text << " @" << c.pos;
  }
}

TEST(MatchTitleTest, KnowsTheSharedKoreanTitleTable) {
  const auto path = testing::SourceDir() / "data" / "lexicon" / "titles" / "titles_ko_en.tsv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  std::getline(in, line);  // header
  int rows = 0;
  while (std::getline(in, line)) {
    const std::string ko = line.substr(0, line.find('\t'));
    if (ko == "씨" || ko == "님" || ko == "여사" || ko == "측" || ko == "대통령실") continue;
    EXPECT_EQ(LookupTitle(ko, 0).length, ko.size()) << ko;
    ++rows;
  }
  EXPECT_GE(rows, 40);
}

TEST(MatchTitleTest, SurnamesAndModifiers) {
  EXPECT_TRUE(IsKoreanSurname("김"));
  EXPECT_TRUE(IsKoreanSurname("남궁"));
  EXPECT_FALSE(IsKoreanSurname("회"));
  EXPECT_EQ(MatchTitleModifier("former CEO", 0), 6u);
  EXPECT_EQ(MatchTitleModifier("formerly", 0), 0u);
  EXPECT_EQ(MatchTitleModifier("전 회장", 0), 3u);
  EXPECT_EQ(MatchTitleModifier("전자", 0), 0u);
}

}  // namespace
}  // namespace tg::extract
