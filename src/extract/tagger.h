#pragma once
// A statistical named-entity tagger trained by this project: an averaged
// perceptron over BIO labels (B-/I- PERSON, ORG, PLACE, and O) with greedy
// left-to-right decoding plus first-order label features, on the tokens of
// text::Analyze. Features: word form and lower case, prefixes and suffixes,
// word shape, Hangul syllable features (first/last syllable, syllable count,
// whether a particle follows), surname and title lexicons, knowledge-base
// gazetteer hits, and a +-2 token context window. One model per language.
// A loaded Tagger is immutable and thread-safe.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/entity.h"
#include "extract/kb.h"
#include "text/tokenize.h"

namespace tg::extract {

class Tagger {
 public:
  // Loads a model file written by the trainer (data/models/ner-<lang>.bin).
  // Fails with kNotFound or kCorrupt.
  static Result<std::unique_ptr<const Tagger>> Load(const std::string& path);
  // data/models under $TIEGRAPH_DATA, next to the executable, or in the source tree.
  static std::string DefaultDir();

  virtual ~Tagger() = default;

  // PERSON, ORG and PLACE mentions in `text` (spans exclude particles), with
  // the model's confidence as score. `kb` (optional) supplies gazetteer
  // features; it must be the same knowledge base the model was trained with
  // for best results, but any KB (or none) works.
  std::vector<Mention> Tag(std::string_view text, const text::Analysis& analysis,
                           const KnowledgeBase* kb) const {
    return Tag(text, analysis, kb, nullptr);
  }
  // The same, given `kb_matches` = kb->Match(text, analysis) when the caller
  // has them already (null: matched here if the model uses the KB), so that
  // the text is not matched twice.
  virtual std::vector<Mention> Tag(std::string_view text, const text::Analysis& analysis,
                                   const KnowledgeBase* kb,
                                   const std::vector<KbMatch>* kb_matches) const = 0;
};

}  // namespace tg::extract
