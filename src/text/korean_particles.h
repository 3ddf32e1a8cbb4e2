#pragma once
// Korean particles (josa) attached to nouns and names: 회장이 -> 회장 + 이,
// 실리콘밸리에서 -> 실리콘밸리 + 에서. Longest-match stripping against the
// particle lists of data/lexicon/ko (open-korean-text josa.txt, the project's
// core josa table and additions, minus verb endings), compiled into the
// binary: no files are read at run time. Immutable; thread-safe.
// Short particles (이, 가, 은, 는, 의, 도, 만 ...) are ambiguous with a noun's
// own last syllable; a split must agree with the syllable before it (가 after
// a vowel: 국가 stays whole), a one-syllable stem must be a listed short noun
// (것이 -> 것, but 정도 stays), listed words are never cut (회의, 그러나), and
// predicates in 하/되 are left alone (발표하는). Search applies the same
// stripping to the index and to the query, so a remaining conflation costs a
// little precision, never recall.
#include <cstddef>
#include <string_view>

namespace tg::text {

// Length in bytes of the stem of `word` (a whitespace-free UTF-8 run) once a
// trailing particle is removed; word.size() when none is found, when the
// stem would be shorter than one Hangul syllable or when a rule above forbids
// the split. A particle is only removed when it directly follows a Hangul
// syllable (SK하이닉스는 -> SK하이닉스, but LG는 is kept whole). Never
// allocates.
size_t KoreanStemLength(std::string_view word);

inline std::string_view StripKoreanParticle(std::string_view word) {
  return word.substr(0, KoreanStemLength(word));
}

// True when `word` is exactly one of the table's particles or particle stacks
// (는, 에서, 으로부터 ...). Used to drop a particle written after a Latin or
// digit run (LG는, 3M의) when a tokenizer splits at the script change.
bool IsKoreanParticle(std::string_view word);

// Length in bytes of `stem` (a word with its particle already removed) before
// a name suffix written onto it: the honorifics 씨 and 님 (박씨 -> 박 + 씨,
// A씨, 김상석님), 군 / 양 after a Latin initial (A군), 모 "a certain" after a
// one-syllable surname (김모 -> 김 + 모) and 측 "side" (삼성측 -> 삼성 + 측);
// stem.size() when there is none. Whole nouns such as 날씨, 손님, 예측, 규모
// are kept (listed words, minimum stem lengths, a surname list for 모 that
// leaves out 이 / 고 / 조 ... unless `before_name_mark`: the stem is followed
// by 씨 or an opening parenthesis, as in 이모(45)씨). Never allocates.
size_t KoreanNameSuffixStart(std::string_view stem, bool before_name_mark = false);

// For a Hangul word of one syllable plus a particle that KoreanStemLength
// keeps whole because the syllable is not a listed short noun (황은, 쿡이),
// the length of that syllable when the particle agrees with it and the
// syllable is not a common predicate stem (좋은, 보는, 오는); else
// word.size(). Meant for a word right after another word, where such a
// syllable is usually the end of a name (젠슨 황은, 팀 쿡이). Never allocates.
size_t KoreanOneSyllableStemLength(std::string_view word);

}  // namespace tg::text
