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

}  // namespace tg::dedup
