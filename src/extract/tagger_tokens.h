#pragma once
// The tokens the NER tagger labels, refined from text::Analyze. Pure
// functions; thread-safe.
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenize.h"

namespace tg::extract {

// The tokens the tagger labels: those of text::Analyze, except that the last
// two syllables of a Hangul run that ends a word are split off one by one,
// while at least one syllable stays before them (이재용 -> 이 / 재 / 용,
// 한국영화 -> 한국 / 영 / 화, 이재용씨 -> 이재 / 용 / 씨: the I- label joins
// the pieces again), a word that changes between Latin or digits and Hangul is
// split at the change (A씨 -> A / 씨), and an English possessive is split off
// (Apple's -> Apple / 's). KLUE marks 박 in 박씨, 한국 in 한국영화, 왕정 in
// 왕정감독: gold spans then align with tokens far more often.
struct TaggerTokens {
  text::Analysis analysis;      // refined tokens and their sentences
  std::vector<uint32_t> parent; // per refined token: index of its token in the original analysis
  std::vector<uint8_t> piece;   // 0 = the whole token, 1 = its head, 3 = a middle piece,
                                // 2 = a one-syllable (or possessive) tail
};
void RefineTokens(std::string_view text, const text::Analysis& original, TaggerTokens* out);

}  // namespace tg::extract
