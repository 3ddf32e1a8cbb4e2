#pragma once
// English abbreviations and sentence openers for the sentence splitter
// (text/tokenize.cc). Internal to src/text; pure functions, thread-safe.
#include <cstdint>
#include <string_view>

namespace tg::text::abbrevs {

// How a period-final abbreviation affects sentence ends.
enum class AbbrevClass : uint8_t {
  kNone,
  kNever,    // titles and initials: "Mr.", "Dr.", "Y." never end a sentence
  kMayEnd,   // "Inc.", "U.S.", "Oct.": end only before a typical sentence opener
  kNumeric,  // "No.": an abbreviation only before a number
};

// The class of `word` (letters only, without its period) when a period
// follows it: a listed abbreviation or a single capital initial.
AbbrevClass LookupAbbrev(std::string_view word);

// Class of a dotted initialism with its periods ("U.S." may end a sentence,
// "C.C." never does).
AbbrevClass InitialismClass(std::string_view word);

// A capitalised word that typically opens a sentence ("The", "He", "Shares").
bool IsSentenceOpener(std::string_view word);

// A lower-case word written after a hyphen following a name ("based" in
// Seoul-based, "led", "backed").
bool IsNameSuffix(std::string_view word);

}  // namespace tg::text::abbrevs
