#pragma once
// Training and evaluation of the NER tagger on the data in ../shared/data.
//   ko: KLUE-NER; sentences with index % 5 == 4 are the held-out test and are
//       never trained on; index % 5 == 3 is the dev fold that picks the epoch
//       count, after which the model is retrained on folds 0-3 for that many epochs.
//   en: GUM train split; GUM dev split picks the epoch count, after which the
//       model is retrained on train + dev for that many epochs (final_with_dev).
// Evaluation is entity-level: a prediction counts only with the exact byte span and type.
// Functions are not thread-safe with respect to the `log` callback they call.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "extract/kb.h"
#include "extract/ner_data.h"
#include "extract/tagger_model.h"

namespace tg::extract {

struct NerTrainOptions {
  std::string lang;                         // "ko" or "en"
  std::string data_dir = "../shared/data";  // holds klue-ner/, gum/
  std::string lexicon_dir;                  // data/lexicon of the repository
  const KnowledgeBase* kb = nullptr;        // optional gazetteer features
  int max_epochs = 30;
  int patience = 8;        // stop after this many epochs without a better dev F1
  uint64_t seed = 20240611;  // shuffling
  int min_feature_count = 1;  // features seen fewer times in training are dropped
  bool final_with_dev = true;  // retrain on train + dev (GUM dev, KLUE fold 3) for the chosen epochs
  float prune = 0.02f;     // drop feature rows whose largest |averaged weight| is below
  float feature_dropout = 0.2f;  // probability of hiding each feature in one training step
  // Cost-augmented training (PerceptronTrainer::set_cost): a sentence is
  // updated until gold beats every other labelling by this much per wrong
  // token. KLUE fold-3 F1, mean of three seeds (with hangul_words): 0 ->
  // 0.716, 8 -> 0.717, 20 -> 0.722, 40 -> 0.719; GUM dev 0.640 -> 0.659 at
  // 20. Off by default: the committed models are trained without it
  // (data/models/README.md says why).
  float margin_cost = 0.0f;
  // The whole-word features of Hangul pieces (ner_features.h) and the given
  // names of the politician list as given names: KLUE held-out 0.703 -> 0.719
  // with margin_cost 20. Off by default, as margin_cost.
  bool hangul_words = false;
  // en: the name-word lists (data/lexicon/ner-en: organisation words,
  // demonyms) and the capitalised-run features (ner_features.h). Off: they
  // gain 1-2 F1 on GUM and UNER but cost dev meeting pairs (data/models/README.md).
  bool capital_runs = false;
  std::function<void(const std::string&)> log;  // progress lines (optional)
};

// Entity-level counts per type (PERSON, ORG, PLACE) and micro totals.
struct NerCounts {
  std::array<size_t, 3> tp{}, fp{}, fn{};
  void Add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted);
  // type < 0: micro over the three types.
  double Precision(int type) const;
  double Recall(int type) const;
  double F1(int type) const;
  size_t Gold(int type) const;
};

struct NerEvalResult {
  NerCounts counts;
  size_t sentences = 0;
  size_t tokens = 0;
  ProjectionStats projection;  // gold spans whose boundary falls inside one of the tagger's tokens
  // A perfect tagger's counts: the gold spans projected onto the tagger's
  // (refined) tokens as BIO labels and read back; the ceiling the token
  // boundaries allow.
  NerCounts oracle;
  double seconds = 0;          // analysis + tagging time
  double tag_seconds = 0;      // tagging alone (Tagger::Tag)
};

// Builds the gazetteer for `lang` from the lists under `lexicon_dir`
// (ko-okt/, ko-surnames/, places-geonames-cldr/, en-names/, and with
// `name_words` ner-en/ for English; with `given_name_parts` the given names
// of the Korean politician list as given names too). Missing lists are skipped.
NerGazetteer BuildNerGazetteer(const std::string& lang, const std::string& lexicon_dir,
                               bool name_words = false, bool given_name_parts = false);

// Trains a model. Fails when the data cannot be read.
Result<NerModel> TrainNerModel(const NerTrainOptions& options);

// Examples of an evaluation set: "klue-heldout", "klue-dev" (fold 3), "gum-test",
// "gum-dev", "uner-pud". Fails with kInvalidArgument for an unknown name.
Result<std::vector<NerExample>> LoadNerEvalSet(const std::string& data_dir,
                                               const std::string& set);

// Tags every example with `tagger` and scores it against the gold spans.
NerEvalResult EvaluateTagger(const Tagger& tagger, const std::vector<NerExample>& examples,
                             const KnowledgeBase* kb);

}  // namespace tg::extract
