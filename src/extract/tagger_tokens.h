#pragma once
// The tokens the NER tagger labels, refined from text::Analyze. Pure
// functions; thread-safe.
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenize.h"

namespace tg::extract {

// The tokens the tagger labels: those of text::Analyze, except that a Hangul
// word of two or more syllables is split before its last syllable (이재용씨 ->
// 이재용 / 씨 is learnt as a name plus suffix; 이재용 -> 이재 / 용 is joined
// again by the I- label), and a word that changes between Latin or digits and
// Hangul is split at the change (A씨 -> A / 씨), and an English possessive is
// split off (Apple's -> Apple / 's). Gold spans then align with
// tokens far more often (KLUE marks 박 in 박씨, 한국 in 한국영화).
struct TaggerTokens {
  text::Analysis analysis;      // refined tokens and their sentences
  std::vector<uint32_t> parent; // per refined token: index of its token in the original analysis
  std::vector<uint8_t> piece;   // 0 = the whole original token, 1 = its head, 2 = its last syllable
};
void RefineTokens(std::string_view text, const text::Analysis& original, TaggerTokens* out);

}  // namespace tg::extract
