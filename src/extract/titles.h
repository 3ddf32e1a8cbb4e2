#pragma once
// The title lexicon behind MatchTitle (extract/patterns.h): English and Korean
// role words and phrases (chairman, chief executive officer, CEO, 회장,
// 대표이사, 이사회 의장 ...), compiled in. Pure functions; thread-safe.
#include <cstddef>
#include <string_view>

namespace tg::extract {

struct TitleHit {
  size_t length = 0;     // bytes of the longest title at the position; 0 when none
  bool weak = false;     // also an ordinary word ("head", "chief", "대표", "시장")
  bool korean = false;   // a Hangul title (회장), as opposed to English or an acronym
  bool capitalized = false;  // English, written with a capital first letter ("Chairman")
};

// The longest title starting at `pos` on a word boundary: English titles match
// case-insensitively (acronyms such as CEO only in capitals) and must not run
// on into a letter; Korean titles must start a Hangul word and end it, or be
// followed by a particle only (회장은, but not 회장단). Weak titles are
// returned too, flagged; MatchTitle drops them unless capitalised English.
TitleHit LookupTitle(std::string_view text, size_t pos);

// Modifiers that may precede a title without being part of it: "former",
// "acting", "then-", "전", "신임" ... Returns the length of the modifier word at
// `pos` (on a word boundary), else 0.
size_t MatchTitleModifier(std::string_view text, size_t pos);

// True when `word` is a Korean surname written in Hangul (김, 이, 박, 남궁 ...).
bool IsKoreanSurname(std::string_view word);
// A Hangul word shaped like a Korean full name: a surname and two syllables
// (여준혁), or a two-syllable surname and two more (남궁서진).
bool IsKoreanFullNameShape(std::string_view word);
// Rarer one-syllable surnames (어, 편, 모, 제 ...), which are also common word
// starts: callers accept them only where a title confirms a name.
bool IsRareKoreanSurname(std::string_view word);

}  // namespace tg::extract
