#pragma once
// Given names as English-language news prints them (data/lexicon/en-names:
// common English first names and a world list, both CC0), and foreign given
// names and Japanese family names as Korean news writes them in Hangul
// (data/lexicon/ko-foreign-names, CC0), embedded in the binary. For names
// the tagger missed ("Rosalind Achebe", 자비네 콜베, 이토 신이치) and for
// telling a person from a company after a trade noun ("distributor Nathaniel
// Brooks"). Each table is built once on first use; thread-safe.
#include <string_view>

namespace tg::extract {

// True when `word` (case-sensitive, as printed: "Pieter", "José") is a known
// given name.
bool IsKnownGivenName(std::string_view word);

// True when the Hangul `word` is a listed foreign given name (자비네, 토비아스).
bool IsHangulForeignGivenName(std::string_view word);

// True when the Hangul `word` is a listed Japanese family name (이토, 다나카).
bool IsHangulJapaneseSurname(std::string_view word);

}  // namespace tg::extract
