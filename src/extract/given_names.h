#pragma once
// Given names as English-language news prints them (data/lexicon/en-names:
// common English first names and a world list, both CC0), embedded in the
// binary. For names the tagger missed ("Rosalind Achebe") and for telling a
// person from a company after a trade noun ("distributor Nathaniel Brooks").
// The table is built once on first use; thread-safe.
#include <string_view>

namespace tg::extract {

// True when `word` (case-sensitive, as printed: "Pieter", "José") is a known
// given name.
bool IsKnownGivenName(std::string_view word);

}  // namespace tg::extract
