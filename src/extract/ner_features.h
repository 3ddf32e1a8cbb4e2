#pragma once
// Feature extraction for the NER tagger: for each token, a list of hashed
// 32-bit feature ids (no strings are built per feature). Templates: bias;
// word form, lower case, +-2 context words, word bigrams; prefixes 1-3 and
// suffixes 1-4 code points; word shape (Xxx-xx, dd) of the token and its
// neighbours; token kind and script; Hangul syllable count, first syllable,
// Korean surname + length, whether a particle follows (and which); spacing;
// title-lexicon hits (MatchTitle) on the token and its neighbours; phrase
// gazetteer hits (B/I/L/U x category) and knowledge-base hits (B/I/L/U x type)
// on the token and its neighbours; whether a capitalised word is also a
// common lower-case word; a preceding English honorific ("Mr", "Ms"); word
// trigrams; and for a piece of a split Hangul word (tagger_tokens.h): its
// position in the word, the word up to it, from it, before and after it, and
// whether the word up to it is a gazetteer or KB name (한국|영화); when
// TokenAnnotations::hangul_words, for every Hangul piece, the syllable bigrams of its whole word, the particles after
// its word and after the word before, and for a three-syllable word that
// starts with a surname whether the rest is a listed given name; when
// TokenAnnotations::capital_runs, for a token in a run of capitalised words
// ("Bank of Korea"): the run's last and first words, its length and the
// token's place in it, and whether an organisation word (kOrgWord) follows in it.
// Pure functions; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/kb.h"
#include "extract/ner_gazetteer.h"
#include "extract/tagger_tokens.h"
#include "text/tokenize.h"

namespace tg::extract {

// Feature ids of a token range, flat: the features of token i (relative to
// `first`) are ids[offsets[i] .. offsets[i + 1]).
struct FeatureSeq {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> offsets;
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  void Clear() {
    ids.clear();
    offsets.clear();
  }
};

// Per-token lexical annotations of a whole analysis, computed once per text.
struct TokenAnnotations {
  std::vector<uint32_t> gaz_bits;  // NerGazetteer::MatchTokens
  std::vector<uint16_t> kb_bits;   // bit 4*type + position (B, I, L, U), type = PERSON/ORG/PLACE
  std::vector<uint8_t> title;      // title lexicon: 1 on a title's first token, 2 on the rest
  bool capital_runs = false;       // capitalised-run features on (English models; set by the caller)
  bool hangul_words = false;       // whole-word features of Hangul pieces (set by the caller)
};

// Whether `word` is an English honorific ("Mr", "Ms.", "Dr", "Sir"): it
// precedes a person's name and is never part of it (GUM and UNER both leave it out).
bool IsHonorific(std::string_view word);

// Fills `ann` for `analysis`; `gazetteer` and `kb` may be null.
void AnnotateTokens(std::string_view text, const text::Analysis& analysis,
                    const NerGazetteer* gazetteer, const KnowledgeBase* kb, TokenAnnotations* ann);
// The same with the knowledge base's matches given: what
// KnowledgeBase::Match returned for `text` and `analysis`.
void AnnotateTokensWithMatches(std::string_view text, const text::Analysis& analysis,
                               const NerGazetteer* gazetteer,
                               const std::vector<KbMatch>& kb_matches, TokenAnnotations* ann);

// Appends to `out` the features of refined tokens [first, last) of `tokens`;
// `ann` annotates the original analysis `tokens` was refined from.
void ExtractFeatures(std::string_view text, const text::Analysis& original,
                     const TaggerTokens& tokens, uint32_t first, uint32_t last,
                     const TokenAnnotations& ann, const NerGazetteer* gazetteer, FeatureSeq* out);

}  // namespace tg::extract
