// Tests for the NER tagger: perceptron learning, model file round trip and
// corruption, data readers, and a sanity check of the committed models.
#include "extract/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "extract/kb.h"
#include "extract/ner_data.h"
#include "extract/ner_features.h"
#include "extract/ner_train.h"
#include "extract/perceptron.h"
#include "extract/tagger_model.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::extract {
namespace {

std::string Surface(std::string_view text, const Mention& m) {
  return std::string(text.substr(m.begin, m.end - m.begin));
}

bool HasMention(std::string_view text, const std::vector<Mention>& mentions,
                std::string_view surface, EntityType type) {
  for (const Mention& m : mentions) {
    if (Surface(text, m) == surface && m.type == type) return true;
  }
  return false;
}

std::string Describe(std::string_view text, const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions) {
    out += "[" + Surface(text, m) + "/" + std::string(EntityTypeName(m.type)) + "] ";
  }
  return out;
}

// A synthetic task: capitalised words after "met" are persons, "in X" places.
std::vector<NerExample> SyntheticExamples() {
  const char* names[] = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi"};
  const char* places[] = {"Paris", "Oslo", "Lima", "Quito", "Seoul", "Cairo"};
  std::vector<NerExample> out;
  for (int i = 0; i < 48; ++i) {
    NerExample ex;
    const std::string name = names[i % 8], place = places[i % 6];
    ex.text = "We met " + name + " in " + place + " today.";
    const uint32_t nb = 7, pb = nb + name.size() + 4;
    ex.spans.push_back({nb, static_cast<uint32_t>(nb + name.size()), EntityType::kPerson});
    ex.spans.push_back({pb, static_cast<uint32_t>(pb + place.size()), EntityType::kPlace});
    out.push_back(ex);
  }
  return out;
}

NerModel TrainSynthetic() {
  NerModel model;
  model.lang = "en";
  PerceptronTrainer trainer(kNumNerLabels);
  TokenAnnotations ann;
  std::vector<FeatureSeq> seqs;
  std::vector<std::vector<uint8_t>> labels;
  for (const NerExample& ex : SyntheticExamples()) {
    const text::Analysis a = text::Analyze(ex.text);
    AnnotateTokens(ex.text, a, nullptr, nullptr, &ann);
    TaggerTokens refined;
    RefineTokens(ex.text, a, &refined);
    FeatureSeq seq;
    ExtractFeatures(ex.text, a, refined, 0, refined.analysis.tokens.size(), ann, nullptr, &seq);
    seqs.push_back(seq);
    labels.push_back(ProjectSpans(ex, refined.analysis, nullptr));
  }
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (size_t i = 0; i < seqs.size(); ++i) trainer.Step(seqs[i], labels[i].data());
  }
  model.weights = trainer.Averaged(0);
  return model;
}

TEST(PerceptronTest, LearnsSyntheticTask) {
  NerModel model = TrainSynthetic();
  // Unseen name and place in the same frame.
  const std::string text = "We met Judy in Rome today.";
  const text::Analysis a = text::Analyze(text);
  ASSERT_FALSE(a.tokens.empty());
  std::vector<Mention> mentions = TagText(model, text, a, nullptr);
  EXPECT_TRUE(HasMention(text, mentions, "Judy", EntityType::kPerson)) << Describe(text, mentions);
  EXPECT_TRUE(HasMention(text, mentions, "Rome", EntityType::kPlace)) << Describe(text, mentions);
  EXPECT_EQ(mentions.size(), 2u) << Describe(text, mentions);
}

TEST(PerceptronTest, CostAugmentedStepUpdatesACorrectButNarrowWin) {
  // All-O gold and no weights yet: the plain perceptron already decodes it
  // (every score ties, O wins) and learns nothing; with a cost every wrong
  // label outscores O by it, so the step updates until gold wins by a margin.
  FeatureSeq seq;
  seq.offsets = {0, 2, 4};
  seq.ids = {11, 12, 13, 14};
  const uint8_t gold[2] = {kLabelO, kLabelO};
  PerceptronTrainer plain(kNumNerLabels);
  EXPECT_EQ(plain.Step(seq, gold), 0u);
  PerceptronTrainer margin(kNumNerLabels);
  margin.set_cost(1.0f);
  EXPECT_EQ(margin.Step(seq, gold), 2u);
  // After enough steps gold wins by more than the cost and updates stop.
  size_t wrong = 0;
  for (int k = 0; k < 20; ++k) wrong = margin.Step(seq, gold);
  EXPECT_EQ(wrong, 0u);
}

TEST(PerceptronTest, ViterbiRespectsBio) {
  // Emissions favour I-PERSON everywhere; the decoder must not start with I.
  std::vector<float> em(3 * kNumNerLabels, 0.0f);
  for (int i = 0; i < 3; ++i) em[i * kNumNerLabels + 2] = 5.0f;
  em[0 * kNumNerLabels + 1] = 1.0f;
  std::vector<float> trans((kNumNerLabels + 1) * kNumNerLabels, 0.0f);
  uint8_t labels[3];
  ViterbiDecode(em.data(), trans.data(), 3, kNumNerLabels, labels, nullptr);
  EXPECT_EQ(labels[0], 1);
  EXPECT_EQ(labels[1], 2);
  EXPECT_EQ(labels[2], 2);
}

TEST(PerceptronTest, ViterbiMatchesExhaustiveSearch) {
  // Random scores on four tokens: the decoder's labels must be the best valid
  // BIO sequence of all 7^4, and each margin the gap to the best sequence
  // with another label at that token.
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(-3.0f, 3.0f);
  constexpr int L = kNumNerLabels;
  constexpr size_t n = 4;
  const auto valid = [](int prev, int cur) {  // prev == L: the start
    if (cur == kLabelO || cur % 2 == 1) return true;
    return prev != L && prev != kLabelO && (prev + 1) / 2 == (cur + 1) / 2;
  };
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<float> em(n * L), trans((L + 1) * L);
    for (float& x : em) x = dist(rng);
    for (float& x : trans) x = dist(rng);
    uint8_t labels[n];
    float margins[n];
    ViterbiDecode(em.data(), trans.data(), n, L, labels, margins);
    float best = -1e30f;
    std::vector<int> best_path;
    // best_other[i][y]: the best score of a valid sequence with label y at token i.
    std::vector<std::vector<float>> best_at(n, std::vector<float>(L, -1e30f));
    for (int code = 0; code < L * L * L * L; ++code) {
      int path[n];
      for (size_t i = 0, c = code; i < n; ++i, c /= L) path[i] = static_cast<int>(c % L);
      float score = 0;
      bool ok = true;
      for (size_t i = 0; i < n && ok; ++i) {
        const int prev = i == 0 ? L : path[i - 1];
        ok = valid(prev, path[i]);
        score += trans[prev * L + path[i]] + em[i * L + path[i]];
      }
      if (!ok) continue;
      if (score > best) {
        best = score;
        best_path.assign(path, path + n);
      }
      for (size_t i = 0; i < n; ++i) best_at[i][path[i]] = std::max(best_at[i][path[i]], score);
    }
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(labels[i], best_path[i]) << "trial " << trial << " token " << i;
      float other = -1e30f;
      for (int y = 0; y < L; ++y) {
        if (y != labels[i]) other = std::max(other, best_at[i][y]);
      }
      EXPECT_NEAR(margins[i], best - other, 1e-3f) << "trial " << trial << " token " << i;
    }
  }
}

TEST(PerceptronTest, DecodeUsesTheRowOfEveryFeature) {
  // Thousands of rows, each giving its own feature one B- label (weights in
  // the serialized form: label count, row count, scale, zero transitions,
  // ids, 16-bit weights). A row the bucket lookup missed would decode as O.
  constexpr uint32_t kRows = 6000;
  const uint32_t labels_count = kNumNerLabels;
  const uint64_t rows = kRows;
  const float scale = 1.0f;
  std::string bytes;
  auto put = [&](const void* p, size_t n) { bytes.append(static_cast<const char*>(p), n); };
  put(&labels_count, 4);
  put(&rows, 8);
  put(&scale, 4);
  const std::vector<float> transitions((kNumNerLabels + 1) * kNumNerLabels, 0.0f);
  put(transitions.data(), transitions.size() * sizeof(float));
  auto id_of = [](uint32_t r) { return r * 2654435761u + 17; };
  auto label_of = [](uint32_t r) { return static_cast<uint8_t>(1 + 2 * (r % 3)); };  // B-
  for (uint32_t r = 0; r < kRows; ++r) {
    const uint32_t id = id_of(r);
    put(&id, 4);
  }
  for (uint32_t r = 0; r < kRows; ++r) {
    int16_t q[kNumNerLabels] = {};
    q[label_of(r)] = 10;
    put(q, sizeof(q));
  }
  size_t pos = 0;
  ASSERT_OK_AND_ASSIGN(LinearChainModel model, LinearChainModel::Deserialize(bytes, &pos));
  ASSERT_EQ(model.num_features(), kRows);
  size_t wrong = 0;
  FeatureSeq seq;
  seq.offsets = {0, 1};
  for (uint32_t r = 0; r < kRows; ++r) {
    seq.ids = {id_of(r)};
    uint8_t label = 255;
    model.Decode(seq, nullptr, &label, nullptr);
    if (label != label_of(r)) ++wrong;
  }
  EXPECT_EQ(wrong, 0u);
  // An id no row has adds nothing: O.
  seq.ids = {id_of(kRows) + 1};
  uint8_t label = 255;
  model.Decode(seq, nullptr, &label, nullptr);
  EXPECT_EQ(label, kLabelO);
}

TEST(TaggerModelTest, SaveLoadRoundTripGivesIdenticalPredictions) {
  NerModel model = TrainSynthetic();
  model.gazetteer.Add("Rome", GazCategory::kPlace);
  model.gazetteer.AddKoreanSurname("김");
  const std::string path = (testing::MakeTempDir("tagger") / "m.bin").string();
  ASSERT_OK(SaveNerModel(model, path));
  ASSERT_OK_AND_ASSIGN(NerModel loaded, LoadNerModel(path));
  EXPECT_EQ(loaded.lang, "en");
  EXPECT_EQ(loaded.weights.num_features(), model.weights.num_features());
  EXPECT_EQ(loaded.gazetteer.size(), model.gazetteer.size());
  // Weights are quantized to 16 bits on save, so compare the saved-and-loaded
  // model with a second load, and the labels with the in-memory model.
  for (const char* text : {"We met Judy in Rome today.", "We met Bob in Oslo today.",
                           "Nobody went anywhere."}) {
    const text::Analysis a = text::Analyze(text);
    std::vector<Mention> x = TagText(model, text, a, nullptr);
    std::vector<Mention> y = TagText(loaded, text, a, nullptr);
    ASSERT_EQ(x.size(), y.size()) << text;
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].begin, y[i].begin);
      EXPECT_EQ(x[i].end, y[i].end);
      EXPECT_EQ(x[i].type, y[i].type);
      EXPECT_NEAR(x[i].score, y[i].score, 0.01);
    }
  }
  // Saving the loaded model again gives the same bytes.
  const std::string path2 = path + ".2";
  ASSERT_OK(SaveNerModel(loaded, path2));
  std::ifstream a(path, std::ios::binary), b(path2, std::ios::binary);
  std::string sa((std::istreambuf_iterator<char>(a)), {}), sb((std::istreambuf_iterator<char>(b)), {});
  EXPECT_EQ(sa, sb);
}

TEST(TaggerModelTest, CorruptFileIsKCorrupt) {
  NerModel model = TrainSynthetic();
  const std::filesystem::path dir = testing::MakeTempDir("tagger");
  const std::string path = (dir / "m.bin").string();
  ASSERT_OK(SaveNerModel(model, path));
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GT(bytes.size(), 100u);
  struct Case {
    const char* name;
    std::string bytes;
  };
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x5A;
  std::string bad_magic = bytes;
  bad_magic[0] = 'X';
  const Case cases[] = {{"flipped byte", flipped},
                        {"truncated", bytes.substr(0, bytes.size() - 20)},
                        {"bad magic", bad_magic},
                        {"empty", ""},
                        {"extended", bytes + "xx"}};
  for (const Case& c : cases) {
    const std::string p = (dir / "bad.bin").string();
    std::ofstream(p, std::ios::binary | std::ios::trunc) << c.bytes;
    Result<std::unique_ptr<const Tagger>> t = Tagger::Load(p);
    ASSERT_FALSE(t.has_value()) << c.name;
    EXPECT_EQ(t.error().code(), StatusCode::kCorrupt) << c.name << ": " << t.error().ToString();
  }
  Result<std::unique_ptr<const Tagger>> missing = Tagger::Load((dir / "none.bin").string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
}

TEST(NerDataTest, ProjectionCountsMisalignedSpans) {
  NerExample ex;
  ex.text = "Samsung Electronics said";
  ex.spans.push_back({0, 19, EntityType::kOrg});  // aligned
  ex.spans.push_back({20, 22, EntityType::kPerson});  // "sa": ends inside "said"
  const text::Analysis a = text::Analyze(ex.text);
  ProjectionStats stats;
  std::vector<uint8_t> labels = ProjectSpans(ex, a, &stats);
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(labels[0], BeginLabel(EntityType::kOrg));
  EXPECT_EQ(labels[1], BeginLabel(EntityType::kOrg) + 1);
  EXPECT_EQ(stats.spans, 2u);
  EXPECT_EQ(stats.misaligned, 1u);
}

TEST(NerDataTest, KlueReaderParsesInlineTags) {
  const std::filesystem::path path =
      testing::SharedDir() / "data" / "klue-ner" / "klue-ner-v1.1_dev.fixed.tsv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  ASSERT_OK_AND_ASSIGN(std::vector<NerExample> all, ReadKlueNer(path.string()));
  EXPECT_EQ(all.size(), 5000u);
  size_t spans = 0;
  for (const NerExample& ex : all) {
    for (const NerSpan& s : ex.spans) {
      ASSERT_LE(s.end, ex.text.size());
      EXPECT_EQ(ex.text.find('<', s.begin) < s.end, false) << ex.id;
      ++spans;
    }
  }
  // PS + OG + LC in the KLUE dev split (SOURCE.md): 4,418 + 2,182 + 1,649.
  EXPECT_NEAR(static_cast<double>(spans), 8249.0, 40.0);
}

TEST(NerDataTest, GumAndUnerReadersFindNamedMentions) {
  const std::filesystem::path data = testing::SharedDir() / "data";
  if (!std::filesystem::exists(data / "gum")) GTEST_SKIP() << "no shared data";
  ASSERT_OK_AND_ASSIGN(std::vector<NerExample> test, ReadGum((data / "gum").string(), "test"));
  size_t spans = 0;
  bool nasa = false;
  for (const NerExample& ex : test) {
    for (const NerSpan& s : ex.spans) {
      ++spans;
      if (ex.text.substr(s.begin, s.end - s.begin) == "NASA" && s.type == EntityType::kOrg) {
        nasa = true;
      }
      // Pronouns and common nouns are not named mentions.
      const std::string surface = ex.text.substr(s.begin, s.end - s.begin);
      EXPECT_NE(surface, "he");
      EXPECT_NE(surface, "it");
    }
  }
  EXPECT_TRUE(nasa);
  EXPECT_GT(spans, 200u);
  ASSERT_OK_AND_ASSIGN(std::vector<NerExample> pud,
                       ReadIob2((data / "uner-en-pud" / "en_pud-ud-test.iob2").string()));
  EXPECT_EQ(pud.size(), 1000u);
  size_t pud_spans = 0;
  for (const NerExample& ex : pud) pud_spans += ex.spans.size();
  EXPECT_EQ(pud_spans, 1075u);
}

std::unique_ptr<const Tagger> LoadCommitted(const std::string& lang) {
  const std::string path = Tagger::DefaultDir() + "/ner-" + lang + ".bin";
  Result<std::unique_ptr<const Tagger>> t = Tagger::Load(path);
  if (!t.has_value()) return nullptr;
  return std::move(t).value();
}

// The committed knowledge base: the tagger is meant to run with it (gazetteer
// features, and KB names fix the type of what the tagger marks).
std::shared_ptr<const KnowledgeBase> LoadKb() {
  Result<std::shared_ptr<const KnowledgeBase>> kb = KnowledgeBase::Load(KnowledgeBase::DefaultDir());
  return kb.has_value() ? *kb : nullptr;
}

// Load time is measured in bench/ (timed tests fail on a loaded machine).
TEST(CommittedModelTest, LoadsBothLanguages) {
  for (const char* lang : {"en", "ko"}) {
    std::unique_ptr<const Tagger> tagger = LoadCommitted(lang);
    ASSERT_NE(tagger, nullptr) << lang;
  }
}

TEST(CommittedModelTest, EnglishSanitySentence) {
  std::unique_ptr<const Tagger> tagger = LoadCommitted("en");
  ASSERT_NE(tagger, nullptr) << "missing " << Tagger::DefaultDir() << "/ner-en.bin";
  std::shared_ptr<const KnowledgeBase> kb = LoadKb();
  ASSERT_NE(kb, nullptr);
  const std::string text =
      "Samsung Electronics Chairman Lee Jae-yong met Nvidia CEO Jensen Huang in Silicon Valley.";
  const text::Analysis a = text::Analyze(text);
  std::vector<Mention> m = tagger->Tag(text, a, kb.get());
  EXPECT_TRUE(HasMention(text, m, "Lee Jae-yong", EntityType::kPerson)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "Nvidia", EntityType::kOrg)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "Jensen Huang", EntityType::kPerson)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "Silicon Valley", EntityType::kPlace)) << Describe(text, m);
  // "Samsung Electronics" is left to the KB when the model does not mark it;
  // it must not come out as a person or place, nor swallow the title.
  for (const Mention& x : m) {
    const std::string surface = Surface(text, x);
    EXPECT_EQ(surface.find("Chairman"), std::string::npos) << Describe(text, m);
    EXPECT_EQ(surface.find("CEO"), std::string::npos) << Describe(text, m);
    if (surface.find("Samsung") != std::string::npos) {
      EXPECT_EQ(x.type, EntityType::kOrg) << Describe(text, m);
    }
    EXPECT_GE(x.score, 0.0f);
    EXPECT_LE(x.score, 1.0f);
    EXPECT_EQ(x.sources, kFromTagger);
  }
}

TEST(CommittedModelTest, KoreanSanitySentence) {
  std::unique_ptr<const Tagger> tagger = LoadCommitted("ko");
  ASSERT_NE(tagger, nullptr) << "missing " << Tagger::DefaultDir() << "/ner-ko.bin";
  std::shared_ptr<const KnowledgeBase> kb = LoadKb();
  ASSERT_NE(kb, nullptr);
  const std::string text = "이재용 삼성전자 회장은 실리콘밸리에서 젠슨 황 엔비디아 CEO를 만났다.";
  const text::Analysis a = text::Analyze(text);
  std::vector<Mention> m = tagger->Tag(text, a, kb.get());
  EXPECT_TRUE(HasMention(text, m, "이재용", EntityType::kPerson)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "삼성전자", EntityType::kOrg)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "실리콘밸리", EntityType::kPlace)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "젠슨 황", EntityType::kPerson)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "엔비디아", EntityType::kOrg)) << Describe(text, m);
  EXPECT_EQ(m.size(), 5u) << Describe(text, m);
}

TEST(CommittedModelTest, GivenKbMatchesStandInForTheKb) {
  // A caller that matched the KB already passes its matches: the same
  // mentions as matching here, and none of the KB's features without them.
  std::unique_ptr<const Tagger> tagger = LoadCommitted("en");
  ASSERT_NE(tagger, nullptr);
  std::shared_ptr<const KnowledgeBase> kb = LoadKb();
  ASSERT_NE(kb, nullptr);
  const std::string text =
      "Hyun Seo-jin of Samsung Electronics met Maren Holt of Hanwha Aerospace in Palo Alto.";
  const text::Analysis a = text::Analyze(text);
  const std::vector<KbMatch> matches = kb->Match(text, a);
  ASSERT_FALSE(matches.empty());
  const auto same = [&](const std::vector<Mention>& x, const std::vector<Mention>& y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i].begin != y[i].begin || x[i].end != y[i].end || x[i].type != y[i].type ||
          x[i].score != y[i].score) {
        return false;
      }
    }
    return true;
  };
  const std::vector<Mention> with_kb = tagger->Tag(text, a, kb.get());
  EXPECT_TRUE(same(tagger->Tag(text, a, kb.get(), &matches), with_kb)) << Describe(text, with_kb);
  const std::vector<KbMatch> none;
  const std::vector<Mention> without_kb = tagger->Tag(text, a, nullptr);
  EXPECT_TRUE(same(tagger->Tag(text, a, kb.get(), &none), without_kb))
      << Describe(text, without_kb);
  EXPECT_FALSE(same(with_kb, without_kb)) << "the KB changes nothing here; pick another text";
}

TEST(CommittedModelTest, KoreanNamesWithoutKb) {
  // Names the KB does not know, with particles and a title: the model alone.
  std::unique_ptr<const Tagger> tagger = LoadCommitted("ko");
  ASSERT_NE(tagger, nullptr);
  const std::string text = "김민준 대표는 지난 11일 부산에서 기자들과 만났다.";
  const text::Analysis a = text::Analyze(text);
  std::vector<Mention> m = tagger->Tag(text, a, nullptr);
  EXPECT_TRUE(HasMention(text, m, "김민준", EntityType::kPerson)) << Describe(text, m);
  EXPECT_TRUE(HasMention(text, m, "부산", EntityType::kPlace)) << Describe(text, m);
}

TEST(RefineTokensTest, SplitsSuffixesScriptChangesAndPossessives) {
  struct Case {
    const char* text;
    std::vector<std::string> tokens;
  };
  const Case cases[] = {
      {"박씨", {"박", "씨"}},
      {"A씨", {"A", "씨"}},
      {"이재용", {"이", "재", "용"}},
      {"한국영화", {"한국", "영", "화"}},
      {"SK하이닉스", {"SK", "하이", "닉", "스"}},
      {"Apple's", {"Apple", "'s"}},
      {"Apple\u2019s", {"Apple", "\u2019s"}},
      {"Seoul", {"Seoul"}},
  };
  for (const Case& c : cases) {
    const text::Analysis a = text::Analyze(c.text);
    TaggerTokens refined;
    RefineTokens(c.text, a, &refined);
    std::vector<std::string> got;
    for (const text::Token& t : refined.analysis.tokens) got.emplace_back(t.In(c.text));
    EXPECT_EQ(got, c.tokens) << c.text;
    ASSERT_EQ(refined.parent.size(), got.size());
    ASSERT_EQ(refined.analysis.sentences.size(), a.sentences.size());
  }
  // Pieces: 1 = head, 3 = middle, 2 = a one-syllable tail.
  const std::string text = "한국영화";
  TaggerTokens refined;
  RefineTokens(text, text::Analyze(text), &refined);
  EXPECT_EQ(refined.piece, (std::vector<uint8_t>{1, 3, 2}));
}

TEST(HonorificTest, EnglishHonorificsOnly) {
  EXPECT_TRUE(IsHonorific("Mr"));
  EXPECT_TRUE(IsHonorific("Ms."));
  EXPECT_TRUE(IsHonorific("Dr"));
  EXPECT_FALSE(IsHonorific("Mrx"));
  EXPECT_FALSE(IsHonorific("Drake"));
  EXPECT_FALSE(IsHonorific("M"));
}

TEST(GazetteerTest, WordCategoriesOfOneTokenPhrases) {
  NerGazetteer g;
  g.Add("한국", GazCategory::kPlace);
  g.Add("New York", GazCategory::kPlace);
  EXPECT_EQ(g.WordCategories("한국"), 1u << static_cast<int>(GazCategory::kPlace));
  EXPECT_EQ(g.WordCategories("New"), 0u);  // only a prefix of a phrase
  EXPECT_EQ(g.WordCategories("한국영화"), 0u);
}

TEST(GazetteerTest, NameWordCategoriesSurviveTheModelFile) {
  NerGazetteer g;
  g.Add("Holdings", GazCategory::kOrgWord);
  g.Add("Ruritanian", GazCategory::kDemonym);
  g.Add("Ruritania", GazCategory::kPlace);
  std::string bytes;
  g.Serialize(&bytes);
  size_t pos = 0;
  ASSERT_OK_AND_ASSIGN(NerGazetteer back, NerGazetteer::Deserialize(bytes, &pos));
  EXPECT_EQ(pos, bytes.size());
  EXPECT_EQ(back.WordCategories("Holdings"), 1u << static_cast<int>(GazCategory::kOrgWord));
  EXPECT_EQ(back.WordCategories("Ruritanian"), 1u << static_cast<int>(GazCategory::kDemonym));
  EXPECT_EQ(back.WordCategories("Ruritania"), 1u << static_cast<int>(GazCategory::kPlace));
}

// The features of token `index` (of the refined tokens) of `text`, sorted.
std::vector<uint32_t> TokenFeatures(const std::string& text, size_t index,
                                    const NerGazetteer& g) {
  const text::Analysis a = text::Analyze(text);
  TaggerTokens refined;
  RefineTokens(text, a, &refined);
  TokenAnnotations ann;
  AnnotateTokens(text, a, &g, nullptr, &ann);
  ann.capital_runs = true;
  ann.hangul_words = true;
  FeatureSeq seq;
  const text::Sentence& s = refined.analysis.sentences.at(0);
  ExtractFeatures(text, a, refined, s.first_token, s.last_token, ann, &g, &seq);
  std::vector<uint32_t> ids(seq.ids.begin() + seq.offsets.at(index),
                            seq.ids.begin() + seq.offsets.at(index + 1));
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(NerFeaturesTest, CapitalisedRunSeesItsLastWord) {
  // "Tarvo" is three words away from the end of its name, out of the +-2
  // window: only the run features can tell a bank from a choir.
  NerGazetteer g;
  g.Add("Bank", GazCategory::kOrgWord);
  const auto bank = TokenFeatures("the Tarvo Linden Mosk Savings Bank said", 1, g);
  const auto choir = TokenFeatures("the Tarvo Linden Mosk Savings Choir said", 1, g);
  EXPECT_NE(bank, choir);
  // Outside a run, nothing that far away reaches the token.
  const auto said = TokenFeatures("the tarvo linden mosk savings bank said", 1, g);
  const auto told = TokenFeatures("the tarvo linden mosk savings choir said", 1, g);
  EXPECT_EQ(said, told);
  // A run continues across "of" and "&" ("Bank of Tarvo"), not across "and".
  const auto of = TokenFeatures("the Tarvo Linden Mosk of Savings said", 1, g);
  const auto and_ = TokenFeatures("the Tarvo Linden Mosk and Savings said", 1, g);
  EXPECT_NE(of, and_);
}

// The index among the refined tokens of `text` of the first token spelled `form`.
size_t PieceIndex(const std::string& text, std::string_view form) {
  const text::Analysis a = text::Analyze(text);
  TaggerTokens refined;
  RefineTokens(text, a, &refined);
  for (size_t i = 0; i < refined.analysis.tokens.size(); ++i) {
    if (refined.analysis.tokens[i].In(text) == form) return i;
  }
  ADD_FAILURE() << "no token " << form << " in " << text;
  return 0;
}

TEST(NerFeaturesTest, ParticleAfterAWordReachesItsFirstPiece) {
  // 도르빈시 is refined into 도르 / 빈 / 시: the particle is three tokens
  // from 도르, out of its window, yet it tells a place (에서) from a subject (는).
  NerGazetteer g;
  const std::string at = "정하람은 도르빈시에서 왔다", subject = "정하람은 도르빈시는 왔다";
  const size_t i = PieceIndex(at, "도르");
  ASSERT_EQ(i, PieceIndex(subject, "도르"));
  EXPECT_NE(TokenFeatures(at, i, g), TokenFeatures(subject, i, g));
}

TEST(NerFeaturesTest, SurnameBeforeAListedGivenName) {
  // The same word, with and without its last two syllables listed as a given name.
  NerGazetteer plain;
  plain.AddKoreanSurname("정");
  NerGazetteer listed = plain;
  listed.Add("하람", GazCategory::kGivenName);
  const std::string text = "어제 정하람 대표가 왔다";
  for (std::string_view piece : {"정", "하", "람"}) {
    const size_t i = PieceIndex(text, piece);
    EXPECT_NE(TokenFeatures(text, i, plain), TokenFeatures(text, i, listed)) << piece;
  }
}

}  // namespace
}  // namespace tg::extract
