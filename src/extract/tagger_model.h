#pragma once
// The NER model as trained and stored (data/models/ner-<lang>.bin): linear-chain
// weights, the phrase gazetteer the features were computed with, and the
// language. File format (little-endian):
//   "TGNERMDL" | u32 version (2) | u32 lang length | lang | u32 flags |
//   u64 payload length | payload = LinearChainModel, then NerGazetteer |
//   u64 XXH3 of the payload.
// Any mismatch (magic, version, length, checksum, section) is kCorrupt.
// A loaded NerModel is immutable; tagging with it is thread-safe.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/ner_features.h"
#include "extract/ner_labels.h"
#include "extract/perceptron.h"
#include "extract/tagger.h"

namespace tg::extract {

// Version 2: gazetteer categories kOrgWord and kDemonym and the flag
// kNerModelCapitalRuns (same layout; a version-1 model lacks what they feed).
inline constexpr uint32_t kNerModelVersion = 2;
inline constexpr uint32_t kNerModelUsesKb = 1;  // flags bit: trained with KB gazetteer features
inline constexpr uint32_t kNerModelCapitalRuns = 2;  // flags bit: capitalised-run features (English)
// flags bit: the whole-word features of Hangul pieces (ner_features.h: syllable
// bigrams, the particles after the word and the word before, surname + listed
// given name); same layout, a model without the bit is tagged without them.
inline constexpr uint32_t kNerModelHangulWords = 4;

struct NerModel {
  std::string lang;  // "ko" or "en"
  uint32_t flags = 0;
  LinearChainModel weights;
  NerGazetteer gazetteer;
};

// Writes `model` to `path` (replacing it). Fails with kIOError.
Status SaveNerModel(const NerModel& model, const std::string& path);
// Reads a model file. Fails with kNotFound when missing, kCorrupt when malformed.
Result<NerModel> LoadNerModel(const std::string& path);
// Parses the bytes of a model file.
Result<NerModel> ParseNerModel(std::string_view bytes);

// The spans of refined tokens [first, last) (one sentence) with per-span
// confidence; `ann` from AnnotateTokens over `original`, which `refined` refines.
void TagSentence(const NerModel& model, std::string_view text, const text::Analysis& original,
                 const TaggerTokens& refined, uint32_t first, uint32_t last,
                 const TokenAnnotations& ann, std::vector<Mention>* out);

// PERSON/ORG/PLACE mentions of a whole text (what Tagger::Tag returns);
// `kb_matches` as for Tagger::Tag.
std::vector<Mention> TagText(const NerModel& model, std::string_view text,
                             const text::Analysis& analysis, const KnowledgeBase* kb,
                             const std::vector<KbMatch>* kb_matches = nullptr);

// A Tagger over an in-memory model.
std::unique_ptr<const Tagger> MakeTagger(NerModel model);

}  // namespace tg::extract
