#pragma once
// Word scanning shared by duplicate hashing (NormalizeForHash, MinHash
// shingles) and the store's search tokenizer. A word is a maximal run of
// letters and digits: ASCII alphanumerics, and every non-ASCII code point
// outside the punctuation, symbol, space, emoji and private-use blocks (so
// Hangul, Latin with accents, CJK, Greek and Cyrillic letters all count).
// Case folding is the simple one-to-one lowercase of ASCII, Latin-1, Latin
// Extended-A, Greek and Cyrillic. Pure functions; thread-safe; no allocation
// except in AppendFolded.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/utf8.h"

namespace tg::dedup {

bool IsWordCodePoint(char32_t cp);
char32_t FoldCase(char32_t cp);

// Byte range [begin, end) of one word in the scanned text.
struct WordSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Finds the next word starting at or after `*pos`; on success stores its span
// in `*word`, moves `*pos` past it and returns true; returns false when no word
// is left. Ill-formed UTF-8 bytes separate words.
bool NextWord(std::string_view text, size_t* pos, WordSpan* word);

// Appends `word` to `out` with FoldCase applied to each code point.
void AppendFolded(std::string_view word, std::string* out);

// NextCodePoint (core/utf8.h) with the well-formed 1- to 3-byte forms decoded
// inline, for scanners' hot loops: the same result and advance, where an
// ill-formed byte yields U+FFFD and advances by one. Requires *pos < size.
inline char32_t DecodeNext(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t p = *pos;
  const unsigned char b0 = s[p];
  if (b0 < 0x80) {
    *pos = p + 1;
    return b0;
  }
  const size_t left = text.size() - p;
  if (b0 >= 0xC2 && b0 <= 0xDF && left >= 2 && (s[p + 1] & 0xC0) == 0x80) {
    *pos = p + 2;
    return (char32_t{b0 & 0x1Fu} << 6) | (s[p + 1] & 0x3Fu);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && left >= 3) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;  // no surrogates
    if (s[p + 1] >= lo && s[p + 1] <= hi && (s[p + 2] & 0xC0) == 0x80) {
      *pos = p + 3;
      return (char32_t{b0 & 0x0Fu} << 12) | (char32_t{s[p + 1] & 0x3Fu} << 6) | (s[p + 2] & 0x3Fu);
    }
  }
  return NextCodePoint(text, pos);  // 4-byte forms and ill-formed bytes
}

}  // namespace tg::dedup
