#pragma once
// Korean particles (josa) attached to nouns and names: 회장이 -> 회장 + 이,
// 실리콘밸리에서 -> 실리콘밸리 + 에서. Longest-match stripping against a
// built-in list of particles and particle stacks. Immutable; thread-safe.
// Short particles (이, 가, 은, 는, 의, 도, 만 ...) are ambiguous with a noun's
// own last syllable (회의 -> 회 + 의); search applies the same stripping to the
// index and to the query, so such conflations cost a little precision, never recall.
#include <cstddef>
#include <string_view>

namespace tg::text {

// Length in bytes of the stem of `word` (a whitespace-free UTF-8 run) once a
// trailing particle is removed; word.size() when none is found or when the
// stem would be shorter than one Hangul syllable. A particle is only removed
// when it directly follows a Hangul syllable (SK하이닉스는 -> SK하이닉스, but
// LG는 is kept whole). Never allocates.
size_t KoreanStemLength(std::string_view word);

inline std::string_view StripKoreanParticle(std::string_view word) {
  return word.substr(0, KoreanStemLength(word));
}

// True when `word` is exactly one of the built-in particles or particle stacks
// (는, 에서, 으로부터 ...). Used to drop a particle written after a Latin or
// digit run (LG는, 3M의) when a tokenizer splits at the script change.
bool IsKoreanParticle(std::string_view word);

}  // namespace tg::text
