#pragma once
// Names as sequences of sound units (internal to src/resolve): Latin letters
// read with English and romanisation spelling rules, Hangul syllables split
// into consonants and vowels, both in one alphabet so an alignment can compare
// "Zuckerberg" with 저커버그 or "Jae-yong" with 재용. Pure functions of their
// arguments; no allocation (fixed-size buffers; longer names are truncated).
#include <array>
#include <cstdint>
#include <string_view>

#include "resolve/name_tables.h"
#include "resolve/name_words.h"

namespace tg::resolve::names {

// kLetter: a letter of an acronym (SDI, LG), compared as written.
enum class UnitKind : uint8_t { kCons, kVowel, kDigit, kConcept, kLetter, kOther };

// Consonant sounds. Hangul uses G K D T B P S J Ch L M N Ng H; Latin all of them.
// clang-format off
enum Cons : uint8_t {
  kG, kK, kD, kT, kB, kP, kF, kV, kS, kZ, kJ, kCh, kSh, kTh, kTs, kL, kR, kM, kN, kNg, kH,
  kConsCount
};
// clang-format on

enum UnitFlag : uint8_t {
  kHangulUnit = 1,  // from a Hangul syllable (else from Latin letters)
  kCoda = 2,        // ends a syllable: Hangul final; Latin consonant before no vowel
  kSoft = 4,        // Latin g before e/i/y (ㄱ or ㅈ), th (ㅅ or ㄷ)
  kOptional =
      8,  // cheap to leave out: Latin r Korean drops after a vowel, silent final e;
          // Hangul ㅡ after a consonant, ㅣ closing a diphthong, a final doubling the next initial
  kInitial = 16,   // Latin: part of a one-letter token (a middle initial)
  kPalatal = 32,   // vowel after sh/j/ch or ㅅ/ㅈ/ㅊ: a y-glide costs almost nothing
  kRunStart = 64,  // Latin: first vowel letter of a vowel run
  kClosed = 128,   // Hangul vowel of a syllable with a final consonant
};

// Spell value for a substring that starts before the vowel run.
inline constexpr int16_t kOutsideRun = -2;

// Trivially constructible so a Phonetic costs nothing until filled.
struct Unit {
  UnitKind kind;
  uint8_t code;  // Cons, Hangul vowel index, Latin vowel letter, digit, concept id
  uint8_t flags;
  uint8_t token;
  // Latin vowels: spelling ids of the run's substrings of 1..4 letters ending
  // here (-1 unknown spelling, kOutsideRun past the run's start).
  std::array<int16_t, kMaxSpelling> spell;

  bool hangul() const { return (flags & kHangulUnit) != 0; }
  bool has(uint8_t f) const { return (flags & f) != 0; }
};

inline constexpr int kMaxUnits = 96;

// A name as units, tokens in writing order.
struct Phonetic {
  std::array<Unit, kMaxUnits> units;
  int size = 0;
  std::array<uint8_t, kMaxTokens + 1> token_begin{};  // token t: [token_begin[t], token_begin[t+1])
  int tokens = 0;
  bool has_hangul = false;
  bool has_latin = false;
  bool has_other = false;  // letters of another script: exact comparison only
  int concepts = 0;        // organisation words replaced by their meaning
  float weight = 0;        // consonants 1, vowels 0.5, concepts 1.5: the length scores divide by
  std::array<float, kMaxTokens> token_weight{};  // the same per token
};

struct ParseOptions {
  bool org = false;  // drop legal forms and stop words ("Co., Ltd.", "the", "of", 주식회사)
  bool concepts = false;  // replace translated organisation words by their meaning
  bool initials = true;   // mark one-letter Latin tokens as initials
};

// Reads `name` (UTF-8) into units.
void Parse(std::string_view name, const NameTables& tables, const ParseOptions& options,
           Phonetic* out);

// The same units with tokens in the order `order` (a permutation of 0..tokens-1).
void Reorder(const Phonetic& in, const uint8_t* order, Phonetic* out);

// Appends the units of one Hangul run (syllables only) or one Latin word
// (lower-case ASCII letters) as token `token`; exposed for the Korean-name matcher.
void AppendHangul(std::string_view run, uint8_t token, Phonetic* out);
void AppendLatinWord(std::string_view word, uint8_t token, const NameTables& tables, Phonetic* out);
// Sets `weight` (and token ends) after units were appended by hand.
void Finish(Phonetic* out);

}  // namespace tg::resolve::names
