#pragma once
// A name split into words (internal to src/resolve): a space or punctuation
// starts a token; a hyphen, a change of script or a camelCase capital starts a
// word within it (OpenAI -> Open AI, SK하이닉스 -> SK 하이닉스). Latin letters are
// folded to lower-case ASCII (é -> e, ñ -> ny). Organisation words Korean
// translates can be marked with their meaning, and legal forms dropped. Pure
// functions; no allocation (fixed buffers; text past them is ignored).
#include <array>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "resolve/name_tables.h"

namespace tg::resolve::names {

inline constexpr int kMaxTokens = 8;
inline constexpr int kMaxWords = 32;

enum class WordKind : uint8_t { kLatin, kHangul, kDigits, kOther };

struct Word {
  WordKind kind;
  uint8_t token;
  std::string_view text;  // folded Latin / digits in Words::buf; Hangul and other as written
  int meaning = -1;       // organisation word: its meaning (NameTables), else -1
  bool drop = false;      // left out (a legal form, or the tail of a phrase)
  bool caps = true;       // Latin: every letter was a capital
};

struct Words {
  std::array<Word, kMaxWords> w;
  int n = 0;
  std::array<char, 256> buf;
  size_t used = 0;
};

// Splits `name` (UTF-8) into `words` (which must be empty).
void ReadWords(std::string_view name, Words* words);
// English organisation phrases ("heavy industries") over consecutive Latin
// words: the first word gets the meaning, the others are dropped.
void MarkEnglishOrgWords(const NameTables& tables, Words* words);
// Korean organisation words ending a Hangul word become words of their own
// with their meaning (삼성전자 -> 삼성 + 전자).
void SplitKoreanOrgWords(const NameTables& tables, Words* words);
// Drops legal forms and stop words ("Co.", "Ltd", "the", "of", 주식회사), unless
// nothing else is left.
void DropStopWords(Words* words);
// Two to four capitals with at most one vowel (LG, SDI, TSMC; not HYBE, NAVER).
bool IsAcronym(const Word& w);

// Lower-case ASCII form of a Latin letter code point (accents removed: é -> e,
// ß -> s), or 0 when `cp` is not a Latin letter.
char FoldLatin(char32_t cp);
inline bool IsHangulSyllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }
// Spaces, punctuation and symbols beyond ASCII, which separate words and make
// no letters: no-break space, middle dot, general punctuation and symbols
// (U+2000..U+2BFF: dashes, quotes, ™, arrows), CJK punctuation, enclosed
// letters (㈜), full-width punctuation.
inline bool IsWideSymbol(char32_t cp) {
  return cp == 0xA0 || cp == 0xB7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x3200 && cp <= 0x32FF) ||
         (cp >= 0xFF01 && cp <= 0xFF0F);
}

// NextCodePoint with the ASCII and three-byte (Hangul) cases inline.
inline char32_t NextChar(std::string_view s, size_t* pos) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && *pos + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[*pos + 1]);
    const auto b2 = static_cast<unsigned char>(s[*pos + 2]);
    const char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      *pos += 3;
      return cp;
    }
  }
  return NextCodePoint(s, pos);
}

}  // namespace tg::resolve::names
