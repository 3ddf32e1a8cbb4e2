#include "text/language.h"

#include <array>
#include <cstddef>
#include <cstdint>

#include "core/utf8.h"

namespace tg::text {
namespace {

// Frequent English function words that are rare as words in German, French,
// Spanish or Italian ("in", "a", "was", "will" are left out: they are German too).
constexpr std::array<std::string_view, 20> kEnglishFunctionWords = {
    "the", "of", "and", "to", "is", "for", "that", "with", "said", "by",
    "from", "has", "have", "its", "this", "are", "were", "which", "on", "at"};

bool IsEnglishFunctionWord(std::string_view word) {
  for (std::string_view w : kEnglishFunctionWords) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace

std::string_view DetectLanguage(std::string_view text) {
  uint64_t hangul = 0;
  uint64_t latin = 0;
  uint64_t other = 0;
  uint64_t latin_words = 0;
  uint64_t function_words = 0;
  char word[8];
  size_t word_len = 0;
  bool word_ascii = true;
  bool in_word = false;
  auto close_word = [&]() {
    if (in_word) {
      ++latin_words;
      if (word_ascii && word_len < sizeof(word) &&
          IsEnglishFunctionWord(std::string_view(word, word_len))) {
        ++function_words;
      }
    }
    in_word = false;
    word_len = 0;
    word_ascii = true;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      const char lower = static_cast<char>(byte | 0x20);
      if (lower >= 'a' && lower <= 'z') {
        ++latin;
        in_word = true;
        if (word_len < sizeof(word)) word[word_len] = lower;
        ++word_len;
      } else if (byte == '\'' || byte == '-') {
        if (in_word) word_ascii = false;
      } else {
        close_word();
      }
      continue;
    }
    const char32_t cp = NextCodePoint(text, &pos);
    if (IsHangul(cp)) {
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
