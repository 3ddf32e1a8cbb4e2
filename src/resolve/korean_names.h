#pragma once
// Korean personal names (internal to src/resolve): splitting 이재용 into
// surname and given name, writing it in Latin letters, and scoring it against
// Latin spellings ("Lee Jae-yong", "Jae Yong Lee", "Rhee Jae-yong") or two
// Latin spellings of one Korean name against each other ("Chey Tae-won",
// "Choi Tae-won"). Pure functions; thread-safe.
#include <string>
#include <string_view>

#include "resolve/name_tables.h"

namespace tg::resolve::names {

struct KoreanName {
  int surname = -1;               // index into NameTables surnames
  std::string_view surname_text;  // 이, 남궁
  std::string_view given;         // 재용 (one or two syllables)
};

// True when `name` is two to four Hangul syllables (one optional space after
// the surname) that start with a listed surname and leave a one- or
// two-syllable given name with no transcription syllable (스, 크, 트: consonant
// + ㅡ with no final). Views point into `name`.
bool SplitKoreanName(std::string_view name, const NameTables& tables, KoreanName* out);

// "Lee Jae-yong": the surname's usual spelling, the given name in Revised
// Romanization syllable by syllable, hyphenated.
std::string RomanizeKoreanName(const KoreanName& name, const NameTables& tables);

// Result of scoring a Korean name against Latin spellings; score in [0,1].
struct RomanScore {
  double score = 0;
  bool applicable = false;  // false when the Latin name has no surname/given shape
};

// 이재용 against a Latin name: the surname must be a listed spelling (or a close
// romanisation) of the Hangul surname and the given name a romanisation of the
// Hangul one; surname first or last, given name hyphenated, spaced or joined.
RomanScore MatchKoreanToLatin(const KoreanName& korean, std::string_view latin,
                              const NameTables& tables);

// Two Latin names of Korean shape (a listed surname spelling first or last):
// applicable when both have that shape; the score is high when the surnames
// spell one Hangul surname and the given names one Hangul given name.
RomanScore MatchLatinKorean(std::string_view a, std::string_view b, const NameTables& tables);

// Whether a Latin name has Korean shape: two to four tokens, the first or the
// last a listed surname spelling. No allocation.
bool LatinKoreanShaped(std::string_view latin, const NameTables& tables);

// The Latin given-name part of a Korean-shaped Latin name, lower case, its
// tokens joined by hyphens ("Jae Yong Lee" -> "jae-yong"), and the surname's group in
// `surname_group`; empty when not that shape. `surname_first` picks which end
// the surname is taken from.
std::string LatinGivenName(std::string_view latin, bool surname_first, const NameTables& tables,
                           int* surname_group);

}  // namespace tg::resolve::names
