#include "text/language.h"

#include <array>
#include <cstddef>
#include <cstdint>

#include "text/utf8_scan.h"

namespace tg::text {
namespace {

// Frequent English function words that are rare as words in German, French,
// Spanish or Italian ("in", "a", "was", "will" are left out: they are German too).
constexpr std::array<std::string_view, 20> kEnglishFunctionWords = {
    "the",  "of",  "and",  "to",  "is",   "for", "that", "with",  "said", "by",
    "from", "has", "have", "its", "this", "are", "were", "which", "on",   "at"};

// A word of up to eight ASCII letters packed into an integer, first letter in
// the low byte.
constexpr uint64_t Pack(std::string_view word) {
  uint64_t packed = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    packed |= static_cast<uint64_t>(static_cast<unsigned char>(word[i])) << (8 * i);
  }
  return packed;
}

// Open-addressing table of the packed function words (64 slots for 20 words:
// one or two probes per lookup instead of twenty string compares).
constexpr size_t kSlots = 64;
constexpr size_t Slot(uint64_t packed) { return (packed * 0x9E3779B97F4A7C15ULL) >> 58; }
constexpr std::array<uint64_t, kSlots> kFunctionWordTable = [] {
  std::array<uint64_t, kSlots> table{};
  for (std::string_view w : kEnglishFunctionWords) {
    size_t slot = Slot(Pack(w));
    while (table[slot] != 0) slot = (slot + 1) % kSlots;
    table[slot] = Pack(w);
  }
  return table;
}();

// `packed` is a non-empty word of at most eight lower-case ASCII letters.
bool IsEnglishFunctionWord(uint64_t packed) {
  for (size_t slot = Slot(packed);; slot = (slot + 1) % kSlots) {
    if (kFunctionWordTable[slot] == packed) return true;
    if (kFunctionWordTable[slot] == 0) return false;
  }
}

// ASCII bytes for DetectLanguage: letters (with their lower case), the word
// joiners ' and -, and everything else, which ends a word.
enum class ByteKind : uint8_t { kBreak, kLetter, kJoiner };
constexpr std::array<ByteKind, 128> kByteKind = [] {
  std::array<ByteKind, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = ByteKind::kLetter;
  t['\''] = t['-'] = ByteKind::kJoiner;
  return t;
}();

}  // namespace

std::string_view DetectLanguage(std::string_view text) {
  uint64_t hangul = 0;
  uint64_t latin = 0;
  uint64_t other = 0;
  uint64_t latin_words = 0;
  uint64_t function_words = 0;
  // The current word's first eight letters, lower-cased and packed.
  uint64_t word = 0;
  size_t word_len = 0;
  bool word_ascii = true;
  bool in_word = false;
  auto close_word = [&]() {
    if (in_word) {
      ++latin_words;
      if (word_ascii && word_len < 8 && IsEnglishFunctionWord(word)) ++function_words;
    }
    in_word = false;
    word = 0;
    word_len = 0;
    word_ascii = true;
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    const unsigned char byte = bytes[pos];
    if (byte < 0x80) {
      ++pos;
      switch (kByteKind[byte]) {
        case ByteKind::kLetter:
          ++latin;
          in_word = true;
          if (word_len < 8) word |= static_cast<uint64_t>(byte | 0x20) << (8 * word_len);
          ++word_len;
          break;
        case ByteKind::kJoiner:
          if (in_word) word_ascii = false;
          break;
        case ByteKind::kBreak:
          close_word();
          break;
      }
      continue;
    }
    if (pos + 2 < n && utf8_scan::HangulSyllableAt(bytes + pos)) {
      close_word();
      ++hangul;
      pos += 3;
      continue;
    }
    const char32_t cp = utf8_scan::Next(text, &pos);
    if (utf8_scan::IsHangul(cp)) {
      close_word();
      ++hangul;
    } else if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) {
      ++latin;
      in_word = true;
      word_ascii = false;
    } else if ((cp >= 0x370 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0xE7F) ||
               (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF)) {
      close_word();
      ++other;
    } else {
      close_word();
    }
  }
  close_word();
  const uint64_t hangul_weight = hangul * 3;
  if (hangul_weight == 0 && latin == 0) return "other";
  if (other * 2 > hangul_weight + latin) return "other";
  if (hangul_weight >= latin) return "ko";
  // English prose has roughly one function word in four or five; other
  // Latin-script languages score well under one in twenty on this list.
  if (latin_words > 0 && function_words * 100 >= latin_words * 8) return "en";
  // Too few words to judge (a headline alone): English if any function word.
  if (latin_words < 12 && function_words > 0) return "en";
  return "other";
}

}  // namespace tg::text
