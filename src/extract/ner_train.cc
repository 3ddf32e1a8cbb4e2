#include "extract/ner_train.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <unordered_map>

#include <fmt/format.h>

namespace tg::extract {
namespace {

int TypeIndex(EntityType type) { return static_cast<int>(type); }

void Log(const NerTrainOptions& options, const std::string& line) {
  if (options.log) options.log(line);
}

// Calls `fn` with each column list of a TSV file (header skipped). Missing files are skipped.
template <typename Fn>
void ForEachTsvRow(const std::string& path, bool header, Fn fn) {
  std::ifstream in(path);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && header) {
      first = false;
      continue;
    }
    first = false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      const size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    fn(cols);
  }
}

template <typename Fn>
void ForEachLine(const std::string& path, Fn fn) {
  ForEachTsvRow(path, false, [&](const std::vector<std::string>& cols) {
    if (!cols[0].empty() && cols[0] != "[1]") fn(cols[0]);
  });
}

void SplitBars(const std::string& cell, std::vector<std::string>* out) {
  size_t pos = 0;
  while (pos <= cell.size()) {
    size_t bar = cell.find('|', pos);
    if (bar == std::string::npos) bar = cell.size();
    if (bar > pos) out->push_back(cell.substr(pos, bar - pos));
    pos = bar + 1;
  }
}

// One training sequence: the features and gold labels of one analysed sentence.
struct TrainSeq {
  FeatureSeq features;
  std::vector<uint8_t> labels;
};

struct DevItem {
  const NerExample* example = nullptr;
  text::Analysis analysis;
};

// The model's feature flags: KB features when trained with a KB; the
// capitalised-run features in English only (in Korean text they fired on
// Latin acronyms, "SK", "LG", and cost dev meeting pairs); the whole-word
// Hangul features when asked for.
uint32_t ModelFlags(const NerTrainOptions& options) {
  return (options.kb != nullptr ? kNerModelUsesKb : 0) |
         (options.capital_runs && options.lang == "en" ? kNerModelCapitalRuns : 0) |
         (options.hangul_words ? kNerModelHangulWords : 0);
}

void Prepare(const std::vector<const NerExample*>& examples, const NerGazetteer& gazetteer,
             uint32_t flags, const KnowledgeBase* kb, std::vector<TrainSeq>* out,
             ProjectionStats* stats) {
  TokenAnnotations ann;
  TaggerTokens refined;
  for (const NerExample* ex : examples) {
    const text::Analysis analysis = text::Analyze(ex->text);
    RefineTokens(ex->text, analysis, &refined);
    const std::vector<uint8_t> labels = ProjectSpans(*ex, refined.analysis, stats);
    AnnotateTokens(ex->text, analysis, &gazetteer, kb, &ann);
    ann.capital_runs = (flags & kNerModelCapitalRuns) != 0;
    ann.hangul_words = (flags & kNerModelHangulWords) != 0;
    for (const text::Sentence& s : refined.analysis.sentences) {
      if (s.first_token >= s.last_token) continue;
      TrainSeq seq;
      ExtractFeatures(ex->text, analysis, refined, s.first_token, s.last_token, ann, &gazetteer,
                      &seq.features);
      seq.labels.assign(labels.begin() + s.first_token, labels.begin() + s.last_token);
      out->push_back(std::move(seq));
    }
  }
}

// Drops from `seqs` the features seen fewer than `min_count` times: a rare
// word form would otherwise be memorised instead of its shape and context.
void ApplyCountCutoff(int min_count, std::vector<TrainSeq>* seqs) {
  if (min_count <= 1) return;
  std::unordered_map<uint32_t, int> counts;
  for (const TrainSeq& s : *seqs) {
    for (uint32_t id : s.features.ids) ++counts[id];
  }
  for (TrainSeq& s : *seqs) {
    FeatureSeq kept;
    kept.offsets.push_back(0);
    for (size_t i = 0; i < s.features.size(); ++i) {
      for (uint32_t k = s.features.offsets[i]; k < s.features.offsets[i + 1]; ++k) {
        if (counts[s.features.ids[k]] >= min_count) kept.ids.push_back(s.features.ids[k]);
      }
      kept.offsets.push_back(kept.ids.size());
    }
    s.features = std::move(kept);
  }
}

double DevF1(const NerModel& model, const std::vector<DevItem>& dev, const KnowledgeBase* kb) {
  NerCounts counts;
  for (const DevItem& item : dev) {
    std::vector<NerSpan> predicted;
    for (const Mention& m : TagText(model, item.example->text, item.analysis, kb)) {
      predicted.push_back({m.begin, m.end, m.type});
    }
    counts.Add(item.example->spans, predicted);
  }
  return counts.F1(-1);
}

// Runs up to `epochs` epochs over `train`; when `dev` is non-empty, keeps the
// averaged weights of the best dev epoch and stops after `patience` worse
// epochs. Returns the best epoch (1-based) in `best_epoch`.
LinearChainModel RunEpochs(const NerTrainOptions& options, const std::vector<TrainSeq>& train,
                           const std::vector<DevItem>& dev, const NerGazetteer& gazetteer,
                           int epochs, int* best_epoch) {
  PerceptronTrainer trainer(kNumNerLabels);
  trainer.set_cost(options.margin_cost);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  LinearChainModel best;
  FeatureSeq dropped;
  std::uniform_real_distribution<float> coin(0.0f, 1.0f);
  double best_f1 = -1;
  *best_epoch = epochs;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t wrong = 0, tokens = 0;
    for (size_t k : order) {
      const FeatureSeq* seq = &train[k].features;
      if (options.feature_dropout > 0) {
        // Each feature is hidden with this probability for this step, so that
        // the weights do not lean on the one cue (a word form) that is
        // missing on unseen text.
        dropped.Clear();
        dropped.offsets.push_back(0);
        for (size_t i = 0; i < seq->size(); ++i) {
          for (uint32_t f = seq->offsets[i]; f < seq->offsets[i + 1]; ++f) {
            if (coin(rng) >= options.feature_dropout) dropped.ids.push_back(seq->ids[f]);
          }
          dropped.offsets.push_back(dropped.ids.size());
        }
        seq = &dropped;
      }
      wrong += trainer.Step(*seq, train[k].labels.data());
      tokens += train[k].labels.size();
    }
    if (dev.empty()) {
      Log(options, fmt::format("epoch {:2}: {:.4f} token errors, {} features", epoch,
                               static_cast<double>(wrong) / std::max<size_t>(tokens, 1),
                               trainer.num_features()));
      continue;
    }
    NerModel model;
    model.lang = options.lang;
    model.flags = ModelFlags(options);
    model.weights = trainer.Averaged(options.prune);
    model.gazetteer = gazetteer;
    const double f1 = DevF1(model, dev, options.kb);
    Log(options, fmt::format("epoch {:2}: {:.4f} token errors, dev F1 {:.4f}", epoch,
                             static_cast<double>(wrong) / std::max<size_t>(tokens, 1), f1));
    if (f1 > best_f1) {
      best_f1 = f1;
      best = std::move(model.weights);
      *best_epoch = epoch;
    } else if (epoch - *best_epoch >= options.patience) {
      break;
    }
  }
  if (dev.empty()) return trainer.Averaged(options.prune);
  return best;
}

}  // namespace

void NerCounts::Add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted) {
  std::vector<bool> matched(gold.size(), false);
  for (const NerSpan& p : predicted) {
    if (!IsNerType(p.type)) continue;
    bool hit = false;
    for (size_t g = 0; g < gold.size(); ++g) {
      if (!matched[g] && gold[g] == p) {
        matched[g] = hit = true;
        break;
      }
    }
    if (hit) ++tp[TypeIndex(p.type)];
    else ++fp[TypeIndex(p.type)];
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!matched[g] && IsNerType(gold[g].type)) ++fn[TypeIndex(gold[g].type)];
  }
}

double NerCounts::Precision(int type) const {
  size_t t = 0, f = 0;
  for (int k = 0; k < 3; ++k) {
    if (type >= 0 && k != type) continue;
    t += tp[k];
    f += fp[k];
  }
  return t + f == 0 ? 0.0 : static_cast<double>(t) / static_cast<double>(t + f);
}

double NerCounts::Recall(int type) const {
  size_t t = 0, f = 0;
  for (int k = 0; k < 3; ++k) {
    if (type >= 0 && k != type) continue;
    t += tp[k];
    f += fn[k];
  }
  return t + f == 0 ? 0.0 : static_cast<double>(t) / static_cast<double>(t + f);
}

double NerCounts::F1(int type) const {
  const double p = Precision(type), r = Recall(type);
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

size_t NerCounts::Gold(int type) const {
  size_t n = 0;
  for (int k = 0; k < 3; ++k) {
    if (type < 0 || k == type) n += tp[k] + fn[k];
  }
  return n;
}

NerGazetteer BuildNerGazetteer(const std::string& lang, const std::string& lexicon_dir,
                               bool name_words, bool given_name_parts) {
  NerGazetteer g;
  const std::string places = lexicon_dir + "/places-geonames-cldr/";
  const bool ko = lang == "ko";
  auto add_place = [&](const std::string& en, const std::string& kr) {
    if (!en.empty()) g.Add(en, GazCategory::kPlace);
    if (ko && !kr.empty()) {
      g.Add(kr, GazCategory::kPlace);
      // "테네시 주" is written "테네시" as often as not.
      for (std::string_view suffix : {" 주", " 도", " 시", " 현", " 성"}) {
        if (kr.size() > suffix.size() + 3 && kr.ends_with(suffix)) {
          g.Add(kr.substr(0, kr.size() - suffix.size()), GazCategory::kPlace);
        }
      }
    }
  };
  ForEachTsvRow(places + "geonames_en_ko.tsv", true, [&](const std::vector<std::string>& c) {
    if (c.size() >= 4) add_place(c[2], c[3]);
  });
  ForEachTsvRow(places + "cldr_territories_en_ko.tsv", true,
                [&](const std::vector<std::string>& c) {
                  if (c.size() >= 3 && c[0].find("-alt") == std::string::npos) {
                    add_place(c[1], c[2]);
                  }
                });
  ForEachTsvRow(places + "cldr_exemplar_cities_en_ko.tsv", true,
                [&](const std::vector<std::string>& c) {
                  if (c.size() >= 4) add_place(c[2], c[3]);
                });
  ForEachTsvRow(lexicon_dir + "/ko-surnames/surnames_romanization.tsv", true,
                [&](const std::vector<std::string>& c) {
                  if (c.size() < 5) return;
                  if (ko) g.AddKoreanSurname(c[0]);
                  std::vector<std::string> spellings;
                  SplitBars(c[4], &spellings);
                  for (const std::string& s : spellings) g.Add(s, GazCategory::kSurname);
                });
  if (ko) {
    const std::string okt = lexicon_dir + "/ko-okt/";
    ForEachLine(okt + "family_names.txt", [&](const std::string& s) { g.AddKoreanSurname(s); });
    ForEachLine(okt + "given_names.txt",
                [&](const std::string& s) { g.Add(s, GazCategory::kGivenName); });
    ForEachLine(okt + "company_names.txt", [&](const std::string& s) { g.Add(s, GazCategory::kOrg); });
    ForEachLine(okt + "geolocations.txt",
                [&](const std::string& s) { g.Add(s, GazCategory::kPlace); });
    ForEachLine(okt + "congress.txt", [&](const std::string& s) {
      g.Add(s, GazCategory::kPerson);
      // The given name of a three-syllable name with a one-syllable surname
      // (ner_features.cc: a surname before a listed given name).
      if (given_name_parts && s.size() == 9 && g.KoreanSurnameLength(s) == 1) {
        g.Add(s.substr(3), GazCategory::kGivenName);
      }
    });
  } else {
    ForEachLine(lexicon_dir + "/en-names/given_names.txt",
                [&](const std::string& s) { g.Add(s, GazCategory::kGivenName); });
    if (name_words) {
      ForEachLine(lexicon_dir + "/ner-en/org_words.txt",
                  [&](const std::string& s) { g.Add(s, GazCategory::kOrgWord); });
      ForEachLine(lexicon_dir + "/ner-en/demonyms.txt",
                  [&](const std::string& s) { g.Add(s, GazCategory::kDemonym); });
    }
  }
  return g;
}

Result<std::vector<NerExample>> LoadNerEvalSet(const std::string& data_dir,
                                               const std::string& set) {
  if (set == "klue-heldout" || set == "klue-dev") {
    TG_ASSIGN_OR_RETURN(std::vector<NerExample> all,
                        ReadKlueNer(data_dir + "/klue-ner/klue-ner-v1.1_dev.fixed.tsv"));
    const size_t fold = set == "klue-heldout" ? 4 : 3;
    std::vector<NerExample> out;
    for (size_t i = 0; i < all.size(); ++i) {
      if (i % 5 == fold) out.push_back(std::move(all[i]));
    }
    return out;
  }
  if (set == "gum-test") return ReadGum(data_dir + "/gum", "test");
  if (set == "gum-dev") return ReadGum(data_dir + "/gum", "dev");
  if (set == "uner-pud") return ReadIob2(data_dir + "/uner-en-pud/en_pud-ud-test.iob2");
  return Status::InvalidArgument("unknown evaluation set ", set,
                                 " (klue-heldout, klue-dev, gum-test, gum-dev, uner-pud)");
}

Result<NerModel> TrainNerModel(const NerTrainOptions& options) {
  if (options.lang != "ko" && options.lang != "en") {
    return Status::InvalidArgument("--lang must be ko or en, not ", options.lang);
  }
  NerGazetteer gazetteer =
      BuildNerGazetteer(options.lang, options.lexicon_dir, options.capital_runs,
                        options.hangul_words);
  if (options.kb != nullptr) {
    // Knowledge-base names as one-word phrases too, so that a word glued to
    // what follows it ("한국영화", "서울시내") still meets them piece by piece.
    for (const KbEntry& e : options.kb->entries()) {
      if (!IsNerType(e.type)) continue;
      const GazCategory c = e.type == EntityType::kPerson ? GazCategory::kPerson
                            : e.type == EntityType::kOrg  ? GazCategory::kOrg
                                                          : GazCategory::kPlace;
      if (!e.name_en.empty()) gazetteer.Add(e.name_en, c);
      if (!e.name_ko.empty()) gazetteer.Add(e.name_ko, c);
      for (const std::string& a : e.aliases) gazetteer.Add(a, c);
    }
  }
  Log(options, fmt::format("gazetteer: {} phrases, {} Korean surnames", gazetteer.size(),
                           gazetteer.surname_count()));
  std::vector<NerExample> train_examples, dev_examples;
  std::vector<const NerExample*> train, dev, final_train;
  if (options.lang == "ko") {
    TG_ASSIGN_OR_RETURN(train_examples,
                        ReadKlueNer(options.data_dir + "/klue-ner/klue-ner-v1.1_dev.fixed.tsv"));
    for (size_t i = 0; i < train_examples.size(); ++i) {
      const size_t fold = i % 5;
      if (fold == 4) continue;  // the held-out test fifth: never trained on
      if (fold == 3) dev.push_back(&train_examples[i]);
      else train.push_back(&train_examples[i]);
      if (options.final_with_dev) final_train.push_back(&train_examples[i]);
    }
  } else {
    TG_ASSIGN_OR_RETURN(train_examples, ReadGum(options.data_dir + "/gum", "train"));
    TG_ASSIGN_OR_RETURN(dev_examples, ReadGum(options.data_dir + "/gum", "dev"));
    for (const NerExample& e : train_examples) train.push_back(&e);
    for (const NerExample& e : dev_examples) dev.push_back(&e);
    if (options.final_with_dev) {
      // After dev picks the epoch count, the final model also learns from dev.
      final_train = train;
      final_train.insert(final_train.end(), dev.begin(), dev.end());
    }
  }
  // Words seen in lower case at least twice in the training text.
  {
    std::unordered_map<std::string, int> lower_counts;
    for (const NerExample* e : final_train.empty() ? train : final_train) {
      const text::Analysis a = text::Analyze(e->text);
      for (const text::Token& t : a.tokens) {
        const char c0 = e->text[t.begin];
        if (t.script == text::Script::kLatin && c0 >= 'a' && c0 <= 'z') {
          ++lower_counts[std::string(t.In(e->text))];
        }
      }
    }
    for (const auto& [word, count] : lower_counts) {
      if (count >= 2) gazetteer.AddCommonWord(word);
    }
    Log(options, fmt::format("common lower-case words: {}", gazetteer.common_count()));
  }
  ProjectionStats stats;
  std::vector<TrainSeq> seqs;
  Prepare(train, gazetteer, ModelFlags(options), options.kb, &seqs, &stats);
  ApplyCountCutoff(options.min_feature_count, &seqs);
  Log(options, fmt::format("train: {} sentences, {} sequences; {} gold spans, {} misaligned "
                           "with the tagger's tokens",
                           train.size(), seqs.size(), stats.spans, stats.misaligned));
  std::vector<DevItem> dev_items;
  for (const NerExample* e : dev) dev_items.push_back({e, text::Analyze(e->text)});
  Log(options, fmt::format("dev: {} sentences", dev_items.size()));
  int best_epoch = 0;
  NerModel model;
  model.lang = options.lang;
  model.flags = ModelFlags(options);
  model.weights = RunEpochs(options, seqs, dev_items, gazetteer, options.max_epochs, &best_epoch);
  Log(options, fmt::format("best dev epoch: {}", best_epoch));
  if (!final_train.empty()) {
    // Retrain on train + dev folds for the chosen number of epochs.
    seqs.clear();
    ProjectionStats final_stats;
    Prepare(final_train, gazetteer, ModelFlags(options), options.kb, &seqs, &final_stats);
    ApplyCountCutoff(options.min_feature_count, &seqs);
    Log(options, fmt::format("retraining on {} sentences for {} epochs", final_train.size(),
                             best_epoch));
    int unused = 0;
    model.weights = RunEpochs(options, seqs, {}, gazetteer, best_epoch, &unused);
  }
  model.gazetteer = std::move(gazetteer);
  Log(options, fmt::format("model: {} feature rows", model.weights.num_features()));
  return model;
}

NerEvalResult EvaluateTagger(const Tagger& tagger, const std::vector<NerExample>& examples,
                             const KnowledgeBase* kb) {
  NerEvalResult result;
  TaggerTokens refined;
  const auto start = std::chrono::steady_clock::now();
  for (const NerExample& ex : examples) {
    const text::Analysis analysis = text::Analyze(ex.text);
    RefineTokens(ex.text, analysis, &refined);
    const std::vector<uint8_t> gold_labels =
        ProjectSpans(ex, refined.analysis, &result.projection);
    result.oracle.Add(ex.spans, LabelsToSpans(refined.analysis.tokens, 0, gold_labels.data(),
                                              gold_labels.size()));
    const auto tag_start = std::chrono::steady_clock::now();
    const std::vector<Mention> mentions = tagger.Tag(ex.text, analysis, kb);
    result.tag_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - tag_start).count();
    std::vector<NerSpan> predicted;
    for (const Mention& m : mentions) predicted.push_back({m.begin, m.end, m.type});
    result.counts.Add(ex.spans, predicted);
    ++result.sentences;
    result.tokens += analysis.tokens.size();
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace tg::extract
