#include "extract/topics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/topics_lexicon.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::extract {
namespace {

using Labels = std::vector<std::string>;

Labels Topics(std::string_view text) {
  return FindTopics(text, 0, static_cast<uint32_t>(text.size()));
}

struct Case {
  std::string_view text;
  Labels expected;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Topics(c.text), c.expected) << c.text;
  }
}

TEST(FindTopicsTest, EnglishMeetingSentences) {
  RunCases({
      {"Marlow and Quint discussed supply of sixth-generation HBM4 chips for AI accelerators and "
       "advanced packaging.",
       {"HBM4", "AI accelerators", "advanced packaging"}},
      {"The two chiefs focused on generative AI and cloud computing.",
       {"generative AI", "cloud computing"}},
      {"They talked about virtual reality (VR), augmented reality (AR) and smart glasses.",
       {"VR", "AR", "smart glasses"}},
      {"Tessaly's founder pitched on-device AI for foldable phones and wearables.",
       {"on-device AI", "foldables", "wearables"}},
      {"Talks covered EV batteries, LFP cells and a charging network in Ohio.",
       {"EV batteries", "LFP batteries", "EV charging"}},
      {"The ministers discussed tariffs, export controls and new investment in chip plants.",
       {"tariffs", "export controls", "investment", "semiconductors"}},
      {"Brennick wants humanoid robots in its factories and more robotics research.",
       {"humanoid robots", "robotics"}},
      {"They compared notes on 6G trials, Open RAN gear and autonomous driving.",
       {"6G", "Open RAN", "autonomous driving"}},
      {"Ostrava Labs offered its large language models to run in Korean data centres.",
       {"large language models", "data centers"}},
      {"The pair discussed foundry capacity and R&D on 2-nanometer processes.",
       {"foundry", "R&D", "2nm process"}},
  });
}

TEST(FindTopicsTest, KoreanMeetingSentences) {
  RunCases({
      {"두 사람은 AI 반도체 등에서의 협력 확대 방안을 논의했다.", {"AI chips"}},
      {"양측은 가상현실(VR)·증강현실(AR) 기기 개발을 논의했다.", {"VR", "AR"}},
      {"한솔로테크 대표는 고대역폭메모리(HBM)와 파운드리 협력을 제안했다.", {"HBM", "foundry"}},
      {"전기차 배터리와 휴머노이드 로봇, 데이터센터 투자가 거론됐다.",
       {"EV batteries", "humanoid robots", "data centers", "investment"}},
      {"관세와 수출 통제 문제를 두고 의견을 나눴다.", {"tariffs", "export controls"}},
      {"그는 온디바이스 AI와 거대언어모델(LLM) 협력을 강조했다.",
       {"on-device AI", "large language models"}},
      {"자율주행과 로봇, 반도체 분야에서 손을 잡기로 했다.",
       {"autonomous driving", "robotics", "semiconductors"}},
      {"6세대 이동통신(6G) 표준과 오픈랜 장비를 함께 검증한다.", {"6G", "Open RAN"}},
  });
}

TEST(FindTopicsTest, OneLabelPerConceptAcrossLanguagesAndForms) {
  RunCases({
      {"인공지능(AI)과 AI, artificial intelligence", {"AI"}},
      {"virtual reality (VR) and 가상현실", {"VR"}},
      {"GPUs, a GPU and graphics processors", {"GPUs"}},
      {"battery, batteries, 배터리를", {"batteries"}},
  });
}

TEST(FindTopicsTest, AcronymsMatchOnlyAsWholeWordsInCapitals) {
  RunCases({
      {"She said the air was fair.", {}},
      {"The AIr brand and OpenAI-style labs and xAIs.", {}},
      {"ai in lower case is not the acronym", {}},
      {"Ai in title case is not the acronym either", {}},
      {"They discussed AI.", {"AI"}},
      {"AI-driven design", {"AI"}},
      {"AI를 활용한 서비스", {"AI"}},
      {"the 6GHz band is not 6G", {"6G"}},
      {"EVs and EV", {"EVs"}},
  });
}

TEST(FindTopicsTest, EnglishWordsMatchInAnyCase) {
  RunCases({
      {"CLOUD COMPUTING AND SEMICONDUCTORS", {"cloud computing", "semiconductors"}},
      {"cloud computing and semiconductors", {"cloud computing", "semiconductors"}},
  });
}

TEST(FindTopicsTest, LongestMatchHidesGeneralLabels) {
  RunCases({
      {"generative AI", {"generative AI"}},
      {"AI 반도체", {"AI chips"}},
      {"AI반도체", {"AI chips"}},
      {"EV batteries", {"EV batteries"}},
      {"LFP batteries", {"LFP batteries"}},
      {"AI data centers", {"AI data centers"}},
      {"humanoid robots", {"humanoid robots"}},
      // Separate words still count: the hiding is per stretch of text.
      {"generative AI and AI chips", {"generative AI", "AI chips"}},
      {"AI·반도체", {"AI", "semiconductors"}},
  });
}

TEST(FindTopicsTest, GenerationLabelsHideTheFamilyLabel) {
  RunCases({
      {"HBM4", {"HBM4"}},
      {"HBM3E and earlier HBM", {"HBM3E"}},
      {"차세대 고대역폭메모리(HBM4) 공급", {"HBM4"}},
      {"HBM and DRAM", {"HBM", "DRAM"}},
  });
}

TEST(FindTopicsTest, MultiWordCuesJoinOnlyOverSpacesAndHyphens) {
  RunCases({
      {"on device AI", {"on-device AI"}},
      {"on-device AI", {"on-device AI"}},
      {"generative, AI", {"AI"}},
      {"electric (vehicle)", {}},
  });
}

TEST(FindTopicsTest, KoreanCuesStartAnEojeol) {
  RunCases({
      {"반도체를", {"semiconductors"}},
      {"로봇과 드론", {"robotics", "drones"}},
      {"차량용반도체는 아니다", {}},
      {"ZK디스플레이 대표와 만났다", {}},
      {"한울디스플레이 사장", {}},
      {"다온AI와 협력", {}},
      {"다온 AI와 협력", {"AI"}},
      {"디스플레이 협력", {"displays"}},
  });
}

TEST(FindTopicsTest, NamesAndDescriptorsAreNotTopics) {
  RunCases({
      {"Vantor Display CEO Ines Kahle met Pell Telecom's chairman.", {}},
      {"He met the Trade, Industry and Energy Minister and the Energy Secretary.", {}},
      {"Korvane, a battery maker, hosted the chip designer Lumio.", {}},
      {"금융위원회 위원장과 만났다", {}},
      {"display and energy", {"displays", "energy"}},
      {"Display maker aside, they discussed energy.", {"energy"}},
      // Plural acronyms are not capitalized words.
      {"Zentra GPUs and Orvik EVs", {"GPUs", "EVs"}},
  });
}

TEST(FindTopicsTest, NothingTechnicalGivesNoTopics) {
  RunCases({
      {"The two men had lunch at a hotel in Busan and talked about their families.", {}},
      {"두 사람은 서울의 한 식당에서 저녁을 함께하며 안부를 나눴다.", {}},
      {"", {}},
  });
}

TEST(FindTopicsTest, LabelsInOrderOfFirstOccurrenceEachOnce) {
  EXPECT_EQ(Topics("robots, then drones, then robots again and drones and cloud"),
            (Labels{"robotics", "drones", "cloud computing"}));
  EXPECT_EQ(Topics("클라우드, 로봇, 클라우드"), (Labels{"cloud computing", "robotics"}));
}

TEST(FindTopicsTest, LooksOnlyInsideTheSpan) {
  const std::string_view text = "Robots first. Then cloud computing. Then tariffs.";
  const auto begin = static_cast<uint32_t>(text.find("Then cloud"));
  const auto end = static_cast<uint32_t>(text.find("Then tariffs"));
  EXPECT_EQ(FindTopics(text, begin, end), (Labels{"cloud computing"}));
  // A span that cuts a word in two sees only the part inside.
  EXPECT_EQ(FindTopics(text, 1, end), (Labels{"cloud computing"}));
  EXPECT_TRUE(FindTopics(text, 5, 5).empty());
  EXPECT_TRUE(FindTopics(text, 9, 3).empty());
  EXPECT_EQ(FindTopics(text, end, 100000), (Labels{"tariffs"}));
}

TEST(FindTopicsTest, InvalidUtf8IsHarmless) {
  const std::string text = "AI \xff\xfe 반도체 \xe1\x80 robots";
  EXPECT_EQ(Topics(text), (Labels{"AI", "semiconductors", "robotics"}));
}

struct Row {
  std::string label;  // "-" for blockers
  std::vector<std::string> cues;
  std::vector<std::string> hides;
};

std::vector<std::string> SplitBy(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) parts.push_back(part);
  return parts;
}

// The shipped table, read directly (not through TopicLexicon).
std::vector<Row> ReadTable() {
  std::vector<Row> rows;
  std::ifstream in(testing::SourceDir() / "data" / "lexicon" / "topics.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = SplitBy(line, '\t');
    if (fields.size() < 2) continue;
    rows.push_back(Row{fields[0], SplitBy(fields[1], '|'),
                       fields.size() > 2 ? SplitBy(fields[2], '|') : std::vector<std::string>{}});
  }
  return rows;
}

// Every cue of the shipped table, written alone, yields its own row's label
// (nothing for blockers): the table and the matcher agree.
TEST(TopicLexiconTest, EveryCueAloneYieldsItsLabel) {
  const std::vector<Row> rows = ReadTable();
  size_t labels = 0;
  size_t cues = 0;
  for (const Row& row : rows) {
    const Labels expected = row.label == "-" ? Labels{} : Labels{row.label};
    for (const std::string& cue : row.cues) {
      EXPECT_EQ(Topics(cue), expected) << "cue '" << cue << "'";
      ++cues;
    }
    if (row.label != "-") ++labels;
  }
  EXPECT_GE(labels, 150u);
  EXPECT_LE(labels, 300u);
  const TopicLexicon& lexicon = TopicLexicon::Builtin();
  EXPECT_EQ(lexicon.cue_count(), cues);
  EXPECT_EQ(lexicon.label_count(), labels + 1);  // plus the blocker label
}

bool EndsWithLatinLetterOrDigit(const std::string& s) {
  const char c = s.back();
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Reference for lists: cues joined by commas never combine, so the labels
// are those of the cues in order, each once, without blockers and without
// labels another listed one hides. English cues sometimes get a plural "s",
// Korean ones a particle, which must not change their label.
TEST(TopicLexiconTest, ListsOfCuesMatchASimpleReference) {
  const std::vector<Row> rows = ReadTable();
  ASSERT_FALSE(rows.empty());
  std::mt19937 rng(20250611);
  for (int round = 0; round < 3000; ++round) {
    const size_t n = 1 + rng() % 6;
    std::string text;
    std::vector<const Row*> picked;
    for (size_t k = 0; k < n; ++k) {
      const Row& row = rows[rng() % rows.size()];
      std::string cue = row.cues[rng() % row.cues.size()];
      if (rng() % 2 == 0) {
        if (EndsWithLatinLetterOrDigit(cue) && cue.back() != 's') {
          cue += "s";
        } else if (static_cast<unsigned char>(cue.back()) >= 0x80) {
          cue += "에서";
        }
      }
      text += (k > 0 ? ", " : "") + cue;
      picked.push_back(&row);
    }
    Labels listed;
    for (const Row* row : picked) {
      if (row->label != "-" &&
          std::find(listed.begin(), listed.end(), row->label) == listed.end()) {
        listed.push_back(row->label);
      }
    }
    Labels expected;
    for (const std::string& label : listed) {
      const bool hidden = std::any_of(picked.begin(), picked.end(), [&](const Row* row) {
        return std::find(row->hides.begin(), row->hides.end(), label) != row->hides.end();
      });
      if (!hidden) expected.push_back(label);
    }
    ASSERT_EQ(Topics(text), expected) << text;
  }
}

TEST(TopicLexiconTest, ParsesLabelsCuesAndHides) {
  ASSERT_OK_AND_ASSIGN(TopicLexicon lexicon,
                       TopicLexicon::Parse("# comment\n\nwidgets\twidget|위젯\n"
                                           "WX2\tWX2\twidgets\n-\twidget maker\n"));
  EXPECT_EQ(lexicon.label_count(), 3u);
  EXPECT_EQ(lexicon.cue_count(), 4u);
  const int32_t widget = lexicon.Child(lexicon.root(), "widget");
  ASSERT_NE(widget, TopicLexicon::kNone);
  EXPECT_EQ(lexicon.label(lexicon.LabelAt(widget)), "widgets");
  const int32_t maker = lexicon.Child(widget, "maker");
  ASSERT_NE(maker, TopicLexicon::kNone);
  EXPECT_TRUE(lexicon.is_blocker(lexicon.LabelAt(maker)));
  const int32_t wx2 = lexicon.Child(lexicon.root(), "WX2");
  ASSERT_NE(wx2, TopicLexicon::kNone);
  EXPECT_EQ(lexicon.hides(lexicon.LabelAt(wx2)), (std::vector<int32_t>{lexicon.LabelAt(widget)}));
  EXPECT_EQ(lexicon.Child(lexicon.root(), "wx2"), TopicLexicon::kNone);
  EXPECT_EQ(lexicon.Child(lexicon.root(), "gadget"), TopicLexicon::kNone);
}

TEST(TopicLexiconTest, RejectsMalformedTables) {
  const std::string_view bad[] = {
      "widgets\n",                          // no cues
      "widgets\twidget||gizmo\n",           // empty cue
      "widgets\twidget (small)\n",          // a cue over a bracket
      "widgets\twidget\nwidgets\tgizmo\n",  // label twice
      "widgets\tWidget|widget\n",           // the same cue twice (case folds)
      "widgets\twidget\ngizmos\twidget\n",  // one cue, two labels
      "widgets\twidget\tgadgets\n",         // hides an unknown label
      "widgets\twidget\twidgets\n",         // hides itself
      "widgets\twidget\tx\ty\n",            // too many columns
  };
  for (std::string_view tsv : bad) {
    const Result<TopicLexicon> parsed = TopicLexicon::Parse(tsv);
    EXPECT_FALSE(parsed.has_value()) << tsv;
    if (!parsed.has_value()) {
      EXPECT_EQ(parsed.error().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(SplitTopicWordsTest, WordsGapsAndGlue) {
  const std::string_view text = "R&D, on-device AI반도체 (5.5G)";
  std::vector<TopicWord> words;
  SplitTopicWords(text, 0, static_cast<uint32_t>(text.size()), &words);
  std::vector<std::string_view> got;
  for (const TopicWord& w : words) got.push_back(text.substr(w.begin, w.end - w.begin));
  EXPECT_EQ(got, (std::vector<std::string_view>{"R&D", "on", "device", "AI", "반도체", "5.5G"}));
  ASSERT_EQ(words.size(), 6u);
  EXPECT_FALSE(words[1].soft_before);  // after a comma
  EXPECT_TRUE(words[2].soft_before);   // after a hyphen
  EXPECT_FALSE(words[2].glued);
  EXPECT_TRUE(words[4].glued);
  EXPECT_EQ(words[4].kind, TopicWordKind::kHangul);
  EXPECT_FALSE(words[5].soft_before);  // after a bracket
}

}  // namespace
}  // namespace tg::extract
